package fake

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/server"
)

// Fake is an in-memory AWS for one test: SageMaker lineage actions and Personalize event
// tracking, with state per account and Region. It is safe for concurrent use. Build it with
// New (or ForTest); the zero value is not usable.
type Fake struct {
	s      server.Server  // the engine, its installed rules, and the wire door with the control endpoints
	e      *engine.Engine // s.Engine
	key    string         // the access key id AWSConfig signs with, and its secret
	secret string

	// test, set by ForTest while its test runs, hears what a test should fail for but no call
	// returns (a scenario predicate that panicked).
	test atomic.Pointer[testing.TB]
}

// New returns an empty fake: no resources, the default account 123456789012 and Region
// us-east-1, and the real clock unless WithClock says otherwise. Like regexp.MustCompile, it
// panics (with an *OptionError) on options a test author got wrong: an account id that is not
// 12 digits, a Region that is not a Region name, an unknown kind of resource, a negative quota,
// duration or body limit, an empty credential, or a scenario that cannot work.
func New(opts ...Option) *Fake {
	var cf config
	for _, o := range opts {
		o(&cf)
	}
	if err := cf.server.Check(); err != nil {
		panic(&OptionError{Err: err})
	}
	f := &Fake{key: cf.firstKey, secret: cf.server.Secrets[cf.firstKey]}
	cf.server.Typed = typedPredicate
	cf.server.HostHint = "add the host to fake.WithHostCheck"
	cf.server.OriginHint = "give fake.WithCORSOrigin the origin"
	if cf.server.CheckHost {
		cf.server.AllowHosts = append(cf.server.AllowHosts, inProcessHost)
	}
	cf.server.Report = f.reportf
	f.s.Init(cf.server)
	f.e = f.s.Engine
	if cf.scenario != nil {
		if err := f.SetScenario(cf.scenario); err != nil {
			panic(&OptionError{Err: fmt.Errorf("WithScenario: %w", err)})
		}
	}
	return f
}

// ForTest returns a new fake for t. When t fails, the last calls the fake answered are
// logged, which usually explains the failure.
func ForTest(t testing.TB, opts ...Option) *Fake {
	t.Helper()
	f := New(opts...)
	f.test.Store(&t)
	t.Cleanup(func() {
		f.test.Store(nil)
		if !t.Failed() {
			return
		}
		calls := f.Calls()
		if len(calls) > failureLogCalls {
			t.Logf("awsfake: %d calls; the last %d:", len(calls), failureLogCalls)
			calls = calls[len(calls)-failureLogCalls:]
		}
		for _, c := range calls {
			t.Logf("awsfake: %s", c)
		}
		for _, g := range f.e.Lineage() {
			t.Logf("awsfake: the lineage graph of account %s in %s:\n%s", g.Scope.Account, g.Scope.Region, mermaid(g))
		}
	})
	return f
}

// reportf fails the test of a fake made by ForTest, while that test runs.
func (f *Fake) reportf(format string, args ...any) {
	if t := f.test.Load(); t != nil {
		(*t).Errorf(format, args...)
	}
}

// failureLogCalls is how many calls ForTest logs when a test fails.
const failureLogCalls = 20

// Clock returns the clock the fake reads time from.
func (f *Fake) Clock() clock.Clock { return f.e.Clock() }

// Account returns the default account.
func (f *Fake) Account() string { return f.e.Config().Account }

// Region returns the default Region.
func (f *Fake) Region() string { return f.e.Config().Region }

// Reset forgets every resource, recorded call and object jobs wrote. Options stay as they were.
func (f *Fake) Reset() { f.e.Reset() }
