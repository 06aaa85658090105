package fake_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// A mistyped Region no longer makes a separate, empty world: through either door it is refused
// with what AWS answers a signature scoped to a Region it does not serve, a message that says
// what is wrong and names the Regions holding resources, and a status no SDK retries. A
// well-formed Region the fake has not heard of stays accepted.
func TestMalformedRegionsAreRefused(t *testing.T) {
	t.Parallel()
	f := fake.New()
	ctx := context.Background()
	_, err := personalize.NewFromConfig(f.AWSConfig()).CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	require.NoError(t, err)
	_, err = personalize.NewFromConfig(f.AWSConfig(), func(o *personalize.Options) { o.Region = "eu-central-2" }).
		CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	require.NoError(t, err)

	for _, region := range []string{"useast-1", "us-east1", "US-EAST-1", "us_east_1", "us-east-1-"} {
		t.Run(region, func(t *testing.T) {
			t.Parallel()
			for door, call := range map[string]func() error{
				"wire": func() error {
					_, err := personalize.NewFromConfig(f.AWSConfig(), func(o *personalize.Options) { o.Region = region }).
						CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("lost")})
					return err
				},
				"typed": func() error {
					_, err := f.Personalize().CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("lost")},
						func(o *personalize.Options) { o.Region = region })
					return err
				},
			} {
				err := call()
				var apiErr smithy.APIError
				require.ErrorAs(t, err, &apiErr, door)
				require.Equal(t, "InvalidSignatureException", apiErr.ErrorCode(), door)
				require.Contains(t, apiErr.ErrorMessage(), "Credential should be scoped to a valid region, not '"+region+"'.", door)
				require.Contains(t, apiErr.ErrorMessage(), "is not a Region name", door)
				require.Contains(t, apiErr.ErrorMessage(), "the Regions holding resources are eu-central-2, us-east-1", door)
				var re *awshttp.ResponseError
				require.True(t, errors.As(err, &re), door)
				require.Equal(t, http.StatusForbidden, re.HTTPStatusCode(), door)
			}
		})
	}
	for _, region := range []string{"us-gov-west-1", "cn-north-1", "us-iso-east-1", "us-isob-east-1", "ap-southeast-7", "mx-central-1", "zz-north-9"} {
		_, err := sagemaker.NewFromConfig(f.AWSConfig(), func(o *sagemaker.Options) { o.Region = region }).ListActions(ctx, &sagemaker.ListActionsInput{})
		require.NoError(t, err, "well-formed %s", region)
	}
	require.Len(t, f.CallsTo("personalize", "CreateDatasetGroup"), 2, "the refused calls reached nothing")
}

// WithRegion takes only a Region name, and says what one looks like.
func TestWithRegionIsChecked(t *testing.T) {
	t.Parallel()
	for _, region := range []string{"us-east1", "useast-1", "Mars"} {
		var oe *fake.OptionError
		func() {
			defer func() { oe, _ = recover().(*fake.OptionError) }()
			fake.New(fake.WithRegion(region))
		}()
		require.NotNil(t, oe, region)
		require.ErrorContains(t, oe, `WithRegion: "`+region+`" is not a Region name: a Region name has the form area-word-number`)
	}
	require.Equal(t, "ap-southeast-7", fake.New(fake.WithRegion("ap-southeast-7")).Region())
}
