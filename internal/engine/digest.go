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
// call changed nothing. It walks each resource's fields by reflection (but those tagged
// digest:"-", what is derived lazily from the rest), so no field and no kind can be forgotten: a pointer is followed to what it points at (two engines in one state digest
// alike), a reference to another resource is written as its ARN, maps in key order. Purging a
// resource whose deletion finished is not a change (it was already gone), so gone resources are
// left out.
func (e *Engine) Digest() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	h := sha256.New()
	scopes := e.scopes()
	for _, s := range scopes {
		e.worlds[s].settleAll(now) // imports that ended are in their datasets, as any read sees them
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
				d := digester{h: h, now: now}
				d.value(reflect.ValueOf(r).Elem(), true)
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

// digester writes values unambiguously into a hash. Values reached through unexported fields
// can be read by kind (String, Int, ...) but not as interfaces, so a time.Time and a reference
// to another resource are read through their addresses.
type digester struct {
	h   hash.Hash
	now time.Time
}

// live returns the resource a pointer refers to, or nil if it is gone: a reference to a gone
// resource is no reference (reads forget gone resources, and that is no change).
func (d digester) live(v reflect.Value) resource {
	if v.IsNil() {
		return nil
	}
	r := reflect.NewAt(v.Type().Elem(), unsafe.Pointer(v.Pointer())).Interface().(resource)
	if r.isDeleted() || gone(r, d.now) {
		return nil
	}
	return r
}

// refersToGone reports whether v is a reference to a resource (a pointer, or an interface
// holding one) that is gone.
func (d digester) refersToGone(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	return d.isResource(v) && d.live(v) == nil
}

func (d digester) isResource(v reflect.Value) bool {
	return v.Kind() == reflect.Pointer && v.Type().Implements(resourceType)
}

func (d digester) value(v reflect.Value, top bool) {
	h := d.h
	switch {
	case v.Type() == timeType:
		if v.CanAddr() {
			t := *(*time.Time)(unsafe.Pointer(v.UnsafeAddr()))
			h.Write([]byte(strconv.FormatInt(t.UnixNano(), 10) + ";"))
			return
		}
	case !top && d.isResource(v):
		// Another resource: its identity, not its contents (resources point at each other).
		if r := d.live(v); r != nil {
			h.Write([]byte(strconv.Quote(r.base().arn) + ";"))
		} else {
			h.Write([]byte("nil;"))
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.Write([]byte("nil;"))
			return
		}
		d.value(v.Elem(), false)
	case reflect.Struct:
		h.Write([]byte("{"))
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Tag.Get("digest") == "-" {
				continue // derived or cached: computing it lazily is no change of state
			}
			h.Write([]byte(f.Name + ":"))
			d.value(v.Field(i), false)
		}
		h.Write([]byte("}"))
	case reflect.Slice, reflect.Array:
		// References to gone resources are left out, as in maps (a resource's users).
		var keep []reflect.Value
		for i := 0; i < v.Len(); i++ {
			if el := v.Index(i); !d.refersToGone(el) {
				keep = append(keep, el)
			}
		}
		h.Write([]byte("[" + strconv.Itoa(len(keep)) + ":"))
		for _, el := range keep {
			d.value(el, false)
		}
		h.Write([]byte("]"))
	case reflect.Map:
		// Entries that refer to a gone resource are left out, as the reference would be; the
		// rest go in the order of their digests, so the order of the map does not matter.
		var entries []string
		for it := v.MapRange(); it.Next(); {
			k, val := it.Key(), it.Value()
			if d.isResource(k) && d.live(k) == nil || d.isResource(val) && d.live(val) == nil {
				continue
			}
			sub := digester{h: sha256.New(), now: d.now}
			sub.value(k, false)
			sub.value(val, false)
			entries = append(entries, string(sub.h.Sum(nil)))
		}
		sort.Strings(entries)
		h.Write([]byte("map[" + strconv.Itoa(len(entries)) + ":"))
		for _, e := range entries {
			h.Write([]byte(e))
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

// scopes are the accounts and Regions that have a world, in order. The lock must be held.
func (e *Engine) scopes() []Scope {
	scopes := make([]Scope, 0, len(e.worlds))
	for s := range e.worlds {
		scopes = append(scopes, s)
	}
	sort.Slice(scopes, func(i, j int) bool {
		return scopes[i].Account+"/"+scopes[i].Region < scopes[j].Account+"/"+scopes[j].Region
	})
	return scopes
}
