package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// recommenderModel gives the runtime the model an ACTIVE recommender serves (and keeps serving
// while it stops), its configuration, and the runtime's errors otherwise.
func TestRecommenderModel(t *testing.T) {
	t.Parallel()
	var csv strings.Builder
	csv.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
	for u := range 50 {
		for k := range 20 {
			fmt.Fprintf(&csv, "u%02d,i%03d,%d,View\n", u, u+k, 1700000000+u*20+k)
		}
	}
	clk := newStepClock()
	e := New(Config{Clock: clk, Objects: fstest.MapFS{"b/views.csv": {Data: []byte(csv.String())}}})
	call := func(op *Op, in any) any {
		t.Helper()
		out, err := e.Invoke(context.Background(), Scope{}, op, in)
		require.NoError(t, err)
		return out
	}
	s := func(v string) *string { return &v }
	domain := "ECOMMERCE"
	call(OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: s("shop"), Domain: &domain})
	clk.add(time.Hour)
	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	call(OpCreateSchema, &personalize.CreateSchemaInput{Name: s("i"), Domain: &domain, Schema: s(`{"type": "record", "name": "Interactions",
		"fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"},
		{"name": "EVENT_TYPE", "type": "string"}]}`)})
	ds := call(OpCreateDataset, &personalize.CreateDatasetInput{Name: s("i"), DatasetGroupArn: &group, DatasetType: s("Interactions"),
		SchemaArn: s("arn:aws:personalize:us-east-1:123456789012:schema/i")}).(*personalize.CreateDatasetOutput).DatasetArn
	clk.add(time.Hour)
	call(OpCreateDatasetImportJob, &personalize.CreateDatasetImportJobInput{JobName: s("j"), DatasetArn: ds,
		DataSource: &personalize.DataSource{DataLocation: s("s3://b/views.csv")}})
	clk.add(time.Hour)
	arn := *call(OpCreateRecommender, &personalize.CreateRecommenderInput{Name: s("r"), DatasetGroupArn: &group,
		RecipeArn:         s("arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you"),
		RecommenderConfig: &personalize.RecommenderConfig{ItemExplorationConfig: map[string]string{"explorationWeight": "0.1"}}}).(*personalize.CreateRecommenderOutput).RecommenderArn

	model := func() (*recommend.Model, recommenderServing, *Error) {
		e.mu.Lock()
		defer e.mu.Unlock()
		return e.worlds[Scope{Account: "123456789012", Region: "us-east-1"}].recommenderModel(arn, e.now())
	}
	_, _, err := model()
	require.Equal(t, "InvalidInputException", err.Code, "CREATE PENDING: %v", err)
	clk.add(time.Hour)
	m, serving, err := model()
	require.Nil(t, err)
	require.Equal(t, "0.1", serving.config.ItemExplorationConfig["explorationWeight"])
	require.Equal(t, group, serving.group.arn)
	require.Equal(t, "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you", serving.recipe)
	require.Equal(t, e.now().Add(-time.Hour), serving.since, "the data of its creation")
	recs, rerr := m.Recommend(recommend.Request{UserID: "u01"})
	require.NoError(t, rerr)
	require.Len(t, recs, recommend.DefaultNumResults)
	require.True(t, recs[0].HasScore)

	call(OpStopRecommender, &personalize.StopRecommenderInput{RecommenderArn: &arn})
	_, _, err = model()
	require.Nil(t, err, "a recommender serves until it is stopped")
	clk.add(time.Hour)
	_, _, err = model()
	require.Equal(t, "InvalidInputException", err.Code)
	require.Contains(t, err.Message, "INACTIVE")
	e.mu.Lock()
	_, _, err = e.worlds[Scope{Account: "123456789012", Region: "us-east-1"}].recommenderModel(arn+"x", e.now())
	e.mu.Unlock()
	require.Equal(t, "ResourceNotFoundException", err.Code)
}
