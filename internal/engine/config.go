package engine

import (
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Config is everything an engine is built with. Zero values take the documented defaults.
type Config struct {
	Clock   clock.Clock
	Account string // default account, "123456789012"
	Region  string // default Region, "us-east-1"
	Seed    uint64 // seeds generated ids; 0 picks a random seed

	CallLogLimit int // most recent calls kept; default 10,000; negative keeps none

	// Quotas by kind of resource (catalog.Resources' names): per account and Region, or per
	// resource for tags. A kind not named keeps its default; 0 means no limit.
	Quotas map[string]int
	// Lifecycles by kind of resource: how long each status lasts. A kind not named keeps
	// catalog.DefaultLifecycle; the zero Lifecycle makes a resource ACTIVE at once.
	Lifecycles map[string]Lifecycle

	// EventsWithoutDataset lets PutEvents accept events for a dataset group without an ACTIVE
	// Interactions dataset (by default they are refused, a documented guess).
	EventsWithoutDataset bool

	// CascadeDeletes makes deleting a lineage entity delete its associations too (by default
	// the delete is refused while it has any, a documented guess).
	CascadeDeletes bool
}

// Lifecycle is how long a resource spends in each transitional status.
type Lifecycle = catalog.Lifecycle

const (
	DefaultAccount      = "123456789012"
	DefaultRegion       = "us-east-1"
	DefaultCallLogLimit = 10000
)

func (c *Config) fillDefaults() {
	if c.Clock == nil {
		c.Clock = clock.New()
	}
	if c.Account == "" {
		c.Account = DefaultAccount
	}
	if c.Region == "" {
		c.Region = DefaultRegion
	}
	if c.CallLogLimit == 0 {
		c.CallLogLimit = DefaultCallLogLimit
	}
	quotas, lifecycles := map[string]int{}, map[string]Lifecycle{}
	for _, r := range catalog.Resources {
		quotas[r.Name] = r.Quota
		if q, ok := c.Quotas[r.Name]; ok {
			quotas[r.Name] = q
		}
		if r.Lifecycle {
			lifecycles[r.Name] = catalog.DefaultLifecycle(r.Name)
			if l, ok := c.Lifecycles[r.Name]; ok {
				lifecycles[r.Name] = l
			}
		}
	}
	c.Quotas, c.Lifecycles = quotas, lifecycles
}

// quota returns a kind's quota; 0 means no limit.
func (c *Config) quota(resource string) int { return c.Quotas[resource] }

// tagQuota is the most tags one resource may have.
func (c *Config) tagQuota() int {
	if q := c.Quotas[catalog.Tags]; q > 0 {
		return q
	}
	return int(^uint(0) >> 1)
}
