package fake_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsfake/awsfake/fake"
)

// BenchmarkDashboard renders GET /_fake/ui of a chain of n actions (n-1 associations) after
// n calls, the page's work growing with what the fake holds.
func BenchmarkDashboard(b *testing.B) {
	for _, n := range []int{10, 200} {
		b.Run(fmt.Sprintf("actions=%d", n), func(b *testing.B) {
			f := fake.New()
			sm, ctx := f.SageMaker(), context.Background()
			for i := range n {
				out, err := sm.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String(fmt.Sprintf("a%d", i)), ActionType: aws.String("T"),
					Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
				if err != nil {
					b.Fatal(err)
				}
				if i > 0 {
					if _, err := sm.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String(fmt.Sprintf("arn:aws:sagemaker:us-east-1:123456789012:action/a%d", i-1)), DestinationArn: out.ActionArn}); err != nil {
						b.Fatal(err)
					}
				}
			}
			h := f.Handler()
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", "/_fake/ui", nil))
				if w.Code != 200 {
					b.Fatal(w.Code)
				}
				b.SetBytes(int64(w.Body.Len()))
			}
		})
	}
}
