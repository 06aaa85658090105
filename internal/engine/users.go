package engine

import (
	"slices"
	"strings"
	"time"
)

// What a resource refers to, and what refers to it. A kind whose resources refer to others (a
// dataset to its group and its schema) declares the kinds in kinds.txt (needs) and lists the
// resources with eachNeed; its table registers them when a resource is inserted and lets go of
// them when it is purged. The world keeps, for each resource, the resources that use it, in the
// order they began to: a delete rule ("a dataset group with an event tracker cannot be
// deleted") and a lookup ("the group's Interactions dataset") cost the resource's users, not
// the size of a table, and no kind keeps links of its own.

// needer is a kind whose resources refer to others.
type needer interface {
	eachNeed(fn func(resource)) // every resource it refers to now
}

// userIndex is the world's index of users, by the resource they use; nil until the first.
type userIndex struct {
	users map[resource][]resource
}

// use records that user refers to used (once, however often it is called).
func (w *world) use(user, used resource) {
	if w.users == nil {
		w.users = map[resource][]resource{}
	}
	if !slices.Contains(w.users[used], user) {
		w.users[used] = append(w.users[used], user)
	}
}

// unuse records that user no longer refers to used.
func (w *world) unuse(user, used resource) {
	rest := slices.DeleteFunc(w.users[used], func(r resource) bool { return r == user })
	if len(rest) == 0 {
		delete(w.users, used)
		return
	}
	w.users[used] = rest
}

// usersOf returns the resources that refer to r and are not gone, in the order they began to,
// forgetting those whose deletion finished.
func (w *world) usersOf(r resource, now time.Time) []resource {
	var out []resource
	for _, u := range slices.Clone(w.users[r]) {
		if w.live(u, now) {
			out = append(out, u)
		}
	}
	return out
}

// firstUser returns the first resource of a type that refers to r and is not gone, or nil.
func firstUser[T resource](w *world, r resource, now time.Time, keep func(T) bool) T {
	for _, u := range w.usersOf(r, now) {
		if t, ok := u.(T); ok && (keep == nil || keep(t)) {
			return t
		}
	}
	var zero T
	return zero
}

// live reports whether a resource is still in its table at now, purging it if its deletion has
// finished.
func (w *world) live(r resource, now time.Time) bool {
	if r.isDeleted() {
		return false
	}
	if !gone(r, now) {
		return true
	}
	p, _ := parseARN(r.base().arn)
	arnType, _, _ := strings.Cut(p.resource, "/")
	if t := w.tableOf(p.service, arnType); t != nil {
		t.purge(r)
	}
	return false
}
