package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

func creds() aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
	})
}

// -state FILE: a server that starts with no file writes its state there on shutdown, and the
// next server started with it holds the same resources, with the same ARNs and times.
func TestStateFlag(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	ctx := context.Background()

	first := startServer(t, "-addr", "127.0.0.1:0", "-clock", "manual", "-state", path)
	sm := sagemaker.New(sagemaker.Options{Region: "us-east-1", BaseEndpoint: aws.String(first.url), Credentials: creds()})
	pz := personalize.New(personalize.Options{Region: "us-east-1", BaseEndpoint: aws.String(first.url), Credentials: creds()})
	_, err := sm.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("deploy"), ActionType: aws.String("t"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
	require.NoError(t, err)
	g, err := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	require.NoError(t, err)
	advance(t, first.url, "10m")
	wantGroup, err := pz.DescribeDatasetGroup(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: g.DatasetGroupArn})
	require.NoError(t, err)
	wantAction, err := sm.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("deploy")})
	require.NoError(t, err)
	close(first.stop)
	require.NoError(t, <-first.done)

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, json.Valid(data))
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	require.Equal(t, []string{"state.json", "state.json.lock"}, names, "no temporary file left beside it (the lock file stays)")

	second := startServer(t, "-addr", "127.0.0.1:0", "-clock", "manual", "-state", path)
	defer func() { close(second.stop); require.NoError(t, <-second.done) }()
	sm = sagemaker.New(sagemaker.Options{Region: "us-east-1", BaseEndpoint: aws.String(second.url), Credentials: creds()})
	pz = personalize.New(personalize.Options{Region: "us-east-1", BaseEndpoint: aws.String(second.url), Credentials: creds()})
	gotGroup, err := pz.DescribeDatasetGroup(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: g.DatasetGroupArn})
	require.NoError(t, err)
	require.Equal(t, wantGroup.DatasetGroup, gotGroup.DatasetGroup)
	gotAction, err := sm.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("deploy")})
	require.NoError(t, err)
	require.Equal(t, wantAction.ActionArn, gotAction.ActionArn)
	require.Equal(t, wantAction.CreationTime, gotAction.CreationTime)
}

func TestStateFlagRefusesABadFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"seeds": {"resources": [{"service": "sagemaker", "operation": "CreateAction", "input": {}}]}}`), 0o600))
	err := run([]string{"-addr", "127.0.0.1:0", "-state", path}, io.Discard, io.Discard, nil)
	require.ErrorContains(t, err, "-state "+path)
}

func advance(t *testing.T, url, d string) {
	t.Helper()
	resp, err := http.Post(url+"/_fake/clock/advance", "application/json", strings.NewReader(`{"duration":"`+d+`"}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}
