package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// The typed doors, in package fake: one file per operation, and one per service for what the
// operations share.

func (sd *serviceData) from() string {
	return sd.name + " model (botocore " + sd.model.Botocore + ") and " + strings.TrimPrefix(sd.sdk.path, "github.com/") + " " + sd.sdk.version
}

// imports lists the packages a generated body uses, found by their qualifiers.
func (sd *serviceData) imports(body string) string {
	candidates := []struct{ qual, path string }{
		{"context.", `"context"`},
		{"fmt.", `"fmt"`},
		{"maps.", `"maps"`},
		{"slices.", `"slices"`},
		{"strings.", `"strings"`},
		{"time.", `"time"`},
		{sd.sdkName + ".", `"` + sd.sdk.path + `"`},
		{"types.", `"` + sd.sdk.path + `/types"`},
		{"smithy.", `"github.com/aws/smithy-go"`},
		{"engine.", `"github.com/awsfake/awsfake/internal/engine"`},
		{sd.shapeFrom + ".", sd.shapeFrom + ` "github.com/awsfake/awsfake/internal/shape/` + sd.shapePkg + `"`},
	}
	// Grouped as goimports -local groups them: the standard library, others, this module.
	var groups [3][]string
	for _, c := range candidates {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(c.qual) + `[A-Z]`).MatchString(body) {
			continue
		}
		g := 1
		switch {
		case !strings.Contains(c.path, "."):
			g = 0
		case strings.Contains(c.path, "github.com/awsfake/awsfake/"):
			g = 2
		}
		groups[g] = append(groups[g], c.path)
	}
	var parts []string
	for _, g := range groups {
		if len(g) > 0 {
			parts = append(parts, "\t"+strings.Join(g, "\n\t"))
		}
	}
	return "import (\n" + strings.Join(parts, "\n\n") + "\n)\n\n"
}

func (g *generator) emitOperation(sd *serviceData, op *operation) error {
	p, pkg, sh := sd.prefix, sd.sdkName, sd.shapeFrom
	in, out := op.name+"Input", op.name+"Output"
	var body strings.Builder
	lists := map[string]*shape{}

	doc := sd.sdk.docs[op.name]
	if doc != "" {
		doc = " AWS: " + doc
	}
	validate := "nil"
	if sd.validates(op.input, op.name+"Input") {
		validate = p + "Validate" + in
	}
	fmt.Fprintf(&body, `// %s is *%s.Client's %s, on the fake.%s
func (d *%s) %s(ctx context.Context, params *%s.%s, optFns ...func(*%s.Options)) (*%s.%s, error) {
	return %s%s.call(ctx, d.f, params, d.region(optFns))
}

var %s%s = typedOp[%s.%s, %s.%s, %s.%s, %s.%s]{
	service:  %sService,
	op:       engine.Op%s,
	validate: %s,
	in:       %s%sIn,
	out:      %s%sOut,
	modelled: %s%sError,
}

`, op.name, pkg, op.name, doc, sd.door, op.name, pkg, in, pkg, pkg, out,
		p, op.name, p, op.name,
		pkg, in, pkg, out, sh, in, sh, out,
		p, op.name, validate, p, op.name, p, op.name, p, op.name)
	// The SDK's output type is the door's: its ResultMetadata stays empty.
	conv, err := sd.converter(p+op.name+"In", pkg+"."+in, sh+"."+in, op.input, in, true, false)
	if err != nil {
		return err
	}
	body.WriteString(conv)
	conv, err = sd.converter(p+op.name+"InputOut", pkg+"."+in, sh+"."+in, op.input, in, false, false)
	if err != nil {
		return err
	}
	body.WriteString(conv)
	conv, err = sd.converter(p+op.name+"Out", pkg+"."+out, sh+"."+out, op.output, out, false, false)
	if err != nil {
		return err
	}
	body.WriteString(conv)
	if validate != "nil" {
		body.WriteString(sd.validator(validate, pkg+"."+in, in, op.input, in, lists))
	}
	body.WriteString(sd.errorMapper(op))

	var b bytes.Buffer
	b.WriteString(header(sd.from()))
	b.WriteString("package fake\n\n")
	b.WriteString(sd.imports(body.String()))
	b.WriteString(body.String())
	return g.emit(filepath.Join("fake", "zz_"+sd.shapePkg+"_"+op.name+".go"), b.Bytes())
}

// errorMapper writes the function that gives an error code the SDK type the operation's
// deserializer makes of it (codes are matched ignoring case, as the SDK does), or nil for a
// code the operation does not model: the door then returns *smithy.GenericAPIError, as the
// real client does.
func (sd *serviceData) errorMapper(op *operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "func %s%sError(code, message string) error {\n\tswitch {\n", sd.prefix, op.name)
	for _, code := range op.model.Errors {
		if sd.sdk.errors[code] {
			fmt.Fprintf(&b, "\tcase strings.EqualFold(code, %q):\n\t\treturn &types.%s{Message: &message}\n", code, code)
		}
	}
	b.WriteString("\t}\n\treturn nil\n}\n\n")
	return b.String()
}

