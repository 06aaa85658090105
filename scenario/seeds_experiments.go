package scenario

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Experiment is a SageMaker experiment that already exists.
type Experiment struct {
	Where
	Name        string            `json:"name"`
	DisplayName string            `json:"displayName,omitempty"`
	Description string            `json:"description,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
}

// Trial is a SageMaker trial that already exists, in an experiment seeded before it (or one a
// state document or an earlier scenario made).
type Trial struct {
	Where
	Name        string            `json:"name"`
	Experiment  string            `json:"experiment"`
	DisplayName string            `json:"displayName,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
}

// TrialComponent is a SageMaker trial component that already exists, in the trials it names
// (seeded before it). With SourceARN it is one SageMaker made for a job, which no API call can
// make: its Source is {SourceArn, SourceType} (SageMakerTrainingJob, SageMakerProcessingJob or
// SageMakerTransformJob), and QueryLineage gives it the job's type (TrainingJob, ...).
type TrialComponent struct {
	Where
	Name        string `json:"name"`
	DisplayName string `json:"displayName,omitempty"`
	// Status is its Status.PrimaryStatus: InProgress, Completed, Failed, Stopping or Stopped.
	Status string `json:"status,omitempty"`
	// Parameters are its parameters: each a string (StringValue) or a number (NumberValue).
	Parameters map[string]any `json:"parameters,omitempty"`
	// InputArtifacts and OutputArtifacts map an artifact's name to its Value (a URI).
	InputArtifacts  map[string]string `json:"inputArtifacts,omitempty"`
	OutputArtifacts map[string]string `json:"outputArtifacts,omitempty"`
	Trials          []string          `json:"trials,omitempty"`
	SourceARN       string            `json:"sourceArn,omitempty"`
	SourceType      string            `json:"sourceType,omitempty"`
	// SourceTags are the job's tags, which ListTags on SourceARN answers (a pipeline's job
	// carries sagemaker:pipeline-execution-arn); AddTags and DeleteTags change them.
	SourceTags map[string]string `json:"sourceTags,omitempty"`
	Tags       map[string]string `json:"tags,omitempty"`
	// Label names the seed, so that Associations and Refs of later seeds can use its ARN.
	Label string `json:"label,omitempty"`
}

// SeedExperiment adds an experiment that exists before the test starts.
func (s *Scenario) SeedExperiment(x Experiment) *Scenario {
	s.Seeds.Experiments = append(s.Seeds.Experiments, x)
	return s
}

// SeedTrial adds a trial that exists before the test starts.
func (s *Scenario) SeedTrial(t Trial) *Scenario {
	s.Seeds.Trials = append(s.Seeds.Trials, t)
	return s
}

// SeedTrialComponent adds a trial component, in its trials, that exists before the test starts.
func (s *Scenario) SeedTrialComponent(c TrialComponent) *Scenario {
	s.Seeds.TrialComponents = append(s.Seeds.TrialComponents, c)
	return s
}

func (x Experiment) resource() Resource {
	in := map[string]any{"ExperimentName": x.Name}
	putString(in, "DisplayName", x.DisplayName)
	putString(in, "Description", x.Description)
	if len(x.Tags) > 0 {
		in["Tags"] = tagList(x.Tags, "Key", "Value")
	}
	return Resource{Where: x.Where, Service: catalog.SageMaker, Operation: "CreateExperiment", Input: in}
}

func (t Trial) resource() Resource {
	in := map[string]any{"TrialName": t.Name, "ExperimentName": t.Experiment}
	putString(in, "DisplayName", t.DisplayName)
	if len(t.Tags) > 0 {
		in["Tags"] = tagList(t.Tags, "Key", "Value")
	}
	return Resource{Where: t.Where, Service: catalog.SageMaker, Operation: "CreateTrial", Input: in}
}

// resources are the component's create, then one AssociateTrialComponent per trial.
func (c TrialComponent) resources() []Resource {
	in := map[string]any{"TrialComponentName": c.Name}
	putString(in, "DisplayName", c.DisplayName)
	if c.Status != "" {
		in["Status"] = map[string]any{"PrimaryStatus": c.Status}
	}
	if len(c.Parameters) > 0 {
		ps := map[string]any{}
		for k, v := range c.Parameters {
			if s, ok := v.(string); ok {
				ps[k] = map[string]any{"StringValue": s}
			} else {
				ps[k] = map[string]any{"NumberValue": v}
			}
		}
		in["Parameters"] = ps
	}
	for member, arts := range map[string]map[string]string{"InputArtifacts": c.InputArtifacts, "OutputArtifacts": c.OutputArtifacts} {
		if len(arts) > 0 {
			m := map[string]any{}
			for k, v := range arts {
				m[k] = map[string]any{"Value": v}
			}
			in[member] = m
		}
	}
	if len(c.Tags) > 0 {
		in["Tags"] = tagList(c.Tags, "Key", "Value")
	}
	var ids map[string]string
	if c.SourceARN != "" {
		// SageMaker sets a Source, no input does: the fake takes it as identifiers to keep.
		ids = map[string]string{"sourceArn": c.SourceARN}
		if c.SourceType != "" {
			ids["sourceType"] = c.SourceType
		}
		for k, v := range c.SourceTags {
			ids["sourceTag:"+k] = v
		}
	}
	out := []Resource{{Where: c.Where, Service: catalog.SageMaker, Operation: "CreateTrialComponent", Input: in, IDs: ids, Label: c.Label}}
	for _, t := range c.Trials {
		out = append(out, Resource{Where: c.Where, Service: catalog.SageMaker, Operation: "AssociateTrialComponent",
			Input: map[string]any{"TrialComponentName": c.Name, "TrialName": t}})
	}
	return out
}

func putString(in map[string]any, member, v string) {
	if v != "" {
		in[member] = v
	}
}

// checkExperiments reports experiment seeds that cannot work.
func (s Seeds) checkExperiments() error {
	for i, x := range s.Experiments {
		if x.Name == "" {
			return fmt.Errorf("seeded experiment %d has no name", i+1)
		}
	}
	for i, t := range s.Trials {
		if t.Name == "" || t.Experiment == "" {
			return fmt.Errorf("seeded trial %d needs a name and an experiment", i+1)
		}
	}
	for i, c := range s.TrialComponents {
		if c.Name == "" {
			return fmt.Errorf("seeded trial component %d has no name", i+1)
		}
		if (c.SourceType != "" || len(c.SourceTags) > 0) && c.SourceARN == "" {
			return fmt.Errorf("seeded trial component %s has a sourceType or sourceTags without a sourceArn", c.Name)
		}
		for k, v := range c.Parameters {
			switch v.(type) {
			case string, float64, float32, int, int32, int64:
			default:
				return fmt.Errorf("seeded trial component %s: parameter %s is %T, not a string or a number", c.Name, k, v)
			}
		}
	}
	return nil
}
