package tracking

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
)

// RuntimeAPI is the part of aws-sdk-go-v2's *personalizeruntime.Client the shop uses.
type RuntimeAPI interface {
	GetRecommendations(context.Context, *personalizeruntime.GetRecommendationsInput, ...func(*personalizeruntime.Options)) (*personalizeruntime.GetRecommendationsOutput, error)
}

// Recommend returns the ids of the n items a campaign recommends for a user, best first: what
// the shop shows on the user's home page.
func Recommend(ctx context.Context, api RuntimeAPI, campaignArn, userID string, n int) ([]string, error) {
	out, err := api.GetRecommendations(ctx, &personalizeruntime.GetRecommendationsInput{CampaignArn: aws.String(campaignArn),
		UserId: aws.String(userID), NumResults: int32(n)})
	if err != nil {
		return nil, fmt.Errorf("recommendations for %s: %w", userID, err)
	}
	ids := make([]string, len(out.ItemList))
	for i, it := range out.ItemList {
		ids[i] = aws.ToString(it.ItemId)
	}
	return ids, nil
}
