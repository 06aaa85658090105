package engine

import (
	"time"

	"github.com/benbjohnson/clock"
)

// Config is everything an engine is built with. Zero values take the documented defaults.
type Config struct {
	Clock   clock.Clock
	Account string // default account, "123456789012"
	Region  string // default Region, "us-east-1"
	Seed    uint64 // seeds generated ids; 0 picks a random seed

	CallLogLimit int // most recent calls kept; default 10,000; negative keeps none

	ActionQuota       int // SageMaker actions per account and Region; 0 means no limit
	TagQuota          int // tags per resource, both services; default 50
	DatasetGroupQuota int // Personalize dataset groups per account and Region; default 5

	DatasetGroupLifecycle *Lifecycle // nil means DefaultLifecycle
	EventTrackerLifecycle *Lifecycle // nil means DefaultLifecycle
}

// Lifecycle is how long a Personalize resource spends in each transitional status. A resource
// is ACTIVE (or CREATE FAILED) Pending+InProgress after its creation, and gone
// DeletePending+DeleteInProgress after its deletion.
type Lifecycle struct {
	Pending          time.Duration // CREATE PENDING
	InProgress       time.Duration // CREATE IN_PROGRESS
	DeletePending    time.Duration // DELETE PENDING
	DeleteInProgress time.Duration // DELETE IN_PROGRESS
}

// DefaultLifecycle is a guess at AWS's timings: ACTIVE a minute after creation, gone half a
// minute after deletion.
var DefaultLifecycle = Lifecycle{
	Pending:          5 * time.Second,
	InProgress:       55 * time.Second,
	DeletePending:    5 * time.Second,
	DeleteInProgress: 25 * time.Second,
}

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
	if c.TagQuota == 0 {
		c.TagQuota = 50
	}
	if c.DatasetGroupQuota == 0 {
		c.DatasetGroupQuota = 5
	}
	if c.DatasetGroupLifecycle == nil {
		c.DatasetGroupLifecycle = &DefaultLifecycle
	}
	if c.EventTrackerLifecycle == nil {
		c.EventTrackerLifecycle = &DefaultLifecycle
	}
}
