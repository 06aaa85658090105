package engine

// The call log's byte budget: measuring what a call keeps alive, and cutting long strings
// short on copies, cheaply enough to run on every call.

import (
	"maps"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// callOverhead is what a logged call costs before its values: its slot and its time's
// location are shared or fixed.
const callOverhead = int(unsafe.Sizeof(loggedCall{}))

// boundCall returns the call as the log keeps it, with every string longer than valueMax cut
// short (when valueMax > 0), and its estimated size. The cut is made on copies, and only along
// the paths that lead to a long string: the caller's input, the output it was sent and the
// state they share stay whole, and a call with nothing long is not copied at all.
func boundCall(c Call, valueMax int) (Call, int) {
	size := callOverhead
	var n int
	c.Input, n = boundValue(c.Input, valueMax)
	size += n
	c.Output, n = boundValue(c.Output, valueMax)
	size += n
	if c.Err != nil {
		if valueMax > 0 && (len(c.Err.Message) > valueMax || len(c.Err.Code) > valueMax) {
			// The caller got the whole message, echoing its value as AWS's do; the log keeps less.
			c.Err = &Error{Code: shorten(c.Err.Code, valueMax), Message: shorten(c.Err.Message, valueMax), Status: c.Err.Status}
		}
		size += allocSize(int(unsafe.Sizeof(Error{}))) + allocSize(len(c.Err.Code)) + allocSize(len(c.Err.Message))
	}
	if len(c.Notes) > 0 {
		notes, n := boundValue(c.Notes, valueMax)
		c.Notes = notes.([]string)
		size += n
	}
	return c, size
}

// boundValue measures v, and when a string in it is longer than valueMax returns a copy with
// those strings cut, measured again.
func boundValue(v any, valueMax int) (any, int) {
	if v == nil {
		return nil, 0
	}
	n, long := measureAny(v, valueMax)
	if !long {
		return v, n
	}
	rv := cut(reflect.ValueOf(v), valueMax)
	v = rv.Interface()
	n, _ = measureAny(v, 0)
	return v, n
}

// eface is how the runtime lays out an interface value: its type, and a pointer to its value
// (or the value itself, when that is a pointer).
type eface struct{ typ, data unsafe.Pointer }

// target is what an interface's pointer type points at, for measuring a call's values.
type target struct {
	size int    // the pointed-to value's allocation
	walk walker // nil when it reaches nothing
}

// targets caches target by the type word of interfaces that hold a pointer: a call's input and
// output always do, and reading them so costs one map read instead of reflection.
var targets atomic.Pointer[map[unsafe.Pointer]target]

// measureAny measures a value held in an interface, with the fast path for pointers.
func measureAny(v any, max int) (int, bool) {
	e := (*eface)(unsafe.Pointer(&v))
	tg, ok := lookupTarget(e.typ)
	if !ok {
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Pointer {
			n, long := measure(rv, max)
			return int(rv.Type().Size()) + n, long
		}
		tg = storeTarget(e.typ, rv.Type())
	}
	n := int(unsafe.Sizeof(uintptr(0)))
	if e.data == nil {
		return n, false
	}
	n += tg.size
	if tg.walk == nil {
		return n, false
	}
	b, long := tg.walk(e.data, max)
	return n + b, long
}

func lookupTarget(typ unsafe.Pointer) (target, bool) {
	if m := targets.Load(); m != nil {
		tg, ok := (*m)[typ]
		return tg, ok
	}
	return target{}, false
}

func storeTarget(typ unsafe.Pointer, t reflect.Type) target {
	tg := target{size: allocSize(int(t.Elem().Size())), walk: walkerOf(t.Elem())}
	walkersMu.Lock()
	defer walkersMu.Unlock()
	m := map[unsafe.Pointer]target{}
	if old := targets.Load(); old != nil {
		maps.Copy(m, *old)
	}
	m[typ] = tg
	targets.Store(&m)
	return tg
}

// allocSize is about what the allocator takes for n bytes: small objects are rounded up to a
// size class (classes are at most an eighth apart), large ones to whole 8 KiB pages. Without
// it, a log of 128 KiB strings would hold 6% more than its budget.
func allocSize(n int) int {
	const page = 8 << 10
	switch {
	case n <= 0:
		return 0
	case n > 32<<10:
		return (n + page - 1) &^ (page - 1)
	}
	step := 16
	for step*8 < n {
		step *= 2
	}
	return (n + step - 1) &^ (step - 1)
}

// shorten cuts s to at most max bytes, at a character boundary, and says how much went.
func shorten(s string, max int) string {
	if max <= 0 || len(s) <= max {
		return s
	}
	n := max
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	// A new string: a slice of s would keep all of it alive.
	return s[:n] + "…[truncated " + strconv.Itoa(len(s)-n) + " bytes]"
}

// A walker measures the values of one Go type, given a pointer to one: the bytes they reach
// beyond their own size, and whether a string among them is longer than max (when max > 0). A
// type that reaches nothing (numbers, booleans, time.Time) has no walker. Only exported fields
// are followed: the shapes have no others, and what a type hides (time.Time's location) is not
// the call's.
//
// Walkers read memory through unsafe pointers at offsets reflection found once per type: the
// budget is paid on every call, and reading fields through reflect.Value cost three times as
// much (about 150 ns for a CreateAction, a tenth of the call).
type walker func(p unsafe.Pointer, max int) (bytes int, long bool)

// walkers caches the walker of each type met (nil for a type that reaches nothing). It is
// copied on write: types are few and met early, and a read on every call must not contend.
var (
	walkers   atomic.Pointer[map[reflect.Type]walker]
	walkersMu sync.Mutex // serializes writers
)

func walkerOf(t reflect.Type) walker {
	if m := walkers.Load(); m != nil {
		if w, ok := (*m)[t]; ok {
			return w
		}
	}
	walkersMu.Lock()
	defer walkersMu.Unlock()
	old := walkers.Load()
	if old != nil {
		if w, ok := (*old)[t]; ok {
			return w
		}
	}
	building := map[reflect.Type]*walkerState{}
	w := buildWalker(t, building)
	m := make(map[reflect.Type]walker, len(building))
	if old != nil {
		maps.Copy(m, *old)
	}
	for bt, st := range building {
		m[bt] = st.w
	}
	walkers.Store(&m)
	return w
}

// walkerState is a walker being built, so that a type met again while building gets the same
// walker, and a type that contains itself a walker that calls the finished one.
type walkerState struct {
	w    walker
	done bool
}

// measure walks a value given as a reflect.Value.
func measure(v reflect.Value, max int) (int, bool) {
	w := walkerOf(v.Type())
	if w == nil {
		return 0, false
	}
	if !v.CanAddr() {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	return w(v.Addr().UnsafePointer(), max)
}

// buildWalker builds the walker of t, reusing what is built or being built.
func buildWalker(t reflect.Type, building map[reflect.Type]*walkerState) walker {
	if m := walkers.Load(); m != nil {
		if w, ok := (*m)[t]; ok {
			return w
		}
	}
	if st, ok := building[t]; ok {
		if st.done {
			return st.w
		}
		return func(v unsafe.Pointer, max int) (int, bool) {
			if st.w == nil {
				return 0, false
			}
			return st.w(v, max)
		}
	}
	st := &walkerState{}
	building[t] = st
	st.w = newWalker(t, building)
	st.done = true
	return st.w
}

func newWalker(t reflect.Type, building map[reflect.Type]*walkerState) walker {
	switch t.Kind() {
	case reflect.String:
		return func(p unsafe.Pointer, max int) (int, bool) {
			n := len(*(*string)(p))
			return allocSize(n), max > 0 && n > max
		}
	case reflect.Pointer:
		return pointerWalker(t, buildWalker(t.Elem(), building))
	case reflect.Struct:
		return structWalker(t, building)
	case reflect.Slice, reflect.Array:
		return listWalker(t, buildWalker(t.Elem(), building))
	case reflect.Map:
		if t == reflect.TypeFor[map[string]string]() {
			return stringMapWalker
		}
		return mapWalker(t, buildWalker(t.Key(), building), buildWalker(t.Elem(), building))
	case reflect.Interface:
		return func(p unsafe.Pointer, max int) (int, bool) {
			v := reflect.NewAt(t, p).Elem()
			if v.IsNil() {
				return 0, false
			}
			n, long := measure(v.Elem(), max)
			return allocSize(int(v.Elem().Type().Size())) + n, long
		}
	}
	return nil
}

func pointerWalker(t reflect.Type, elem walker) walker {
	size := allocSize(int(t.Elem().Size()))
	return func(p unsafe.Pointer, max int) (int, bool) {
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return 0, false
		}
		if elem == nil {
			return size, false
		}
		n, long := elem(q, max)
		return size + n, long
	}
}

// structWalker walks a struct's exported fields. The shapes' commonest fields, a pointer to a
// string and a pointer to a value that reaches nothing (*shape.Time, *int32), are read in the
// loop itself rather than through their walkers: a call saves a function call per field.
func structWalker(t reflect.Type, building map[reflect.Type]*walkerState) walker {
	const (
		viaWalker = iota
		pointerToString
		pointerToPlain
	)
	type field struct {
		offset uintptr
		how    int
		size   int // pointerToPlain: the pointed-to value's allocation
		walk   walker
	}
	var fields []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		w := buildWalker(f.Type, building)
		switch {
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.String:
			fields = append(fields, field{offset: f.Offset, how: pointerToString})
		case f.Type.Kind() == reflect.Pointer && buildWalker(f.Type.Elem(), building) == nil && isDone(f.Type.Elem(), building):
			fields = append(fields, field{offset: f.Offset, how: pointerToPlain, size: allocSize(int(f.Type.Elem().Size()))})
		case w != nil:
			fields = append(fields, field{offset: f.Offset, how: viaWalker, walk: w})
		}
	}
	if len(fields) == 0 {
		return nil
	}
	stringSize := allocSize(int(unsafe.Sizeof("")))
	return func(p unsafe.Pointer, max int) (int, bool) {
		total, anyLong := 0, false
		for i := range fields {
			f := &fields[i]
			at := unsafe.Add(p, f.offset)
			switch f.how {
			case pointerToString:
				if s := *(**string)(at); s != nil {
					total += stringSize + allocSize(len(*s))
					anyLong = anyLong || (max > 0 && len(*s) > max)
				}
			case pointerToPlain:
				if *(*unsafe.Pointer)(at) != nil {
					total += f.size
				}
			default:
				n, long := f.walk(at, max)
				total += n
				anyLong = anyLong || long
			}
		}
		return total, anyLong
	}
}

