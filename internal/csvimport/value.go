package csvimport

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits AWS documents for imported values (personalize-data facts §5; dg/limits.html;
// dg/items-datasets.html).
const (
	// MaxIDLength is the most characters a USER_ID, ITEM_ID or ACTION_ID may have.
	MaxIDLength = 256
	// MaxCategoryLength is the most characters one categorical value (one of the
	// "|"-separated ones) or one impression may have; past it the import fails.
	MaxCategoryLength = 1000
	// MaxTextLength is where a textual value is cut ("Amazon Personalize truncates values that
	// exceed the character limit").
	MaxTextLength = 20000
)

// appendValue appends the JSON for raw, a non-empty value of a field of kind k, or returns the
// reason it is not one.
func appendValue(dst []byte, k kind, raw string) ([]byte, string) {
	switch k {
	case kindString:
		return appendJSONString(dst, raw), ""
	case kindInt, kindLong:
		v, problem := parseInteger(raw, k)
		if problem != "" {
			return dst, problem
		}
		return strconv.AppendInt(dst, v, 10), ""
	case kindFloat, kindDouble:
		v, problem := parseDecimal(raw, k)
		if problem != "" {
			return dst, problem
		}
		return appendFloat(dst, v, k), ""
	case kindBoolean:
		b, ok := parseBoolean(raw)
		if !ok {
			return dst, "is not a boolean (true or false)"
		}
		return strconv.AppendBool(dst, b), ""
	}
	return dst, "is not null; the field's type is null"
}

// parseInteger reads an int (32 bits) or long (64 bits) in decimal, with an optional sign, as
// Java's Integer.parseInt and Long.parseLong do: no spaces, no fraction, no exponent.
func parseInteger(raw string, k kind) (int64, string) {
	bits, name := 64, "long"
	if k == kindInt {
		bits, name = 32, "int"
	}
	v, err := strconv.ParseInt(raw, 10, bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, "is out of the range of " + article(name) + " " + name
		}
		return 0, "is not " + article(name) + " " + name
	}
	return v, ""
}

// parseDecimal reads a float (32 bits) or double (64 bits) in decimal notation, with an
// optional exponent. NaN, infinities and hexadecimal floats are refused: they have no JSON
// form, and AWS documents none of them.
func parseDecimal(raw string, k kind) (float64, string) {
	bits, name := 64, "double"
	if k == kindFloat {
		bits, name = 32, "float"
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, "is not " + article(name) + " " + name
		}
	}
	v, err := strconv.ParseFloat(raw, bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, "is out of the range of " + article(name) + " " + name
		}
		return 0, "is not " + article(name) + " " + name
	}
	return v, ""
}

// appendFloat writes the shortest decimal that reads back as the same float or double.
func appendFloat(dst []byte, v float64, k kind) []byte {
	bits := 64
	if k == kindFloat {
		bits = 32
	}
	return strconv.AppendFloat(dst, v, 'g', -1, bits)
}

// parseBoolean reads true or false in any case (a guess: AWS documents no spelling).
func parseBoolean(raw string) (bool, bool) {
	switch {
	case strings.EqualFold(raw, "true"):
		return true, true
	case strings.EqualFold(raw, "false"):
		return false, true
	}
	return false, false
}

func article(name string) string {
	if name == "int" {
		return "an"
	}
	return "a"
}

// appendJSONString appends s (valid UTF-8) as a JSON string.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// longestPart returns the length in characters of the longest "|"-separated part of v, and
// that part.
func longestPart(v string) (int, string) {
	best, part := 0, ""
	for p := range strings.SplitSeq(v, "|") {
		if n := utf8.RuneCountInString(p); n > best {
			best, part = n, p
		}
	}
	return best, part
}

// truncateRunes cuts v to at most n characters.
func truncateRunes(v string, n int) string {
	if len(v) <= n {
		return v
	}
	count := 0
	for i := range v {
		if count == n {
			return v[:i]
		}
		count++
	}
	return v
}
