package fake_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/google/go-cmp/cmp"
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

func TestCreateAndDescribeArtifact(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newArtifact("s3://models/churn/v7.tar.gz", sourceType(types.ArtifactSourceIdTypeS3Etag, "etag-1"))
		in.ArtifactName = aws.String("churn-model")
		in.Properties = map[string]string{"framework": "xgboost"}
		in.MetadataProperties = &types.MetadataProperties{CommitId: aws.String("abc123")}
		arn := e.createArtifact(t, in)

		got, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(arn)})
		require.NoError(t, err)
		want := &sagemaker.DescribeArtifactOutput{
			ArtifactArn:        aws.String(arn),
			ArtifactName:       aws.String("churn-model"),
			ArtifactType:       aws.String("Model"),
			Source:             &types.ArtifactSource{SourceUri: aws.String("s3://models/churn/v7.tar.gz"), SourceTypes: []types.ArtifactSourceType{sourceType(types.ArtifactSourceIdTypeS3Etag, "etag-1")}},
			Properties:         map[string]string{"framework": "xgboost"},
			MetadataProperties: &types.MetadataProperties{CommitId: aws.String("abc123")},
			CreationTime:       aws.Time(start),
			LastModifiedTime:   aws.Time(start),
			LineageGroupArn:    aws.String(defaultGroupARN),
		}
		if diff := cmp.Diff(want, got, ignoreSDK); diff != "" {
			t.Fatalf("DescribeArtifact mismatch (-want +got):\n%s", diff)
		}

		// An artifact without a name has none in its description.
		unnamed := e.createArtifact(t, newArtifact("s3://unnamed"))
		got, err = e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(unnamed)})
		require.NoError(t, err)
		require.Nil(t, got.ArtifactName)
	})
}

func TestDescribeArtifactTakesOnlyItsARN(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newArtifact("s3://m")
		in.ArtifactName = aws.String("named")
		arn := e.createArtifact(t, in)
		cases := []struct {
			key, code string
		}{
			{"named", "ValidationException"}, // the member's pattern wants an ARN
			{"arn:aws:sagemaker:us-east-1:123456789012:artifact/00000000000000000000000000000000", "ResourceNotFound"},
			{strings.Replace(arn, "us-east-1", "eu-west-1", 1), "ResourceNotFound"},
			{strings.Replace(arn, "123456789012", "210987654321", 1), "ResourceNotFound"},
		}
		for _, c := range cases {
			_, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(c.key)})
			msg := requireCode(t, err, c.code)
			if c.code == "ResourceNotFound" {
				require.Contains(t, msg, "does not exist")
				var nf *types.ResourceNotFound
				require.ErrorAs(t, err, &nf)
			}
		}
	})
}

func TestUpdateArtifact(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newArtifact("s3://models/m", sourceType(types.ArtifactSourceIdTypeMd5Hash, "d41d8cd9"))
		in.ArtifactName = aws.String("before")
		in.Properties = map[string]string{"a": "1", "b": "2"}
		arn := e.createArtifact(t, in)
		e.clk.Add(90 * time.Second)

		out, err := e.api.UpdateArtifact(e.ctx, &sagemaker.UpdateArtifactInput{
			ArtifactArn:        aws.String(arn),
			ArtifactName:       aws.String("after"),
			Properties:         map[string]string{"b": "20", "c": "3"},
			PropertiesToRemove: []string{"c"},
		})
		require.NoError(t, err)
		require.Equal(t, arn, aws.ToString(out.ArtifactArn))

		describe := func() *sagemaker.DescribeArtifactOutput {
			got, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(arn)})
			require.NoError(t, err)
			return got
		}
		got := describe()
		require.Equal(t, "after", aws.ToString(got.ArtifactName), "UpdateArtifact renames")
		require.Equal(t, map[string]string{"b": "20"}, got.Properties, "Properties replace the map, then PropertiesToRemove deletes")
		require.Equal(t, start, aws.ToTime(got.CreationTime))
		require.Equal(t, start.Add(90*time.Second), aws.ToTime(got.LastModifiedTime))
		// Nothing changes a source or a type.
		require.Equal(t, "s3://models/m", aws.ToString(got.Source.SourceUri))
		require.Equal(t, "d41d8cd9", aws.ToString(got.Source.SourceTypes[0].Value))
		require.Equal(t, "Model", aws.ToString(got.ArtifactType))

		// What is not given stays.
		_, err = e.api.UpdateArtifact(e.ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: aws.String(arn), PropertiesToRemove: []string{"b"}})
		require.NoError(t, err)
		got = describe()
		require.Equal(t, "after", aws.ToString(got.ArtifactName))
		require.Empty(t, got.Properties)

		_, err = e.api.UpdateArtifact(e.ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: aws.String("arn:aws:sagemaker:us-east-1:123456789012:artifact/none")})
		requireCode(t, err, "ResourceNotFound")
	})
}

