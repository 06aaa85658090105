package scenario

import (
	"fmt"
	"strings"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Solution is a Personalize solution of a seeded dataset group (which must then be ACTIVE),
// with the version it trained and the campaign that deploys it, so that a test of code that
// asks a campaign for recommendations starts from a deployed model:
//
//	scenario.DatasetGroup{Name: "shop", EventTracker: &scenario.EventTracker{Name: "clicks"},
//		Solutions: []scenario.Solution{{Name: "recs", Version: &scenario.SolutionVersion{},
//			Campaign: &scenario.Campaign{Name: "recs"}}}}
//
// A seeded version that starts ACTIVE is ACTIVE whatever data the group has (AWS's data
// requirements are checked when a training ends, and a seed's has ended); it trains on the data
// seeded before it.
type Solution struct {
	Name          string            `json:"name"`
	Recipe        string            `json:"recipe,omitempty"`    // a recipe's name or ARN; default aws-user-personalization
	EventType     string            `json:"eventType,omitempty"` // train on one event type only
	Status        string            `json:"status,omitempty"`    // ACTIVE unless said otherwise
	FailureReason string            `json:"failureReason,omitempty"`
	Tags          map[string]string `json:"tags,omitempty"`
	Version       *SolutionVersion  `json:"version,omitempty"`
	// Campaign deploys Version, which must then be ACTIVE.
	Campaign *Campaign `json:"campaign,omitempty"`
}

// SolutionVersion is a seeded solution's version: trained (ACTIVE) unless Status says it is
// still training (CREATE PENDING, CREATE IN_PROGRESS) or failed (CREATE FAILED).
type SolutionVersion struct {
	Status        string `json:"status,omitempty"`
	FailureReason string `json:"failureReason,omitempty"`
	ID            string `json:"id,omitempty"` // the 8 lowercase hex digits that end its ARN; generated when empty
}

// Campaign is the campaign of a seeded solution version.
type Campaign struct {
	Name              string            `json:"name"`
	Status            string            `json:"status,omitempty"`            // ACTIVE unless said otherwise
	MinProvisionedTPS int               `json:"minProvisionedTPS,omitempty"` // default 1
	Tags              map[string]string `json:"tags,omitempty"`
}

// Filter is a Personalize filter of a seeded dataset group (which must then be ACTIVE).
type Filter struct {
	Name       string `json:"name"`
	Expression string `json:"expression"`
	Status     string `json:"status,omitempty"` // ACTIVE unless said otherwise
}

// trainingResources are the seeds of a group's solutions (each with its version and campaign)
// and filters, after the group's datasets and tracker.
func (g DatasetGroup) trainingResources(label string) []Resource {
	var out []Resource
	for i, s := range g.Solutions {
		recipe := s.Recipe
		if recipe == "" {
			recipe = "aws-user-personalization"
		}
		if !strings.HasPrefix(recipe, "arn:") {
			recipe = "arn:aws:personalize:::recipe/" + recipe
		}
		in := map[string]any{"name": s.Name, "recipeArn": recipe}
		if s.EventType != "" {
			in["eventType"] = s.EventType
		}
		if len(s.Tags) > 0 {
			in["tags"] = tagList(s.Tags, "tagKey", "tagValue")
		}
		sLabel := fmt.Sprintf("%s/solutions[%d]", label, i)
		out = append(out, Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateSolution", Input: in,
			Label: sLabel, Refs: map[string]string{"datasetGroupArn": label}, Status: s.Status, FailureReason: failure(s.Status, s.FailureReason)})
		v := s.Version
		if v == nil {
			continue
		}
		var ids map[string]string
		if v.ID != "" {
			ids = map[string]string{"id": v.ID}
		}
		out = append(out, Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateSolutionVersion", Input: map[string]any{},
			Label: sLabel + "/version", Refs: map[string]string{"solutionArn": sLabel}, Status: v.Status, FailureReason: failure(v.Status, v.FailureReason), IDs: ids})
		if c := s.Campaign; c != nil {
			cin := map[string]any{"name": c.Name}
			if c.MinProvisionedTPS > 0 {
				cin["minProvisionedTPS"] = c.MinProvisionedTPS
			}
			if len(c.Tags) > 0 {
				cin["tags"] = tagList(c.Tags, "tagKey", "tagValue")
			}
			out = append(out, Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateCampaign", Input: cin,
				Refs: map[string]string{"solutionVersionArn": sLabel + "/version"}, Status: c.Status})
		}
	}
	for _, f := range g.Filters {
		out = append(out, Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateFilter",
			Input: map[string]any{"name": f.Name, "filterExpression": f.Expression}, Refs: map[string]string{"datasetGroupArn": label}, Status: f.Status})
	}
	return out
}

// failure is a seed's failure reason: the one given, or a default for CREATE FAILED.
func failure(status, reason string) string {
	if status == catalog.StatusCreateFailed && reason == "" {
		return "Seeded failure."
	}
	return reason
}

// checkTraining reports a seeded group's solutions and filters that cannot work.
func (g DatasetGroup) checkTraining() error {
	active := g.Status == "" || g.Status == catalog.StatusActive
	for _, s := range g.Solutions {
		switch {
		case !active:
			return fmt.Errorf("seeded dataset group %s has solutions, so it must be ACTIVE", g.Name)
		case s.Name == "":
			return fmt.Errorf("seeded dataset group %s: a solution has no name", g.Name)
		case s.Version != nil && s.Status != "" && s.Status != catalog.StatusActive:
			return fmt.Errorf("seeded solution %s has a version, so it must be ACTIVE", s.Name)
		case s.Campaign != nil && s.Version == nil:
			return fmt.Errorf("seeded solution %s has a campaign but no version for it to deploy", s.Name)
		case s.Campaign != nil && s.Version.Status != "" && s.Version.Status != catalog.StatusActive:
			return fmt.Errorf("seeded solution %s has a campaign, so its version must be ACTIVE", s.Name)
		case s.Campaign != nil && s.Campaign.Name == "":
			return fmt.Errorf("seeded solution %s: its campaign has no name", s.Name)
		}
	}
	for _, f := range g.Filters {
		switch {
		case !active:
			return fmt.Errorf("seeded dataset group %s has filters, so it must be ACTIVE", g.Name)
		case f.Name == "" || f.Expression == "":
			return fmt.Errorf("seeded dataset group %s: a filter needs a name and an expression", g.Name)
		}
	}
	return nil
}
