package engine

import "time"

// Call is one recorded call: what was asked, what was answered, and when. Input and Output
// are the engine's own copies (pointers to shape structs) and are never changed after the
// call, so readers may share them; the doors convert them before handing them to users.
type Call struct {
	Seq       uint64
	Service   string
	Operation string
	Scope     Scope
	Time      time.Time
	Input     any
	Output    any    // nil when Err is set, unless the response was lost
	Err       *Error // nil on success
	Lost      bool   // the operation succeeded but the caller was sent Err
}

// callLog keeps the most recent calls in a ring. mu of the engine guards it.
type callLog struct {
	limit int
	seq   uint64
	ring  []Call
	next  int // where the next call goes once the ring is full
}

func (l *callLog) add(c Call) {
	if l.limit < 0 {
		return
	}
	l.seq++
	c.Seq = l.seq
	if len(l.ring) < l.limit {
		l.ring = append(l.ring, c)
		return
	}
	l.ring[l.next] = c
	l.next = (l.next + 1) % l.limit
}

// snapshot returns the kept calls, oldest first, in a new slice.
func (l *callLog) snapshot() []Call {
	out := make([]Call, 0, len(l.ring))
	out = append(out, l.ring[l.next:]...)
	return append(out, l.ring[:l.next]...)
}

func (l *callLog) reset() { l.ring, l.next = nil, 0 }

// Calls returns the recorded calls, oldest first.
func (e *Engine) Calls() []Call {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.log.snapshot()
}

// ClearCalls forgets the recorded calls.
func (e *Engine) ClearCalls() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.log.reset()
}
