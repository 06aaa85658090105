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
	Notes     []string
	Injected  bool // a scenario rule acted on it
}

// callLog keeps the most recent calls in a ring. mu of the engine guards it.
//
// The ring is stored in fixed-size chunks allocated as it fills, so a busy log never copies
// what it holds to grow (a plain append-grown slice of 10,000 calls copies and discards
// about twice its size on the way there).
type callLog struct {
	limit  int
	seq    uint64
	chunks [][]Call
	n      int // calls kept, at most limit
	next   int // where the next call goes once the log is full
}

const callChunk = 256

func (l *callLog) slot(i int) *Call { return &l.chunks[i/callChunk][i%callChunk] }

func (l *callLog) add(c Call) {
	if l.limit <= 0 {
		return
	}
	l.seq++
	c.Seq = l.seq
	if l.n < l.limit {
		if l.n%callChunk == 0 {
			l.chunks = append(l.chunks, make([]Call, min(callChunk, l.limit-l.n)))
		}
		*l.slot(l.n) = c
		l.n++
		return
	}
	*l.slot(l.next) = c
	l.next = (l.next + 1) % l.limit
}

// snapshot returns the kept calls, oldest first, in a new slice.
func (l *callLog) snapshot() []Call {
	out := make([]Call, 0, l.n)
	for i := range l.n {
		out = append(out, *l.slot((l.next + i) % l.n))
	}
	return out
}

func (l *callLog) reset() { l.chunks, l.n, l.next = nil, 0, 0 }

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
