package engine

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
	"github.com/awsfake/awsfake/internal/shape/personalizeevents"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

func optional(s string, set bool) *string {
	if !set {
		return nil
	}
	return &s
}

// checkCall runs one call and checks the engine's invariants: no panic; an error is an
// *Error with a code and a 4xx status; a failed call changes nothing.
func checkCall(t *testing.T, e *Engine, op *Op, in any) (any, *Error) {
	t.Helper()
	before := e.Digest()
	out, err := e.Invoke(context.Background(), Scope{}, op, in)
	if err == nil {
		return out, nil
	}
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("%s: error of type %T: %v", op.Name, err, err)
	}
	if apiErr.Code == "" || apiErr.Status < 400 || apiErr.Status > 499 || apiErr.Message == "" {
		t.Fatalf("%s: malformed error %#v", op.Name, apiErr)
	}
	if after := e.Digest(); after != before {
		t.Fatalf("%s failed with %v but changed the state", op.Name, apiErr)
	}
	return nil, apiErr
}

// stepClock is a clock moved by add, without clock.Mock's millisecond sleep on every move:
// that sleep would slow the fuzzers tenfold.
type stepClock struct {
	*clock.Mock
	now time.Time
}

func newStepClock() *stepClock {
	return &stepClock{Mock: clock.NewMock(), now: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)}
}

func (c *stepClock) Now() time.Time      { return c.now }
func (c *stepClock) add(d time.Duration) { c.now = c.now.Add(d) }

func FuzzCreateAction(f *testing.F) {
	f.Add("deploy-1", "ModelDeployment", "s3://m/1", "desc", "Completed", "k", "v", "team", "ml", true, true)
	f.Add("", "", "", "", "", "", "", "", "", false, false)
	f.Add("a_b", "t", "\n", "\u2028", "Weird", "k\n", "v", "b@d!", "", true, true)
	f.Add("deploy-1", "t", "s3://x", "", "", "", "", "k", "v", false, true)
	f.Fuzz(func(t *testing.T, name, typ, uri, desc, status, pk, pv, tk, tv string, withProps, withTags bool) {
		clk := newStepClock()
		e := New(Config{Clock: clk, Quotas: map[string]int{catalog.Tags: 2, catalog.Actions: 3}})
		mk := func() *sagemaker.CreateActionInput {
			in := &sagemaker.CreateActionInput{
				ActionName:  &name,
				ActionType:  &typ,
				Source:      &sagemaker.ActionSource{SourceUri: &uri},
				Description: optional(desc, desc != ""),
				Status:      optional(status, status != ""),
			}
			if withProps {
				in.Properties = map[string]string{pk: pv}
			}
			if withTags {
				in.Tags = []sagemaker.Tag{{Key: &tk, Value: &tv}, {Key: &tv, Value: &tk}}
			}
			return in
		}
		out, err := checkCall(t, e, OpCreateAction, mk())
		if err != nil {
			return
		}
		arn := *out.(*sagemaker.CreateActionOutput).ActionArn
		got, derr := checkCall(t, e, OpDescribeAction, &sagemaker.DescribeActionInput{ActionName: &arn})
		if derr != nil {
			t.Fatalf("created %s but cannot describe it by ARN: %v", arn, derr)
		}
		d := got.(*sagemaker.DescribeActionOutput)
		if *d.ActionName != name || *d.ActionType != typ || *d.Source.SourceUri != uri {
			t.Fatalf("described %+v, created %q %q %q", d, name, typ, uri)
		}
		clk.add(time.Second)
		if _, err := checkCall(t, e, OpCreateAction, mk()); err == nil || err.Code != "ValidationException" {
			t.Fatalf("a second %q was not refused: %v", name, err)
		}
		list, lerr := checkCall(t, e, OpListActions, &sagemaker.ListActionsInput{SortBy: optional("Name", true)})
		if lerr != nil || len(list.(*sagemaker.ListActionsOutput).ActionSummaries) != 1 {
			t.Fatalf("listing after one create: %v %v", list, lerr)
		}
	})
}

