package engine

import "time"

// recommenderSource is the hook by which a recommender answers GetRecommendations: it returns
// the model and settings the recommender serves (see answerSource; versionSource builds one
// from a solution version, and campaignSource shows the checks a serving resource makes). Until
// recommenders exist (issue 25), no recommender ARN names one: ResourceNotFoundException.
func (w *world) recommenderSource(arn string, now time.Time) (*answerSource, *Error) {
	_ = now
	return nil, runtimeNotFound(arn)
}
