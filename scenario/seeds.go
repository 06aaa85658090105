package scenario

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Seeds are resources put in place when a scenario is installed, so that a test of, say,
// event-tracker creation does not first create a dataset group and wait for it. Every seed is
// the input of the operation that creates its resource, run through the same code as a call of
// that operation (validated, unique names, quotas), but without a call in the log and in the
// status it names (ACTIVE unless said otherwise). The typed seeds (Actions, Artifacts,
// Contexts, Experiments, Trials, TrialComponents, DatasetGroups) are shorthands for Resources.
type Seeds struct {
	Actions         []Action         `json:"actions,omitempty"`
	Artifacts       []Artifact       `json:"artifacts,omitempty"`
	Contexts        []Context        `json:"contexts,omitempty"`
	Experiments     []Experiment     `json:"experiments,omitempty"`
	Trials          []Trial          `json:"trials,omitempty"`
	TrialComponents []TrialComponent `json:"trialComponents,omitempty"`
	Associations    []Association    `json:"associations,omitempty"`
	DatasetGroups   []DatasetGroup   `json:"datasetGroups,omitempty"`
	Resources       []Resource       `json:"resources,omitempty"`
}

// Where says which account and Region a seed lands in; empty fields take the fake's defaults.
type Where struct {
	Account string `json:"account,omitempty"`
	Region  string `json:"region,omitempty"`
}

