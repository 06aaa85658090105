package engine

import "time"

// Call is one recorded call: what was asked, what was answered, and when. Input and Output
// are the engine's own copies (pointers to shape structs) and are never changed after the
// call, so readers may share them; the doors convert them before handing them to users.
//
// A string longer than Config.CallLogValueBytes in them (or in the error) is kept cut short
// with a marker, "…[truncated N bytes]"; the call's answer to its caller is never cut.
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

// callLog keeps the most recent calls in a ring, within a count and a byte budget. mu of the
// engine guards it.
//
// The ring is stored in fixed-size chunks allocated as it fills, so a busy log never copies
// what it holds to grow (a plain append-grown slice of 10,000 calls copies and discards
// about twice its size on the way there).
//
// Bytes are an estimate of the memory a call keeps alive: the sizes of the structs, strings,
// slices and maps its values reach, each rounded up as the allocator rounds it. Values shared
// with the state (an output that points at a resource's description) are counted as if they
// were the log's own, so the estimate errs high. Zero limits mean no limit.
type callLog struct {
	limit    int // most calls kept
	budget   int // most bytes kept; the oldest calls go first
	valueMax int // longest string kept whole

	seq    uint64
	chunks [][]loggedCall
	head   int // the oldest call
	n      int // calls kept, at most limit
	bytes  int // their estimated size
}

type loggedCall struct {
	call Call
	size int
}

const callChunk = 256

// newCallLog returns the log a configuration asks for (defaults filled in).
func newCallLog(cfg Config) callLog {
	return callLog{limit: cfg.CallLogLimit, budget: max(0, cfg.CallLogBytes), valueMax: max(0, cfg.CallLogValueBytes)}
}

func (l *callLog) slot(i int) *loggedCall { return &l.chunks[i/callChunk][i%callChunk] }

func (l *callLog) add(c Call) {
	if l.limit <= 0 {
		return
	}
	l.seq++
	c.Seq = l.seq
	size := 0
	if l.budget > 0 || l.valueMax > 0 {
		c, size = boundCall(c, l.valueMax)
	}
	if l.n == l.limit {
		l.evict()
	}
	i := (l.head + l.n) % l.limit
	// Slots are first written in order, so a slot past the last chunk is the next chunk's first.
	if i/callChunk == len(l.chunks) {
		l.chunks = append(l.chunks, make([]loggedCall, min(callChunk, l.limit-i)))
	}
	*l.slot(i) = loggedCall{call: c, size: size}
	l.n++
	l.bytes += size
	// The newest call stays even alone over the budget: it is the one a failing test needs.
	for l.budget > 0 && l.bytes > l.budget && l.n > 1 {
		l.evict()
	}
}

// evict forgets the oldest call, releasing what it holds.
func (l *callLog) evict() {
	s := l.slot(l.head)
	l.bytes -= s.size
	*s = loggedCall{}
	l.head = (l.head + 1) % l.limit
	l.n--
}

// snapshot returns the kept calls, oldest first, in a new slice.
func (l *callLog) snapshot() []Call {
	out := make([]Call, 0, l.n)
	for i := range l.n {
		out = append(out, l.slot((l.head+i)%l.limit).call)
	}
	return out
}

func (l *callLog) reset() { l.chunks, l.head, l.n, l.bytes = nil, 0, 0, 0 }

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
