package fake

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/scenario"
)

// OptionError is what New panics with when an option is out of range, so that a program
// building a fake from its own input (cmd/awsfake's flags) can tell a bad option from a bug.
type OptionError struct{ Err error }

func (e *OptionError) Error() string { return "awsfake: " + e.Err.Error() }
func (e *OptionError) Unwrap() error { return e.Err }

// check reports an option out of range. Each would make the fake answer in ways AWS never
// does: an account that is not 12 digits gives ARNs that the services' own patterns refuse
// on the next call, and a negative duration or quota has no meaning.
func (cf *config) check() error {
	e := cf.engine
	if err := (scenario.Where{Account: e.Account}).Check(); err != nil {
		return fmt.Errorf("WithAccount: %w", err)
	}
	if err := (scenario.Where{Region: e.Region}).Check(); err != nil {
		return fmt.Errorf("WithRegion: %w", err)
	}
	if cf.maxBody < 0 {
		return fmt.Errorf("WithMaxBody: %d is negative", cf.maxBody)
	}
	for _, n := range cf.named {
		r := catalog.LookupResource(string(n.resource))
		switch {
		case r == nil:
			return fmt.Errorf("%s: no kind of resource %q (the kinds: %v)", n.option, n.resource, catalog.ResourceNames(false))
		case n.option == "WithQuota" && e.Quotas[r.Name] < 0:
			return fmt.Errorf("WithQuota(%s, %d): a quota must not be negative", r.Name, e.Quotas[r.Name])
		case n.option == "WithLifecycle" && !r.Lifecycle:
			return fmt.Errorf("WithLifecycle: %s have no statuses (those that do: %v)", r.Name, catalog.ResourceNames(true))
		case n.option == "WithLifecycle":
			l := e.Lifecycles[r.Name]
			if min(l.Pending, l.InProgress, l.UpdatePending, l.UpdateInProgress, l.DeletePending, l.DeleteInProgress) < 0 {
				return fmt.Errorf("WithLifecycle(%s): durations must not be negative: %+v", r.Name, Lifecycle(l))
			}
		}
	}
	for key, secret := range cf.secrets {
		if key == "" || secret == "" {
			return fmt.Errorf("WithCredentials: the access key id and the secret key must both be given")
		}
	}
	return nil
}
