package fake

import (
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
)

// Helpers of the generated conversions between the SDK's types and the engine's shapes
// (zz_*.go). Every one copies, so a caller that changes its input or output afterwards cannot
// reach the fake's state. An SDK enum's empty value means "not set", as the SDK serializes it.

func str(s *string) *string {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}

// stringCopier copies several strings with one allocation: each str call returns a pointer into
// one backing array. (Should the array grow, earlier pointers keep the old one, whose values
// never change, so every pointer stays right.)
type stringCopier []string

func newStrings(n int) *stringCopier {
	s := make(stringCopier, 0, n)
	return &s
}

func (c *stringCopier) str(p *string) *string {
	if p == nil {
		return nil
	}
	*c = append(*c, *p)
	return &(*c)[len(*c)-1]
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// valuePtr and ptrValue convert the SDK's unboxed members (a plain bool or int32) to the shapes'
// optional ones and back; the zero value is "not set", as the SDK serializes it. internal/gen
// emits them (and enumsIn, enumsOut) for members no supported operation has yet.
//
//lint:ignore U1000 emitted by internal/gen for an operation with an unboxed member
func valuePtr[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

//lint:ignore U1000 emitted by internal/gen for an operation with an unboxed member
func ptrValue[T any](p *T) T {
	var v T
	if p != nil {
		v = *p
	}
	return v
}

func enumIn[E ~string](e E) *string {
	if e == "" {
		return nil
	}
	s := string(e)
	return &s
}

func enumOut[E ~string](s *string) E {
	if s == nil {
		return ""
	}
	return E(*s)
}

//lint:ignore U1000 emitted by internal/gen for an operation with a list of enums
func enumsIn[E ~string](es []E) []string {
	if es == nil {
		return nil
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return out
}

//lint:ignore U1000 emitted by internal/gen for an operation with a list of enums
func enumsOut[E ~string](ss []string) []E {
	if ss == nil {
		return nil
	}
	out := make([]E, len(ss))
	for i, s := range ss {
		out[i] = E(s)
	}
	return out
}

func timeIn(t *time.Time) *shape.Time {
	if t == nil {
		return nil
	}
	return &shape.Time{Time: *t}
}

func timeOut(t *shape.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := t.Time
	return &c
}

// floatIn and floatOut convert the SDK's float32 members (the model's "float") to the shapes'
// float64 and back.
func floatIn(f *float32) *float64 {
	if f == nil {
		return nil
	}
	v := float64(*f)
	return &v
}

func floatOut(f *float64) *float32 {
	if f == nil {
		return nil
	}
	v := float32(*f)
	return &v
}

// convPtr converts an optional structure.
func convPtr[A, B any](p *A, f func(*A) B) *B {
	if p == nil {
		return nil
	}
	b := f(p)
	return &b
}

// convSlice converts a list of structures; nil stays nil and empty stays empty, as the SDK tells
// an absent list from an empty one.
func convSlice[A, B any](s []A, f func(*A) B) []B {
	if s == nil {
		return nil
	}
	out := make([]B, len(s))
	for i := range s {
		out[i] = f(&s[i])
	}
	return out
}

// convMap converts a map from strings to structures (or to a union); nil stays nil.
func convMap[A, B any](m map[string]A, f func(*A) B) map[string]B {
	if m == nil {
		return nil
	}
	out := make(map[string]B, len(m))
	for k, v := range m {
		out[k] = f(&v)
	}
	return out
}

// ptrTo returns a pointer to a copy of v: a union member's value as the shape's optional member.
func ptrTo[T any](v T) *T { return &v }

// cloneListMap copies a map of string lists, lists and all.
//
//lint:ignore U1000 emitted by internal/gen for an operation with a map of lists
func cloneListMap(m map[string][]string) map[string][]string {
	if m == nil {
		return nil
	}
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
}
