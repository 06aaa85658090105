package scenario

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Seeds are resources put in place when a scenario is installed, so that a test of, say,
// event-tracker creation does not first create a dataset group and wait for it. Seeded
// resources are already in the status they name (ACTIVE unless said otherwise), and no call
// is recorded for them.
type Seeds struct {
	Actions       []Action       `json:"actions,omitempty"`
	DatasetGroups []DatasetGroup `json:"datasetGroups,omitempty"`
}

// Where says which account and Region a seed lands in; empty fields take the fake's defaults.
type Where struct {
	Account string `json:"account,omitempty"`
	Region  string `json:"region,omitempty"`
}

// Action is a SageMaker action that already exists.
type Action struct {
	Where
	Name       string            `json:"name"`
	ActionType string            `json:"actionType,omitempty"` // default "Seeded"
	SourceURI  string            `json:"sourceUri,omitempty"`  // default "s3://awsfake/seeded"
	Status     string            `json:"status,omitempty"`     // an ActionStatus, or none
	Properties map[string]string `json:"properties,omitempty"`
	Tags       map[string]string `json:"tags,omitempty"`
}

// DatasetGroup is a Personalize dataset group that already exists, ACTIVE unless Status says
// CREATE PENDING, CREATE IN_PROGRESS or CREATE FAILED; with an event tracker if one is given.
type DatasetGroup struct {
	Where
	Name          string            `json:"name"`
	Domain        string            `json:"domain,omitempty"`
	Status        string            `json:"status,omitempty"`
	FailureReason string            `json:"failureReason,omitempty"`
	Tags          map[string]string `json:"tags,omitempty"`
	EventTracker  *EventTracker     `json:"eventTracker,omitempty"`
}

// EventTracker is the event tracker of a seeded dataset group (which must then be ACTIVE).
type EventTracker struct {
	Name       string            `json:"name"`
	Status     string            `json:"status,omitempty"`     // ACTIVE unless said otherwise
	TrackingID string            `json:"trackingId,omitempty"` // generated when empty
	ID         string            `json:"id,omitempty"`         // the 8 lowercase hex digits that end its ARN; generated when empty
	Tags       map[string]string `json:"tags,omitempty"`
}

// SeedAction adds an action that exists before the test starts.
func (s *Scenario) SeedAction(a Action) *Scenario {
	s.Seeds.Actions = append(s.Seeds.Actions, a)
	return s
}

// SeedDatasetGroup adds a dataset group (and its event tracker) that exists before the test
// starts.
func (s *Scenario) SeedDatasetGroup(g DatasetGroup) *Scenario {
	s.Seeds.DatasetGroups = append(s.Seeds.DatasetGroups, g)
	return s
}

// creationStatus reports whether a seed may ask for a status: empty (ACTIVE) or one a resource
// can have between its creation and its first change.
func creationStatus(s string) bool { return s == "" || catalog.IsCreationStatus(s) }

// Check reports an account that is not 12 digits or a Region that is not a Region name:
// either would give ARNs that the services' own patterns refuse. Empty fields are the fake's
// defaults and pass.
func (w Where) Check() error {
	switch {
	case w.Account != "" && !catalog.ValidAccount(w.Account):
		return fmt.Errorf("an account id is 12 digits, not %q", w.Account)
	case w.Region != "" && !catalog.ValidRegion(w.Region):
		return fmt.Errorf("%q is not a Region name such as us-east-1", w.Region)
	}
	return nil
}

func (s Seeds) check() error {
	for i, a := range s.Actions {
		if a.Name == "" {
			return fmt.Errorf("seeded action %d has no name", i+1)
		}
		if err := a.Where.Check(); err != nil {
			return fmt.Errorf("seeded action %s: %w", a.Name, err)
		}
	}
	for i, g := range s.DatasetGroups {
		if err := g.Where.Check(); err != nil {
			return fmt.Errorf("seeded dataset group %s: %w", g.Name, err)
		}
		switch {
		case g.Name == "":
			return fmt.Errorf("seeded dataset group %d has no name", i+1)
		case !creationStatus(g.Status):
			return fmt.Errorf("seeded dataset group %s: status %q is not one a new resource can have", g.Name, g.Status)
		case g.EventTracker != nil && g.Status != "" && g.Status != catalog.StatusActive:
			return fmt.Errorf("seeded dataset group %s has an event tracker, so it must be ACTIVE", g.Name)
		case g.EventTracker != nil && g.EventTracker.Name == "":
			return fmt.Errorf("seeded dataset group %s: its event tracker has no name", g.Name)
		case g.EventTracker != nil && !creationStatus(g.EventTracker.Status):
			return fmt.Errorf("seeded event tracker %s: status %q is not one a new resource can have", g.EventTracker.Name, g.EventTracker.Status)
		}
	}
	return nil
}
