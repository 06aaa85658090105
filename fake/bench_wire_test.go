package fake_test

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"

	"github.com/awsfake/awsfake/fake"
)

// Benchmarks of a real SDK client on the in-process wire door. The fake's share of a call is
// (SDKCreateAction - SDKCreateActionCanned) / SDKCreateAction: the canned client answers
// every request with a fixed response and does no work of the fake's.

type cannedClient struct{ body string }

func (c cannedClient) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
	}
	h := http.Header{}
	h.Set("Content-Type", "application/x-amz-json-1.1")
	h.Set("X-Amzn-Requestid", "00000000-0000-4000-8000-000000000001")
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(strings.NewReader(c.body)), Request: req}, nil
}

func benchSDKCreate(b *testing.B, cfg aws.Config) {
	client := sagemaker.NewFromConfig(cfg)
	ctx := context.Background()
	in := benchInput("")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in.ActionName = aws.String("a-" + strconv.Itoa(i))
		if _, err := client.CreateAction(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSDKCreateAction(b *testing.B) {
	benchSDKCreate(b, fake.New().AWSConfig())
}

func BenchmarkSDKCreateActionCanned(b *testing.B) {
	cfg := fake.New().AWSConfig()
	cfg.HTTPClient = cannedClient{body: `{"ActionArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a"}`}
	benchSDKCreate(b, cfg)
}

func BenchmarkSDKDescribeAction(b *testing.B) {
	f := fake.New()
	client := sagemaker.NewFromConfig(f.AWSConfig())
	ctx := context.Background()
	if _, err := client.CreateAction(ctx, benchInput("a-1")); err != nil {
		b.Fatal(err)
	}
	in := &sagemaker.DescribeActionInput{ActionName: aws.String("a-1")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.DescribeAction(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
