package pzfilter

import (
	"fmt"
	"testing"
)

// BenchmarkParse parses a filter of two expressions, as CreateFilter does.
func BenchmarkParse(b *testing.B) {
	const expr = `INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) AND Items.PRICE <= $PRICE IF CurrentUser.AGE >= 18 | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "purchase")`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(expr); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeep evaluates filters on one candidate at a time, as a recommendation request
// walks its ranked candidates; each Matcher is made once, outside the loop.
func BenchmarkKeep(b *testing.B) {
	data := newTestData()
	for i := range 1000 {
		data.records[Items][fmt.Sprintf("x%d", i)] = map[string]Value{"GENRE": Categorical("comedy|drama|horror"), "PRICE": Number(float64(i))}
	}
	cases := []struct {
		name, expr string
		values     map[string]string
	}{
		{"exclude interactions", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("purchase")`, nil},
		{"categorical IN", `INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)`, map[string]string{"GENRE": `"horror"`}},
		{"numeric", `INCLUDE ItemID WHERE Items.PRICE <= $PRICE`, map[string]string{"PRICE": "500"}},
		{"two expressions", `INCLUDE ItemID WHERE Items.GENRE IN ("drama") AND Items.PRICE < 900 IF CurrentUser.AGE >= 18 | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "purchase")`, nil},
	}
	ids := []string{"x1", "x500", "x999", "i1", "i4"}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			f, err := Parse(tc.expr)
			if err != nil {
				b.Fatal(err)
			}
			bound, err := f.Bind(tc.values)
			if err != nil {
				b.Fatal(err)
			}
			m := bound.Matcher(data, Request{UserID: "u1"})
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Keep(ids[i%len(ids)])
				i++
			}
		})
	}
}

// BenchmarkPrepare binds filter values and prepares a Matcher, the per-request cost.
func BenchmarkPrepare(b *testing.B) {
	data := newTestData()
	f, err := Parse(`INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "purchase")`)
	if err != nil {
		b.Fatal(err)
	}
	values := map[string]string{"GENRE": `"comedy","drama"`}
	b.ReportAllocs()
	for b.Loop() {
		bound, err := f.Bind(values)
		if err != nil {
			b.Fatal(err)
		}
		bound.Matcher(data, Request{UserID: "u1"})
	}
}
