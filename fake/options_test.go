package fake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestNewRefusesOptionsOutOfRange(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		opt  fake.Option
		want string // in the panic's message; "" means New accepts the option
	}{
		{"account of 12 digits", fake.WithAccount("000000000042"), ""},
		{"account with letters", fake.WithAccount("test"), `account id is 12 digits, not "test"`},
		{"account of 13 digits", fake.WithAccount("1234567890123"), "12 digits"},
		{"region", fake.WithRegion("eu-central-2"), ""},
		{"gov cloud region", fake.WithRegion("us-gov-west-1"), ""},
		{"region with upper case", fake.WithRegion("US-EAST-1"), `"US-EAST-1" is not a Region name`},
		{"region with a colon", fake.WithRegion("us:east"), "not a Region name"},
		{"zero quota: no limit", fake.WithQuota(fake.DatasetGroups, 0), ""},
		{"negative action quota", fake.WithQuota(fake.Actions, -1), "WithQuota(actions, -1): a quota must not be negative"},
		{"negative tag quota", fake.WithQuota(fake.Tags, -1), "a quota must not be negative"},
		{"negative dataset group quota", fake.WithQuota(fake.DatasetGroups, -5), "WithQuota(dataset-groups, -5)"},
		{"unknown kind", fake.WithQuota("widgets", 3), `WithQuota: no kind of resource "widgets"`},
		{"instant lifecycle", fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}), ""},
		{"lifecycle of a kind without statuses", fake.WithLifecycle(fake.Actions, fake.Lifecycle{}), "WithLifecycle: actions have no statuses"},
		{"negative lifecycle", fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{Pending: -time.Second}), "WithLifecycle(dataset-groups): durations must not be negative"},
		{"negative tracker lifecycle", fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{DeleteInProgress: -1}), "WithLifecycle(event-trackers)"},
		{"negative body limit", fake.WithMaxBody(-1), "WithMaxBody"},
		{"empty secret", fake.WithCredentials("AKID", ""), "WithCredentials"},
		{"empty key id", fake.WithCredentials("", "secret"), "WithCredentials"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if c.want == "" {
				require.NotPanics(t, func() { fake.New(c.opt) })
				return
			}
			var got any
			func() {
				defer func() { got = recover() }()
				fake.New(c.opt)
			}()
			require.NotNil(t, got, "New accepted the option")
			var optErr *fake.OptionError
			require.ErrorAs(t, got.(error), &optErr, "New panics with an *OptionError")
			require.Contains(t, optErr.Error(), "awsfake: ")
			require.Contains(t, optErr.Error(), c.want)
		})
	}
}

// An account chosen with WithAccount gives ARNs that the next call accepts.
func TestAccountOptionGivesUsableARNs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sm := fake.New(fake.WithAccount("000000000042"), fake.WithRegion("eu-central-2")).SageMaker()
	out, err := sm.CreateAction(ctx, newAction("a1"))
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:eu-central-2:000000000042:action/a1", aws.ToString(out.ActionArn))
	_, err = sm.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: out.ActionArn, Tags: []types.Tag{tag("team", "ml")}})
	require.NoError(t, err)
}
