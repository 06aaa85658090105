package pzfilter

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testData is a dataset group in memory, as the engine would hand it over.
type testData struct {
	records      map[Dataset]map[string]map[string]Value // dataset, id, upper-case field
	interactions map[Dataset]map[string][]Interaction    // dataset, user
}

func (d *testData) Field(ds Dataset, id, field string) (Value, bool) {
	v, ok := d.records[ds][id][strings.ToUpper(field)]
	return v, ok
}

func (d *testData) Interactions(ds Dataset, userID string) []Interaction {
	return d.interactions[ds][userID]
}

// minute is a time n minutes into the test's day.
func minute(n int) time.Time { return time.Date(2026, 1, 1, 0, n, 0, 0, time.UTC) }

func newTestData() *testData {
	return &testData{
		records: map[Dataset]map[string]map[string]Value{
			Items: {
				"i1": {"GENRE": Categorical("comedy|drama"), "PRICE": Number(10), "COLOR": String("red")},
				"i2": {"GENRE": Categorical("horror"), "PRICE": Number(25), "COLOR": String("blue")},
				"i3": {"GENRE": Categorical("drama"), "PRICE": Number(5)},
				// i4 has no record.
				"i5": {"GENRE": Categorical("Comedy"), "PRICE": Number(40), "COLOR": String("red")},
				"i6": {"COLOR": String("red|blue")},
			},
			Users: {
				"u1": {"AGE": Number(25), "MEMBERSHIP": Categorical("gold")},
				"u2": {"AGE": Number(15)},
			},
			Actions: {
				"a1": {"VALUE": Number(3)},
				"a2": {"VALUE": Number(9)},
			},
		},
		interactions: map[Dataset]map[string][]Interaction{
			Interactions: {
				"u1": {{"i1", "click", minute(1)}, {"i2", "purchase", minute(2)}, {"i3", "CLICK", minute(3)}},
				"u2": {{"i5", "view", minute(1)}},
				"u3": {{"i1", "c", minute(1)}, {"i2", "c", minute(3)}, {"i3", "c", minute(2)}, {"i5", "d", minute(0)}},
			},
			ActionInteractions: {"u1": {{"a1", "TAKEN", minute(1)}}},
		},
	}
}

var allItems = []string{"i1", "i2", "i3", "i4", "i5", "i6"}

