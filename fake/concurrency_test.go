package fake_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"
)

func TestConcurrentCreateOfOneName(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		const n = 64
		errs := make([]error, n) // each worker writes its own slot; the test goroutine checks them
		var wg sync.WaitGroup
		startGun := make(chan struct{})
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-startGun
				_, errs[i] = e.api.CreateAction(e.ctx, newAction("contested"))
			}()
		}
		close(startGun)
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			requireCode(t, err, "ValidationException")
		}
		require.Equal(t, 1, ok)
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
		failures := make(chan error, workers*each*4) // workers report; the test goroutine asserts
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				report := func(op string, err error) {
					if err != nil {
						failures <- fmt.Errorf("worker %d %s: %w", w, op, err)
					}
				}
				for i := 0; i < each; i++ {
					name := fmt.Sprintf("w%d-%d", w, i)
					_, err := e.api.CreateAction(e.ctx, newAction(name))
					report("CreateAction", err)
					_, err = e.api.UpdateAction(e.ctx, &sagemaker.UpdateActionInput{ActionName: aws.String(name), Description: aws.String("u")})
					report("UpdateAction", err)
					_, err = e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{SortBy: "Name", MaxResults: aws.Int32(5)})
					report("ListActions", err)
					if i%2 == 0 {
						_, err = e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String(name)})
						report("DeleteAction", err)
					}
				}
			}()
		}
		wg.Wait()
		close(failures)
		for err := range failures {
			t.Error(err)
		}
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
