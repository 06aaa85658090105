package main

import (
	"fmt"
	"sort"
	"strings"
)

// The client-side check of required members, as aws-sdk-go-v2's generated validators make it
// (validators.go of each service): for each member in the struct's order, a required member
// that is unset is "missing required field", and a set member whose shape has required members
// somewhere inside is checked in turn and reported nested under its name ([i] for list items).
// The typed door fails with the same smithy.InvalidParamsError before anything reaches the
// engine, as the real client fails before anything is sent.

// validatorName is the function that checks a shape (a structure or a list of structures).
func (sd *serviceData) validatorName(shapeName string) string {
	return sd.prefix + "Validate" + shapeName
}

// validator writes the check of a structure whose Go type is sdkType and SDK struct sdkStruct;
// context is the name errors are reported in ("CreateActionInput", "ActionSource").
func (sd *serviceData) validator(fn, sdkType, context string, s *shape, sdkStruct string, lists map[string]*shape) string {
	names, fields := sd.members(s, sdkStruct)
	names = inOrder(names, sd.sdk.checkOrder[sd.sdkValidatorName(sdkStruct)])
	var b strings.Builder
	fmt.Fprintf(&b, "func %s(v *%s) error {\n", fn, sdkType)
	fmt.Fprintf(&b, "\tinvalidParams := smithy.InvalidParamsError{Context: %q}\n", context)
	for _, name := range names {
		f, ok := fields[name]
		if !ok {
			continue
		}
		m := s.Members[name]
		field := goName(name)
		nested := ""
		if sd.validates(m, "") {
			target := m.Name
			if m.Type == "list" || m.Type == "map" {
				lists[m.Name] = m
			}
			nested = fmt.Sprintf("if err := %s(v.%s); err != nil {\n\t\tinvalidParams.AddNested(%q, err.(smithy.InvalidParamsError))\n\t}",
				sd.validatorName(target), field, field)
		}
		nilable := strings.HasPrefix(f.typ, "*") || strings.HasPrefix(f.typ, "[]") || strings.HasPrefix(f.typ, "map[")
		missing := ""
		required := sd.sdkRequires(sdkStruct, name)
		switch {
		case required && nilable:
			missing = "v." + field + " == nil"
		case required && sd.isEnum(f.typ):
			missing = "len(v." + field + ") == 0"
		}
		switch {
		case missing != "" && nested != "":
			fmt.Fprintf(&b, "\tif %s {\n\t\tinvalidParams.Add(smithy.NewErrParamRequired(%q))\n\t} else if v.%s != nil {\n\t%s\n\t}\n", missing, field, field, nested)
		case missing != "":
			fmt.Fprintf(&b, "\tif %s {\n\t\tinvalidParams.Add(smithy.NewErrParamRequired(%q))\n\t}\n", missing, field)
		case nested != "":
			fmt.Fprintf(&b, "\tif v.%s != nil {\n\t%s\n\t}\n", field, nested)
		}
	}
	b.WriteString("\tif invalidParams.Len() > 0 {\n\t\treturn invalidParams\n\t}\n\treturn nil\n}\n\n")
	return b.String()
}

// listValidator writes the check of a list of structures, or of a map from strings to
// structures (whose entries are reported under their quoted keys, as the SDK does).
func (sd *serviceData) listValidator(l *shape) string {
	if l.Type == "map" {
		return fmt.Sprintf(`func %s(v map[string]types.%s) error {
	invalidParams := smithy.InvalidParamsError{Context: %q}
	for key := range v {
		value := v[key]
		if err := %s(&value); err != nil {
			invalidParams.AddNested(fmt.Sprintf("[%%q]", key), err.(smithy.InvalidParamsError))
		}
	}
	if invalidParams.Len() > 0 {
		return invalidParams
	}
	return nil
}

`, sd.validatorName(l.Name), l.Value.Name, l.Name, sd.validatorName(l.Value.Name))
	}
	return fmt.Sprintf(`func %s(v []types.%s) error {
	invalidParams := smithy.InvalidParamsError{Context: %q}
	for i := range v {
		if err := %s(&v[i]); err != nil {
			invalidParams.AddNested(fmt.Sprintf("[%%d]", i), err.(smithy.InvalidParamsError))
		}
	}
	if invalidParams.Len() > 0 {
		return invalidParams
	}
	return nil
}

`, sd.validatorName(l.Name), l.Member.Name, l.Name, sd.validatorName(l.Member.Name))
}

// sdkValidatorName is the name of the SDK's validator of a struct: validateOp<Op>Input for an
// operation's input, validate<Struct> for any other struct, including one whose name ends in
// Input without being an operation's (Personalize's BatchInferenceJobInput).
func (sd *serviceData) sdkValidatorName(sdkStruct string) string {
	if strings.HasSuffix(sdkStruct, "Input") {
		if _, ok := sd.sdk.checkOrder["validateOp"+sdkStruct]; ok {
			return "validateOp" + sdkStruct
		}
		if _, ok := sd.sdk.checkOrder["validate"+sdkStruct]; !ok {
			return "validateOp" + sdkStruct
		}
	}
	return "validate" + sdkStruct
}

// inOrder puts member names in the order the SDK's validator checks them; names it does not check
// follow in their own order.
func inOrder(names, order []string) []string {
	pos := map[string]int{}
	for i, n := range order {
		if _, seen := pos[n]; !seen {
			pos[n] = i
		}
	}
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool {
		pi, iok := pos[goName(out[i])]
		pj, jok := pos[goName(out[j])]
		switch {
		case iok && jok:
			return pi < pj
		case iok != jok:
			return iok
		}
		return false
	})
	return out
}
