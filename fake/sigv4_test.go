package fake_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestSignatureChecking(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithCredentials("111122223333", "right-secret"), fake.WithCredentials("AKIDEXAMPLE", "other"))
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	client := func(key, secret string) *sagemaker.Client {
		return sagemaker.New(sagemaker.Options{
			Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
			Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				return aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}, nil
			}),
		})
	}
	ctx := context.Background()

	out, err := client("111122223333", "right-secret").CreateAction(ctx, newAction("signed"))
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:us-east-1:111122223333:action/signed", aws.ToString(out.ActionArn))
	_, err = client("AKIDEXAMPLE", "other").ListActions(ctx, &sagemaker.ListActionsInput{SourceUri: aws.String("s3://a b/ü?x=1")})
	require.NoError(t, err, "a second key, and a body with characters to escape")

	_, err = client("111122223333", "wrong").CreateAction(ctx, newAction("forged"))
	requireCode(t, err, "InvalidSignatureException")
	require.Equal(t, 403, statusCode(t, err))
	_, err = client("999999999999", "any").CreateAction(ctx, newAction("stranger"))
	requireCode(t, err, "UnrecognizedClientException")

	status, _, doc := rawCall(t, f.Handler(), "POST", "/", jsonHeaders("SageMaker.ListActions"), `{}`)
	require.Equal(t, 403, status)
	require.Equal(t, "MissingAuthenticationTokenException", doc["__type"])
	status, _, doc = rawCall(t, f.Handler(), "POST", "/", map[string]string{"X-Amz-Target": "SageMaker.ListActions",
		"Content-Type": "application/x-amz-json-1.1", "Authorization": "AWS4-HMAC-SHA256 Credential=x"}, `{}`)
	require.Equal(t, 400, status)
	require.Equal(t, "IncompleteSignatureException", doc["__type"])

	// Nothing the refused calls asked for happened; AWSConfig signs with the configured key.
	inproc := sagemaker.NewFromConfig(f.AWSConfig())
	list, err := inproc.ListActions(ctx, &sagemaker.ListActionsInput{})
	require.NoError(t, err)
	require.Len(t, list.ActionSummaries, 1)
	require.Equal(t, "signed", aws.ToString(list.ActionSummaries[0].ActionName))
}
