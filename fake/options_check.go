package fake

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

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
	switch {
	case e.ActionQuota < 0 || e.TagQuota < 0 || e.DatasetGroupQuota < 0:
		return fmt.Errorf("quotas must not be negative (actions %d, tags %d, dataset groups %d)", e.ActionQuota, e.TagQuota, e.DatasetGroupQuota)
	case cf.maxBody < 0:
		return fmt.Errorf("WithMaxBody: %d is negative", cf.maxBody)
	}
	for name, l := range map[string]*engine.Lifecycle{"WithDatasetGroupLifecycle": e.DatasetGroupLifecycle, "WithEventTrackerLifecycle": e.EventTrackerLifecycle} {
		if l != nil && min(l.Pending, l.InProgress, l.DeletePending, l.DeleteInProgress) < 0 {
			return fmt.Errorf("%s: durations must not be negative: %+v", name, Lifecycle(*l))
		}
	}
	for key, secret := range cf.secrets {
		if key == "" || secret == "" {
			return fmt.Errorf("WithCredentials: the access key id and the secret key must both be given")
		}
	}
	return nil
}
