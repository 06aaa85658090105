package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
	"github.com/awsfake/awsfake/internal/shape/personalizeevents"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// ResourceState is one resource as a state document and a dashboard show it: the input of the
// operation that recreates it, as a seed, and where it is in its life.
type ResourceState struct {
	Scope     Scope
	Kind      string // the ARN's resource type: "action", "dataset-group", ...; "records" for data
	ARN, Name string
	Service   string
	Operation string            // the operation that recreates it
	Input     any               // its input shape
	Status    string            // for kinds with a lifecycle
	Failure   string            // a CREATE FAILED one's reason
	IDs       map[string]string // generated identifiers to keep
	Created   time.Time
	Modified  time.Time // a lineage entity's LastModifiedTime, when a lifecycle's status last changed
	Changed   time.Time // when the status last changed
	Next      time.Time // when the status will change next; zero when it will not by itself
}

// State returns every resource of every account and Region, in an order in which seeds can
// recreate them (what a resource refers to comes before it), with the records the data-plane
// operations put. Resources being deleted are left out: they are about to be gone. A state
// document restores the resources in their creation statuses and their timestamps; an update
// under way restores as the dataset before it, and events whose tracker is gone are left out.
func (e *Engine) State() []ResourceState {
	all := e.Resources()
	kept := all[:0]
	for _, r := range all {
		if !deleting(r.Status) {
			kept = append(kept, r)
		}
	}
	return kept
}

// Resources is State with the resources being deleted, as a dashboard shows them.
func (e *Engine) Resources() []ResourceState {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	scopes := e.scopes()
	var out []ResourceState
	for _, s := range scopes {
		w := e.worlds[s]
		// Kinds in dependency order: entities before associations, groups and schemas before
		// datasets and trackers, datasets and trackers before records.
		for _, t := range []anyTable{w.actions, w.artifacts, w.contexts, w.associations, w.groups, w.schemas, w.datasets, w.trackers} {
			for _, r := range t.all() {
				if gone(r, now) {
					continue
				}
				if st, ok := r.(stateful); ok {
					out = append(out, st.state(w, now)...)
				}
			}
		}
		for _, r := range w.groups.all() {
			if st, _, gone := statusOf(r.(lived), now); !gone && !deleting(st) {
				out = append(out, r.(*datasetGroup).eventStates(w, now)...)
			}
		}
	}
	return out
}

// stateful is a kind that a state document can recreate.
type stateful interface {
	state(w *world, now time.Time) []ResourceState
}

func (en *entity) baseState(w *world, kind, service, op string, in any) ResourceState {
	return ResourceState{Scope: w.scope, Kind: kind, ARN: en.arn, Name: en.name, Service: service, Operation: op, Input: in, Created: en.created}
}

// lived fills the status fields of a resource with a lifecycle; false when it is being deleted.
func livedState(st *ResourceState, r lived, now time.Time) bool {
	status, changed, _ := statusOf(r, now)
	st.Status, st.Changed, st.Next = status, changed, r.cycle().next(r.base().created, now)
	st.Modified = changed
	if status == StatusCreateFailed {
		st.Failure = r.cycle().failReason
	}
	return !deleting(status)
}

func (a *action) state(w *world, _ time.Time) []ResourceState {
	st := a.baseState(w, "action", SageMaker, "CreateAction", &sagemaker.CreateActionInput{
		ActionName: &a.name, Source: &a.source, ActionType: &a.actionType, Description: a.description, Status: a.status,
		Properties: a.properties, MetadataProperties: a.metadata, Tags: a.tags.sageMakerOrNil(),
	})
	st.Modified = a.modified
	return []ResourceState{st}
}

func (a *artifact) state(w *world, _ time.Time) []ResourceState {
	st := a.baseState(w, "artifact", SageMaker, "CreateArtifact", &sagemaker.CreateArtifactInput{
		ArtifactName: a.artifactName, Source: &a.source, ArtifactType: &a.artifactType, Properties: a.properties,
		MetadataProperties: a.metadata, Tags: a.tags.sageMakerOrNil(),
	})
	st.Modified = a.modified
	return []ResourceState{st}
}

func (c *lineageContext) state(w *world, _ time.Time) []ResourceState {
	st := c.baseState(w, "context", SageMaker, "CreateContext", &sagemaker.CreateContextInput{
		ContextName: &c.name, Source: &c.source, ContextType: &c.contextType, Description: c.description,
		Properties: c.properties, Tags: c.tags.sageMakerOrNil(),
	})
	st.Modified = c.modified
	return []ResourceState{st}
}

func (a *association) state(w *world, _ time.Time) []ResourceState {
	st := a.baseState(w, "association", SageMaker, "AddAssociation", &sagemaker.AddAssociationInput{
		SourceArn: &a.srcARN, DestinationArn: &a.dstARN, AssociationType: a.assocType,
	})
	st.ARN = ""
	return []ResourceState{st}
}

func (g *datasetGroup) state(w *world, now time.Time) []ResourceState {
	st := g.baseState(w, "dataset-group", Personalize, "CreateDatasetGroup", &personalize.CreateDatasetGroupInput{
		Name: &g.name, RoleArn: g.roleArn, KmsKeyArn: g.kmsKeyArn, Domain: g.domain, Tags: g.tags.personalizeOrNil(),
	})
	livedState(&st, g, now)
	return []ResourceState{st}
}

func (t *eventTracker) state(w *world, now time.Time) []ResourceState {
	st := t.baseState(w, "event-tracker", Personalize, "CreateEventTracker", &personalize.CreateEventTrackerInput{
		Name: &t.name, DatasetGroupArn: &t.group.arn, Tags: t.tags.personalizeOrNil(),
	})
	st.IDs = map[string]string{"id": t.arn[len(t.arn)-8:], "trackingId": t.trackingID}
	livedState(&st, t, now)
	return []ResourceState{st}
}

