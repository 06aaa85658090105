package fake_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
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

// benchSDKCreate creates actions through an SDK client on cfg(), taking a new fake (and so a
// new config) every 10,000 calls, as unit tests would.
func benchSDKCreate(b *testing.B, cfg func() aws.Config) {
	ctx := context.Background()
	in := benchInput("")
	var client *sagemaker.Client
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			client = sagemaker.NewFromConfig(cfg())
			b.StartTimer()
		}
		in.ActionName = aws.String("a-" + strconv.Itoa(i))
		if _, err := client.CreateAction(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSDKCreateAction(b *testing.B) {
	benchSDKCreate(b, func() aws.Config { return fake.New(noActionQuota).AWSConfig() })
}

func BenchmarkSDKCreateActionCanned(b *testing.B) {
	benchSDKCreate(b, func() aws.Config {
		cfg := fake.New().AWSConfig()
		cfg.HTTPClient = cannedClient{body: `{"ActionArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a"}`}
		return cfg
	})
}

// BenchmarkWireCreateAction is the wire door alone: a prepared request, no SDK.
func BenchmarkWireCreateAction(b *testing.B) {
	var h http.Handler
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			h = fake.New(noActionQuota).Handler()
			b.StartTimer()
		}
		body := `{"ActionName":"a-` + strconv.Itoa(i) + `","ActionType":"ModelDeployment","Source":{"SourceUri":"s3://models/model.tar.gz"},"Properties":{"stage":"prod"}}`
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		req.Header.Set("X-Amz-Target", "SageMaker.CreateAction")
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=123456789012/20261121/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=0")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body.String())
		}
		i++
	}
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
