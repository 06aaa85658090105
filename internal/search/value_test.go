package search

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in      string
		want    float64
		integer bool
		ok      bool
	}{
		{"0", 0, true, true},
		{"42", 42, true, true},
		{"-7", -7, true, true},
		{"+3", 3, true, true},
		{"0.5", 0.5, false, true},
		{".5", 0.5, false, true},
		{"5.", 5, false, true},
		{"5.0", 5, false, true},
		{"1e3", 1000, false, true},
		{"1E-3", 0.001, false, true},
		{"-2.5e+2", -250, false, true},
		{"", 0, false, false},
		{".", 0, false, false},
		{"-", 0, false, false},
		{"1e", 0, false, false},
		{"1e+", 0, false, false},
		{"e5", 0, false, false},
		{"1.2.3", 0, false, false},
		{" 1", 0, false, false},
		{"1 ", 0, false, false},
		{"0x1p3", 0, false, false},
		{"1_000", 0, false, false},
		{"NaN", 0, false, false},
		{"Infinity", 0, false, false},
		{"1e309", 0, false, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			got, integer, ok := parseNumber(c.in)
			require.Equal(t, c.ok, ok)
			require.Equal(t, c.want, got)
			require.Equal(t, c.integer, integer)
		})
	}
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	at := func(s string) float64 {
		tm, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return float64(tm.UnixMilli())
	}
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"2024-05-01T12:00:00", at("2024-05-01T12:00:00Z"), true},
		{"2024-05-01T12:00:00Z", at("2024-05-01T12:00:00Z"), true},
		{"2024-05-01T12:00:00.250Z", at("2024-05-01T12:00:00.250Z"), true},
		{"2024-05-01T12:00:00.123456+00:00", at("2024-05-01T12:00:00.123Z"), true},
		{"2024-05-01T14:00:00+02:00", at("2024-05-01T12:00:00Z"), true},
		{"2024-05-01T05:00:00-0700", at("2024-05-01T12:00:00Z"), true},
		{"2024-05-01", at("2024-05-01T00:00:00Z"), true},
		{"1714564800", at("2024-05-01T12:00:00Z"), true},
		{"1714564800.5", at("2024-05-01T12:00:00.5Z"), true},
		{"-1", -1000, true},
		{"0", 0, true},
		{"2024-05-01 12:00:00", 0, false},
		{"2024-02-30T00:00:00", 0, false},
		{"24-05-01T12:00:00", 0, false},
		{"1.7e9", 0, false},
		{"100000000000", 0, false},
		{"today", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			got, ok := parseTime(c.in)
			require.Equal(t, c.ok, ok)
			require.Equal(t, c.want, got)
		})
	}
}

func TestValues(t *testing.T) {
	t.Parallel()
	str := "x"
	num := 2.5
	require.Equal(t, Absent, TextPtr(nil).Kind())
	require.Equal(t, Text("x"), TextPtr(&str))
	require.Equal(t, Absent, NumberPtr(nil).Kind())
	require.Equal(t, Number(2.5), NumberPtr(&num))
	require.Equal(t, Absent, Time(time.Time{}).Kind(), "the zero time is absent")
	require.Equal(t, KindTime, Time(time.Unix(0, 0)).Kind(), "the epoch is a time")
	require.Equal(t, Time(t0), Time(t0.Add(999*time.Microsecond)), "times keep milliseconds")
	require.Equal(t, "2024-05-01T12:00:00Z", Time(t0).String())
	require.Equal(t, "2.5", Number(2.5).String())
	require.Equal(t, "x", Text("x").String())
	require.Equal(t, "<absent>", Value{}.String())
	require.Equal(t, KindNumber, Number(math.NaN()).Kind())
}

// TestNaNNeverMatches: a NaN a record might hold compares as nothing, so it neither matches
// nor breaks the order.
func TestNaNNeverMatches(t *testing.T) {
	t.Parallel()
	r := newRec(ExperimentTrialComponent, "n", 0)
	r.metrics = []metricSummary{{"m", map[Field]Value{FieldMetricMax: Number(math.NaN())}}}
	for _, o := range []string{"Equals", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"} {
		q, err := Compile(ExperimentTrialComponent, and(f("Metrics.m.Max", o, "0")))
		require.NoError(t, err)
		require.False(t, q.Match(r), o)
	}
	q, err := Compile(ExperimentTrialComponent, and(f("Metrics.m.Max", "NotEquals", "0")))
	require.NoError(t, err)
	require.True(t, q.Match(r))
}