// isDone says whether t's walker is finished (not a type still being built, whose walker is
// not known yet).
func isDone(t reflect.Type, building map[reflect.Type]*walkerState) bool {
	st, ok := building[t]
	return !ok || st.done
}

// sliceHeader is how the runtime lays out a slice, for walking slices of any element type.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

func listWalker(t reflect.Type, elem walker) walker {
	size := int(t.Elem().Size())
	if t.Kind() == reflect.Array {
		if elem == nil {
			return nil // an array of plain values is all in its own size
		}
		n := t.Len()
		return func(p unsafe.Pointer, max int) (int, bool) { return walkElems(p, n, size, elem, max) }
	}
	return func(p unsafe.Pointer, max int) (int, bool) {
		h := (*sliceHeader)(p)
		if h.data == nil {
			return 0, false
		}
		total, long := 0, false
		if elem != nil {
			total, long = walkElems(h.data, h.len, size, elem, max)
		}
		return allocSize(h.cap*size) + total, long
	}
}

func walkElems(p unsafe.Pointer, n, size int, elem walker, max int) (int, bool) {
	total, anyLong := 0, false
	for i := range n {
		b, long := elem(unsafe.Add(p, i*size), max)
		total += b
		anyLong = anyLong || long
	}
	return total, anyLong
}

