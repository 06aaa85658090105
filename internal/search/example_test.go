package search_test

import (
	"fmt"
	"time"

	"github.com/awsfake/awsfake/internal/search"
)

// component stands for the engine's trial component; componentRecord is its adapter.
type component struct {
	name, arn string
	trials    []string
	modified  time.Time
	params    map[string]float64
}

type componentRecord struct{ c *component }

func (r componentRecord) Get(f search.Field, key string) search.Value {
	switch f {
	case search.FieldName:
		return search.Text(r.c.name)
	case search.FieldArn:
		return search.Text(r.c.arn)
	case search.FieldLastModifiedTime:
		return search.Time(r.c.modified)
	case search.FieldParameter:
		if v, ok := r.c.params[key]; ok {
			return search.Number(v)
		}
	}
	return search.Value{}
}

func (r componentRecord) Len(f search.Field) int {
	switch f {
	case search.FieldParents:
		return len(r.c.trials)
	case search.FieldParameters:
		return len(r.c.params)
	}
	return 0
}

func (r componentRecord) Elem(list search.Field, i int, f search.Field) search.Value {
	if list == search.FieldParents && f == search.FieldParentTrialName {
		return search.Text(r.c.trials[i])
	}
	return search.Value{}
}

func Example() {
	t0 := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	all := []*component{
		{"train-1", "arn:tc/train-1", []string{"run-a"}, t0, map[string]float64{"lr": 0.1}},
		{"train-2", "arn:tc/train-2", []string{"run-a", "run-b"}, t0.Add(time.Hour), map[string]float64{"lr": 0.01}},
		{"eval-1", "arn:tc/eval-1", []string{"run-b"}, t0.Add(2 * time.Hour), nil},
	}
	// The engine's index from a trial's name to its components.
	byTrial := map[string][]*component{}
	for _, c := range all {
		for _, t := range c.trials {
			byTrial[t] = append(byTrial[t], c)
		}
	}

	str := func(s string) *string { return &s }
	q, err := search.Compile(search.ExperimentTrialComponent, &search.Expression{Filters: []search.Filter{
		{Name: "Parents.TrialName", Operator: str("Equals"), Value: str("run-b")},
		{Name: "Parameters.lr", Operator: str("LessThan"), Value: str("0.5")},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	o, _ := search.NewOrder(search.ExperimentTrialComponent, nil, nil)

	candidates := all
	if trials, ok := q.Hint(search.FieldParentTrialName); ok {
		candidates = nil
		for _, t := range trials {
			candidates = append(candidates, byTrial[t]...)
		}
	}
	var matches []componentRecord
	for _, c := range candidates {
		if r := (componentRecord{c}); q.Match(r) {
			matches = append(matches, r)
		}
	}
	search.Sort(o, matches)
	for _, r := range matches {
		fmt.Println(r.c.name)
	}

	_, err = search.Compile(search.ExperimentTrialComponent, &search.Expression{Filters: []search.Filter{{Name: "TrialName", Value: str("run-b")}}})
	fmt.Println(err)
	// Output:
	// train-2
	// ValidationException: Unknown property name: TrialName
}
