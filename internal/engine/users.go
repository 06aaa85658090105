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

// firstUse records that user, which did not, now refers to r.
func firstUse(user resource, r used) {
	u := r.usage()
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

// usersOf returns the resources that refer to r and are not gone, in the order they began to,
// forgetting those whose deletion finished.
func (w *world) usersOf(r used, now time.Time) []resource {
	var out []resource
	for _, u := range slices.Clone(r.usage().users) {
		if w.live(u, now) {
			out = append(out, u)
		}
	}
	return out
}

// firstUser returns the first resource of a type that refers to r and is not gone, or nil.
func firstUser[T resource](w *world, r used, now time.Time, keep func(T) bool) T {
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
