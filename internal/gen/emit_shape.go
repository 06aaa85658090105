package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// shapeType is the Go type of a model shape in the shape packages: optional members are
// pointers (nil when absent), list elements are values, maps are maps of strings, timestamps
// are shape.Time (epoch seconds on the wire). Enums stay strings: the engine compares them as
// the service does, and the validator checks their values.
func shapeType(s *shape, member bool) string {
	ptr := ""
	if member {
		ptr = "*"
	}
	switch s.Type {
	case "string":
		return ptr + "string"
	case "integer":
		return ptr + "int32"
	case "long":
		return ptr + "int64"
	case "boolean":
		return ptr + "bool"
	case "float", "double":
		return ptr + "float64"
	case "timestamp":
		return ptr + "shape.Time"
	case "structure":
		return ptr + s.Name
	case "list":
		return "[]" + shapeType(s.Member, false)
	case "map":
		return "map[string]" + mapValueType(s.Value)
	}
	panic(fmt.Sprintf("unsupported shape type %s", s.Type))
}

// mapValueType is the Go type of a map's values: strings, numbers (float64) or lists of
// strings, the kinds the supported models use (structures checks that no other occurs).
func mapValueType(v *shape) string {
	switch {
	case v.Type == "string":
		return "string"
	case v.Type == "double" || v.Type == "float":
		return "float64"
	case v.Type == "list" && v.Member.Type == "string":
		return "[]string"
	case v.Type == "structure":
		return shapeType(v, false)
	}
	panic(fmt.Sprintf("unsupported map value %s %s", v.Type, v.Name))
}

func (g *generator) emitShapes(sd *serviceData) error {
	dir := filepath.Join("internal", "shape", sd.shapePkg)
	from := sd.name + " model (botocore " + sd.model.Botocore + ")"
	for _, op := range sd.ops {
		var b bytes.Buffer
		b.WriteString(header(from))
		fmt.Fprintf(&b, "package %s\n\n", sd.shapePkg)
		if usesTime(op.input) || usesTime(op.output) {
			b.WriteString("import \"github.com/awsfake/awsfake/internal/shape\"\n\n")
		}
		writeStruct(&b, sd, op.input, op.name+"Input", op.name+"Input is the input of "+op.name+".")
		writeStruct(&b, sd, op.output, op.name+"Output", op.name+"Output is the output of "+op.name+".")
		if err := g.emit(filepath.Join(dir, "zz_"+op.name+".go"), b.Bytes()); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	b.WriteString(header(from))
	fmt.Fprintf(&b, "// Package %s holds the inputs and outputs of the %s operations awsfake supports as plain\n", sd.shapePkg, sd.name)
	b.WriteString("// structs whose JSON names are the service model's member names: the engine works on these, the\n")
	b.WriteString("// wire door decodes requests into them and encodes them as responses, and the typed door\n")
	b.WriteString("// converts the SDK's types to and from them. Optional members are pointers, nil when absent.\n")
	fmt.Fprintf(&b, "package %s\n\n", sd.shapePkg)
	structs := sortedStructs(sd.structs, nil)
	for _, s := range structs {
		if usesTime(s) {
			b.WriteString("import \"github.com/awsfake/awsfake/internal/shape\"\n\n")
			break
		}
	}
	for _, s := range structs {
		writeStruct(&b, sd, s, s.Name, s.Name+" is the model's "+s.Name+" structure.")
	}
	return g.emit(filepath.Join(dir, "zz_types.go"), b.Bytes())
}

// writeStruct writes one structure. Every member is omitted from JSON when unset (omitzero): an
// output list that must always be present is made non-nil by the engine.
func writeStruct(b *bytes.Buffer, sd *serviceData, s *shape, typeName, doc string) {
	sdkName := typeName
	if s.Name != "" && sd.structs[s.Name] == s {
		sdkName = s.Name
	}
	names, _ := sd.members(s, sdkName)
	fmt.Fprintf(b, "// %s\ntype %s struct {\n", doc, typeName)
	for _, name := range names {
		fmt.Fprintf(b, "\t%s %s `json:\"%s,omitzero\"`\n", goName(name), shapeType(s.Members[name], true), name)
	}
	b.WriteString("}\n\n")
}

// usesTime reports whether a structure's own fields (not its nested structures') hold a
// shape.Time.
func usesTime(s *shape) bool {
	for _, m := range s.Members {
		if strings.Contains(shapeType(m, true), "shape.Time") {
			return true
		}
	}
	return false
}
