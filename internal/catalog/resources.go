package catalog

import "time"

// Resource is a kind of resource the fake holds, as options and the server's -quota flag name
// it: its quota per account and Region by default, and whether it moves through statuses.
type Resource struct {
	Name      string // "actions", "dataset-groups", ...
	Service   string
	Quota     int    // per account and Region (tags: per resource), or per Within; 0 means no limit
	Limit     string // what the quota limits, as AWS's quota pages name it
	Within    string // the kind whose resources the quota counts within (solutions: dataset-groups), or ""
	Creating  bool   // the quota counts only resources being created (CREATE PENDING, CREATE IN_PROGRESS)
	Lifecycle bool   // statuses on the clock (CREATE PENDING, ...), with DefaultLifecycle's timing
	Stoppable bool   // its creation can be stopped (CREATE STOPPING, CREATE STOPPED)
}

// The kinds (Resources, their names as constants, their timings) are declared in
// internal/gen/kinds.txt and generated into zz_kinds.go. The SageMaker quotas are those AWS
// documents per account and Region for lineage entities created through the API
// (lineage-tracking-manual-creation).

// LookupResource returns a kind by name, or nil.
func LookupResource(name string) *Resource {
	for i := range Resources {
		if Resources[i].Name == name {
			return &Resources[i]
		}
	}
	return nil
}

// ResourceNames returns the names of every kind, or of those with a lifecycle.
func ResourceNames(lifecycleOnly bool) []string {
	var out []string
	for _, r := range Resources {
		if r.Lifecycle || !lifecycleOnly {
			out = append(out, r.Name)
		}
	}
	return out
}

// Lifecycle is how long a resource spends in each transitional status: it is ACTIVE (or CREATE
// FAILED) Pending+InProgress after its creation, ACTIVE again UpdatePending+UpdateInProgress
// after an update, and gone DeletePending+DeleteInProgress after its deletion was asked for.
type Lifecycle struct {
	Pending          time.Duration // CREATE PENDING
	InProgress       time.Duration // CREATE IN_PROGRESS
	UpdatePending    time.Duration // UPDATE PENDING
	UpdateInProgress time.Duration // UPDATE IN_PROGRESS
	DeletePending    time.Duration // DELETE PENDING
	DeleteInProgress time.Duration // DELETE IN_PROGRESS
	Stopping         time.Duration // CREATE STOPPING, for a kind whose creation can be stopped
}

// DefaultLifecycle is a guess at AWS's timings where it publishes none: ACTIVE a minute after
// creation, again a minute after an update, and gone half a minute after deletion. A kind may
// declare its own (kinds.txt): datasets follow what real runs show (ACTIVE about 15 s after
// creation, an update about 2 minutes).
func DefaultLifecycle(resource string) Lifecycle {
	if l, ok := lifecycles[resource]; ok {
		return l
	}
	return Lifecycle{
		Pending: 5 * time.Second, InProgress: 55 * time.Second,
		UpdatePending: 5 * time.Second, UpdateInProgress: 55 * time.Second,
		DeletePending: 5 * time.Second, DeleteInProgress: 25 * time.Second,
	}
}