// TestKeep evaluates filters on candidates as AWS documents their meaning.
func TestKeep(t *testing.T) {
	t.Parallel()
	many := `"a", "b", "c", "d", "e", "f", "g", "h", "horror", "j"`
	cases := []struct {
		name, expr string
		values     map[string]string
		req        Request
		candidates []string // allItems when nil
		want       []string
	}{
		{"exclude purchased", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("purchase")`, nil, Request{UserID: "u1"}, nil,
			[]string{"i1", "i3", "i4", "i5", "i6"}},
		{"event types ignore case", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("Click")`, nil, Request{UserID: "u1"}, nil,
			[]string{"i2", "i4", "i5", "i6"}},
		{"any event type", `INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("*")`, nil, Request{UserID: "u1"}, nil,
			[]string{"i1", "i2", "i3"}},
		{"interactions NOT IN", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE NOT IN ("click")`, nil, Request{UserID: "u1"}, nil,
			[]string{"i1", "i3", "i4", "i5", "i6"}},
		{"no user: no interactions", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`, nil, Request{}, nil, allItems},
		{"event type placeholder", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($E)`, map[string]string{"E": `"view"`}, Request{UserID: "u2"}, nil,
			[]string{"i1", "i2", "i3", "i4", "i6"}},
		{"most recent per type", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("c", "d")`, nil, Request{UserID: "u3", InteractionLimit: 2}, nil,
			[]string{"i1", "i4", "i6"}},
		{"categorical values each match", `INCLUDE ItemID WHERE Items.GENRE IN ("drama")`, nil, Request{}, nil, []string{"i1", "i3"}},
		{"values are case-sensitive", `INCLUDE ItemID WHERE Items.GENRE IN ("comedy")`, nil, Request{}, nil, []string{"i1"}},
		{"NOT IN needs the field", `INCLUDE ItemID WHERE Items.GENRE NOT IN ("drama")`, nil, Request{}, nil, []string{"i2", "i5"}},
		{"a plain string is one value", `INCLUDE ItemID WHERE Items.COLOR IN ("red")`, nil, Request{}, nil, []string{"i1", "i5"}},
		{"= on a string", `INCLUDE ItemID WHERE Items.COLOR = "red|blue"`, nil, Request{}, nil, []string{"i6"}},
		{"= on a categorical", `INCLUDE ItemID WHERE Items.GENRE = "drama"`, nil, Request{}, nil, []string{"i1", "i3"}},
		{"<", `INCLUDE ItemID WHERE Items.PRICE < 20`, nil, Request{}, nil, []string{"i1", "i3"}},
		{">=", `INCLUDE ItemID WHERE Items.PRICE >= 25`, nil, Request{}, nil, []string{"i2", "i5"}},
		{"> and <=", `INCLUDE ItemID WHERE Items.PRICE > 5 AND Items.PRICE <= 25`, nil, Request{}, nil, []string{"i1", "i2"}},
		{"= on a number", `INCLUDE ItemID WHERE Items.PRICE = 10`, nil, Request{}, nil, []string{"i1"}},
		{"numbers in IN", `INCLUDE ItemID WHERE Items.PRICE IN (5, 40)`, nil, Request{}, nil, []string{"i3", "i5"}},
		{"numeric placeholder", `INCLUDE ItemID WHERE Items.PRICE <= $P`, map[string]string{"P": "10"}, Request{}, nil, []string{"i1", "i3"}},
		{"quoted numeric placeholder", `INCLUDE ItemID WHERE Items.PRICE <= $P`, map[string]string{"P": `"10"`}, Request{}, nil, []string{"i1", "i3"}},
		{"string placeholder", `INCLUDE ItemID WHERE Items.GENRE IN ($G)`, map[string]string{"G": `"horror","Comedy"`}, Request{}, nil, []string{"i2", "i5"}},
		{"many values", `INCLUDE ItemID WHERE Items.GENRE IN (` + many + `)`, nil, Request{}, nil, []string{"i2"}},
		{"AND binds tighter than OR", `INCLUDE ItemID WHERE Items.COLOR = "red" AND Items.PRICE > 20 OR Items.GENRE IN ("horror")`, nil, Request{}, nil,
			[]string{"i2", "i5"}},
		{"IF holds", `EXCLUDE ItemID WHERE Items.GENRE IN ("horror") IF CurrentUser.AGE < 18`, nil, Request{UserID: "u2"}, nil,
			[]string{"i1", "i3", "i4", "i5", "i6"}},
		{"IF fails", `EXCLUDE ItemID WHERE Items.GENRE IN ("horror") IF CurrentUser.AGE < 18`, nil, Request{UserID: "u1"}, nil, allItems},
		{"IF on a categorical", `INCLUDE ItemID WHERE Items.PRICE > 20 IF CurrentUser.MEMBERSHIP IN ("gold") AND CurrentUser.AGE >= 18`, nil,
			Request{UserID: "u1"}, nil, []string{"i2", "i5"}},
		{"INCLUDE whose IF fails filters nothing", `INCLUDE ItemID WHERE Items.PRICE > 20 IF CurrentUser.AGE > 30`, nil, Request{UserID: "u1"}, nil, allItems},
		{"IF without a user", `INCLUDE ItemID WHERE Items.PRICE > 20 IF CurrentUser.AGE > 3`, nil, Request{}, nil, allItems},
		{"include minus exclude", `INCLUDE ItemID WHERE Items.GENRE IN ($G) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`,
			map[string]string{"G": `"comedy","horror"`}, Request{UserID: "u1"}, nil, []string{"i2"}},
		{"exclude first, same result", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click") | INCLUDE ItemID WHERE Items.GENRE IN ($G)`,
			map[string]string{"G": `"comedy","horror"`}, Request{UserID: "u1"}, nil, []string{"i2"}},
		{"include union", `INCLUDE ItemID WHERE Items.GENRE IN ("horror") | INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`,
			nil, Request{UserID: "u1"}, nil, []string{"i1", "i2", "i3"}},
		{"exclude union", `EXCLUDE ItemID WHERE Items.GENRE IN ("horror") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`,
			nil, Request{UserID: "u1"}, nil, []string{"i4", "i5", "i6"}},
		{"EXCLUDE without its value", `EXCLUDE ItemID WHERE Items.GENRE IN ($G)`, nil, Request{}, nil, allItems},
		{"EXCLUDE keeps its literals", `EXCLUDE ItemID WHERE Items.GENRE IN ($G, "horror")`, nil, Request{}, nil,
			[]string{"i1", "i3", "i4", "i5", "i6"}},
		{"EXCLUDE's IF without its value", `EXCLUDE ItemID WHERE Items.GENRE IN ("horror") IF CurrentUser.AGE = $AGE`, nil, Request{UserID: "u1"}, nil, allItems},
		{"cheaper than the current item", `INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE`, nil, Request{ItemID: "i2"}, nil, []string{"i1", "i3"}},
		{"sharing a genre with the current item", `INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.GENRE`, nil, Request{ItemID: "i3"}, nil, []string{"i1", "i3"}},
		{"no genre in common", `INCLUDE ItemID WHERE Items.GENRE NOT IN CurrentItem.GENRE`, nil, Request{ItemID: "i3"}, nil, []string{"i2", "i5"}},
		{"no current item", `INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.GENRE`, nil, Request{}, nil, []string{}},
		{"user segment by interactions", `INCLUDE UserID WHERE Interactions.EVENT_TYPE IN ("view")`, nil, Request{}, []string{"u1", "u2", "u9"}, []string{"u2"}},
		{"user segment NOT IN", `EXCLUDE UserID WHERE Interactions.EVENT_TYPE NOT IN ("view")`, nil, Request{}, []string{"u1", "u2", "u9"}, []string{"u2", "u9"}},
		{"user segment by metadata", `INCLUDE UserID WHERE Users.AGE >= $AGE`, map[string]string{"AGE": "18"}, Request{}, []string{"u1", "u2", "u9"}, []string{"u1"}},
		{"actions by metadata", `INCLUDE ActionID WHERE Actions.VALUE > ($V)`, map[string]string{"V": "5"}, Request{}, []string{"a1", "a2", "a3"}, []string{"a2"}},
		{"actions taken", `EXCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN ("taken")`, nil, Request{UserID: "u1"}, []string{"a1", "a2", "a3"},
			[]string{"a2", "a3"}},
	}
	data := newTestData()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.NoError(t, err)
			b, err := f.Bind(tc.values)
			require.NoError(t, err)
			candidates := tc.candidates
			if candidates == nil {
				candidates = allItems
			}
			m := b.Matcher(data, tc.req)
			kept := []string{}
			for _, id := range candidates {
				if m.Keep(id) {
					kept = append(kept, id)
				}
			}
			require.Equal(t, tc.want, kept)
			require.Equal(t, tc.want, m.Filter(append([]string(nil), candidates...)), "Filter keeps what Keep keeps")
		})
	}
}

