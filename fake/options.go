package fake

import (
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

// Option configures a Fake.
type Option func(*config)

type config struct {
	engine   engine.Config
	maxBody  int64
	scenario *scenario.Scenario
	secrets  map[string]string // access key id → secret key; signatures are checked when set
	firstKey string
}

// WithClock sets the clock every status and timestamp is read from. The default is the real
// clock (clock.New()), which also follows the virtual time of a testing/synctest bubble; pass
// clock.NewMock() to move time by hand.
func WithClock(c clock.Clock) Option { return func(cf *config) { cf.engine.Clock = c } }

// WithAccount sets the default account (default 123456789012). Calls through the wire door
// whose access key id is 12 digits land in that account instead.
func WithAccount(id string) Option { return func(cf *config) { cf.engine.Account = id } }

// WithRegion sets the default Region (default us-east-1). Calls through the wire door land in
// the Region of their signature; the typed door honours sagemaker.Options.Region.
func WithRegion(r string) Option { return func(cf *config) { cf.engine.Region = r } }

// WithSeed makes generated identifiers (tracker ids, tracking ids, request ids) repeatable.
func WithSeed(seed uint64) Option { return func(cf *config) { cf.engine.Seed = seed } }

// WithCallLog keeps the n most recent calls for Calls (default 10,000; 0 keeps the default,
// a negative n keeps none).
func WithCallLog(n int) Option { return func(cf *config) { cf.engine.CallLogLimit = n } }

// WithActionQuota limits the SageMaker actions of each account and Region; one more
// CreateAction fails with ResourceLimitExceeded. The default is no limit.
func WithActionQuota(n int) Option { return func(cf *config) { cf.engine.ActionQuota = n } }

// WithTagQuota limits the tags on one resource, in both services (default 50, AWS's quota).
// SageMaker answers ResourceLimitExceeded past it, Personalize TooManyTagsException.
func WithTagQuota(n int) Option { return func(cf *config) { cf.engine.TagQuota = n } }

// WithDatasetGroupQuota limits the Personalize dataset groups of each account and Region
// (default 5, AWS's default quota); one more fails with LimitExceededException.
func WithDatasetGroupQuota(n int) Option {
	return func(cf *config) { cf.engine.DatasetGroupQuota = n }
}

// Lifecycle is how long a Personalize resource spends in each transitional status. A
// resource is ACTIVE (or CREATE FAILED) Pending+InProgress after its creation, and gone
// DeletePending+DeleteInProgress after its deletion was asked for.
type Lifecycle struct {
	Pending          time.Duration // CREATE PENDING
	InProgress       time.Duration // CREATE IN_PROGRESS
	DeletePending    time.Duration // DELETE PENDING
	DeleteInProgress time.Duration // DELETE IN_PROGRESS
}

// DefaultLifecycle is the timing used unless an option says otherwise: CREATE PENDING for
// 5 s, CREATE IN_PROGRESS for 55 s (so ACTIVE a minute after creation), DELETE PENDING for
// 5 s and DELETE IN_PROGRESS for 25 s.
var DefaultLifecycle = Lifecycle(engine.DefaultLifecycle)

// WithDatasetGroupLifecycle sets the timing of dataset groups.
func WithDatasetGroupLifecycle(l Lifecycle) Option {
	e := engine.Lifecycle(l)
	return func(cf *config) { cf.engine.DatasetGroupLifecycle = &e }
}

// WithEventTrackerLifecycle sets the timing of event trackers.
func WithEventTrackerLifecycle(l Lifecycle) Option {
	e := engine.Lifecycle(l)
	return func(cf *config) { cf.engine.EventTrackerLifecycle = &e }
}

// Instant is a Lifecycle with no waiting: resources are ACTIVE at creation and gone at
// deletion.
var Instant = Lifecycle{}

// WithMaxBody sets the largest request body the wire door accepts (default 1 MiB); a larger
// one is refused with 413 RequestEntityTooLargeException.
func WithMaxBody(n int64) Option { return func(cf *config) { cf.maxBody = n } }

// WithCredentials makes the wire door check AWS Signature Version 4 on every request, accepting
// this access key id and secret key (give the option once per key). A wrong signature gets
// InvalidSignatureException, an unknown key UnrecognizedClientException, no signature
// MissingAuthenticationTokenException, as from AWS. AWSConfig signs with the first key given.
// Without this option signatures are not checked. The typed door has no signatures.
func WithCredentials(accessKeyID, secretKey string) Option {
	return func(cf *config) {
		if cf.secrets == nil {
			cf.secrets = map[string]string{}
			cf.firstKey = accessKeyID
		}
		cf.secrets[accessKeyID] = secretKey
	}
}
