package search

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind is what a Value holds.
type Kind uint8

// The kinds of Value. The zero Value is Absent: the record has no such property.
const (
	Absent Kind = iota
	KindText
	KindNumber
	KindTime
)

// Value is one property value of a record: a string, a number or a time, or Absent. It is a
// small struct returned by value, so reading a property allocates nothing.
type Value struct {
	kind Kind
	s    string
	// n is the number, or a time as Unix milliseconds: AWS keeps timestamps to the
	// millisecond, and a float64 holds every millisecond instant of the next 280,000 years.
	n float64
}

// Text is a string value.
func Text(s string) Value { return Value{kind: KindText, s: s} }

// TextPtr is the string *s, or Absent when s is nil: the engine's optional members.
func TextPtr(s *string) Value {
	if s == nil {
		return Value{}
	}
	return Text(*s)
}

// Number is a numeric value.
func Number(f float64) Value { return Value{kind: KindNumber, n: f} }

// NumberPtr is the number *f, or Absent when f is nil.
func NumberPtr(f *float64) Value {
	if f == nil {
		return Value{}
	}
	return Number(*f)
}

// Time is a timestamp value, kept to the millisecond as AWS returns it. The zero time is
// Absent, so an unset start or end time needs no special case in an adapter.
func Time(t time.Time) Value {
	if t.IsZero() {
		return Value{}
	}
	return Value{kind: KindTime, n: float64(t.UnixMilli())}
}

// Kind reports what v holds.
func (v Value) Kind() Kind { return v.kind }

// String renders v for test failures and diagnostics.
func (v Value) String() string {
	switch v.kind {
	case KindText:
		return v.s
	case KindNumber:
		return strconv.FormatFloat(v.n, 'g', -1, 64)
	case KindTime:
		return time.UnixMilli(int64(v.n)).UTC().Format(time.RFC3339Nano)
	}
	return "<absent>"
}

// parseNumber reads a filter value as AWS documents numbers: "an integer or floating-point
// decimal", so no hexadecimal, no NaN or infinity (all of which strconv would accept). integer
// says the text had no fraction or exponent, which changes how parameters compare.
func parseNumber(s string) (f float64, integer, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := digits(s[i:])
	i += intDigits
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		i++
		fracDigits = digits(s[i:])
		i += fracDigits
	}
	if intDigits+fracDigits == 0 {
		return 0, false, false
	}
	integer = i == len(s) && fracDigits == 0 && !strings.Contains(s, ".")
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		e := digits(s[i:])
		if e == 0 {
			return 0, false, false
		}
		i += e
	}
	if i != len(s) {
		return 0, false, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false, false
	}
	return f, integer, true
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// The ISO 8601 forms a time filter accepts. AWS documents only YYYY-mm-dd'T'HH:MM:SS; the
// others (a zone, a fraction, a date alone) are what clients send from datetime.isoformat()
// and are accepted as a documented guess. A time without a zone is UTC.
var timeLayouts = []string{
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02",
}

// parseTime reads a time filter value: ISO 8601 as above, or epoch seconds (integer or
// fractional, the form the JSON protocol carries timestamps in; a documented guess).
func parseTime(s string) (ms float64, ok bool) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return float64(t.UnixMilli()), true
		}
	}
	f, _, ok := parseNumber(s)
	if !ok || strings.ContainsAny(s, "eE") || math.Abs(f) >= 1e11 {
		return 0, false
	}
	return math.Floor(f * 1000), true
}
