package fake_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Every Go snippet of README.md is code that compiles: each is found, line by line, in a Go file
// of the repository that the build compiles (a test of this module or of the conformance
// module), ignoring indentation, the spacing that aligns comments, and end-of-line comments.
// The quick starts are whole files in examples/quickstart; the fragments are in the tests
// below.
func TestREADMEGoSnippets(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	var sources []string
	require.NoError(t, filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != ".." {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".go") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			sources = append(sources, "\n"+normalizeGo(string(b))+"\n")
		}
		return nil
	}))
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	require.GreaterOrEqual(t, len(blocks), 5, "the quick starts, the imports, options and faults")
	for _, b := range blocks {
		snippet := normalizeGo(b[1])
		found := false
		for _, src := range sources {
			if strings.Contains(src, "\n"+snippet+"\n") {
				found = true
				break
			}
		}
		require.True(t, found, "README's Go snippet is in no Go file of the repository, so nothing keeps it compiling:\n%s", b[1])
	}
}

var lineComment = regexp.MustCompile(`\s+//\s.*$|^\s*//.*$`)

// normalizeGo keeps what a snippet says: its non-empty lines without indentation, runs of spaces
// or end-of-line comments.
func normalizeGo(src string) string {
	var out []string
	for _, line := range strings.Split(src, "\n") {
		line = strings.Join(strings.Fields(lineComment.ReplaceAllString(line, "")), " ")
		if line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// README's Options section, compiling and running.
func TestREADMEOptions(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	f := fake.New(
		fake.WithClock(clock.NewMock()),                                // default: the real clock (synctest's, in a bubble)
		fake.WithAccount("000000000042"), fake.WithRegion("eu-west-1"), // defaults 123456789012, us-east-1
		fake.WithQuota(fake.DatasetGroups, 20),                   // per account and Region; 0: no limit
		fake.WithQuota(fake.Tags, 200),                           // per resource
		fake.WithQuota(fake.Actions, 0),                          // lifts AWS's 3,000 (a long suite on one fake)
		fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}), // the zero Lifecycle: ACTIVE at once
		fake.WithCascadingDeletes(),                              // deleting a lineage entity deletes its associations
		fake.WithScenario(s), fake.WithSeed(1),
		fake.WithCallLog(100), fake.WithCallLogBytes(8<<20), // the newest 100 calls, within 8 MiB
		fake.WithHostCheck("awsfake"),                // f.Handler() serves only loopback hosts and these
		fake.WithCORSOrigin("http://localhost:3000"), // a browser app there may call f.Handler()
	)
	require.Equal(t, "eu-west-1", f.Region())
}

// README's section on faults, seeds and call assertions, compiling and running.
func TestREADMEFaults(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s := scenario.New()
	s.On("personalize", "CreateEventTracker").Nth(2).Fail(scenario.LimitExceeded("injected"))
	s.On("sagemaker", "CreateAction").Times(1).LoseResponse(scenario.InternalFailure()) // it happened; the caller saw a 500
	s.On("personalize", "CreateEventTracker").FailCreation("no interactions dataset")   // ends in CREATE FAILED
	s.On("sagemaker", "CreateAction").When(func(in *sagemaker.CreateActionInput) bool {
		return aws.ToString(in.ActionType) == "Canary"
	}).Delay(30 * time.Second) // on the fake clock
	s.SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", EventTracker: &scenario.EventTracker{Name: "clicks"}}) // already ACTIVE
	s.SeedArtifact(scenario.Artifact{SourceURI: "s3://models/m.tar.gz", ArtifactType: "Model", Label: "model"})   // JSON: "artifacts"
	s.SeedContext(scenario.Context{Name: "churn_prod", ContextType: "Endpoint", Label: "endpoint"})               // JSON: "contexts"
	s.SeedAssociation(scenario.Association{Source: "model", Destination: "endpoint", Type: "ContributedTo"})      // JSON: "associations"; ends by label or ARN
	f := fake.New(fake.WithScenario(s))
	f.Inject(t, scenario.On("sagemaker", "ListActions").Fail(scenario.Throttling())) // removed when t ends

	in := &sagemaker.CreateActionInput{ActionName: aws.String("deploy-1"), ActionType: aws.String("Deploy"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://models/m.tar.gz")}}
	_, err := f.SageMaker().CreateAction(ctx, in) // InternalFailure, yet the action was created
	require.ErrorContains(t, err, "InternalFailure")
	_, err = f.SageMaker().CreateAction(ctx, in) // the retry finds it
	require.ErrorContains(t, err, "already exists")
	fake.RequireCalls(t, f, "sagemaker", "CreateAction",
		map[string]any{"ActionName": "deploy-1"}, map[string]any{"ActionName": "deploy-1"}) // diff on failure

	require.Len(t, f.State().Seeds.Resources, 8, "the artifact, the context, their association, the group, its Interactions schema and dataset, its tracker; the action")
}
