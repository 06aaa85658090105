package engine

import (
	"strconv"
	"strings"
	"time"
)

// position is where a resource sits in a listing's order, as a pagination token carries it:
// resuming from a position works even if the resource there was deleted in between.
type position struct {
	at   time.Time
	seq  uint64
	name string
}

func posOf(r resource) position {
	e := r.base()
	return position{at: e.created, seq: e.seq, name: e.name}
}

// byCreation orders by creation time, then by creation order (equal times are common on a
// mock clock).
func byCreation(a, b position) bool {
	if !a.at.Equal(b.at) {
		return a.at.Before(b.at)
	}
	return a.seq < b.seq
}

// byNameOrder orders lexically by name (names are unique where a kind is listed by name).
func byNameOrder(a, b position) bool {
	if a.name != b.name {
		return a.name < b.name
	}
	return a.seq < b.seq
}

// listing is one page of a listing over a sorted view.
type listing[R resource] struct {
	items  []R                       // the view, in order
	order  func(a, b position) bool  // the view's order
	asc    bool                      // walk forwards; else backwards
	kind   string                    // names the listing in its tokens
	sortBy string                    // the sort asked for, also in tokens
	token  *string                   // where the caller left off
	limit  int                       // most items in the page
	skip   func(R) bool              // true: not listed (filtered out, or gone: skip may purge)
	bad    func(token string) *Error // the service's answer to a token it did not issue
	pos    func(R) position          // where an item sits in the order; nil: posOf (creation and name)
}

func (l listing[R]) position(r R) position {
	if l.pos != nil {
		return l.pos(r)
	}
	return posOf(r)
}

// page returns up to limit items from just past the token's position, and the token of the next
// page, nil on the last (NextToken is absent there, as AWS sends it). Paging through n items
// costs a seek of log n per page plus what the page visits.
func (l listing[R]) page() ([]R, *string, *Error) {
	i, step := 0, 1
	if !l.asc {
		i, step = len(l.items)-1, -1
	}
	if l.token != nil && *l.token != "" {
		at, ok := l.resumeAt()
		if !ok {
			return nil, nil, l.bad(*l.token)
		}
		if l.asc {
			i = seek(l.items, func(r R) bool { return l.order(at, l.position(r)) })
		} else {
			i = seek(l.items, func(r R) bool { return !l.order(l.position(r), at) }) - 1
		}
	}
	var out []R
	for ; i >= 0 && i < len(l.items); i += step {
		r := l.items[i]
		if l.skip != nil && l.skip(r) {
			continue
		}
		if len(out) == l.limit {
			tok := sealToken(l.kind, l.sortBy, encodePosition(l.position(out[len(out)-1])))
			return out, &tok, nil
		}
		out = append(out, r)
	}
	return out, nil, nil
}

func (l listing[R]) resumeAt() (position, bool) {
	parts, ok := openToken(*l.token, 3)
	if !ok || parts[0] != l.kind || parts[1] != l.sortBy {
		return position{}, false
	}
	return decodePosition(parts[2])
}

func encodePosition(p position) string {
	return strconv.FormatInt(p.at.UnixNano(), 10) + "/" + strconv.FormatUint(p.seq, 10) + "/" + p.name
}

func decodePosition(s string) (position, bool) {
	parts := strings.SplitN(s, "/", 3)
	if len(parts) != 3 {
		return position{}, false
	}
	nanos, err1 := strconv.ParseInt(parts[0], 10, 64)
	seq, err2 := strconv.ParseUint(parts[1], 10, 64)
	if err1 != nil || err2 != nil {
		return position{}, false
	}
	return position{at: time.Unix(0, nanos).UTC(), seq: seq, name: parts[2]}, true
}

// pageSize is a listing's page size: def unless the caller asks for another.
func pageSize(p *int32, def int) int {
	if p == nil {
		return def
	}
	return int(*p)
}
