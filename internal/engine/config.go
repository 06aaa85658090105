package engine

import (
	"io/fs"

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
	// CallLogBytes is about the most memory the call log keeps (an estimate that errs high);
	// past it the oldest calls are forgotten, though the newest call is always kept. Default
	// 64 MiB; negative means no limit.
	CallLogBytes int
	// CallLogValueBytes is the longest string a logged call keeps whole; a longer one is kept
	// cut short with a marker. Default 128 KiB, above every valid value of the faked models
	// (32,000 characters, 128,000 bytes at most), so only invalid values are cut; negative
	// keeps every value whole. Only the log is cut: an error's message to the caller echoes
	// the value whole, as AWS's validation messages do (seen whole at nearly 2,000 characters;
	// AWS documents no cut, and its front ends refuse bodies past a few MB before validating).
	CallLogValueBytes int

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

	// Objects are what dataset import jobs read: s3://bucket/key is the file bucket/key. Nil
	// holds no object, so every import job fails as one reading a wrong location does.
	Objects fs.FS
	// SmallDatasets lifts AWS's minimums on data: an import job's 1,000 interaction records
	// and training's 1,000 interactions and 25 users with two or more, for small tests.
	SmallDatasets bool
}

// Lifecycle is how long a resource spends in each transitional status.
type Lifecycle = catalog.Lifecycle

const (
	DefaultAccount      = "123456789012"
	DefaultRegion       = "us-east-1"
	DefaultCallLogLimit = 10000

	DefaultCallLogBytes      = 64 << 20
	DefaultCallLogValueBytes = 128 << 10
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
	if c.CallLogBytes == 0 {
		c.CallLogBytes = DefaultCallLogBytes
	}
	if c.CallLogValueBytes == 0 {
		c.CallLogValueBytes = DefaultCallLogValueBytes
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
