package shape

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTimeJSON(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"1700000000", time.Unix(1700000000, 0), true},
		{"1700000000.123", time.Unix(1700000000, 123e6), true},
		{"1700000000.5", time.Unix(1700000000, 5e8), true},
		{"1.7e9", time.Unix(1700000000, 0), true},
		{"-1.5", time.Unix(-1, -5e8), true},
		{"0", time.Unix(0, 0), true},
		{`"2024-01-01"`, time.Time{}, false},
		{"1e300", time.Time{}, false},
		{"true", time.Time{}, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			var got struct{ T *Time }
			err := json.Unmarshal([]byte(`{"T":`+c.in+`}`), &got)
			if !c.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.True(t, c.want.Equal(got.T.Time), "got %v", got.T.Time)
		})
	}
}

func TestTimeMarshal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Unix(1700000000, 0), "1700000000"},
		{time.Unix(1700000000, 123456789), "1700000000.123"},
		{time.Unix(1700000000, 500e6), "1700000000.5"},
	} {
		b, err := json.Marshal(Time{c.t})
		require.NoError(t, err)
		require.Equal(t, c.want, string(b))
	}
}
