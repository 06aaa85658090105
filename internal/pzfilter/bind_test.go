package pzfilter

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// TestBindValues reads filterValues as AWS documents them: quoted strings, bare numbers,
// separated by commas.
func TestBindValues(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, value string
		want        []lit
	}{
		{"one string", `"comedy"`, []lit{{s: "comedy"}}},
		{"strings", `"comedy","drama","horror"`, []lit{{s: "comedy"}, {s: "drama"}, {s: "horror"}}},
		{"spaces", ` "a" ,	"b" `, []lit{{s: "a"}, {s: "b"}}},
		{"escapes", `"say \"hi\"","a\\b"`, []lit{{s: `say "hi"`}, {s: `a\b`}}},
		{"comma inside quotes", `"a,b"`, []lit{{s: "a,b"}}},
		{"number", `20`, []lit{{s: "20", n: 20, num: true}}},
		{"negative decimal", `-1.5`, []lit{{s: "-1.5", n: -1.5, num: true}}},
		{"quoted number", `"20"`, []lit{{s: "20", n: 20, num: true}}},
		{"mixed", `"a", 3`, []lit{{s: "a"}, {s: "3", n: 3, num: true}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseValue("X", tc.value)
			require.Nil(t, err)
			require.Empty(t, cmp.Diff(tc.want, got, cmp.AllowUnexported(lit{})))
		})
	}
}

// TestBindRefuses refuses filterValues that do not read or do not fit the filter.
func TestBindRefuses(t *testing.T) {
	t.Parallel()
	const incl = `INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) AND Items.PRICE <= $PRICE AND Items.COLOR = $COLOR`
	many := map[string]string{}
	for i := range MaxFilterValues + 1 {
		many[fmt.Sprintf("K%d", i)] = `"x"`
	}
	all := func(extra map[string]string) map[string]string {
		m := map[string]string{"GENRE": `"a"`, "PRICE": "10", "COLOR": `"red"`}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	cases := []struct {
		name, expr  string
		values      map[string]string
		offset      int
		placeholder string
		want        string
	}{
		{"unquoted string", incl, all(map[string]string{"GENRE": "comedy"}), 0, "GENRE",
			`Invalid filter values: the value of $GENRE at offset 0 ("comedy"): expected a "string" in double quotes or a number`},
		{"missing comma", incl, all(map[string]string{"GENRE": `"a" "b"`}), 4, "GENRE",
			`Invalid filter values: the value of $GENRE at offset 4 ("\"b\""): expected a comma between values`},
		{"trailing comma", incl, all(map[string]string{"GENRE": `"a",`}), 4, "GENRE",
			`Invalid filter values: the value of $GENRE at the end: expected a "string" in double quotes or a number`},
		{"unterminated", incl, all(map[string]string{"GENRE": `"a`}), 0, "GENRE",
			`Invalid filter values: the value of $GENRE at offset 0 ("\"a"): the string has no closing double quote`},
		{"empty", incl, all(map[string]string{"GENRE": ``}), -1, "GENRE",
			"Invalid filter values: the value of $GENRE is empty; give one or more values separated by commas"},
		{"two numbers for <=", incl, all(map[string]string{"PRICE": "1,2"}), -1, "PRICE",
			"Invalid filter values: $PRICE is compared with <=, which takes one value, not 2"},
		{"a word for <=", incl, all(map[string]string{"PRICE": `"cheap"`}), -1, "PRICE",
			`Invalid filter values: $PRICE is compared with <=, which orders numbers; "cheap" is not a number`},
		{"two values for =", incl, all(map[string]string{"COLOR": `"red","blue"`}), -1, "COLOR",
			"Invalid filter values: $COLOR is compared with =, which takes one value, not 2"},
		{"missing in INCLUDE", incl, map[string]string{"PRICE": "3"}, -1, "COLOR",
			"Invalid filter values: an INCLUDE expression needs values for all its placeholders; missing $COLOR, $GENRE"},
		{"missing in INCLUDE's IF", `INCLUDE ItemID WHERE Items.GENRE IN ("a") IF CurrentUser.AGE > $AGE`, nil, -1, "AGE",
			"Invalid filter values: an INCLUDE expression needs values for all its placeholders; missing $AGE"},
		{"too many", incl, many, -1, "", "Invalid filter values: at most 25 filter values, not 26"},
		{"bad key", incl, all(map[string]string{"A-B": `"x"`}), -1, "A-B",
			`Invalid filter values: the key "A-B" is not a placeholder name (1 to 50 letters, digits or underscores)`},
		{"key too long", incl, all(map[string]string{strings.Repeat("K", 51): `"x"`}), -1, strings.Repeat("K", 51),
			"is not a placeholder name"},
		{"value too long", incl, all(map[string]string{"GENRE": `"` + strings.Repeat("é", 999) + `"`}), -1, "GENRE",
			"Invalid filter values: the value of $GENRE is 1001 characters long; the most is 1000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.NoError(t, err)
			b, err := f.Bind(tc.values)
			require.Nil(t, b)
			var pe *Error
			require.True(t, errors.As(err, &pe), "%v", err)
			require.Equal(t, tc.offset, pe.Offset, "%v", err)
			require.Equal(t, tc.placeholder, pe.Placeholder)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestBindAccepts binds what AWS accepts: values for every placeholder, EXCLUDE placeholders
// left out, and keys the filter does not use.
func TestBindAccepts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, expr string
		values     map[string]string
	}{
		{"all values", `INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) AND Items.PRICE <= $PRICE`, map[string]string{"GENRE": `"a","b"`, "PRICE": "9.5"}},
		{"EXCLUDE without values", `EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE`, nil},
		{"unused keys", `EXCLUDE ItemID WHERE Items.GENRE IN ("a")`, map[string]string{"OTHER": `"x"`}},
		{"EXCLUDE's part left out beside an INCLUDE", `INCLUDE ItemID WHERE Items.A IN ($A) | EXCLUDE ItemID WHERE Items.B IN ($B)`, map[string]string{"A": `"x"`}},
		{"25 values", `EXCLUDE ItemID WHERE Items.GENRE IN ($K0)`, func() map[string]string {
			m := map[string]string{}
			for i := range MaxFilterValues {
				m[fmt.Sprintf("K%d", i)] = `"x"`
			}
			return m
		}()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.NoError(t, err)
			b, err := f.Bind(tc.values)
			require.NoError(t, err)
			require.Len(t, b.exprs, len(f.exprs))
		})
	}
}
