package pzfilter

import "fmt"

// Error is a filter expression, or a filter's values, that Personalize would refuse. Its
// message is what the engine sends as InvalidInputException's message (or keeps as a filter's
// failureReason). AWS documents only the openings "Could not create filter. Invalid
// Expression..." and "Could not create filter. Invalid input symbol...Placeholders can only be
// used with IN or EQ operator"; the rest of every message is this package's own wording.
type Error struct {
	// Offset is the byte offset of the problem in the text that was read: the expression for
	// Parse, the placeholder's value for Bind. It is -1 when the problem is not at one place
	// (Check's schema errors, a missing value).
	Offset int
	// Near is the text found at Offset ("" at the end of the text).
	Near string
	// Placeholder is the placeholder whose value is at fault (Bind only), without $.
	Placeholder string
	msg         string
	reason      string // msg without its opening and place
}

func (e *Error) Error() string { return e.msg }

// The openings of Error messages: AWS's documented words for a bad expression and for a
// misused placeholder, and this package's own for filter values (AWS's are not documented).
const (
	invalidExpression = "Could not create filter. Invalid Expression"
	invalidSymbol     = "Could not create filter. Invalid input symbol"
	invalidValues     = "Invalid filter values"
)

// syntaxErr is a refusal of the expression at a token.
func syntaxErr(t token, format string, args ...any) *Error {
	reason := fmt.Sprintf(format, args...)
	return &Error{Offset: t.pos, Near: t.raw, msg: invalidExpression + where(t) + ": " + reason, reason: reason}
}

// symbolErr is a refusal of a placeholder where the grammar does not take one.
func symbolErr(t token, format string, args ...any) *Error {
	return &Error{Offset: t.pos, Near: t.raw, msg: invalidSymbol + " " + t.raw + at(t) + ": " + fmt.Sprintf(format, args...)}
}

// schemaErr is a refusal by Check: the expression does not fit the dataset group's schemas.
func schemaErr(format string, args ...any) *Error {
	return &Error{Offset: -1, msg: invalidExpression + ": " + fmt.Sprintf(format, args...)}
}

// valueErr is a refusal of one placeholder's value at a token of that value.
func valueErr(name string, t token, format string, args ...any) *Error {
	return &Error{Offset: t.pos, Near: t.raw, Placeholder: name,
		msg: fmt.Sprintf("%s: the value of $%s%s: %s", invalidValues, name, where(t), fmt.Sprintf(format, args...))}
}

// valuesErr is a refusal of the filter values as a whole, or of a placeholder's value as a whole.
func valuesErr(name string, format string, args ...any) *Error {
	return &Error{Offset: -1, Placeholder: name, msg: invalidValues + ": " + fmt.Sprintf(format, args...)}
}

// where says where a token is, in words: its offset and text, or the end of the text.
func where(t token) string {
	if t.kind == tEOF {
		return " at the end"
	}
	return fmt.Sprintf(" at offset %d (%q)", t.pos, t.raw)
}

// at says where a token is by its offset only (its text is already in the message).
func at(t token) string {
	if t.kind == tEOF {
		return " at the end"
	}
	return fmt.Sprintf(" at offset %d", t.pos)
}

// asError turns a nil *Error into a nil error, so that no caller sees a typed nil.
func asError(err *Error) error {
	if err == nil {
		return nil
	}
	return err
}
