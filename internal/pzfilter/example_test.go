package pzfilter_test

import (
	"fmt"
	"time"

	"github.com/awsfake/awsfake/internal/pzfilter"
)

// shop is a dataset group's records, as the engine hands them to a Matcher.
type shop struct {
	genres    map[string]string // item id: categorical GENRE
	purchases map[string][]string
}

func (s shop) Field(ds pzfilter.Dataset, id, field string) (pzfilter.Value, bool) {
	g, ok := s.genres[id]
	if ds != pzfilter.Items || field != "GENRE" || !ok {
		return pzfilter.Value{}, false
	}
	return pzfilter.Categorical(g), true
}

func (s shop) Interactions(ds pzfilter.Dataset, userID string) []pzfilter.Interaction {
	var list []pzfilter.Interaction
	for _, id := range s.purchases[userID] {
		list = append(list, pzfilter.Interaction{ID: id, EventType: "Purchase", Timestamp: time.Unix(1700000000, 0)})
	}
	return list
}

// The whole path: CreateFilter parses and checks, GetRecommendations binds its filterValues
// and keeps the candidates the filter keeps.
func Example() {
	f, err := pzfilter.Parse(`INCLUDE ItemID WHERE Items.genre IN ($GENRE) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("purchase")`)
	if err != nil {
		panic(err)
	}
	f, err = f.Resolve(pzfilter.SchemaInfo{
		pzfilter.Items:        {{Name: "ITEM_ID", Type: "string"}, {Name: "GENRE", Type: "string", Categorical: true}},
		pzfilter.Interactions: {{Name: "USER_ID", Type: "string"}, {Name: "ITEM_ID", Type: "string"}, {Name: "TIMESTAMP", Type: "long"}, {Name: "EVENT_TYPE", Type: "string"}},
	})
	if err != nil {
		panic(err)
	}
	b, err := f.Bind(map[string]string{"GENRE": `"comedy","drama"`})
	if err != nil {
		panic(err)
	}
	data := shop{
		genres:    map[string]string{"film1": "comedy|romance", "film2": "drama", "film3": "horror", "film4": "comedy"},
		purchases: map[string][]string{"u1": {"film4"}},
	}
	m := b.Matcher(data, pzfilter.Request{UserID: "u1"})
	fmt.Println(f.Placeholders(), m.Filter([]string{"film1", "film2", "film3", "film4"}))
	// Output: [GENRE] [film1 film2]
}

// A refusal says where the expression goes wrong and what was expected there.
func ExampleParse_refused() {
	_, err := pzfilter.Parse(`EXCLUDE ItemID WHERE Items.GENRE NOT IN ($GENRE)`)
	fmt.Println(err)
	_, err = pzfilter.Parse(`INCLUDE ItemID WHERE Items.PRICE < 20 AND Interactions.EVENT_TYPE IN ("click")`)
	fmt.Println(err)
	// Output:
	// Could not create filter. Invalid input symbol $GENRE at offset 41: Placeholders can only be used with IN, =, <, <=, > or >=, not with NOT IN; use IN in the opposite expression (INCLUDE for EXCLUDE)
	// Could not create filter. Invalid Expression at offset 42 ("Interactions.EVENT_TYPE"): conditions joined by AND or OR must read the dataset of the first condition (Items); filter on Interactions in another expression after |
}
