package fake_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func newArtifact(uri string, sourceTypes ...types.ArtifactSourceType) *sagemaker.CreateArtifactInput {
	return &sagemaker.CreateArtifactInput{
		ArtifactType: aws.String("Model"),
		Source:       &types.ArtifactSource{SourceUri: aws.String(uri), SourceTypes: sourceTypes},
	}
}

func sourceType(t types.ArtifactSourceIdType, v string) types.ArtifactSourceType {
	return types.ArtifactSourceType{SourceIdType: t, Value: aws.String(v)}
}

func (e *env) createArtifact(t *testing.T, in *sagemaker.CreateArtifactInput) string {
	t.Helper()
	out, err := e.api.CreateArtifact(e.ctx, in)
	require.NoError(t, err)
	return aws.ToString(out.ArtifactArn)
}

var artifactARN = regexp.MustCompile(`^arn:aws:sagemaker:us-east-1:123456789012:artifact/[0-9a-f]{32}$`)

func TestArtifactIdentityIsItsSource(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		arn := e.createArtifact(t, newArtifact("s3://models/churn/v7.tar.gz"))
		// The id is derived from the source (a documented guess), so it never changes.
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:artifact/3f74a2e4143947326f78b8c02b77864c", arn)

		cases := []struct {
			name string
			in   *sagemaker.CreateArtifactInput
		}{
			{"another uri", newArtifact("s3://models/churn/v8.tar.gz")},
			{"the same uri with a source type", newArtifact("s3://models/churn/v7.tar.gz", sourceType(types.ArtifactSourceIdTypeS3Etag, "abc"))},
			{"the same uri with two source types", newArtifact("s3://models/churn/v7.tar.gz",
				sourceType(types.ArtifactSourceIdTypeS3Etag, "abc"), sourceType(types.ArtifactSourceIdTypeCustom, "code"))},
			{"a custom source type", newArtifact("s3://models/churn/v7.tar.gz", sourceType(types.ArtifactSourceIdTypeCustom, "abc"))},
		}
		seen := map[string]string{arn: "first"}
		for _, c := range cases {
			got := e.createArtifact(t, c.in)
			require.Regexp(t, artifactARN, got, c.name)
			require.NotContains(t, seen, got, "%s has the ARN of %s", c.name, seen[got])
			seen[got] = c.name
		}
	})
}

func TestCreateArtifactDuplicateSource(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		etag, custom := sourceType(types.ArtifactSourceIdTypeS3Etag, "abc"), sourceType(types.ArtifactSourceIdTypeCustom, "code")
		plain := e.createArtifact(t, newArtifact("s3://data/train.csv"))
		typed := e.createArtifact(t, newArtifact("s3://data/train.csv", etag, custom))
		cases := []struct {
			name     string
			in       *sagemaker.CreateArtifactInput
			existing string
		}{
			{"same uri", newArtifact("s3://data/train.csv"), plain},
			{"same uri and types", newArtifact("s3://data/train.csv", etag, custom), typed},
			{"types in another order", newArtifact("s3://data/train.csv", custom, etag), typed},
			{"a type repeated", newArtifact("s3://data/train.csv", custom, etag, custom), typed},
		}
		for _, c := range cases {
			in := c.in
			in.ArtifactName = aws.String("another-name") // a name does not make another artifact
			_, err := e.api.CreateArtifact(e.ctx, in)
			msg := requireCode(t, err, "ValidationException")
			require.Contains(t, msg, "already exists", c.name)
			require.Contains(t, msg, c.existing, c.name)
			require.Equal(t, 400, statusCode(t, err))
		}
	})
}

func TestArtifactNamesMayRepeatOrBeMissing(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, uri := range []string{"s3://raw/1", "s3://raw/2"} {
			in := newArtifact(uri)
			in.ArtifactName = aws.String("sm-fs-fe-raw-data") // as AWS's own feature-store code does
			e.createArtifact(t, in)
		}
		e.createArtifact(t, newArtifact("s3://raw/unnamed"))
	})
}

func TestArtifactIDsAreTheSameInEveryAccount(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		here := e.createArtifact(t, newArtifact("s3://shared/data"))
		out, err := e.api.CreateArtifact(e.ctx, newArtifact("s3://shared/data"), func(o *sagemaker.Options) { o.Region = "eu-west-1" })
		require.NoError(t, err, "a source is unique per account and Region")
		there := aws.ToString(out.ArtifactArn)
		require.True(t, strings.HasPrefix(there, "arn:aws:sagemaker:eu-west-1:123456789012:artifact/"), there)
		require.Equal(t, here[strings.LastIndex(here, "/"):], there[strings.LastIndex(there, "/"):])
	})
}

func TestArtifactQuota(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.createArtifact(t, newArtifact("s3://q/1"))
		e.createArtifact(t, newArtifact("s3://q/2"))
		_, err := e.api.CreateArtifact(e.ctx, newArtifact("s3://q/3"))
		requireCode(t, err, "ResourceLimitExceeded")
		var rle *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &rle)
		// Actions have a quota of their own.
		e.create(t, newAction("not-an-artifact"))
	}, fake.WithQuota(fake.Artifacts, 2))
}

func TestArtifactDefaultQuotaIsAWSs(t *testing.T) {
	t.Parallel()
	f := fake.New()
	sm := f.SageMaker()
	e := &env{f: f, api: sm, ctx: t.Context()}
	for i := range 6000 {
		e.createArtifact(t, newArtifact(fmt.Sprintf("s3://many/%d", i)))
	}
	_, err := sm.CreateArtifact(t.Context(), newArtifact("s3://many/one-more"))
	requireCode(t, err, "ResourceLimitExceeded")
}
