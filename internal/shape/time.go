// Package shape holds the inputs and outputs of every faked operation as plain Go structs
// whose JSON names are the service models' member names. The engine works on these; the wire
// door decodes and encodes them; the typed door converts the SDK's types to and from them.
package shape

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// Time is a timestamp that the JSON protocols carry as epoch seconds, a JSON number. Input
// accepts integers and fractions (and exponents, as botocore may send); output has
// millisecond precision, like AWS.
type Time struct{ time.Time }

// T returns a pointer to t as a Time, for building outputs.
func T(t time.Time) *Time { return &Time{t} }

// MarshalJSON writes epoch seconds with up to three decimals.
func (t Time) MarshalJSON() ([]byte, error) {
	ms := t.UnixMilli()
	if ms%1000 == 0 {
		return strconv.AppendInt(nil, ms/1000, 10), nil
	}
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

// MarshalJSONTo is MarshalJSON for encoding/json/v2, which the wire door encodes with: the
// same number, written as a token (v2 would otherwise check MarshalJSON's output again).
func (t Time) MarshalJSONTo(enc *jsontext.Encoder) error {
	ms := t.UnixMilli()
	if ms%1000 == 0 {
		return enc.WriteToken(jsontext.Int(ms / 1000))
	}
	return enc.WriteToken(jsontext.Float(float64(ms) / 1000))
}

var errTimestamp = errors.New("timestamp must be a number of epoch seconds")

// UnmarshalJSON reads epoch seconds. The integer and fractional parts are read separately so
// that a millisecond value does not pick up floating-point error.
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	s := string(b)
	if ip, frac, ok := splitDecimal(s); ok {
		sec, err := strconv.ParseInt(ip, 10, 64)
		if err == nil && sec > -1e11 && sec < 1e11 {
			nanos := int64(0)
			if frac != "" {
				if len(frac) > 9 {
					frac = frac[:9]
				}
				for len(frac) < 9 {
					frac += "0"
				}
				nanos, _ = strconv.ParseInt(frac, 10, 64)
				if ip[0] == '-' {
					nanos = -nanos
				}
			}
			t.Time = time.Unix(sec, nanos).UTC()
			return nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e11 {
		return errTimestamp
	}
	sec, fr := math.Modf(f)
	t.Time = time.Unix(int64(sec), int64(fr*1e9)).UTC()
	return nil
}

// splitDecimal splits "123.456" into "123" and "456"; ok is false for anything else
// (exponents go through ParseFloat).
func splitDecimal(s string) (ip, frac string, ok bool) {
	ip, frac, _ = strings.Cut(s, ".")
	digits := ip
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if digits == "" || !allDigits(digits) || !allDigits(frac) {
		return "", "", false
	}
	return ip, frac, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