// Resource is any resource that exists when a scenario is installed, given as the request
// document of the operation that creates it (member names as in the service model, the same
// document a call would send):
//
//	scenario.Resource{Service: "sagemaker", Operation: "CreateContext", Label: "endpoint",
//		Input: map[string]any{"ContextName": "prod", "ContextType": "Endpoint",
//			"Source": map[string]any{"SourceUri": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod"}}}
type Resource struct {
	Where
	Service   string         `json:"service"`
	Operation string         `json:"operation"` // an operation that creates a resource
	Input     map[string]any `json:"input"`
	// Label names the seed, so that Refs of later seeds can use the ARN it created: Refs maps a
	// member of the input to the label of an earlier seed, whose ARN fills the member.
	Label string            `json:"label,omitempty"`
	Refs  map[string]string `json:"refs,omitempty"`
	// Status is where a resource with a lifecycle starts: ACTIVE (when empty), CREATE PENDING,
	// CREATE IN_PROGRESS or CREATE FAILED (with FailureReason). From there it moves on with the
	// clock like any other.
	Status        string `json:"status,omitempty"`
	FailureReason string `json:"failureReason,omitempty"`
	// IDs are generated identifiers to keep instead: an event tracker's "id" (the 8 lowercase
	// hex digits that end its ARN) and "trackingId", an Action interactions dataset's
	// "trackingId"; and what SageMaker sets on an experiment, trial or trial component it made
	// (no input has it): its Source's "sourceArn" and "sourceType".
	IDs map[string]string `json:"ids,omitempty"`
	// CreatedAt, when set and not later than the fake's clock, is when the resource was created
	// (or the records put); ModifiedAt when it last changed: a lineage entity's LastModifiedTime,
	// or when a resource with a status entered it (its LastUpdatedDateTime). A state document
	// (GET /_fake/state) gives both, so that loading it restores the timestamps.
	CreatedAt  *time.Time `json:"createdAt,omitempty"`
	ModifiedAt *time.Time `json:"modifiedAt,omitempty"`
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

// Artifact is a SageMaker lineage artifact that already exists. Its source is its identity (two
// artifacts cannot share one), so SourceURI is required.
type Artifact struct {
	Where
	SourceURI    string            `json:"sourceUri"`
	SourceTypes  []SourceType      `json:"sourceTypes,omitempty"`
	Name         string            `json:"name,omitempty"`         // optional; names may repeat
	ArtifactType string            `json:"artifactType,omitempty"` // default "Seeded"
	Properties   map[string]string `json:"properties,omitempty"`
	Tags         map[string]string `json:"tags,omitempty"`
	// Label names the seed, so that Refs of later Resources can use the ARN it gets (an
	// artifact's ARN ends in an id derived from its source).
	Label string `json:"label,omitempty"`
}

// SourceType is one of an artifact's SourceTypes: an identifier of the data at its SourceUri.
type SourceType struct {
	IDType string `json:"sourceIdType"` // MD5Hash, S3ETag, S3Version or Custom
	Value  string `json:"value"`
}

// Context is a SageMaker lineage context (an endpoint, a model package group, ...) that
// already exists.
type Context struct {
	Where
	Name        string            `json:"name"`
	ContextType string            `json:"contextType,omitempty"` // default "Seeded"
	SourceURI   string            `json:"sourceUri,omitempty"`   // default "s3://awsfake/seeded"
	Description string            `json:"description,omitempty"`
	Properties  map[string]string `json:"properties,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
	Label       string            `json:"label,omitempty"` // for Refs of later Resources
}

// DatasetGroup is a Personalize dataset group that already exists, ACTIVE unless Status says
// CREATE PENDING, CREATE IN_PROGRESS or CREATE FAILED; with its datasets (each with its schema),
// an event tracker, solutions (with a version and a campaign) and filters if they are given.
type DatasetGroup struct {
	Where
	Name          string            `json:"name"`
	Domain        string            `json:"domain,omitempty"`
	Status        string            `json:"status,omitempty"`
	FailureReason string            `json:"failureReason,omitempty"`
	Tags          map[string]string `json:"tags,omitempty"`
	Datasets      []Dataset         `json:"datasets,omitempty"`
	EventTracker  *EventTracker     `json:"eventTracker,omitempty"`
	Solutions     []Solution        `json:"solutions,omitempty"`
	Filters       []Filter          `json:"filters,omitempty"`
}

// Dataset is a dataset of a seeded dataset group (which must then be ACTIVE), with a schema of
// its own named <group>-<type> (such as shop-interactions).
type Dataset struct {
	Type       string `json:"type"`                 // Interactions, Items, Users, Actions or Action_Interactions, any case
	Name       string `json:"name,omitempty"`       // default <group>-<type>
	Schema     string `json:"schema,omitempty"`     // the Avro schema; default DefaultSchema(Type, the group's domain)
	Status     string `json:"status,omitempty"`     // ACTIVE unless said otherwise
	TrackingID string `json:"trackingId,omitempty"` // an Action_Interactions dataset's; generated when empty
}

// EventTracker is the event tracker of a seeded dataset group (which must then be ACTIVE). It
// comes with an ACTIVE Interactions dataset, as PutEvents needs one, unless the group's Datasets
// have one or NoInteractionsDataset says not to.
type EventTracker struct {
	Name                  string            `json:"name"`
	Status                string            `json:"status,omitempty"`     // ACTIVE unless said otherwise
	TrackingID            string            `json:"trackingId,omitempty"` // generated when empty
	ID                    string            `json:"id,omitempty"`         // the 8 lowercase hex digits that end its ARN; generated when empty
	Tags                  map[string]string `json:"tags,omitempty"`
	NoInteractionsDataset bool              `json:"noInteractionsDataset,omitempty"`
}

// Association is an association between two seeded lineage entities (or any existing ones).
// Each end is an ARN, or the Label of an earlier action, artifact, context or trial component
// seed (an artifact's ARN is derived from its source, so a label is the easy way to name it).
type Association struct {
	Where
	Source      string `json:"source"`
	Destination string `json:"destination"`
	Type        string `json:"type,omitempty"` // ContributedTo, AssociatedWith, DerivedFrom, Produced or SameAs; none when empty
}

// SeedAssociation adds an association that exists before the test starts.
func (s *Scenario) SeedAssociation(a Association) *Scenario {
	s.Seeds.Associations = append(s.Seeds.Associations, a)
	return s
}

func (a Association) resource() Resource {
	r := Resource{Where: a.Where, Service: catalog.SageMaker, Operation: "AddAssociation", Input: map[string]any{}}
	for member, end := range map[string]string{"SourceArn": a.Source, "DestinationArn": a.Destination} {
		if strings.HasPrefix(end, "arn:") {
			r.Input[member] = end
			continue
		}
		if r.Refs == nil {
			r.Refs = map[string]string{}
		}
		r.Refs[member] = end
	}
	if a.Type != "" {
		r.Input["AssociationType"] = a.Type
	}
	return r
}

// SeedAction adds an action that exists before the test starts.
func (s *Scenario) SeedAction(a Action) *Scenario {
	s.Seeds.Actions = append(s.Seeds.Actions, a)
	return s
}

// SeedArtifact adds an artifact that exists before the test starts.
func (s *Scenario) SeedArtifact(a Artifact) *Scenario {
	s.Seeds.Artifacts = append(s.Seeds.Artifacts, a)
	return s
}

// SeedContext adds a context that exists before the test starts.
func (s *Scenario) SeedContext(c Context) *Scenario {
	s.Seeds.Contexts = append(s.Seeds.Contexts, c)
	return s
}

// SeedDatasetGroup adds a dataset group (and its event tracker) that exists before the test
// starts.
func (s *Scenario) SeedDatasetGroup(g DatasetGroup) *Scenario {
	s.Seeds.DatasetGroups = append(s.Seeds.DatasetGroups, g)
	return s
}

// Seed adds any resource that exists before the test starts, by the input that creates it.
func (s *Scenario) Seed(r Resource) *Scenario {
	s.Seeds.Resources = append(s.Seeds.Resources, r)
	return s
}

// All returns every seed as a Resource, in the order they are applied: the actions, the
// artifacts, the contexts, the experiments, the trials, the trial components (each followed by
// its associations with its trials), the associations, the dataset groups (each followed by
// its event tracker), then Resources.
func (s Seeds) All() []Resource {
	var out []Resource
	for _, a := range s.Actions {
		out = append(out, a.resource())
	}
	for _, a := range s.Artifacts {
		out = append(out, a.resource())
	}
	for _, c := range s.Contexts {
		out = append(out, c.resource())
	}
	for _, x := range s.Experiments {
		out = append(out, x.resource())
	}
	for _, t := range s.Trials {
		out = append(out, t.resource())
	}
	for _, c := range s.TrialComponents {
		out = append(out, c.resources()...)
	}
	for _, a := range s.Associations {
		out = append(out, a.resource())
	}
	for i, g := range s.DatasetGroups {
		out = append(out, g.resources(fmt.Sprintf("datasetGroups[%d]", i))...)
	}
	return append(out, s.Resources...)
}

func (a Action) resource() Resource {
	in := map[string]any{
		"ActionName": a.Name,
		"ActionType": orDefault(a.ActionType, "Seeded"),
		"Source":     map[string]any{"SourceUri": orDefault(a.SourceURI, "s3://awsfake/seeded")},
	}
	if a.Status != "" {
		in["Status"] = a.Status
	}
	if a.Properties != nil {
		in["Properties"] = a.Properties
	}
	if len(a.Tags) > 0 {
		in["Tags"] = tagList(a.Tags, "Key", "Value")
	}
	return Resource{Where: a.Where, Service: catalog.SageMaker, Operation: "CreateAction", Input: in}
}

func (a Artifact) resource() Resource {
	source := map[string]any{"SourceUri": a.SourceURI}
	if len(a.SourceTypes) > 0 {
		types := make([]any, len(a.SourceTypes))
		for i, t := range a.SourceTypes {
			types[i] = map[string]any{"SourceIdType": t.IDType, "Value": t.Value}
		}
		source["SourceTypes"] = types
	}
	in := map[string]any{"ArtifactType": orDefault(a.ArtifactType, "Seeded"), "Source": source}
	if a.Name != "" {
		in["ArtifactName"] = a.Name
	}
	if a.Properties != nil {
		in["Properties"] = a.Properties
	}
	if len(a.Tags) > 0 {
		in["Tags"] = tagList(a.Tags, "Key", "Value")
	}
	return Resource{Where: a.Where, Service: catalog.SageMaker, Operation: "CreateArtifact", Input: in, Label: a.Label}
}

func (c Context) resource() Resource {
	in := map[string]any{
		"ContextName": c.Name,
		"ContextType": orDefault(c.ContextType, "Seeded"),
		"Source":      map[string]any{"SourceUri": orDefault(c.SourceURI, "s3://awsfake/seeded")},
	}
	if c.Description != "" {
		in["Description"] = c.Description
	}
	if c.Properties != nil {
		in["Properties"] = c.Properties
	}
	if len(c.Tags) > 0 {
		in["Tags"] = tagList(c.Tags, "Key", "Value")
	}
	return Resource{Where: c.Where, Service: catalog.SageMaker, Operation: "CreateContext", Input: in, Label: c.Label}
}

func (g DatasetGroup) resources(label string) []Resource {
	in := map[string]any{"name": g.Name}
	if g.Domain != "" {
		in["domain"] = g.Domain
	}
	if len(g.Tags) > 0 {
		in["tags"] = tagList(g.Tags, "tagKey", "tagValue")
	}
	reason := g.FailureReason
	if g.Status == catalog.StatusCreateFailed && reason == "" {
		reason = "Seeded failure."
	}
	out := []Resource{{Where: g.Where, Service: catalog.Personalize, Operation: "CreateDatasetGroup", Input: in,
		Label: label, Status: g.Status, FailureReason: reason}}
	for _, d := range g.datasets() {
		typ := strings.ToLower(d.Type)
		dsLabel := label + "/" + typ
		schema := d.Schema
		if schema == "" {
			schema = DefaultSchema(d.Type, g.Domain)
		}
		sin := map[string]any{"name": g.Name + "-" + strings.ReplaceAll(typ, "_", "-"), "schema": schema}
		if g.Domain != "" {
			sin["domain"] = g.Domain
		}
		name := d.Name
		if name == "" {
			name = g.Name + "-" + strings.ReplaceAll(typ, "_", "-")
		}
		var ids map[string]string
		if d.TrackingID != "" {
			ids = map[string]string{"trackingId": d.TrackingID}
		}
		out = append(out,
			Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateSchema", Input: sin, Label: dsLabel + "/schema"},
			Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateDataset",
				Input: map[string]any{"name": name, "datasetType": d.Type}, Label: dsLabel, Status: d.Status, IDs: ids,
				Refs: map[string]string{"datasetGroupArn": label, "schemaArn": dsLabel + "/schema"}})
	}
	if t := g.EventTracker; t != nil {
		tin := map[string]any{"name": t.Name}
		if len(t.Tags) > 0 {
			tin["tags"] = tagList(t.Tags, "tagKey", "tagValue")
		}
		ids := map[string]string{}
		if t.ID != "" {
			ids["id"] = t.ID
		}
		if t.TrackingID != "" {
			ids["trackingId"] = t.TrackingID
		}
		out = append(out, Resource{Where: g.Where, Service: catalog.Personalize, Operation: "CreateEventTracker", Input: tin,
			Refs: map[string]string{"datasetGroupArn": label}, Status: t.Status, IDs: ids})
	}
	return append(out, g.trainingResources(label)...)
}

// datasets returns the group's datasets to seed: those given, and an Interactions dataset for
// its event tracker unless it has one or the tracker says it needs none.
func (g DatasetGroup) datasets() []Dataset {
	out := g.Datasets
	if g.EventTracker == nil || g.EventTracker.NoInteractionsDataset {
		return out
	}
	for _, d := range out {
		if strings.EqualFold(d.Type, "Interactions") {
			return out
		}
	}
	return append(append([]Dataset(nil), out...), Dataset{Type: "Interactions"})
}

// tagList turns a map of tags into the model's list, in key order (so seeding repeats exactly).
func tagList(tags map[string]string, key, value string) []any {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = map[string]any{key: k, value: tags[k]}
	}
	return out
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
		return fmt.Errorf("%q is not a Region name: %s", w.Region, catalog.RegionForm)
	}
	return nil
}

func (s Seeds) check() error {
	for i, a := range s.Actions {
		if a.Name == "" {
			return fmt.Errorf("seeded action %d has no name", i+1)
		}
	}
	for i, a := range s.Artifacts {
		if a.SourceURI == "" {
			return fmt.Errorf("seeded artifact %d has no sourceUri (an artifact's source is its identity)", i+1)
		}
	}
	for i, c := range s.Contexts {
		if c.Name == "" {
			return fmt.Errorf("seeded context %d has no name", i+1)
		}
	}
	if err := s.checkExperiments(); err != nil {
		return err
	}
	for i, g := range s.DatasetGroups {
		switch {
		case g.Name == "":
			return fmt.Errorf("seeded dataset group %d has no name", i+1)
		case g.EventTracker != nil && g.Status != "" && g.Status != catalog.StatusActive:
			return fmt.Errorf("seeded dataset group %s has an event tracker, so it must be ACTIVE", g.Name)
		case g.EventTracker != nil && g.EventTracker.Name == "":
			return fmt.Errorf("seeded dataset group %s: its event tracker has no name", g.Name)
		case len(g.Datasets) > 0 && g.Status != "" && g.Status != catalog.StatusActive:
			return fmt.Errorf("seeded dataset group %s has datasets, so it must be ACTIVE", g.Name)
		}
		for _, d := range g.Datasets {
			if DefaultSchema(d.Type, "") == "" {
				return fmt.Errorf("seeded dataset group %s: a dataset's type is Interactions, Items, Users, Actions or Action_Interactions, not %q", g.Name, d.Type)
			}
		}
		if err := g.checkTraining(); err != nil {
			return err
		}
	}
	labels := map[string]bool{}
	for i, r := range s.All() {
		if err := r.check(labels); err != nil {
			return fmt.Errorf("seed %d (%s.%s): %w", i+1, r.Service, r.Operation, err)
		}
		if r.Label != "" {
			labels[r.Label] = true
		}
	}
	return nil
}

// check reports a seed that cannot work; labels are those of the seeds before it.
func (r Resource) check(labels map[string]bool) error {
	op := catalog.Lookup(r.Service, r.Operation)
	switch {
	case op == nil || !op.Create:
		return fmt.Errorf("a seed is made by an operation that creates a resource, not %s.%s", r.Service, r.Operation)
	case !creationStatus(r.Status):
		return fmt.Errorf("status %q is not one a new resource can have (%v)", r.Status, catalog.CreationStatuses)
	case r.Status != "" && !op.Lifecycle:
		return fmt.Errorf("%s.%s makes a resource without a status, so the seed cannot name one", r.Service, r.Operation)
	case labels[r.Label]:
		return fmt.Errorf("the label %q is used twice", r.Label)
	}
	for member, label := range r.Refs {
		if !labels[label] {
			return fmt.Errorf("refs: %s names %q, which no earlier seed is labelled", member, label)
		}
	}
	return r.Where.Check()
}