// TestMostRecent keeps the newest interactions of each event type, by time then by order.
func TestMostRecent(t *testing.T) {
	t.Parallel()
	hist := []Interaction{{"a", "x", minute(5)}, {"b", "X", minute(1)}, {"c", "x", minute(5)}, {"d", "y", minute(0)}, {"e", "x", minute(3)}}
	ids := func(list []Interaction) []string {
		var out []string
		for _, it := range list {
			out = append(out, it.ID)
		}
		return out
	}
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, ids(mostRecent(hist, 4)), "under the limit: all, in order")
	require.Equal(t, []string{"c", "a", "d"}, ids(mostRecent(hist, 2)))
	require.Equal(t, []string{"c", "d"}, ids(mostRecent(hist, 1)))
}

// TestBoundIsShared makes Matchers for different requests from one Bound at once.
func TestBoundIsShared(t *testing.T) {
	t.Parallel()
	f, err := Parse(`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "view")`)
	require.NoError(t, err)
	b, err := f.Bind(nil)
	require.NoError(t, err)
	data := newTestData()
	m1, m2 := b.Matcher(data, Request{UserID: "u1"}), b.Matcher(data, Request{UserID: "u2"})
	require.Equal(t, []string{"i2", "i4", "i5", "i6"}, m1.Filter(append([]string(nil), allItems...)))
	require.Equal(t, []string{"i1", "i2", "i3", "i4", "i6"}, m2.Filter(append([]string(nil), allItems...)))
}
