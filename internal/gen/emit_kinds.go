package main

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// What kinds.txt declares, written where each part of the module reads it.

// engineService is the engine's constant for a service.
func engineService(name string) string {
	for _, s := range services {
		if s.name == name {
			return s.engine
		}
	}
	return ""
}

// emitEngineKinds writes the world's tables, the lineage lookups by ARN and the state
// document's order.
func (g *generator) emitEngineKinds(kinds []*kind) error {
	var b bytes.Buffer
	b.WriteString(header("kinds.txt"))
	b.WriteString("package engine\n\nimport (\n\t\"strings\"\n\t\"time\"\n)\n\n")

	b.WriteString("// kindTables are a world's tables, one per kind of resource, and the indexes some kinds\n// keep besides theirs.\ntype kindTables struct {\n")
	for _, k := range kinds {
		if k.table() {
			fmt.Fprintf(&b, "\t%s *table[*%s] // %s\n", k.field(), k.goType, k.doc)
		}
	}
	for _, k := range kinds {
		if k.index {
			fmt.Fprintf(&b, "\t%sIndex\n", k.goType)
		}
	}
	b.WriteString("}\n\n")

	b.WriteString("// The kinds as the engine reads them.\nvar (\n")
	for _, k := range kinds {
		if !k.table() {
			continue
		}
		keying := "keyByID"
		if k.keyByARN {
			keying = "keyByARN"
		}
		unit := k.unit
		if unit == "" {
			unit = k.goName()
		}
		fmt.Fprintf(&b, "\tkind%s = &kindDecl{name: %q, arnType: %q, service: %s, keying: %s, byName: %t, limit: %q, unit: %q",
			k.goName(), k.name, k.arn, engineService(k.service), keying, k.byName, k.limit, unit)
		if k.foldCase {
			b.WriteString(", foldCase: true")
		}
		if k.quotaPer != "" {
			fmt.Fprintf(&b, ", within: %q", k.quotaPer)
		}
		if k.creating {
			b.WriteString(", creating: true")
		}
		if k.message != "" {
			fmt.Fprintf(&b, ", message: %q", k.message)
		}
		b.WriteString("}\n")
	}
	b.WriteString(")\n\n")

	b.WriteString("// makeTables makes a world's tables in the order kinds.txt declares them: the order of\n// w.tables, which the digest walks.\nfunc (w *world) makeTables() {\n")
	for _, k := range kinds {
		if k.table() {
			fmt.Fprintf(&b, "\tw.%s = newTable[*%s](w, kind%s)\n", k.field(), k.goType, k.goName())
		}
	}
	b.WriteString("}\n\n")

	order, err := stateOrder(kinds)
	if err != nil {
		return err
	}
	b.WriteString("// stateTables are a world's tables in an order in which seeds can recreate their resources:\n// each kind after the kinds it needs.\nfunc (w *world) stateTables() []anyTable {\n\treturn []anyTable{")
	for i, k := range order {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("w." + k.field())
	}
	b.WriteString("}\n}\n\n")

	b.WriteString("// tableOf returns the table of the kind an ARN's resource (what follows its account: \"action/x\")\n// names in a service, or nil. Kinds that share a resource type differ in how many path\n// segments follow it.\nfunc (w *world) tableOf(service, resource string) anyTable {\n")
	shared := map[string]bool{}
	for _, k := range kinds {
		key := k.service + ":" + k.arn
		if k.table() {
			shared[key] = shared[key] || slices.ContainsFunc(kinds, func(o *kind) bool { return o != k && o.table() && o.service+":"+o.arn == key })
		}
	}
	if slices.Contains(slices.Collect(maps.Values(shared)), true) {
		b.WriteString("\tarnType, id, _ := strings.Cut(resource, \"/\")\n\tswitch service {\n")
	} else {
		b.WriteString("\tarnType, _, _ := strings.Cut(resource, \"/\")\n\tswitch service {\n")
	}
	for _, s := range services {
		var types []string
		byType := map[string][]*kind{}
		for _, k := range kinds {
			if k.table() && k.service == s.name && !k.noARN {
				if byType[k.arn] == nil {
					types = append(types, k.arn)
				}
				byType[k.arn] = append(byType[k.arn], k)
			}
		}
		if len(types) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\tcase %s:\n\t\tswitch arnType {\n", s.engine)
		for _, t := range types {
			ks := byType[t]
			if len(ks) == 1 {
				fmt.Fprintf(&b, "\t\tcase %q:\n\t\t\treturn w.%s\n", t, ks[0].field())
				continue
			}
			fmt.Fprintf(&b, "\t\tcase %q:\n\t\t\tswitch strings.Count(id, \"/\") + 1 {\n", t)
			for _, k := range ks {
				fmt.Fprintf(&b, "\t\t\tcase %d:\n\t\t\t\treturn w.%s\n", k.arnParts, k.field())
			}
			b.WriteString("\t\t\t}\n")
		}
		b.WriteString("\t\t}\n")
	}
	b.WriteString("\t}\n\treturn nil\n}\n\n")

	var vertices []*kind
	for _, k := range kinds {
		if k.lineage != "" {
			vertices = append(vertices, k)
		}
	}
	b.WriteString("// vertexOf returns the lineage entity an ARN names in this world, of any kind that is a vertex\n// of the lineage graph, or nil.\nfunc (w *world) vertexOf(arn string, now time.Time) vertex {\n\tp, _ := parseARN(arn)\n\tswitch {\n")
	for _, k := range vertices {
		fmt.Fprintf(&b, "\tcase strings.HasPrefix(p.resource, %q):\n\t\tif r, ok := w.%s.resolve(arn, now); ok {\n\t\t\treturn r\n\t\t}\n", k.arn+"/", k.field())
	}
	b.WriteString("\t}\n\treturn nil\n}\n\n")
	b.WriteString("// vertexTables are the tables of the kinds that are vertices of the lineage graph.\nfunc (w *world) vertexTables() []anyTable {\n\treturn []anyTable{")
	for i, k := range vertices {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("w." + k.field())
	}
	b.WriteString("}\n}\n\n")
	for _, k := range vertices {
		fmt.Fprintf(&b, "func (*%s) lineageType() string { return %q }\n", k.goType, k.lineage)
	}
	b.WriteString("\n// Every vertex kind is a vertex.\nvar (\n")
	for _, k := range vertices {
		fmt.Fprintf(&b, "\t_ vertex = (*%s)(nil)\n", k.goType)
	}
	b.WriteString(")\n")
	if err := g.emit(filepath.Join("internal", "engine", "zz_kinds.go"), b.Bytes()); err != nil {
		return err
	}
	return g.emitKindNeeds(kinds)
}

// emitKindNeeds writes, for the engine's tests, what each kind declares it needs, so that a
// test can hold what resources refer to (eachNeed) to the declaration.
func (g *generator) emitKindNeeds(kinds []*kind) error {
	arnOf := map[string]string{}
	for _, k := range kinds {
		arnOf[k.name] = fmt.Sprintf("%s %d", k.arn, k.arnParts)
	}
	var b bytes.Buffer
	b.WriteString(header("kinds.txt"))
	b.WriteString("package engine\n\n// kindNeeds are, by ARN type and number of path segments (\"dataset 2\"), those of the kinds\n// each kind may refer to.\nvar kindNeeds = map[string][]string{\n")
	for _, k := range kinds {
		if len(k.needs) == 0 {
			continue
		}
		var arns []string
		for _, n := range k.needs {
			arns = append(arns, fmt.Sprintf("%q", arnOf[n]))
		}
		fmt.Fprintf(&b, "\t%q: {%s},\n", arnOf[k.name], strings.Join(arns, ", "))
	}
	b.WriteString("}\n")
	return g.emit(filepath.Join("internal", "engine", "zz_kinds_test.go"), b.Bytes())
}

// emitCatalogKinds writes the kinds a user may name, with their quotas and lifecycles.
func (g *generator) emitCatalogKinds(kinds []*kind) error {
	var b bytes.Buffer
	b.WriteString(header("kinds.txt"))
	b.WriteString("package catalog\n\nimport \"time\"\n\n// The kinds of resources, by name.\nconst (\n")
	for _, k := range kinds {
		fmt.Fprintf(&b, "\t%s = %q // %s\n", k.goName(), k.name, k.doc)
	}
	b.WriteString(")\n\n// Resources lists every kind a user may name, in a stable order.\nvar Resources = []Resource{\n")
	for _, k := range kinds {
		if k.internal {
			continue
		}
		svc := ""
		if k.service != "" {
			svc = ", Service: " + engineService(k.service)
		}
		per := ""
		if k.quotaPer != "" {
			per = ", Within: " + kindGoName(kinds, k.quotaPer)
		}
		if k.creating {
			per += ", Creating: true"
		}
		stoppable := ""
		if k.stopping > 0 {
			stoppable = ", Stoppable: true"
		}
		fmt.Fprintf(&b, "\t{Name: %s%s, Quota: %d, Limit: %q%s, Lifecycle: %t%s},\n", k.goName(), svc, k.quota, k.limit, per, k.lifecycle, stoppable)
	}
	b.WriteString("}\n\n// lifecycles are the timings of the kinds whose timing is not the default.\nvar lifecycles = map[string]Lifecycle{\n")
	for _, k := range kinds {
		if k.timing == nil {
			continue
		}
		stopping := ""
		if k.stopping > 0 {
			stopping = ", Stopping: " + goDuration(k.stopping)
		}
		fmt.Fprintf(&b, "\t%s: {Pending: %s, InProgress: %s, UpdatePending: %s, UpdateInProgress: %s, DeletePending: %s, DeleteInProgress: %s%s},\n",
			k.goName(), goDuration(k.timing[0]), goDuration(k.timing[1]), goDuration(k.timing[2]), goDuration(k.timing[3]), goDuration(k.timing[4]), goDuration(k.timing[5]), stopping)
	}
	b.WriteString("}\n")
	src := b.Bytes()
	if !bytes.Contains(src, []byte("time.")) {
		src = bytes.Replace(src, []byte("import \"time\"\n\n"), nil, 1)
	}
	return g.emit(filepath.Join("internal", "catalog", "zz_kinds.go"), src)
}

// kindGoName is the Go name of the kind called name.
func kindGoName(kinds []*kind, name string) string {
	for _, k := range kinds {
		if k.name == name {
			return k.goName()
		}
	}
	return ""
}

// goDuration writes a duration as Go source.
func goDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d%time.Minute == 0:
		return fmt.Sprintf("%d * time.Minute", d/time.Minute)
	case d%time.Second == 0:
		return fmt.Sprintf("%d * time.Second", d/time.Second)
	default:
		return fmt.Sprintf("%d * time.Millisecond", d/time.Millisecond)
	}
}

