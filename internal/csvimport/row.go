package csvimport

import (
	"encoding/csv"
	"strings"
	"unicode/utf8"
)

// row reads one record into an Interaction or a Record, field by field in schema order; pos
// says which value of the record each schema column has (-1: none, null).
func (p *parser) row(f failure, r *csv.Reader, pos []int, rec []string) error {
	var it Interaction
	var id string
	props := append(p.props[:0], '{')
	for j := range p.schema.columns {
		c := &p.schema.columns[j]
		if pos[j] < 0 {
			continue // a nullable field the file leaves out
		}
		raw := rec[pos[j]]
		line, _ := r.FieldPos(pos[j])
		line++ // the reader's first line is the object's second
		if raw == "" {
			if c.required {
				return f.at(line, c.field.Name, "no value, and the field does not allow null.")
			}
			continue // null: left out of the row
		}
		if !utf8.ValidString(raw) {
			return f.at(line, c.field.Name, "the value is not valid UTF-8.")
		}
		v, err := p.check(f, line, c, raw)
		if err != nil {
			return err
		}
		switch c.role {
		case roleID:
			id = v
		case roleUser:
			it.UserID = p.intern(v)
		case roleItem:
			it.ItemID = p.intern(v)
		case roleAction:
			it.ActionID = p.intern(v)
		case roleEventType:
			it.EventType = p.intern(v)
		case roleTimestamp:
			ts, problem := parseInteger(v, c.kind)
			if problem != "" {
				return f.at(line, c.field.Name, "%s %s (Unix epoch time in seconds).", shown(v), problem)
			}
			it.Timestamp = ts
		case roleEventValue:
			ev, problem := parseDecimal(v, c.kind)
			if problem != "" {
				return f.at(line, c.field.Name, "%s %s.", shown(v), problem)
			}
			it.EventValue, it.HasEventValue = ev, true
		default:
			if len(props) > 1 {
				props = append(props, ',')
			}
			props = append(props, c.key...)
			var problem string
			if props, problem = appendValue(props, c.kind, v); problem != "" {
				return f.at(line, c.field.Name, "%s %s.", shown(v), problem)
			}
		}
	}
	p.props = props
	properties := ""
	if len(props) > 1 {
		properties = string(append(props, '}'))
	}
	if p.schema.datasetType == Interactions || p.schema.datasetType == ActionInteractions {
		it.Properties = properties
		p.interactions.add(it)
	} else {
		p.records.add(Record{ID: strings.Clone(id), Properties: properties})
	}
	return nil
}

// check applies the documented length limits to a value: ids at most 256 characters,
// categorical values and impressions at most 1000 each, text cut to 20,000.
func (p *parser) check(f failure, line int, c *column, v string) (string, error) {
	switch {
	case c.role == roleID || c.role == roleUser || c.role == roleItem || c.role == roleAction:
		if n := utf8.RuneCountInString(v); n > MaxIDLength {
			return "", f.at(line, c.field.Name, "the id has %d characters; at most %d are allowed.", n, MaxIDLength)
		}
	case c.pipes:
		if n, part := longestPart(v); n > MaxCategoryLength {
			return "", f.at(line, c.field.Name, "the value %s has %d characters; at most %d are allowed.", shown(part), n, MaxCategoryLength)
		}
	case c.field.Textual:
		return truncateRunes(v, MaxTextLength), nil
	}
	return v, nil
}