// mapEntryOverhead is a rough cost of one map entry beyond its key and value: the bucket's
// control bytes and the table's slack.
const mapEntryOverhead = 16

// stringMapWalker is the walker of map[string]string, the shapes' one map type, ranged over
// without reflection.
func stringMapWalker(p unsafe.Pointer, max int) (int, bool) {
	m := *(*map[string]string)(p)
	if m == nil {
		return 0, false
	}
	const entry = 2*int(unsafe.Sizeof("")) + mapEntryOverhead
	total, anyLong := 0, false
	for k, x := range m {
		total += entry + allocSize(len(k)) + allocSize(len(x))
		anyLong = anyLong || (max > 0 && (len(k) > max || len(x) > max))
	}
	return total, anyLong
}

func mapWalker(t reflect.Type, key, elem walker) walker {
	entry := int(t.Key().Size()+t.Elem().Size()) + mapEntryOverhead
	// A key and a value to read each entry into, reused across calls: a map of structures
	// (a trial component's parameters and artifacts) costs no allocation per map to measure.
	pair := reflect.StructOf([]reflect.StructField{{Name: "K", Type: t.Key()}, {Name: "V", Type: t.Elem()}})
	pairs := sync.Pool{New: func() any {
		v := reflect.New(pair).Elem()
		return &v
	}}
	return func(p unsafe.Pointer, max int) (int, bool) {
		v := reflect.NewAt(t, p).Elem()
		if v.IsNil() {
			return 0, false
		}
		total, anyLong := v.Len()*entry, false
		if key == nil && elem == nil {
			return total, false
		}
		kv := pairs.Get().(*reflect.Value)
		defer func() {
			kv.SetZero() // keep nothing of the call alive
			pairs.Put(kv)
		}()
		k, x := kv.Field(0), kv.Field(1)
		for it := v.MapRange(); it.Next(); {
			k.SetIterKey(it)
			x.SetIterValue(it)
			for _, part := range [2]struct {
				w walker
				v reflect.Value
			}{{key, k}, {elem, x}} {
				if part.w != nil {
					n, long := part.w(part.v.Addr().UnsafePointer(), max)
					total += n
					anyLong = anyLong || long
				}
			}
		}
		return total, anyLong
	}
}

