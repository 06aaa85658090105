package main

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

func TestServeAndStop(t *testing.T) {
	t.Parallel()
	pr, pw := io.Pipe()
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- run([]string{"-addr", "127.0.0.1:0", "-clock", "manual", "-region", "eu-west-1"}, pw, io.Discard, stop)
		pw.Close()
	}()
	url, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	url = strings.TrimSpace(url)
	require.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)

	client := sagemaker.New(sagemaker.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
		}),
	})
	out, err := client.CreateAction(context.Background(), &sagemaker.CreateActionInput{
		ActionName: aws.String("over-tcp"), ActionType: aws.String("t"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://x")},
	})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:eu-west-1:123456789012:action/over-tcp", aws.ToString(out.ActionArn))

	close(stop)
	require.NoError(t, <-done)
}

func TestFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-clock", "fast"},
		{"-nope"},
		{"extra"},
		{"-addr", "256.0.0.1:1"},
	} {
		err := run(args, io.Discard, io.Discard, nil)
		require.Error(t, err, "%v", args)
	}
}