func (g *generator) emitService(sd *serviceData) error {
	p, pkg := sd.prefix, sd.sdkName
	var b strings.Builder
	fmt.Fprintf(&b, "// %sService is the service id the SDK names in its errors.\nconst %sService = %q\n\n", p, p, sd.sdk.serviceID)
	fmt.Fprintf(&b, "// %sAPI is every method of *%s.Client that the fake supports. *%s.Client satisfies it\n", sd.door, pkg, pkg)
	fmt.Fprintf(&b, "// too, so code written against it runs unchanged on the fake and on AWS.\ntype %sAPI interface {\n", sd.door)
	for _, op := range sd.typedOps() {
		fmt.Fprintf(&b, "\t%s(context.Context, *%s.%sInput, ...func(*%s.Options)) (*%s.%sOutput, error)\n", op.name, pkg, op.name, pkg, pkg, op.name)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "var (\n\t_ %sAPI = (*%s)(nil)\n\t_ %sAPI = (*%s.Client)(nil)\n", sd.door, sd.door, sd.door, pkg)
	for _, op := range sd.typedOps() {
		if sd.sdk.paginated[op.name] {
			fmt.Fprintf(&b, "\t_ %s.%sAPIClient = (*%s)(nil)\n", pkg, op.name, sd.door)
		}
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, `// region is the Region a call's option functions choose, or "" for the fake's default.
func (d *%s) region(optFns []func(*%s.Options)) string {
	if len(optFns) == 0 {
		return ""
	}
	o := %s.Options{Region: d.f.Region()}
	for _, fn := range optFns {
		fn(&o)
	}
	return o.Region
}

`, sd.door, pkg, pkg)

	lists := map[string]*shape{}
	for _, s := range sortedStructs(sd.structs, nil) {
		for _, dir := range []struct {
			need map[string]bool
			in   bool
			name string
		}{{sd.needIn, true, "In"}, {sd.needOut, false, "Out"}} {
			if !dir.need[s.Name] {
				continue
			}
			if sd.sdk.unions[s.Name] {
				conv, err := sd.unionConverter(p+s.Name+dir.name, sd.shapeFrom+"."+s.Name, s, dir.in)
				if err != nil {
					return err
				}
				b.WriteString(conv)
				continue
			}
			conv, err := sd.converter(p+s.Name+dir.name, "types."+s.Name, sd.shapeFrom+"."+s.Name, s, s.Name, dir.in, true)
			if err != nil {
				return err
			}
			b.WriteString(conv)
		}
		if sd.needValidate[s.Name] {
			b.WriteString(sd.validator(sd.validatorName(s.Name), "types."+s.Name, s.Name, s, s.Name, lists))
		}
	}
	// Lists of structures that validate, named as the model names them (TagList).
	for _, op := range sd.typedOps() {
		collectLists(sd, op.input, op.name+"Input", lists)
	}
	names := make([]string, 0, len(lists))
	for n := range lists {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString(sd.listValidator(lists[n]))
	}
	var file bytes.Buffer
	file.WriteString(header(sd.from()))
	file.WriteString("package fake\n\n")
	file.WriteString(sd.imports(b.String()))
	file.WriteString(b.String())
	return g.emit(filepath.Join("fake", "zz_"+sd.shapePkg+".go"), file.Bytes())
}

// collectLists finds the lists and maps of validating structures reachable from s (whose SDK
// struct is sdkStruct, or its own name when that is "") through members the SDK has.
func collectLists(sd *serviceData, s *shape, sdkStruct string, into map[string]*shape) {
	seen := map[*shape]bool{}
	var walk func(s *shape, sdkStruct string)
	walk = func(s *shape, sdkStruct string) {
		if seen[s] {
			return // a shape that contains itself
		}
		seen[s] = true
		switch s.Type {
		case "structure":
			if sdkStruct == "" {
				sdkStruct = s.Name
			}
			_, fields := sd.members(s, sdkStruct)
			for name, m := range s.Members {
				if _, ok := fields[name]; ok {
					walk(m, "")
				}
			}
		case "list":
			if sd.validates(s, "") {
				into[s.Name] = s
			}
			walk(s.Member, "")
		case "map":
			if sd.validates(s, "") {
				into[s.Name] = s
			}
			walk(s.Value, "")
		}
	}
	walk(s, sdkStruct)
}

// emitPredicateInputs writes the conversion of every operation's input shape to its SDK type,
// for scenario predicates that take the SDK type.
func (g *generator) emitPredicateInputs() error {
	var b bytes.Buffer
	b.WriteString(header("operations.txt"))
	b.WriteString("package fake\n\nimport (\n\t\"github.com/awsfake/awsfake/internal/engine\"\n")
	for _, sd := range g.svcs {
		fmt.Fprintf(&b, "\t%s \"github.com/awsfake/awsfake/internal/shape/%s\"\n", sd.shapeFrom, sd.shapePkg)
	}
	b.WriteString(")\n\n// sdkInputs converts a call's input shape into the SDK v2 input type, for scenario predicates\n// that take it.\nvar sdkInputs = map[*engine.Op]func(any) any{\n")
	for _, sd := range g.svcs {
		for _, op := range sd.typedOps() {
			fmt.Fprintf(&b, "\tengine.Op%s: func(in any) any { return %s%sInputOut(in.(*%s.%sInput)) },\n", op.name, sd.prefix, op.name, sd.shapeFrom, op.name)
		}
	}
	b.WriteString("}\n")
	return g.emit(filepath.Join("fake", "zz_inputs.go"), b.Bytes())
}
