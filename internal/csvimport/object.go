package csvimport

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// readers are the 64 KB buffers objects are read through, reused: a small import should not
// pay for clearing a new one.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// object reads one CSV object: its header row, then its records.
func (p *parser) object(o Object) error {
	f := failure{datasetType: displayNames[p.schema.datasetType], object: "s3://" + o.Name}
	br := readers.Get().(*bufio.Reader)
	br.Reset(o.Body)
	defer func() {
		br.Reset(nil) // keep nothing of the object alive
		readers.Put(br)
	}()
	// A UTF-8 byte order mark (what spreadsheets write) is not part of the first column's
	// name (a guess: AWS documents only that the file must be UTF-8).
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	pos, width, err := p.header(br, f)
	if err != nil {
		return err
	}
	r := csv.NewReader(br)
	r.FieldsPerRecord = width
	r.ReuseRecord = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError(f, err, len(rec), width)
		}
		if err := p.row(f, r, pos, rec); err != nil {
			return err
		}
	}
}

// header reads the first line, which must name the columns (dg/data-prep-formatting: "The
// first row of your CSV file must contain your column headers. Don't enclose headers in
// quotation marks"), and maps each column to its schema field, matching names ignoring case.
// It returns, per schema column, the index of the CSV column holding it (-1 for a nullable
// field the file leaves out), and the number of CSV columns.
func (p *parser) header(br *bufio.Reader, f failure) ([]int, int, error) {
	line, err := br.ReadString('\n')
	if err != nil && err != io.EOF {
		return nil, 0, f.at(1, "", "the object cannot be read: %v", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	switch {
	case strings.TrimSpace(line) == "":
		return nil, 0, f.header("", "Input CSV has no header row: the first row must name the columns.")
	case !utf8.ValidString(line):
		return nil, 0, f.header("", "Input CSV's header row is not valid UTF-8.")
	case strings.ContainsRune(line, '"'):
		return nil, 0, f.header("", `Input CSV's column headers must not be enclosed in quotation marks (").`)
	}
	names := strings.Split(line, ",")
	pos := make([]int, len(p.schema.columns))
	for j := range pos {
		pos[j] = -1
	}
	var unknown []string
	for i, name := range names {
		if name == "" {
			return nil, 0, f.header("", "Input CSV has a column without a name.")
		}
		j := p.schema.find(name)
		switch {
		case j < 0:
			unknown = append(unknown, name)
			continue
		case pos[j] >= 0:
			return nil, 0, f.header(name, "Input CSV has the column "+name+" more than once.")
		}
		pos[j] = i
	}
	var missing []string
	for j, c := range p.schema.columns {
		if pos[j] < 0 && c.required {
			missing = append(missing, c.field.Name)
		}
	}
	if len(missing) > 0 {
		return nil, 0, f.header(missing[0], "Input CSV is missing the following columns:"+bracketed(missing)+".")
	}
	if len(unknown) > 0 {
		return nil, 0, f.header(unknown[0], "Input CSV has columns that are not in the schema:"+bracketed(unknown)+".")
	}
	return pos, len(names), nil
}

// find returns the index of the column a header names, ignoring case, or -1.
func (s *schema) find(name string) int {
	for i := range s.columns {
		if strings.EqualFold(s.columns[i].field.Name, name) {
			return i
		}
	}
	return -1
}

// readError turns encoding/csv's errors into failure reasons (values is how many a record
// that has the wrong number of them has). Its lines count from the line after the header, so
// the object's line is one more.
func readError(f failure, err error, values, columns int) *Error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return f.at(1, "", "the object cannot be read: %v", err)
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return f.at(pe.StartLine+1, "", "the record has %d values, and the header has %d columns.", values, columns)
	}
	return f.at(pe.Line+1, "", "column %d: %v (fields are quoted as RFC 4180 says: a field with a comma, a quote or a line break is enclosed in double quotes, and a quote inside it is written twice).", pe.Column, pe.Err)
}