func FuzzCreateEventTracker(f *testing.F) {
	f.Add("shop", "clicks", "k", "v", int64(61), int64(61), true)
	f.Add("shop", "", "", "", int64(0), int64(0), false)
	f.Add("-bad", "t", "k", "v", int64(-5), int64(1e12), true)
	f.Fuzz(func(t *testing.T, group, tracker, tk, tv string, wait1, wait2 int64, withTags bool) {
		clk := newStepClock()
		// Trackers, not datasets, are under test: events need no Interactions dataset here.
		e := New(Config{Clock: clk, Quotas: map[string]int{catalog.Tags: 1}, EventsWithoutDataset: true})
		out, err := checkCall(t, e, OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: &group})
		groupArn := "arn:aws:personalize:us-east-1:123456789012:dataset-group/" + group
		if err == nil {
			groupArn = *out.(*personalize.CreateDatasetGroupOutput).DatasetGroupArn
		}
		clk.add(time.Duration(wait1%1e6) * time.Second)
		in := &personalize.CreateEventTrackerInput{Name: &tracker, DatasetGroupArn: &groupArn}
		if withTags {
			in.Tags = []personalize.Tag{{TagKey: &tk, TagValue: &tv}}
		}
		res, terr := checkCall(t, e, OpCreateEventTracker, in)
		if terr != nil {
			return
		}
		tr := res.(*personalize.CreateEventTrackerOutput)
		if _, again := checkCall(t, e, OpCreateEventTracker, in); again == nil || again.Code != "ResourceAlreadyExistsException" {
			t.Fatalf("a second tracker on %s: %v", groupArn, again)
		}
		clk.add(time.Duration(wait2%1e6) * time.Second)
		d, derr := checkCall(t, e, OpDescribeEventTracker, &personalize.DescribeEventTrackerInput{EventTrackerArn: tr.EventTrackerArn})
		if derr != nil {
			t.Fatalf("cannot describe the tracker: %v", derr)
		}
		status := *d.(*personalize.DescribeEventTrackerOutput).EventTracker.Status
		sentAt := shape.Time{Time: clk.Now()}
		typ, session := "click", "s"
		_, perr := checkCall(t, e, OpPutEvents, &personalizeevents.PutEventsInput{TrackingId: tr.TrackingId, SessionId: &session,
			EventList: []personalizeevents.Event{{EventType: &typ, SentAt: &sentAt}}})
		if (perr == nil) != (status == StatusActive) {
			t.Fatalf("PutEvents on a %s tracker: %v", status, perr)
		}
		if _, derr := checkCall(t, e, OpDeleteDatasetGroup, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &groupArn}); derr == nil {
			t.Fatal("deleted a dataset group that has a tracker")
		}
	})
}

func FuzzCreateArtifact(f *testing.F) {
	f.Add("s3://m/v7", "S3ETag", "e1", "Custom", "c", "model", true)
	f.Add("", "", "", "", "", "", false)
	f.Add("1:a", "MD5Hash", "1:b", "MD5Hash", "", "a_b", true)
	f.Add("s3://x\n", "Nope", "v", "S3Version", "v", "-", true)
	f.Fuzz(func(t *testing.T, uri, type1, value1, type2, value2, name string, withTypes bool) {
		clk := newStepClock()
		e := New(Config{Clock: clk, Quotas: map[string]int{catalog.Artifacts: 3}})
		source := func(reversed bool) *sagemaker.ArtifactSource {
			s := &sagemaker.ArtifactSource{SourceUri: &uri}
			if withTypes {
				s.SourceTypes = []sagemaker.ArtifactSourceType{{SourceIdType: &type1, Value: &value1}, {SourceIdType: &type2, Value: &value2}}
				if reversed {
					s.SourceTypes[0], s.SourceTypes[1] = s.SourceTypes[1], s.SourceTypes[0]
				}
			}
			return s
		}
		typ := "Model"
		out, err := checkCall(t, e, OpCreateArtifact, &sagemaker.CreateArtifactInput{Source: source(false), ArtifactType: &typ,
			ArtifactName: optional(name, name != "")})
		if err != nil {
			return
		}
		arn := *out.(*sagemaker.CreateArtifactOutput).ArtifactArn
		got, derr := checkCall(t, e, OpDescribeArtifact, &sagemaker.DescribeArtifactInput{ArtifactArn: &arn})
		if derr != nil {
			t.Fatalf("created %s but cannot describe it: %v", arn, derr)
		}
		if d := got.(*sagemaker.DescribeArtifactOutput); *d.Source.SourceUri != uri {
			t.Fatalf("described %q, created %q", *d.Source.SourceUri, uri)
		}
		clk.add(time.Second)
		// The same source, its types in another order, is the same artifact.
		_, again := checkCall(t, e, OpCreateArtifact, &sagemaker.CreateArtifactInput{Source: source(true), ArtifactType: &typ})
		if again == nil || again.Code != "ValidationException" {
			t.Fatalf("a second artifact with the source of %s: %v", arn, again)
		}
		// Another SourceUri is another artifact.
		other := uri + "/"
		o, oerr := checkCall(t, e, OpCreateArtifact, &sagemaker.CreateArtifactInput{Source: &sagemaker.ArtifactSource{SourceUri: &other}, ArtifactType: &typ})
		if oerr == nil && *o.(*sagemaker.CreateArtifactOutput).ArtifactArn == arn {
			t.Fatalf("%q and %q share %s", uri, other, arn)
		}
		list, lerr := checkCall(t, e, OpListArtifacts, &sagemaker.ListArtifactsInput{SourceUri: &uri})
		if lerr != nil || len(list.(*sagemaker.ListArtifactsOutput).ArtifactSummaries) != 1 {
			t.Fatalf("listing by the SourceUri: %v %v", list, lerr)
		}
		del, delErr := checkCall(t, e, OpDeleteArtifact, &sagemaker.DeleteArtifactInput{Source: source(true)})
		if delErr != nil || *del.(*sagemaker.DeleteArtifactOutput).ArtifactArn != arn {
			t.Fatalf("deleting by source: %v %v", del, delErr)
		}
	})
}
