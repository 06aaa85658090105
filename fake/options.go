package fake

import (
	"io/fs"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/server"
	"github.com/awsfake/awsfake/scenario"
)

// Option configures a Fake.
type Option func(*config)

type config struct {
	server   server.Config // the engine's configuration, the body limit and the secrets (checked by New)
	scenario *scenario.Scenario
	firstKey string
}

// WithClock sets the clock every status and timestamp is read from. The default is the real
// clock (clock.New()), which also follows the virtual time of a testing/synctest bubble; pass
// clock.NewMock() to move time by hand.
func WithClock(c clock.Clock) Option { return func(cf *config) { cf.server.Engine.Clock = c } }

// WithAccount sets the default account (default 123456789012). Calls through the wire door
// whose access key id is 12 digits land in that account instead.
func WithAccount(id string) Option { return func(cf *config) { cf.server.Engine.Account = id } }

// WithRegion sets the default Region (default us-east-1). Calls through the wire door land in
// the Region of their signature; the typed door honours sagemaker.Options.Region.
func WithRegion(r string) Option { return func(cf *config) { cf.server.Engine.Region = r } }

// WithSeed makes generated identifiers (tracker ids, tracking ids, request ids) repeatable.
func WithSeed(seed uint64) Option { return func(cf *config) { cf.server.Engine.Seed = seed } }

// WithCallLog keeps the n most recent calls for Calls (default 10,000; 0 keeps the default,
// a negative n keeps none). The log is also bounded in bytes (see WithCallLogBytes), so a
// test that sends large requests never makes it hold more than that budget.
func WithCallLog(n int) Option { return func(cf *config) { cf.server.Engine.CallLogLimit = n } }

// WithCallLogBytes bounds the memory the call log keeps to about n bytes (an estimate that errs
// high; default 64 MiB, 0 keeps the default, a negative n lifts the bound): past it the oldest
// calls are forgotten, though the newest is always kept. Whatever the budget, a string longer
// than 128 KiB in a logged call (only an invalid value is that long) is kept cut short with a
// marker, "…[truncated N bytes]"; the caller's answer is never cut, and an error message
// echoes the value whole, as AWS's validation messages do.
func WithCallLogBytes(n int) Option { return func(cf *config) { cf.server.Engine.CallLogBytes = n } }

// WithHostCheck makes f.Handler() refuse, with 403, requests whose Host header is not a
// loopback name or address (localhost, 127.0.0.0/8, [::1]) or one of hosts: what cmd/awsfake
// always does, against DNS rebinding, for a handler you serve on a socket yourself. A host is a
// name or an IP address, without port. AWSConfig and HTTPClient still work: their requests
// name awsfake.invalid, which is always served (no page can be served from a .invalid name).
// Without this option every Host is served; requests a browser marks as sent by another site
// are refused either way (see WithCORSOrigin). New panics on a host that is a URL.
func WithHostCheck(hosts ...string) Option {
	return func(cf *config) {
		cf.server.CheckHost = true
		cf.server.AllowHosts = append(cf.server.AllowHosts, hosts...)
	}
}

// WithCORSOrigin lets a browser app at origin (scheme://host[:port], such as
// http://localhost:3000) call f.Handler(): the AWS SDK for JavaScript, on purpose. Its
// preflights are answered and its answers carry CORS headers. Requests from any other web
// origin are refused with 403 (AccessDeniedException, or a control error under /_fake/), so
// that no page a developer visits can drive or read the fake. Give the option once per origin;
// New panics on one with a path or a wildcard.
func WithCORSOrigin(origin string) Option {
	return func(cf *config) { cf.server.CORSOrigins = append(cf.server.CORSOrigins, origin) }
}

// Resource names a kind of resource, for WithQuota and WithLifecycle (and the server's -quota
// flag, which takes the same names). Its constants name every kind, each with what it is and
// its default quota.
type Resource string

// WithQuota limits a kind of resource per account and Region (Tags: per resource). One more
// create fails as AWS's quotas fail: ResourceLimitExceeded in SageMaker, LimitExceededException
// in Personalize (TooManyTagsException for tags). 0 means no limit. New panics on a kind it does
// not know or a negative n.
func WithQuota(r Resource, n int) Option {
	return func(cf *config) {
		if cf.server.Engine.Quotas == nil {
			cf.server.Engine.Quotas = map[string]int{}
		}
		cf.server.Engine.Quotas[string(r)] = n
	}
}

