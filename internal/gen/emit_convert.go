package main

import (
	"fmt"
	"strings"
)

// Conversions between an SDK field and a shape member, as Go expressions. Every conversion
// copies: nothing the fake keeps or returns shares memory with what a caller holds. The helpers
// named here (str, enumIn, convPtr, ...) are hand-written in fake/convert.go.

// conv converts src: an SDK value of type sdkT into the shape type of m (in), or a shape value
// of m's type into sdkT.
func (sd *serviceData) conv(m *shape, sdkT, src string, copier, in bool) (string, error) {
	bad := fmt.Errorf("no conversion between model %s %s and SDK type %s", m.Type, m.Name, sdkT)
	dir := "Out"
	if in {
		dir = "In"
	}
	switch m.Type {
	case "string":
		switch {
		case sdkT == "*string" && copier:
			return "sc.str(" + src + ")", nil
		case sdkT == "*string":
			return "str(" + src + ")", nil
		case sd.isEnum(sdkT) && in:
			return "enumIn(" + src + ")", nil
		case sd.isEnum(sdkT):
			return "enumOut[" + sdkT + "](" + src + ")", nil
		}
	case "integer", "long", "boolean":
		want := map[string]string{"integer": "int32", "long": "int64", "boolean": "bool"}[m.Type]
		switch sdkT {
		case "*" + want:
			return "clonePtr(" + src + ")", nil
		case want:
			if in {
				return "valuePtr(" + src + ")", nil
			}
			return "ptrValue(" + src + ")", nil
		}
	case "float", "double":
		switch sdkT {
		case "*float64":
			return "clonePtr(" + src + ")", nil
		case "*float32":
			return "float" + dir + "(" + src + ")", nil
		case "float64":
			// Unboxed: the SDK sends nothing for 0, so 0 is "not set", as for integers.
			if in {
				return "valuePtr(" + src + ")", nil
			}
			return "ptrValue(" + src + ")", nil
		}
	case "timestamp":
		if sdkT == "*time.Time" {
			return "time" + dir + "(" + src + ")", nil
		}
	case "structure":
		if sdkT == "*types."+m.Name {
			return "convPtr(" + src + ", " + sd.prefix + m.Name + dir + ")", nil
		}
	case "map":
		if sdkT == "map[string]string" {
			return "maps.Clone(" + src + ")", nil
		}
	case "list":
		elem := strings.TrimPrefix(sdkT, "[]")
		if elem == sdkT {
			return "", bad
		}
		switch e := m.Member; {
		case e.Type == "string" && elem == "string":
			return "slices.Clone(" + src + ")", nil
		case e.Type == "string" && sd.isEnum(elem) && in:
			return "enumsIn(" + src + ")", nil
		case e.Type == "string" && sd.isEnum(elem):
			return "enumsOut[" + elem + "](" + src + ")", nil
		case e.Type == "structure" && elem == "types."+e.Name:
			return "convSlice(" + src + ", " + sd.prefix + e.Name + dir + ")", nil
		}
	}
	return "", bad
}

func (sd *serviceData) isEnum(sdkT string) bool {
	name, ok := strings.CutPrefix(sdkT, "types.")
	return ok && sd.sdk.enums[name]
}

// usesCopier reports whether a converter of s is better off copying its strings into one
// backing array: two or more plain string members.
func usesCopier(s *shape, fields map[string]sdkField) int {
	n := 0
	for name, m := range s.Members {
		if f, ok := fields[name]; ok && m.Type == "string" && f.typ == "*string" {
			n++
		}
	}
	if n < 2 {
		return 0
	}
	return n
}

// converter writes a function converting a whole structure: sdkName and shapeName are the
// Go types on each side (pointers are taken), in the direction in says.
func (sd *serviceData) converter(fn, sdkType, shapeType string, s *shape, sdkStruct string, in, value bool) (string, error) {
	names, fields := sd.members(s, sdkStruct)
	from, to := sdkType, shapeType
	if !in {
		from, to = shapeType, sdkType
	}
	var b strings.Builder
	ret, amp := to, "&"
	if value {
		amp = ""
	} else {
		ret = "*" + to
	}
	fmt.Fprintf(&b, "func %s(v *%s) %s {\n", fn, from, ret)
	n := usesCopier(s, fields)
	if n > 0 {
		fmt.Fprintf(&b, "\tsc := newStrings(%d)\n", n)
	}
	fmt.Fprintf(&b, "\treturn %s%s{\n", amp, to)
	for _, name := range names {
		f, ok := fields[name]
		if !ok {
			fmt.Fprintf(&b, "\t\t// %s: not in the SDK version\n", name)
			continue
		}
		expr, err := sd.conv(s.Members[name], f.typ, "v."+goName(name), n > 0, in)
		if err != nil {
			return "", fmt.Errorf("%s.%s: %w", sdkStruct, name, err)
		}
		fmt.Fprintf(&b, "\t\t%s: %s,\n", goName(name), expr)
	}
	b.WriteString("\t}\n}\n\n")
	return b.String(), nil
}
