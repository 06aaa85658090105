package pzfilter

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzFilterExpression feeds arbitrary expressions and filter values through the whole path:
// nothing panics, a refusal says where (an offset inside the text, the text found there), and a
// parsed filter's canonical form parses back to an equal filter that prints the same.
func FuzzFilterExpression(f *testing.F) {
	for _, seed := range [][2]string{
		{`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "stream")`, ``},
		{`INCLUDE ItemID WHERE Items.PRICE <= $PRICE`, `20`},
		{`EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE`, `"comedy","drama"`},
		{`INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY) | INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("favorite")`, `"a"`},
		{`INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.GENRE`, ``},
		{`INCLUDE ActionID WHERE Actions.VALUE > ($VALUE)`, `-1.5`},
		{`INCLUDE UserID WHERE Users.AGE < $AGE OR Interactions.EVENT_TYPE NOT IN ("x")`, `"18"`},
		{`include itemid where items.a in ("x\"y\\z") or items.b = 1 and items.c >= -2.5`, `"a",`},
	} {
		f.Add(seed[0], seed[1])
	}
	data := newTestData()
	f.Fuzz(func(t *testing.T, text, value string) {
		flt, err := Parse(text)
		if err != nil {
			checkRefusal(t, text, err)
			return
		}
		canonical := flt.String()
		again, perr := parseText(canonical)
		if perr != nil {
			t.Fatalf("the canonical form %q of %q does not parse: %v", canonical, text, perr)
		}
		if !reflect.DeepEqual(flt, again) {
			t.Fatalf("%q parses to %#v, its canonical form %q to %#v", text, flt, canonical, again)
		}
		if again.String() != canonical {
			t.Fatalf("the canonical form %q prints as %q", canonical, again.String())
		}
		_ = flt.Check(testSchemas)
		_, _, _, _ = flt.Placeholders(), flt.Fields(), flt.NeedsUser(), flt.NeedsItem()
		values := map[string]string{}
		for _, name := range flt.Placeholders() {
			values[name] = value
		}
		for _, vals := range []map[string]string{values, nil} {
			b, err := flt.Bind(vals)
			if err != nil {
				var pe *Error
				if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), invalidValues) {
					t.Fatalf("a refused value is not an *Error about filter values: %v", err)
				}
				continue
			}
			m := b.Matcher(data, Request{UserID: "u1", ItemID: "i1", InteractionLimit: 2})
			for _, id := range []string{"i1", "i2", "i3", "i4", "i5", "i6", "u1", "u2", "a1", "a2", ""} {
				m.Keep(id)
			}
		}
	})
}

// checkRefusal checks that a refusal is an *Error that says where.
func checkRefusal(t *testing.T, text string, err error) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("%q: the refusal is a %T, not an *Error: %v", text, err, err)
	}
	if !strings.HasPrefix(err.Error(), "Could not create filter. Invalid ") {
		t.Fatalf("%q: the refusal does not open as AWS's do: %v", text, err)
	}
	if pe.Offset < -1 || pe.Offset > len(text) {
		t.Fatalf("%q: offset %d is outside the expression: %v", text, pe.Offset, err)
	}
	if pe.Offset >= 0 && !strings.HasPrefix(text[pe.Offset:], pe.Near) {
		t.Fatalf("%q: %q is not at offset %d: %v", text, pe.Near, pe.Offset, err)
	}
}
