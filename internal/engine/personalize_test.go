package engine

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestObjectKeys(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string][]string{
		`{}`:                                       nil,
		`{"a": 1, "b": {"c": 2}, "d": ["e"]}`:      {"a", "b", "d"},
		`{"x\"y": "v:w", "k" : "a\\"}`:             {`x"y`, "k"},
		`{"\u0074imestamp": 1}`:                    {"timestamp"},
		`{"s": "{\"inner\": 1}", "t": [{"u": 2}]}`: {"s", "t"},
	} {
		var got []string
		objectKeys([]byte(doc), func(k string) bool { got = append(got, k); return true })
		require.Equal(t, want, got, doc)
	}
}

// newUUID's digits are the two draws of the seeded source, with the version and variant set.
func TestNewUUID(t *testing.T) {
	t.Parallel()
	e := New(Config{Seed: 42})
	e2 := New(Config{Seed: 42})
	hi, lo := e2.rng.Uint64(), e2.rng.Uint64()
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0xc<<60) | 0x8<<60
	want := fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
	require.Equal(t, want, e.newUUID())
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, e.newUUID())
}
