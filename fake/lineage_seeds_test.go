package fake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func TestSeededArtifactsAndContexts(t *testing.T) {
	t.Parallel()
	s := scenario.New().
		SeedArtifact(scenario.Artifact{SourceURI: "s3://models/churn/v7.tar.gz", Name: "churn", ArtifactType: "Model",
			SourceTypes: []scenario.SourceType{{IDType: "S3ETag", Value: "e1"}}, Properties: map[string]string{"k": "v"},
			Tags: map[string]string{"team": "ml"}, Label: "model"}).
		SeedArtifact(scenario.Artifact{SourceURI: "s3://data/train.csv"}).
		SeedContext(scenario.Context{Name: "churn_prod", ContextType: "Endpoint", Description: "prod", Label: "endpoint"}).
		// A later seed may use what an earlier one made: here, the artifact's generated ARN.
		Seed(scenario.Resource{Service: "sagemaker", Operation: "CreateContext", Refs: map[string]string{"Description": "model"},
			Input: map[string]any{"ContextName": "about-the-model", "ContextType": "Note", "Source": map[string]any{"SourceUri": "s3://notes"}}})
	f := fake.New(fake.WithClock(mockClock()), fake.WithScenario(s))
	sm, ctx := f.SageMaker(), context.Background()
	require.Empty(t, f.Calls(), "seeds are not calls")

	arts, err := sm.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SortOrder: types.SortOrderAscending})
	require.NoError(t, err)
	require.Len(t, arts.ArtifactSummaries, 2)
	model := aws.ToString(arts.ArtifactSummaries[0].ArtifactArn)
	d, err := sm.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(model)})
	require.NoError(t, err)
	require.Equal(t, "churn", aws.ToString(d.ArtifactName))
	require.Equal(t, "Model", aws.ToString(d.ArtifactType))
	require.Equal(t, map[string]string{"k": "v"}, d.Properties)
	require.Equal(t, "e1", aws.ToString(d.Source.SourceTypes[0].Value))
	require.Equal(t, defaultGroupARN, aws.ToString(d.LineageGroupArn))
	tags, err := sm.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(model)})
	require.NoError(t, err)
	require.Equal(t, map[string]string{"team": "ml"}, tagMap(tags.Tags))
	unnamed := arts.ArtifactSummaries[1]
	require.Nil(t, unnamed.ArtifactName)
	require.Equal(t, "Seeded", aws.ToString(unnamed.ArtifactType), "the default type")

	c, err := sm.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("churn_prod")})
	require.NoError(t, err)
	require.Equal(t, "Endpoint", aws.ToString(c.ContextType))
	require.Equal(t, "s3://awsfake/seeded", aws.ToString(c.Source.SourceUri), "the default source")
	note, err := sm.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("about-the-model")})
	require.NoError(t, err)
	require.Equal(t, model, aws.ToString(note.Description))

	// The seeds are what a call would have made: the same source is taken, the same name too.
	_, err = sm.CreateArtifact(ctx, newArtifact("s3://data/train.csv"))
	requireCode(t, err, "ValidationException")
	_, err = sm.CreateContext(ctx, newContext("churn_prod"))
	requireCode(t, err, "ValidationException")
	groups, err := sm.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{})
	require.NoError(t, err)
	require.Len(t, groups.LineageGroupSummaries, 1)
}

// A batch of lineage seeds that fails part-way leaves nothing behind, not even the default
// lineage group its first seed made.
func TestLineageSeedsAreAllOrNothing(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		s    *scenario.Scenario
		want string
	}{
		{"a duplicate source", scenario.New().SeedArtifact(scenario.Artifact{SourceURI: "s3://a"}).SeedArtifact(scenario.Artifact{SourceURI: "s3://a"}), "already exists"},
		{"a duplicate context", scenario.New().SeedContext(scenario.Context{Name: "c"}).SeedContext(scenario.Context{Name: "c"}), "already exists"},
		{"a bad context name", scenario.New().SeedArtifact(scenario.Artifact{SourceURI: "s3://a"}).SeedContext(scenario.Context{Name: "bad name"}), "failed to satisfy constraint"},
		{"past the context quota", scenario.New().SeedContext(scenario.Context{Name: "c1"}).SeedContext(scenario.Context{Name: "c2"}), "ResourceLimitExceeded"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := fake.New(fake.WithQuota(fake.Contexts, 1))
			sm, ctx := f.SageMaker(), context.Background()
			require.ErrorContains(t, f.SetScenario(c.s), c.want)
			arts, err := sm.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{})
			require.NoError(t, err)
			require.Empty(t, arts.ArtifactSummaries)
			ctxs, err := sm.ListContexts(ctx, &sagemaker.ListContextsInput{})
			require.NoError(t, err)
			require.Empty(t, ctxs.ContextSummaries)
			groups, err := sm.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{})
			require.NoError(t, err)
			require.Empty(t, groups.LineageGroupSummaries)
			// What the failed batch touched is free: the source, the name, the quota.
			_, err = sm.CreateArtifact(ctx, newArtifact("s3://a"))
			require.NoError(t, err)
			_, err = sm.CreateContext(ctx, newContext("c"))
			require.NoError(t, err)
		})
	}
}

func TestSeedChecks(t *testing.T) {
	t.Parallel()
	require.Panics(t, func() { fake.New(fake.WithScenario(scenario.New().SeedArtifact(scenario.Artifact{Name: "no-source"}))) })
	require.Panics(t, func() { fake.New(fake.WithScenario(scenario.New().SeedContext(scenario.Context{}))) })
}
