package fake

import (
	"sort"
	"time"

	"github.com/awsfake/awsfake/internal/engine"
	pzshape "github.com/awsfake/awsfake/internal/shape/personalize"
	smshape "github.com/awsfake/awsfake/internal/shape/sagemaker"
	"github.com/awsfake/awsfake/scenario"
)

func orString(s, def string) *string {
	if s == "" {
		s = def
	}
	return &s
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func seedAction(s *engine.Seeding, a scenario.Action) error {
	in := &smshape.CreateActionInput{
		ActionName: &a.Name,
		ActionType: orString(a.ActionType, "Seeded"),
		Source:     &smshape.ActionSource{SourceUri: orString(a.SourceURI, "s3://awsfake/seeded")},
		Status:     optString(a.Status),
		Properties: a.Properties,
	}
	for _, k := range sortedKeys(a.Tags) {
		v := a.Tags[k]
		in.Tags = append(in.Tags, smshape.Tag{Key: &k, Value: &v})
	}
	_, err := seed(s, a.Where, engine.OpCreateAction, in, 0, "")
	return err
}

func personalizeTags(m map[string]string) []pzshape.Tag {
	var out []pzshape.Tag
	for _, k := range sortedKeys(m) {
		v := m[k]
		out = append(out, pzshape.Tag{TagKey: &k, TagValue: &v})
	}
	return out
}

// ago returns how long before now a resource must have been created to be in status now.
func ago(status string, l *engine.Lifecycle) time.Duration {
	switch status {
	case "CREATE PENDING":
		return 0
	case "CREATE IN_PROGRESS":
		return l.Pending
	default: // ACTIVE, CREATE FAILED
		return l.Pending + l.InProgress
	}
}

func seedDatasetGroup(s *engine.Seeding, cfg engine.Config, g scenario.DatasetGroup) error {
	var trackerAgo time.Duration
	if g.EventTracker != nil {
		trackerAgo = ago(g.EventTracker.Status, cfg.EventTrackerLifecycle)
	}
	reason := ""
	if g.Status == "CREATE FAILED" {
		reason = g.FailureReason
		if reason == "" {
			reason = "Seeded failure."
		}
	}
	out, err := seed(s, g.Where, engine.OpCreateDatasetGroup, &pzshape.CreateDatasetGroupInput{
		Name: &g.Name, Domain: optString(g.Domain), Tags: personalizeTags(g.Tags),
	}, trackerAgo+ago(g.Status, cfg.DatasetGroupLifecycle), reason)
	if err != nil || g.EventTracker == nil {
		return err
	}
	t := g.EventTracker
	groupArn := *out.(*pzshape.CreateDatasetGroupOutput).DatasetGroupArn
	res, err := seed(s, g.Where, engine.OpCreateEventTracker, &pzshape.CreateEventTrackerInput{
		Name: &t.Name, DatasetGroupArn: &groupArn, Tags: personalizeTags(t.Tags),
	}, trackerAgo, "")
	if err != nil {
		return err
	}
	if t.ID != "" || t.TrackingID != "" {
		arn := *res.(*pzshape.CreateEventTrackerOutput).EventTrackerArn
		if _, apiErr := s.RekeyTracker(engine.Scope{Account: g.Account, Region: g.Region}, arn, t.ID, t.TrackingID); apiErr != nil {
			return apiErr
		}
	}
	return nil
}

func seed(s *engine.Seeding, w scenario.Where, op *engine.Op, in any, ago time.Duration, failReason string) (any, error) {
	out, apiErr := s.Seed(engine.Scope{Account: w.Account, Region: w.Region}, op, in, ago, failReason)
	if apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}
