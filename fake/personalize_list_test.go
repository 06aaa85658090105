package fake_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestListDatasetGroups(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		for i := 0; i < 25; i++ {
			_, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String(fmt.Sprintf("g%02d", i))})
			require.NoError(t, err)
			e.clk.Add(time.Second)
		}
		var names []string
		in := &personalize.ListDatasetGroupsInput{MaxResults: aws.Int32(10)}
		pages := 0
		for {
			out, err := e.pz.ListDatasetGroups(e.ctx, in)
			require.NoError(t, err)
			pages++
			for _, g := range out.DatasetGroups {
				names = append(names, aws.ToString(g.Name))
			}
			if out.NextToken == nil {
				break
			}
			in.NextToken = out.NextToken
		}
		require.Equal(t, 3, pages)
		require.Len(t, names, 25)
		require.Equal(t, "g24", names[0], "newest first")
		require.Equal(t, "g00", names[24])

		all, err := e.pz.ListDatasetGroups(e.ctx, &personalize.ListDatasetGroupsInput{})
		require.NoError(t, err)
		first := all.DatasetGroups[0]
		require.Equal(t, "CREATE PENDING", aws.ToString(first.Status))
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/g24", aws.ToString(first.DatasetGroupArn))

		_, err = e.pz.ListDatasetGroups(e.ctx, &personalize.ListDatasetGroupsInput{NextToken: aws.String("forged")})
		requireCode(t, err, "InvalidNextTokenException")
		_, err = e.pz.ListDatasetGroups(e.ctx, &personalize.ListDatasetGroupsInput{MaxResults: aws.Int32(101)})
		requireCode(t, err, "InvalidInputException")

		// Gone groups drop out of the listing.
		e.clk.Add(time.Hour)
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{
			DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/g24")})
		require.NoError(t, err)
		e.clk.Add(time.Hour)
		out, err := e.pz.ListDatasetGroups(e.ctx, &personalize.ListDatasetGroupsInput{MaxResults: aws.Int32(100)})
		require.NoError(t, err)
		require.Len(t, out.DatasetGroups, 24)
	}, fake.WithQuota(fake.DatasetGroups, 100))
}

func TestListEventTrackers(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		var groups, trackers []string
		for i := 0; i < 3; i++ {
			g := e.group(t, fmt.Sprintf("g%d", i), "")
			tr, _ := e.activeTracker(t, g)
			groups, trackers = append(groups, g), append(trackers, tr)
		}
		list := func(in *personalize.ListEventTrackersInput) *personalize.ListEventTrackersOutput {
			out, err := e.pz.ListEventTrackers(e.ctx, in)
			require.NoError(t, err)
			return out
		}
		all := list(&personalize.ListEventTrackersInput{}).EventTrackers
		require.Len(t, all, 3)
		require.Equal(t, trackers[2], aws.ToString(all[0].EventTrackerArn))
		require.Equal(t, "ACTIVE", aws.ToString(all[0].Status))
		// Summaries carry no trackingId (on the wire, where a member the SDK has no field for
		// would go unseen).
		_, _, doc := rawCall(t, e.f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize.ListEventTrackers"), "{}")
		require.NotContains(t, doc["eventTrackers"].([]any)[0], "trackingId", "summaries carry no trackingId")

		one := list(&personalize.ListEventTrackersInput{DatasetGroupArn: &groups[1]}).EventTrackers
		require.Len(t, one, 1)
		require.Equal(t, trackers[1], aws.ToString(one[0].EventTrackerArn))

		none := list(&personalize.ListEventTrackersInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/none")})
		require.Empty(t, none.EventTrackers)

		page := list(&personalize.ListEventTrackersInput{MaxResults: aws.Int32(2)})
		require.Len(t, page.EventTrackers, 2)
		rest := list(&personalize.ListEventTrackersInput{MaxResults: aws.Int32(2), NextToken: page.NextToken})
		require.Len(t, rest.EventTrackers, 1)
		require.Nil(t, rest.NextToken)
		_, err := e.pz.ListEventTrackers(e.ctx, &personalize.ListEventTrackersInput{NextToken: aws.String(aws.ToString(page.NextToken) + "x")})
		requireCode(t, err, "InvalidNextTokenException")
	})
}