// emitResources writes the public constants of fake.Resource.
func (g *generator) emitResources(kinds []*kind) error {
	var b bytes.Buffer
	b.WriteString(header("internal/gen/kinds.txt"))
	// A package comment of its own, which go doc adds at the end of doc.go's: the list of kinds
	// stays what kinds.txt declares.
	b.WriteString("// # Kinds of resources\n//\n// Each kind the fake holds has a Resource constant, for WithQuota and WithLifecycle; its value\n" +
		"// is the name the server's -quota flag takes. A kind with statuses moves through them on the\n// clock (DefaultLifecycle):\n//\n")
	for _, k := range kinds {
		if k.internal {
			continue
		}
		statuses := ""
		if k.lifecycle {
			statuses = "; statuses on the clock"
		}
		fmt.Fprintf(&b, "//   - %s (%s): %s%s\n", k.goName(), k.name, k.doc, statuses)
	}
	b.WriteString("package fake\n\n// The kinds of resources, for WithQuota and WithLifecycle and the server's -quota flag (each\n// declared once, in internal/gen/kinds.txt).\nconst (\n")
	for _, k := range kinds {
		if !k.internal {
			fmt.Fprintf(&b, "\t%s Resource = %q // %s\n", k.goName(), k.name, k.doc)
		}
	}
	b.WriteString(")\n")
	return g.emit(filepath.Join("fake", "zz_resources.go"), b.Bytes())
}