// Lifecycle is how long a resource spends in each transitional status. It is ACTIVE (or CREATE
// FAILED) Pending+InProgress after its creation, ACTIVE again UpdatePending+UpdateInProgress
// after an update, and gone DeletePending+DeleteInProgress after its deletion was asked for. The
// zero Lifecycle makes every change take effect at once.
type Lifecycle struct {
	Pending          time.Duration // CREATE PENDING
	InProgress       time.Duration // CREATE IN_PROGRESS
	UpdatePending    time.Duration // UPDATE PENDING
	UpdateInProgress time.Duration // UPDATE IN_PROGRESS
	DeletePending    time.Duration // DELETE PENDING
	DeleteInProgress time.Duration // DELETE IN_PROGRESS
	// Stopping is how long CREATE STOPPING lasts when a creation under way is stopped
	// (StopSolutionVersionCreation: SolutionVersions).
	Stopping time.Duration
}

// DefaultLifecycle returns the timing a kind of resource has unless WithLifecycle says
// otherwise, a guess where AWS publishes none: CREATE PENDING for 5 s and CREATE IN_PROGRESS for
// 55 s (ACTIVE a minute after creation), the same for an update, DELETE PENDING for 5 s and
// DELETE IN_PROGRESS for 25 s.
func DefaultLifecycle(r Resource) Lifecycle { return Lifecycle(catalog.DefaultLifecycle(string(r))) }

// WithLifecycle sets how long a kind of resource with statuses (DatasetGroups, EventTrackers)
// spends in each. New panics on a kind without statuses or a negative duration.
func WithLifecycle(r Resource, l Lifecycle) Option {
	return func(cf *config) {
		if cf.server.Engine.Lifecycles == nil {
			cf.server.Engine.Lifecycles = map[string]engine.Lifecycle{}
		}
		cf.server.Engine.Lifecycles[string(r)] = engine.Lifecycle(l)
	}
}

// WithEventsWithoutDataset makes PutEvents accept events for a dataset group that has no ACTIVE
// Interactions dataset. By default they are refused with InvalidInputException: PutEvents appends
// to that dataset, and AWS does not document what it answers without one (a documented guess).
func WithEventsWithoutDataset() Option {
	return func(cf *config) { cf.server.Engine.EventsWithoutDataset = true }
}

// WithObjects gives the fake the objects that dataset import jobs read, as S3 would hold them:
// s3://bucket/key is the file bucket/key of fsys, and a folder (s3://bucket/folder/) reads every
// CSV object under it. Tests pass an fstest.MapFS; os.DirFS("testdata") reads a directory. A job
// reads its objects when it is created. Without this option every import job fails, as one
// reading a wrong location does ("Invalid Data location.").
func WithObjects(fsys fs.FS) Option { return func(cf *config) { cf.server.Engine.Objects = fsys } }

// WithSmallDatasets lets a test train on a handful of rows: import jobs take fewer than AWS's
// 1,000 interaction records, and solution versions train on fewer than 1,000 interactions or 25
// users with two or more interactions each. Without it, as on AWS, such an import or version
// ends CREATE FAILED with AWS's failure reason.
func WithSmallDatasets() Option { return func(cf *config) { cf.server.Engine.SmallDatasets = true } }

// WithCascadingDeletes makes deleting a SageMaker action, artifact or context delete its
// associations with it. By default such a delete is refused with ValidationException while the
// entity has any (AWS does not document what it does; a refusal catches code that forgets to
// disassociate, and never leaves an edge dangling).
func WithCascadingDeletes() Option {
	return func(cf *config) { cf.server.Engine.CascadeDeletes = true }
}

// WithMaxBody sets the largest request body the wire door accepts (default 1 MiB); a larger
// one is refused with 413 RequestEntityTooLargeException.
func WithMaxBody(n int64) Option { return func(cf *config) { cf.server.MaxBody = n } }

// WithMaxControlBody sets the largest body the control endpoints read (default 1 GiB, far
// above any state document: whatever GET /_fake/state gives can be posted back); a larger one
// is refused with 413.
func WithMaxControlBody(n int64) Option { return func(cf *config) { cf.server.MaxControlBody = n } }

// WithCredentials makes the wire door check AWS Signature Version 4 on every request, accepting
// this access key id and secret key (give the option once per key). A wrong signature gets
// InvalidSignatureException, an unknown key UnrecognizedClientException, no signature
// MissingAuthenticationTokenException, as from AWS. AWSConfig signs with the first key given.
// Without this option signatures are not checked. The typed door has no signatures.
func WithCredentials(accessKeyID, secretKey string) Option {
	return func(cf *config) {
		if cf.server.Secrets == nil {
			cf.server.Secrets = map[string]string{}
			cf.firstKey = accessKeyID
		}
		cf.server.Secrets[accessKeyID] = secretKey
	}
}

// OptionError is what New panics with when an option is out of range, so that a program
// building a fake from its own input can tell a bad option from a bug.
type OptionError struct{ Err error }

func (e *OptionError) Error() string { return "awsfake: " + e.Err.Error() }
func (e *OptionError) Unwrap() error { return e.Err }
