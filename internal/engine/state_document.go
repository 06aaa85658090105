package engine

import (
	"time"
)

// ResourceState is one resource as a state document and a dashboard show it: the input of the
// operation that recreates it, as a seed, and where it is in its life.
type ResourceState struct {
	Scope     Scope
	Kind      string // the ARN's resource type: "action", "dataset-group", ...; "records" for data
	ARN, Name string
	Type      string // what its kind calls its type: an action's ActionType, a dataset's type, ...
	Service   string
	Operation string            // the operation that recreates it
	Input     any               // its input shape
	Status    string            // for kinds with a lifecycle
	Failure   string            // a CREATE FAILED one's reason
	IDs       map[string]string // generated identifiers to keep
	Created   time.Time
	Modified  time.Time // a lineage entity's LastModifiedTime, when a lifecycle's status last changed
	Changed   time.Time // when the status last changed
	Next      time.Time // when the status will change next; zero when it will not by itself
	// HoldsRecords is true for a kind whose resources hold data-plane records (a dataset: the
	// events, items, users, actions or action interactions put into it), and Records how many
	// it holds, which NewestRecords pages through.
	HoldsRecords bool
	Records      int
}

// State returns every resource of every account and Region, in an order in which seeds can
// recreate them (what a resource refers to comes before it), with the records the data-plane
// operations put. Resources being deleted are left out: they are about to be gone; so are
// stopped solution versions, which no seed can make. A state
// document restores the resources in their creation statuses and their timestamps; an update
// under way restores as the dataset before it, and events whose tracker is gone are left out.
func (e *Engine) State() []ResourceState {
	all := e.Resources()
	kept := all[:0]
	for _, r := range all {
		// Resources being deleted are about to be gone; no seed starts stopped.
		if !deleting(r.Status) && r.Status != StatusCreateStopping && r.Status != StatusCreateStopped {
			kept = append(kept, r)
		}
	}
	return kept
}

// Resources is State with the resources being deleted, as a dashboard shows them.
func (e *Engine) Resources() []ResourceState {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	scopes := e.scopes()
	var out []ResourceState
	for _, s := range scopes {
		w := e.worlds[s]
		w.settleAll(now) // imports that ended and deletion jobs that completed are in the data, as any read sees them
		// Kinds in the order kinds.txt's needs give (what a kind refers to comes first), then
		// what a kind's resources hold that refers to other kinds (a group's events, which
		// need its tracker and its Interactions dataset).
		tables := w.stateTables()
		for _, t := range tables {
			for _, r := range t.all() {
				if st, ok := r.(stateful); ok && !gone(r, now) {
					out = append(out, st.state(w, now)...)
				}
			}
		}
		for _, t := range tables {
			for _, r := range t.all() {
				if st, ok := r.(laterStateful); ok && !gone(r, now) {
					out = append(out, st.laterState(w, now)...)
				}
			}
		}
	}
	return out
}

// stateful is a kind that a state document can recreate: each resource as the seeds that
// recreate it (its create operation's input, and the records it holds).
type stateful interface {
	state(w *world, now time.Time) []ResourceState
}

// laterStateful is a kind whose resources hold what a state document can recreate only once
// every kind's resources are in place.
type laterStateful interface {
	laterState(w *world, now time.Time) []ResourceState
}

func (en *entity) baseState(w *world, kind, service, op string, in any) ResourceState {
	return ResourceState{Scope: w.scope, Kind: kind, ARN: en.arn, Name: en.name, Service: service, Operation: op, Input: in, Created: en.created}
}

// lived fills the status fields of a resource with a lifecycle; false when it is being deleted.
func livedState(st *ResourceState, r lived, now time.Time) bool {
	status, changed, _ := statusOf(r, now)
	st.Status, st.Changed, st.Next = status, changed, r.cycle().next(r.base().created, now)
	st.Modified = changed
	if status == StatusCreateFailed {
		st.Failure = r.cycle().failure()
	}
	return !deleting(status)
}
