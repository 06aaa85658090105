package main

import (
	"fmt"
	"sort"
	"strings"
)

// serviceData is one service's model, SDK and supported operations, checked against each other.
type serviceData struct {
	service
	model   *modelFile
	sdk     *sdkPackage
	ops     []*operation
	structs map[string]*shape // every named structure of the supported operations
	// Which directions of conversion the typed door needs, by structure name: inputs go from
	// the SDK to the shape (a call) and back (a scenario predicate sees the SDK type); outputs go
	// from the shape to the SDK.
	needIn, needOut, needValidate map[string]bool
}

// operation is one supported operation.
type operation struct {
	name   string
	flags  map[string]bool
	model  *modelOp
	input  *shape // never nil: an operation without input has an empty structure
	output *shape
}

func (g *generator) loadService(svc service, lines []opLine) error {
	model, err := readModel(g.root, svc.name)
	if err != nil {
		return err
	}
	sdk, err := loadSDK(g.root, svc.sdk)
	if err != nil {
		return err
	}
	sd := &serviceData{service: svc, model: model, sdk: sdk, structs: map[string]*shape{},
		needIn: map[string]bool{}, needOut: map[string]bool{}, needValidate: map[string]bool{}}
	for _, l := range lines {
		m := model.Operations[l.name]
		if m == nil {
			return fmt.Errorf("%s is not in internal/model/data/%s.json", l.name, svc.name)
		}
		if err := sdk.loadOperation(l.name); err != nil {
			return err
		}
		op := &operation{name: l.name, flags: l.flags, model: m, input: m.Input, output: m.Output}
		if op.input == nil {
			op.input = &shape{Type: "structure", Name: l.name + "Request", Members: map[string]*shape{}}
		}
		if op.output == nil {
			op.output = &shape{Type: "structure", Name: l.name + "Response", Members: map[string]*shape{}}
		}
		for _, s := range []*shape{op.input, op.output} {
			for _, m := range s.Members {
				if m.Location != "" {
					return fmt.Errorf("%s: members bound to the %s are not supported", l.name, m.Location)
				}
			}
			if err := structures(s, true, sd.structs); err != nil {
				return fmt.Errorf("%s: %w", l.name, err)
			}
		}
		sd.ops = append(sd.ops, op)
	}
	for name := range sd.structs {
		// An operation's input and output types (and their conversions) are named after it:
		// only a structure of the same name clashes (MetricAttributionOutput does not).
		if op, ok := sd.opNamed(strings.TrimSuffix(strings.TrimSuffix(name, "Input"), "Output")); ok && name != op.name {
			return fmt.Errorf("structure %s would clash with an operation's input or output type", name)
		}
		if _, ok := sdk.structs[name]; !ok {
			return fmt.Errorf("structure %s of the model is not types.%s in %s %s", name, name, sdk.path, sdk.version)
		}
	}
	for _, op := range sd.ops {
		sd.mark(op.input, sd.needIn)
		sd.mark(op.input, sd.needOut)
		sd.mark(op.output, sd.needOut)
	}
	for name, s := range sd.structs {
		if sd.validates(s) && sd.needIn[name] {
			sd.needValidate[name] = true
		}
	}
	g.svcs = append(g.svcs, sd)
	return nil
}

// mark records every structure reachable from s (not s itself) in need.
func (sd *serviceData) mark(s *shape, need map[string]bool) {
	var walk func(s *shape, top bool)
	walk = func(s *shape, top bool) {
		switch s.Type {
		case "structure":
			if !top {
				need[s.Name] = true
			}
			for _, m := range s.Members {
				walk(m, false)
			}
		case "list":
			walk(s.Member, false)
		}
	}
	walk(s, true)
}

// validates reports whether the SDK has a validator for a shape: a structure with a required
// member or with a member that validates, or a list of such structures.
func (sd *serviceData) validates(s *shape) bool {
	switch s.Type {
	case "structure":
		if len(s.Required) > 0 {
			return true
		}
		for _, m := range s.Members {
			if sd.validates(m) {
				return true
			}
		}
	case "list":
		return sd.validates(s.Member)
	}
	return false
}

// members returns a structure's member names in the SDK struct's field order (members the SDK
// version lacks follow, alphabetically), and the SDK fields by member.
//
// Member names are the model's (personalize's are lowerCamelCase); Go field names, in the SDK and
// in the shapes, are the same names with the first letter upper-cased (goName).
func (sd *serviceData) members(s *shape, sdkStruct string) ([]string, map[string]sdkField) {
	fields := map[string]sdkField{}
	var names []string
	byGoName := map[string]string{}
	for m := range s.Members {
		byGoName[goName(m)] = m
	}
	for _, f := range sd.sdk.structs[sdkStruct] {
		if m, ok := byGoName[f.name]; ok {
			names = append(names, m)
			fields[m] = f
		}
	}
	var rest []string
	for name := range s.Members {
		if _, ok := fields[name]; !ok {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	return append(names, rest...), fields
}

func sortedStructs(m map[string]*shape, keep map[string]bool) []*shape {
	var out []*shape
	for _, name := range sortedKeys(m) {
		if keep == nil || keep[name] {
			out = append(out, m[name])
		}
	}
	return out
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// goName is the Go field name of a model member.
func goName(member string) string { return strings.ToUpper(member[:1]) + member[1:] }

// opNamed returns the supported operation with a name.
func (sd *serviceData) opNamed(name string) (*operation, bool) {
	for _, op := range sd.ops {
		if op.name == name {
			return op, true
		}
	}
	return nil, false
}
