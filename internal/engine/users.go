package engine

import (
	"slices"
	"strings"
	"time"
)

// What a resource refers to, and what refers to it. A kind whose resources refer to others (a
// dataset to its group and its schema) declares the kinds in kinds.txt (needs) and lists the
// resources with needs; its table registers them when a resource is inserted and lets go of
// them when it is purged. A kind that others need embeds usedBy, which keeps the resources that
// use it, in the order they began to (the compiler holds needs to that: it returns used
// resources): a delete rule ("a dataset group with an event tracker cannot be deleted") and a
// lookup ("the group's Interactions dataset") cost the resource's users, not the size of a
// table, and no kind keeps links of its own.

// needer is a kind whose resources refer to others.
type needer interface {
	needs() needed // every resource it refers to now
}

// needed lists what a resource refers to, nil where it has less to list: an array, so listing
// costs no allocation.
type needed [3]used

// used is a kind that others need.
type used interface {
	resource
	usage() *usedBy
}

// usedBy is what a kind that others need embeds: the resources that refer to it.
type usedBy struct {
	users []resource
}

func (u *usedBy) usage() *usedBy { return u }

// use records that user refers to r (once, however often it is called).
func use(user resource, r used) {
	if u := r.usage(); !slices.Contains(u.users, user) {
		u.users = append(u.users, user)
	}
}

// useNew is use for a resource just made, which nothing lists yet: no search of r's users (a
// solution's versions may number thousands), only of what it listed last (one resource may need
// another twice).
func useNew(user resource, r used) {
	u := r.usage()
	if n := len(u.users); n > 0 && u.users[n-1] == user {
		return
	}
	u.users = append(u.users, user)
}

// unuse records that user no longer refers to r.
func unuse(user resource, r used) {
	u := r.usage()
	u.users = slices.DeleteFunc(u.users, func(x resource) bool { return x == user })
	if len(u.users) == 0 {
		u.users = nil
	}
}

// eachUser calls fn with each resource that refers to r and is not gone, in the order they
// began to, until fn returns false; those whose deletion finished are forgotten on the way.
func (w *world) eachUser(r used, now time.Time, fn func(resource) bool) {
	u := r.usage()
	for i := 0; i < len(u.users); {
		user := u.users[i]
		if !w.live(user, now) {
			if i < len(u.users) && u.users[i] == user {
				i++ // not purged here (already out of its table): step over it
			}
			continue // purged: its purge took it out of the list, and the next is at i
		}
		if !fn(user) {
			return
		}
		i++
	}
}

// firstUser returns the first resource of a type that refers to r, is not gone and that keep
// (when not nil) keeps, or the zero value.
func firstUser[T resource](w *world, r used, now time.Time, keep func(T) bool) T {
	var found T
	w.eachUser(r, now, func(u resource) bool {
		t, ok := u.(T)
		if ok && (keep == nil || keep(t)) {
			found = t
			return false
		}
		return true
	})
	return found
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