func (s *schema) state(w *world, _ time.Time) []ResourceState {
	return []ResourceState{s.baseState(w, "schema", Personalize, "CreateSchema", &personalize.CreateSchemaInput{
		Name: &s.name, Schema: &s.text, Domain: s.domain,
	})}
}

func (d *dataset) state(w *world, now time.Time) []ResourceState {
	st := d.baseState(w, "dataset", Personalize, "CreateDataset", &personalize.CreateDatasetInput{
		Name: &d.name, SchemaArn: &d.inForce(now).arn, DatasetGroupArn: &d.group.arn, DatasetType: &d.typ, Tags: d.tags.personalizeOrNil(),
	})
	if d.trackingID != "" {
		st.IDs = map[string]string{"trackingId": d.trackingID}
	}
	if !livedState(&st, d, now) {
		return []ResourceState{st} // its records are going with it
	}
	if updating(st.Status) {
		st.Status = StatusActive
	}
	return append([]ResourceState{st}, d.recordStates(w)...)
}

// recordStates are a dataset's records as the data-plane calls that put them, ten at a time.
func (d *dataset) recordStates(w *world) []ResourceState {
	recs := d.records.list.all()
	var out []ResourceState
	for i := 0; i < len(recs); i += 10 {
		batch := recs[i:min(i+10, len(recs))]
		st := ResourceState{Scope: w.scope, Kind: "records", Service: PersonalizeEvents, Created: batch[len(batch)-1].ReceivedAt}
		switch d.typ {
		case typeItems:
			in := &personalizeevents.PutItemsInput{DatasetArn: &d.arn}
			for _, r := range batch {
				in.Items = append(in.Items, personalizeevents.Item{ItemId: &r.ID, Properties: orNil(r.Properties)})
			}
			st.Operation, st.Input = "PutItems", in
		case typeUsers:
			in := &personalizeevents.PutUsersInput{DatasetArn: &d.arn}
			for _, r := range batch {
				in.Users = append(in.Users, personalizeevents.User{UserId: &r.ID, Properties: orNil(r.Properties)})
			}
			st.Operation, st.Input = "PutUsers", in
		case typeActions:
			in := &personalizeevents.PutActionsInput{DatasetArn: &d.arn}
			for _, r := range batch {
				in.Actions = append(in.Actions, personalizeevents.Action{ActionId: &r.ID, Properties: orNil(r.Properties)})
			}
			st.Operation, st.Input = "PutActions", in
		case typeActionInteractions:
			in := &personalizeevents.PutActionInteractionsInput{TrackingId: &d.trackingID}
			for _, r := range batch {
				in.ActionInteractions = append(in.ActionInteractions, personalizeevents.ActionInteraction{
					ActionId: &r.ActionID, UserId: orNil(r.UserID), SessionId: &r.SessionID, EventType: &r.EventType, EventId: orNil(r.ID),
					Timestamp: shape.T(r.Timestamp), Properties: orNil(r.Properties), Impression: r.Impression, RecommendationId: orNil(r.RecommendationID),
				})
			}
			st.Operation, st.Input = "PutActionInteractions", in
		default:
			continue
		}
		out = append(out, st)
	}
	return out
}

// eventStates are the events PutEvents recorded for a group, one call each, as long as the
// tracker that took them is still the group's.
func (g *datasetGroup) eventStates(w *world, now time.Time) []ResourceState {
	t := w.groupTracker(g, now)
	if t == nil {
		return nil
	}
	var out []ResourceState
	for _, ev := range g.events.all() {
		if ev.TrackingID != t.trackingID {
			continue
		}
		var attribution *personalizeevents.MetricAttribution
		if ev.AttributionSource != "" {
			attribution = &personalizeevents.MetricAttribution{EventAttributionSource: &ev.AttributionSource}
		}
		out = append(out, ResourceState{Scope: w.scope, Kind: "records", Service: PersonalizeEvents, Operation: "PutEvents", Created: ev.ReceivedAt,
			Input: &personalizeevents.PutEventsInput{TrackingId: &ev.TrackingID, SessionId: &ev.SessionID, UserId: orNil(ev.UserID),
				EventList: []personalizeevents.Event{{EventId: orNil(ev.EventID), EventType: &ev.EventType, EventValue: ev.EventValue,
					ItemId: orNil(ev.ItemID), Properties: orNil(ev.Properties), SentAt: shape.T(ev.SentAt),
					RecommendationId: orNil(ev.RecommendationID), Impression: ev.Impression, MetricAttribution: attribution}}}})
	}
	return out
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (t tagList) sageMakerOrNil() []sagemaker.Tag {
	if len(t) == 0 {
		return nil
	}
	return t.sageMaker()
}

func (t tagList) personalizeOrNil() []personalize.Tag {
	if len(t) == 0 {
		return nil
	}
	return t.personalize()
}

// next returns when a status will change by itself next, or zero.
func (l *lifecycle) next(created, now time.Time) time.Time {
	t := l.timing
	var marks []time.Time
	switch {
	case !l.deleted.IsZero():
		marks = []time.Time{l.deleted.Add(t.DeletePending), l.deleted.Add(t.DeletePending + t.DeleteInProgress)}
	case !l.updated.IsZero():
		marks = []time.Time{l.updated.Add(t.UpdatePending), l.updated.Add(t.UpdatePending + t.UpdateInProgress)}
	default:
		marks = []time.Time{created.Add(t.Pending), created.Add(t.Pending + t.InProgress)}
	}
	for _, m := range marks {
		if m.After(now) {
			return m
		}
	}
	return time.Time{}
}
