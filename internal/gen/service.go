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
		if l.flags["wire-only"] {
			// The pinned SDK has no method for it: a newer model's operation, served on the
			// wire door alone. Once the SDK has it, the flag must go (the typed door then gets it).
			if sdk.hasOperation(l.name) {
				return fmt.Errorf("%s is flagged wire-only, but %s %s has it: drop the flag", l.name, sdk.path, sdk.version)
			}
		} else if err := sdk.loadOperation(l.name); err != nil {
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
	}
	// The typed door converts only what the SDK version has: structures reached through members
	// it lacks (or from wire-only operations) are shapes alone.
	for _, op := range sd.typedOps() {
		sd.mark(op.input, op.name+"Input", sd.needIn)
		sd.mark(op.input, op.name+"Input", sd.needOut)
		sd.mark(op.output, op.name+"Output", sd.needOut)
	}
	for _, need := range []map[string]bool{sd.needIn, sd.needOut} {
		for name := range need {
			if _, ok := sdk.structs[name]; !ok && !sdk.unions[name] {
				return fmt.Errorf("structure %s of the model is not types.%s in %s %s", name, name, sdk.path, sdk.version)
			}
		}
	}
	for name, s := range sd.structs {
		if sd.needIn[name] && sd.validates(s, name) {
			sd.needValidate[name] = true
		}
	}
	g.svcs = append(g.svcs, sd)
	return nil
}

// typedOps are the operations the typed door has: all but the wire-only ones.
func (sd *serviceData) typedOps() []*operation {
	var out []*operation
	for _, op := range sd.ops {
		if !op.flags["wire-only"] {
			out = append(out, op)
		}
	}
	return out
}

// mark records every structure reachable from s (not s itself) through members that the SDK
// struct sdkStruct (and the SDK structs below it) has.
func (sd *serviceData) mark(s *shape, sdkStruct string, need map[string]bool) {
	seen := map[*shape]bool{}
	var walk func(s *shape, sdkStruct string, top bool)
	walk = func(s *shape, sdkStruct string, top bool) {
		if seen[s] {
			return // a shape that contains itself
		}
		seen[s] = true
		switch s.Type {
		case "structure":
			if !top {
				need[s.Name] = true
				sdkStruct = s.Name
			}
			_, fields := sd.members(s, sdkStruct)
			for name, m := range s.Members {
				if _, ok := fields[name]; ok {
					walk(m, "", false)
				}
			}
		case "list":
			walk(s.Member, "", false)
		case "map":
			walk(s.Value, "", false)
		}
	}
	walk(s, sdkStruct, true)
}

// validates reports whether the SDK has a validator for a shape: a structure (whose SDK struct
// is sdkStruct, or its own name when that is "") that its validators.go checks, or a list or map
// of such structures. The SDK version's own validators decide, not the model: an older client
// may require what the current model does not (or the reverse), and the typed door checks as
// the client does.
func (sd *serviceData) validates(s *shape, sdkStruct string) bool {
	switch s.Type {
	case "structure":
		if sdkStruct == "" {
			sdkStruct = s.Name
		}
		_, ok := sd.sdk.checkOrder[sd.sdkValidatorName(sdkStruct)]
		return ok
	case "list":
		return sd.validates(s.Member, "")
	case "map":
		return sd.validates(s.Value, "")
	}
	return false
}

// sdkRequires reports whether the SDK's validator of sdkStruct reports a member missing.
func (sd *serviceData) sdkRequires(sdkStruct, member string) bool {
	return sd.sdk.required[sd.sdkValidatorName(sdkStruct)][goName(member)]
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