// cut returns v with every string longer than max cut short, copying only what leads to one;
// v itself is not changed. Long keys of a map are cut too: two keys that differ only past
// max and in length by nothing would become one, a loss the log accepts.
func cut(v reflect.Value, max int) reflect.Value {
	t := v.Type()
	switch t.Kind() {
	case reflect.String:
		if v.Len() <= max {
			return v
		}
		nv := reflect.New(t).Elem()
		nv.SetString(shorten(v.String(), max))
		return nv
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() || !isLong(v.Elem(), max) {
			return v
		}
		if t.Kind() == reflect.Interface {
			nv := reflect.New(t).Elem()
			nv.Set(cut(v.Elem(), max))
			return nv
		}
		np := reflect.New(t.Elem())
		np.Elem().Set(cut(v.Elem(), max))
		return np
	case reflect.Struct, reflect.Array:
		nv := reflect.New(t).Elem()
		nv.Set(v)
		for i := range lenOf(v) {
			if f := elemOf(v, i); f.CanInterface() && isLong(f, max) {
				elemOf(nv, i).Set(cut(f, max))
			}
		}
		return nv
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		ns := reflect.MakeSlice(t, v.Len(), v.Len())
		reflect.Copy(ns, v)
		for i := range v.Len() {
			if isLong(v.Index(i), max) {
				ns.Index(i).Set(cut(v.Index(i), max))
			}
		}
		return ns
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		nm := reflect.MakeMapWithSize(t, v.Len())
		for it := v.MapRange(); it.Next(); {
			nm.SetMapIndex(cut(it.Key(), max), cut(it.Value(), max))
		}
		return nm
	}
	return v
}

func isLong(v reflect.Value, max int) bool {
	_, long := measure(v, max)
	return long
}

// lenOf and elemOf treat a struct's fields and an array's elements alike for cut.
func lenOf(v reflect.Value) int {
	if v.Kind() == reflect.Struct {
		return v.NumField()
	}
	return v.Len()
}

func elemOf(v reflect.Value, i int) reflect.Value {
	if v.Kind() == reflect.Struct {
		return v.Field(i)
	}
	return v.Index(i)
}
