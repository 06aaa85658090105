package scenario

import (
	"encoding/json"
	"reflect"
)

// normalize turns a Go value into what encoding/json would decode it to, so that values
// given in Go (ints, typed slices) compare equal to values read from a request.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

// contains reports whether doc has every member of want with an equal value; objects nest.
func contains(doc, want map[string]any) bool {
	for k, w := range want {
		got, ok := doc[k]
		if !ok {
			return false
		}
		if wm, ok := w.(map[string]any); ok {
			gm, ok := got.(map[string]any)
			if !ok || !contains(gm, wm) {
				return false
			}
			continue
		}
		if !reflect.DeepEqual(got, w) {
			return false
		}
	}
	return true
}

// MatchInput reports whether a request document contains every member of want with an equal
// value, objects nesting; want may use any Go values that encode to the same JSON. It is what
// WhenInput rules and fake.RequireCalls use.
func MatchInput(doc, want map[string]any) bool {
	w, _ := normalize(want).(map[string]any)
	return contains(doc, w)
}
