package pzfilter

import "strings"

// Field is one field of a dataset's schema, as Check needs it.
type Field struct {
	Name string
	// Type is the field's Avro primitive type, a union with "null" reduced to the other type:
	// "string", "int", "long", "float", "double" or "boolean".
	Type        string
	Categorical bool
	Textual     bool
}

// SchemaInfo is what a dataset group holds, for Check: each dataset the group has, with its
// schema's fields. A dataset the group does not have is absent.
type SchemaInfo map[Dataset][]Field

// Check checks the filter against its dataset group's schemas: every dataset it reads exists,
// every field is in that dataset's schema (names compared ignoring case, as the engine's
// schemas compare them), no field is boolean or textual (AWS documents both as unfilterable),
// numbers are compared with numeric fields and strings with string fields. AWS documents no
// moment for these checks; the facts' recommendation is that the engine runs Check when the
// filter is created and fails the filter (CREATE FAILED, with the error as failureReason).
func (f *Filter) Check(schemas SchemaInfo) error {
	var err *Error
	f.eachCond(func(_ *expr, c *cond, inIf bool) {
		if err == nil {
			err = checkCond(schemas, c, inIf)
		}
	})
	return asError(err)
}

// checkCond checks one condition's field, operator and values.
func checkCond(schemas SchemaInfo, c *cond, inIf bool) *Error {
	name := c.ds.String() + "." + c.field
	if inIf {
		name = "CurrentUser." + c.field
	}
	fd, err := lookupField(schemas, c.ds, c.field, name)
	if err != nil {
		return err
	}
	numeric := isNumericType(fd.Type)
	if c.op.numeric() && !numeric {
		return schemaErr("%s %s: %s orders numbers, and %s is a %s field", name, opNames[c.op], opNames[c.op], fd.Name, fd.Type)
	}
	for _, v := range c.vals {
		switch v.kind {
		case litString:
			if numeric {
				return schemaErr("%s: %s is a %s field; compare it with numbers, not %q", name, fd.Name, fd.Type, v.text)
			}
		case litNumber:
			if !numeric {
				return schemaErr("%s: %s is a string field; compare it with strings in double quotes, not %s", name, fd.Name, v.text)
			}
		case currentItem:
			other, err := lookupField(schemas, Items, v.text, "CurrentItem."+v.text)
			if err != nil {
				return err
			}
			if isNumericType(other.Type) != numeric {
				return schemaErr("%s %s CurrentItem.%s: a %s field cannot be compared with a %s field", name, opNames[c.op], v.text, fd.Type, other.Type)
			}
		}
	}
	return nil
}

// lookupField finds a filterable field of a dataset the group has.
func lookupField(schemas SchemaInfo, ds Dataset, field, name string) (*Field, *Error) {
	fields, ok := schemas[ds]
	if !ok {
		return nil, schemaErr("%s: the dataset group has no %s dataset", name, ds)
	}
	var fd *Field
	for i := range fields {
		if strings.EqualFold(fields[i].Name, field) {
			fd = &fields[i]
			break
		}
	}
	switch {
	case fd == nil:
		return nil, schemaErr("%s: the %s dataset's schema has no field %s", name, ds, field)
	case fd.Type == "boolean":
		return nil, schemaErr(`%s: boolean fields cannot be filtered; use a string field with "True" and "False", or an int with 0 and 1`, name)
	case fd.Textual:
		return nil, schemaErr("%s: textual fields cannot be filtered", name)
	}
	return fd, nil
}

func isNumericType(t string) bool {
	return t == "int" || t == "long" || t == "float" || t == "double"
}

// Resolve checks the filter as Check does and returns a copy whose fields are spelled as the
// schemas spell them, so that a Data can look them up exactly ("items.genre" reads GENRE).
// The copy prints with those spellings; the filter itself is unchanged.
func (f *Filter) Resolve(schemas SchemaInfo) (*Filter, error) {
	if err := f.Check(schemas); err != nil {
		return nil, err
	}
	g := f.clone()
	g.eachCond(func(_ *expr, c *cond, _ bool) {
		c.field = spelling(schemas[c.ds], c.field)
		for i := range c.vals {
			if c.vals[i].kind == currentItem {
				c.vals[i].text = spelling(schemas[Items], c.vals[i].text)
			}
		}
	})
	return g, nil
}

// spelling is the schema's name for a field, compared ignoring case (Check found it).
func spelling(fields []Field, name string) string {
	for _, fd := range fields {
		if strings.EqualFold(fd.Name, name) {
			return fd.Name
		}
	}
	return name
}

// clone copies the filter deeply enough that its conditions can be changed.
func (f *Filter) clone() *Filter {
	g := &Filter{exprs: make([]expr, len(f.exprs))}
	for i, e := range f.exprs {
		e.where = append([][]cond(nil), e.where...)
		for j, group := range e.where {
			e.where[j] = cloneConds(group)
		}
		e.when = cloneConds(e.when)
		g.exprs[i] = e
	}
	return g
}

func cloneConds(conds []cond) []cond {
	if conds == nil {
		return nil
	}
	out := make([]cond, len(conds))
	for i, c := range conds {
		c.vals = append([]operand(nil), c.vals...)
		out[i] = c
	}
	return out
}
