package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unsafe"
)

// Digest returns a hash of every resource of every world, for tests that check that a failed
// call changed nothing. It walks each resource's fields by reflection, so no field and no kind
// can be forgotten: a pointer is followed to what it points at (two engines in one state digest
// alike), a reference to another resource is written as its ARN, maps in key order. Purging a
// resource whose deletion finished is not a change (it was already gone), so gone resources are
// left out.
func (e *Engine) Digest() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	h := sha256.New()
	scopes := make([]Scope, 0, len(e.worlds))
	for s := range e.worlds {
		scopes = append(scopes, s)
	}
	sort.Slice(scopes, func(i, j int) bool {
		return scopes[i].Account+"/"+scopes[i].Region < scopes[j].Account+"/"+scopes[j].Region
	})
	for _, s := range scopes {
		for _, t := range e.worlds[s].tables {
			all := t.all()
			if len(all) == 0 && t.count() == 0 {
				continue // a world made by a call that failed is no change
			}
			fmt.Fprintf(h, "%s %s %s %d\n", s.Account, s.Region, t.kindName(), t.count())
			for _, r := range all {
				if gone(r, now) {
					continue
				}
				digestValue(h, reflect.ValueOf(r).Elem(), true)
				h.Write([]byte{'\n'})
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

var (
	resourceType = reflect.TypeFor[resource]()
	timeType     = reflect.TypeFor[time.Time]()
)

// digestValue writes v unambiguously. Values reached through unexported fields can be read by
// kind (String, Int, ...) but not as interfaces, so a time.Time is read through its address.
func digestValue(h hash.Hash, v reflect.Value, top bool) {
	switch {
	case v.Type() == timeType:
		if v.CanAddr() {
			t := *(*time.Time)(unsafe.Pointer(v.UnsafeAddr()))
			h.Write([]byte(strconv.FormatInt(t.UnixNano(), 10) + ";"))
			return
		}
	case !top && v.Kind() == reflect.Pointer && v.Type().Implements(resourceType):
		// Another resource: its identity, not its contents (resources point at each other).
		if v.IsNil() {
			h.Write([]byte("nil;"))
		} else {
			digestValue(h, v.Elem().FieldByName("entity").FieldByName("arn"), false)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.Write([]byte("nil;"))
			return
		}
		digestValue(h, v.Elem(), false)
	case reflect.Struct:
		h.Write([]byte("{"))
		for i := 0; i < v.NumField(); i++ {
			h.Write([]byte(v.Type().Field(i).Name + ":"))
			digestValue(h, v.Field(i), false)
		}
		h.Write([]byte("}"))
	case reflect.Slice, reflect.Array:
		h.Write([]byte("[" + strconv.Itoa(v.Len()) + ":"))
		for i := 0; i < v.Len(); i++ {
			digestValue(h, v.Index(i), false)
		}
		h.Write([]byte("]"))
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		h.Write([]byte("map[" + strconv.Itoa(len(keys)) + ":"))
		for _, k := range keys {
			digestValue(h, k, false)
			digestValue(h, v.MapIndex(k), false)
		}
		h.Write([]byte("]"))
	case reflect.String:
		h.Write([]byte(strconv.Quote(v.String()) + ";"))
	case reflect.Bool:
		h.Write([]byte(strconv.FormatBool(v.Bool()) + ";"))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.Write([]byte(strconv.FormatInt(v.Int(), 10) + ";"))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.Write([]byte(strconv.FormatUint(v.Uint(), 10) + ";"))
	case reflect.Float32, reflect.Float64:
		h.Write([]byte(strconv.FormatFloat(v.Float(), 'g', -1, 64) + ";"))
	default:
		panic("engine: Digest cannot read a " + v.Kind().String())
	}
}
