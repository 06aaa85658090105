package fake

// PersonalizeRuntime is the typed door to the fake's Personalize Runtime (GetRecommendations,
// GetPersonalizedRanking, GetActionRecommendations), with the exact signatures of aws-sdk-go-v2's
// *personalizeruntime.Client. Its answers follow the data: see "Personalize Runtime" in the
// package documentation.
type PersonalizeRuntime struct{ f *Fake }

// PersonalizeRuntime returns the typed Personalize Runtime door.
func (f *Fake) PersonalizeRuntime() *PersonalizeRuntime { return &PersonalizeRuntime{f: f} }