func TestRenamingAnArtifactLeavesRecordedCallsAlone(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newArtifact("s3://m")
		in.ArtifactName = aws.String("first")
		arn := e.createArtifact(t, in)
		_, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(arn)})
		require.NoError(t, err)
		_, err = e.api.UpdateArtifact(e.ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: aws.String(arn), ArtifactName: aws.String("second")})
		require.NoError(t, err)
		calls := e.f.Calls()
		require.Equal(t, "DescribeArtifact", calls[1].Operation)
		require.Equal(t, "first", calls[1].Output["ArtifactName"])
	})
}

func TestDeleteArtifact(t *testing.T) {
	t.Parallel()
	etag := sourceType(types.ArtifactSourceIdTypeS3Etag, "e1")
	cases := []struct {
		name   string
		in     func(arns map[string]string) *sagemaker.DeleteArtifactInput
		gone   string // the key in arns of the artifact deleted, or "" for an error
		code   string
		inMsg  []string
		keysOf []string
	}{
		{name: "by ARN", in: func(arns map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(arns["only"])}
		}, gone: "only"},
		{name: "by SourceUri alone", in: func(map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://only")}}
		}, gone: "only"},
		{name: "by SourceUri and SourceTypes", in: func(map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://shared"), SourceTypes: []types.ArtifactSourceType{etag}}}
		}, gone: "shared+etag"},
		{name: "the ARN decides when both are given", in: func(arns map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(arns["only"]), Source: &types.ArtifactSource{SourceUri: aws.String("s3://shared")}}
		}, gone: "only"},
		{name: "a SourceUri that two artifacts share", in: func(map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://shared")}}
		}, code: "ValidationException", inMsg: []string{"s3://shared"}, keysOf: []string{"shared", "shared+etag"}},
		{name: "neither", in: func(map[string]string) *sagemaker.DeleteArtifactInput { return &sagemaker.DeleteArtifactInput{} },
			code: "ValidationException", inMsg: []string{"Either ArtifactArn or Source must be specified."}},
		{name: "a missing ARN", in: func(map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String("arn:aws:sagemaker:us-east-1:123456789012:artifact/none")}
		}, code: "ResourceNotFound"},
		{name: "a missing source", in: func(map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://none")}}
		}, code: "ResourceNotFound"},
		{name: "source types that no artifact has", in: func(map[string]string) *sagemaker.DeleteArtifactInput {
			return &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://only"), SourceTypes: []types.ArtifactSourceType{etag}}}
		}, code: "ResourceNotFound"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			eachDoor(t, func(t *testing.T, e *env) {
				arns := map[string]string{
					"only":        e.createArtifact(t, newArtifact("s3://only")),
					"shared":      e.createArtifact(t, newArtifact("s3://shared")),
					"shared+etag": e.createArtifact(t, newArtifact("s3://shared", etag)),
				}
				out, err := e.api.DeleteArtifact(e.ctx, c.in(arns))
				if c.code != "" {
					msg := requireCode(t, err, c.code)
					for _, s := range c.inMsg {
						require.Contains(t, msg, s)
					}
					for _, k := range c.keysOf {
						require.Contains(t, msg, arns[k])
					}
					requireArtifacts(t, e, len(arns))
					return
				}
				require.NoError(t, err)
				require.Equal(t, arns[c.gone], aws.ToString(out.ArtifactArn))
				_, err = e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(arns[c.gone])})
				requireCode(t, err, "ResourceNotFound")
				requireArtifacts(t, e, len(arns)-1)
			})
		})
	}
}

// requireArtifacts checks how many artifacts there are.
func requireArtifacts(t *testing.T, e *env, n int) {
	t.Helper()
	out, err := e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(100)})
	require.NoError(t, err)
	require.Len(t, out.ArtifactSummaries, n)
}

func TestDeletedArtifactFreesItsSourceAndQuota(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newArtifact("s3://again")
		in.Tags = []types.Tag{tag("team", "ml")}
		arn := e.createArtifact(t, in)
		_, err := e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(arn)})
		require.NoError(t, err)
		_, err = e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(arn)})
		requireCode(t, err, "ResourceNotFound")
		_, err = e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		requireCode(t, err, "ValidationException")

		// The same source makes the same ARN again, with no tags, within a quota of one.
		require.Equal(t, arn, e.createArtifact(t, newArtifact("s3://again")))
		tags, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		require.Empty(t, tags.Tags)
		_, err = e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://again")}})
		require.NoError(t, err)
		_, err = e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://again")}})
		requireCode(t, err, "ResourceNotFound")
	}, fake.WithQuota(fake.Artifacts, 1))
}
