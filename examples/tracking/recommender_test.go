package tracking_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/tracking"
	"github.com/awsfake/awsfake/fake"
)

// runtimeOf is the door's Personalize Runtime.
func runtimeOf(d door, f *fake.Fake) tracking.RuntimeAPI {
	if d.name == typed.name {
		return f.PersonalizeRuntime()
	}
	return personalizeruntime.NewFromConfig(f.AWSConfig())
}

// The whole path: provision, deploy a campaign trained on the import, send a shopper's click,
// and see the campaign recommend what the click says. In the import, user uNN clicked iNN to
// iNN+19, so i068 was clicked only by u49, who also clicked i049 to i067. A shopper unknown to
// the model gets the popular items (i019 to i049 were clicked by 20 users each; ties by id);
// once the shopper clicks i068, the campaign answers at once, without retraining, with the
// items u49 clicked besides (the recommend package's rules, in the fake's README).
func TestTheCampaignFollowsTheEventsSent(t *testing.T) {
	t.Parallel()
	for _, dr := range doors {
		t.Run(dr.name, func(t *testing.T) {
			t.Parallel()
			s := setupDeploy(t, dr)
			dep, err := s.deploy(t, "s3://data/interactions.csv", nil)
			require.NoError(t, err)
			ctx := context.Background()
			rt := runtimeOf(dr, s.f)

			before, err := tracking.Recommend(ctx, rt, dep.CampaignArn, "shopper", 3)
			require.NoError(t, err)
			require.Equal(t, []string{"i019", "i020", "i021"}, before, "a user the model does not know: the popular items")

			sender := &tracking.Sender{Events: dr.events(s.f), TrackingID: s.tr.TrackingID, ItemsArn: s.tr.ItemsArn}
			require.NoError(t, sender.Send(ctx, "session-1", "shopper", []tracking.Interaction{{Type: "click", ItemID: "i068", At: s.clk.Now()}}))

			after, err := tracking.Recommend(ctx, rt, dep.CampaignArn, "shopper", 3)
			require.NoError(t, err)
			require.Equal(t, []string{"i049", "i050", "i051"}, after, "what i068's other user clicked")
		})
	}
}
