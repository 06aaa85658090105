package main

import (
	"bytes"
	"fmt"
	"path/filepath"
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
		fmt.Fprintf(&b, "\tkind%s = &kindDecl{name: %q, arnType: %q, service: %s, keying: %s, byName: %t, limit: %q, unit: %q}\n",
			k.goName(), k.name, k.arn, engineService(k.service), keying, k.byName, k.limit, k.goName())
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

	b.WriteString("// tableOf returns the table of a service's ARN resource type, or nil.\nfunc (w *world) tableOf(service, arnType string) anyTable {\n\tswitch service {\n")
	for _, s := range services {
		var cases []string
		for _, k := range kinds {
			if k.table() && k.service == s.name {
				cases = append(cases, fmt.Sprintf("\t\tcase %q:\n\t\t\treturn w.%s\n", k.arn, k.field()))
			}
		}
		if len(cases) > 0 {
			fmt.Fprintf(&b, "\tcase %s:\n\t\tswitch arnType {\n%s\t\t}\n", s.engine, strings.Join(cases, ""))
		}
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
// test can hold what resources refer to (their needs methods) to the declaration.
func (g *generator) emitKindNeeds(kinds []*kind) error {
	arnOf := map[string]string{}
	for _, k := range kinds {
		arnOf[k.name] = k.arn
	}
	var b bytes.Buffer
	b.WriteString(header("kinds.txt"))
	b.WriteString("package engine\n\n// kindNeeds are, by ARN type, the ARN types of the kinds each kind may refer to.\nvar kindNeeds = map[string][]string{\n")
	for _, k := range kinds {
		if len(k.needs) == 0 {
			continue
		}
		var arns []string
		for _, n := range k.needs {
			arns = append(arns, fmt.Sprintf("%q", arnOf[n]))
		}
		fmt.Fprintf(&b, "\t%q: {%s},\n", k.arn, strings.Join(arns, ", "))
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
		fmt.Fprintf(&b, "\t{Name: %s%s, Quota: %d, Limit: %q, Lifecycle: %t},\n", k.goName(), svc, k.quota, k.limit, k.lifecycle)
	}
	b.WriteString("}\n\n// lifecycles are the timings of the kinds whose timing is not the default.\nvar lifecycles = map[string]Lifecycle{\n")
	for _, k := range kinds {
		if k.timing == nil {
			continue
		}
		fmt.Fprintf(&b, "\t%s: {Pending: %s, InProgress: %s, UpdatePending: %s, UpdateInProgress: %s, DeletePending: %s, DeleteInProgress: %s},\n",
			k.goName(), goDuration(k.timing[0]), goDuration(k.timing[1]), goDuration(k.timing[2]), goDuration(k.timing[3]), goDuration(k.timing[4]), goDuration(k.timing[5]))
	}
	b.WriteString("}\n")
	src := b.Bytes()
	if !bytes.Contains(src, []byte("time.")) {
		src = bytes.Replace(src, []byte("import \"time\"\n\n"), nil, 1)
	}
	return g.emit(filepath.Join("internal", "catalog", "zz_kinds.go"), src)
}

// goDuration writes a duration as Go source.
func goDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
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
	b.WriteString("package fake\n\n// The kinds of resources, for WithQuota and WithLifecycle and the server's -quota flag (each\n// declared once, in internal/gen/kinds.txt).\nconst (\n")
	for _, k := range kinds {
		if !k.internal {
			fmt.Fprintf(&b, "\t%s Resource = %q // %s\n", k.goName(), k.name, k.doc)
		}
	}
	b.WriteString(")\n")
	return g.emit(filepath.Join("fake", "zz_resources.go"), b.Bytes())
}
