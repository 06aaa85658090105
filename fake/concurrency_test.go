package fake_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"
)

func TestConcurrentCreateOfOneName(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		const n = 64
		var ok, dup atomic.Int32
		var wg sync.WaitGroup
		startGun := make(chan struct{})
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-startGun
				_, err := e.api.CreateAction(e.ctx, newAction("contested"))
				if err == nil {
					ok.Add(1)
					return
				}
				if code, _ := apiError(t, err); code == "ValidationException" {
					dup.Add(1)
				}
			}()
		}
		close(startGun)
		wg.Wait()
		require.Equal(t, int32(1), ok.Load())
		require.Equal(t, int32(n-1), dup.Load())
		out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{})
		require.NoError(t, err)
		require.Len(t, out.ActionSummaries, 1)
	})
}

func TestConcurrentMixedOperations(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		const workers, each = 8, 50
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < each; i++ {
					name := fmt.Sprintf("w%d-%d", w, i)
					_, err := e.api.CreateAction(e.ctx, newAction(name))
					require.NoError(t, err)
					_, err = e.api.UpdateAction(e.ctx, &sagemaker.UpdateActionInput{ActionName: aws.String(name), Description: aws.String("u")})
					require.NoError(t, err)
					_, err = e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{SortBy: "Name", MaxResults: aws.Int32(5)})
					require.NoError(t, err)
					if i%2 == 0 {
						_, err = e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String(name)})
						require.NoError(t, err)
					}
				}
			}()
		}
		wg.Wait()
		p := sagemaker.NewListActionsPaginator(e.api, &sagemaker.ListActionsInput{MaxResults: aws.Int32(100)})
		seen := map[string]bool{}
		for p.HasMorePages() {
			out, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			for _, s := range out.ActionSummaries {
				require.False(t, seen[*s.ActionName], "listed twice: %s", *s.ActionName)
				seen[*s.ActionName] = true
			}
		}
		require.Len(t, seen, workers*each/2)
	})
}
