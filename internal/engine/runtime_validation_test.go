package engine

// Personalize Runtime's baselines for the model-derived validation tests (validation_test.go):
// every member set, each value valid.
func init() {
	baselines[PersonalizeRuntime] = map[string]string{
		"GetRecommendations": `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/c","recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r","itemId":"i","userId":"u","numResults":10,
			"context":{"DEVICE":"mobile"},"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f","filterValues":{"GENRES":"\"comedy\""},
			"promotions":[{"name":"p","percentPromotedItems":10,"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f","filterValues":{"X":"1"}}],
			"metadataColumns":{"ITEMS":["GENRES"]}}`,
		"GetPersonalizedRanking": `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/c","inputList":["a","b"],"userId":"u",
			"context":{"DEVICE":"mobile"},"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f","filterValues":{"GENRES":"\"comedy\""},
			"metadataColumns":{"ITEMS":["GENRES"]}}`,
		"GetActionRecommendations": `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/c","userId":"u","numResults":5,
			"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f","filterValues":{"GENRES":"\"comedy\""}}`,
	}
}
