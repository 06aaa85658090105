package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/recommend"
)

// recommenderSource is what a recommender serves to GetRecommendations (issue 25): the model of
// its use case, trained on its group's data (recommenderModel, recommender.go), with the asking
// user's events sent since counted as a campaign's are, and its exploration and metadata
// settings. An unknown recommender is ResourceNotFoundException (404); one that is not ACTIVE
// (or still stopping) InvalidInputException.
func (w *world) recommenderSource(arn string, now time.Time) (*answerSource, *Error) {
	m, s, err := w.recommenderModel(arn, now)
	if err != nil {
		if err.Code == catalog.NotFound {
			return nil, runtimeNotFound(arn)
		}
		return nil, runtimeInvalid("%s", err.Message)
	}
	src := &answerSource{arn: arn, model: m, group: s.group}
	if iv := s.data.interactions; iv != nil {
		src.eventsSeen = iv.events.len()
	}
	if av := s.data.actionInteractions; av != nil {
		src.actionsSeen = av.put.len()
	}
	if cfg := s.config; cfg != nil {
		if len(cfg.ItemExplorationConfig) > 0 {
			if x, err := recommend.ParseExploration(cfg.ItemExplorationConfig); err == nil {
				src.exploration = &x
			}
		}
		src.metadata = cfg.EnableMetadataWithRecommendations != nil && *cfg.EnableMetadataWithRecommendations
	}
	return src, nil
}
