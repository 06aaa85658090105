package csvimport

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is why an import fails. Its message (Error, and Reason) is written to be the job's
// failureReason as it is: AWS's documented texts where there is one ("Invalid Data
// location.", "Input CSV is missing the following columns:[...]"), and otherwise a sentence
// in the same style that names the object, the line and the field.
type Error struct {
	// Object is the s3:// URI of the object at fault, "" when no one object is.
	Object string
	// Line is the line of Object where the record at fault starts (the header is line 1), 0
	// when no line is.
	Line int
	// Field is the schema field at fault (or the column, for a header problem), "" when none.
	Field string
	// Reason is the whole failureReason.
	Reason string
}

// Error returns Reason.
func (e *Error) Error() string { return e.Reason }

// locationError is a data location that cannot be read: AWS's documented failure reason
// "Invalid Data location." followed by what is wrong.
func locationError(object, format string, args ...any) *Error {
	return &Error{Object: object, Reason: "Invalid Data location. " + fmt.Sprintf(format, args...)}
}

// failure builds the errors of a dataset's contents, in the form of AWS's documented ones:
// "Failed to create a data import job for <dataset type> dataset. <what is wrong>".
type failure struct {
	datasetType string // as AWS's messages name it: Interactions, Items, ...
	object      string // the s3:// URI being read
}

func (f failure) prefix() string {
	return "Failed to create a data import job for " + f.datasetType + " dataset. "
}

// at is a problem with one field of one record (field "" for the whole record).
func (f failure) at(line int, field, format string, args ...any) *Error {
	where := fmt.Sprintf("%s line %d", f.object, line)
	if field != "" {
		where += ", field " + field
	}
	return &Error{Object: f.object, Line: line, Field: field,
		Reason: f.prefix() + where + ": " + fmt.Sprintf(format, args...)}
}

// header is a problem with the header row, in AWS's words where it has them: the detail
// comes first and the object and line after it, so that AWS's text is a prefix match.
func (f failure) header(field, detail string) *Error {
	return &Error{Object: f.object, Line: 1, Field: field,
		Reason: f.prefix() + detail + " (" + f.object + " line 1)"}
}

// whole is a problem with the import as a whole, not one object.
func (f failure) whole(format string, args ...any) *Error {
	return &Error{Reason: f.prefix() + fmt.Sprintf(format, args...)}
}

// shown quotes a value for a message, cut to a readable length.
func shown(v string) string {
	const max = 60
	if utf8.RuneCountInString(v) > max {
		runes := []rune(v)
		return strconv.Quote(string(runes[:max])) + "..."
	}
	return strconv.Quote(v)
}

// bracketed is AWS's list form: [A, B].
func bracketed(names []string) string { return "[" + strings.Join(names, ", ") + "]" }
