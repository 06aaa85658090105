package fake_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

const lineageGroupARN = "arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group"

// richState fills a fake with every kind of resource, in several statuses, with records.
func richState(t *testing.T, f *fake.Fake, clk *clock.Mock) {
	t.Helper()
	ctx := context.Background()
	sm, pz, ev := f.SageMaker(), f.Personalize(), f.PersonalizeEvents()
	must := func(_ any, err error) {
		t.Helper()
		require.NoError(t, err)
	}
	must(sm.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("deploy"), ActionType: aws.String("ModelDeployment"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://m"), SourceType: aws.String("S3")}, Status: types.ActionStatusCompleted,
		Description: aws.String("<b>first</b>"), Properties: map[string]string{"k": "v"}, Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("ml")}},
		MetadataProperties: &types.MetadataProperties{CommitId: aws.String("abc")}}))
	model, err := sm.CreateArtifact(ctx, &sagemaker.CreateArtifactInput{ArtifactType: aws.String("Model"), ArtifactName: aws.String("model"),
		Source: &types.ArtifactSource{SourceUri: aws.String("s3://m"), SourceTypes: []types.ArtifactSourceType{{SourceIdType: types.ArtifactSourceIdTypeMd5Hash, Value: aws.String("x")}}}})
	require.NoError(t, err)
	must(sm.CreateArtifact(ctx, &sagemaker.CreateArtifactInput{ArtifactType: aws.String("DataSet"), Source: &types.ArtifactSource{SourceUri: aws.String("s3://d")}}))
	must(sm.CreateContext(ctx, &sagemaker.CreateContextInput{ContextName: aws.String("prod_ep"), ContextType: aws.String("Endpoint"),
		Source: &types.ContextSource{SourceUri: aws.String("arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod")}}))
	must(sm.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: model.ArtifactArn, DestinationArn: aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/deploy"),
		AssociationType: types.AssociationEdgeTypeContributedTo}))
	must(sm.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/deploy"),
		DestinationArn: aws.String("arn:aws:sagemaker:us-east-1:123456789012:context/prod_ep")}))
	must(sm.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("west"), ActionType: aws.String("T"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://w")}}, func(o *sagemaker.Options) { o.Region = "eu-west-1" }))
	must(sm.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("ab-test"), Description: aws.String("d"),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("ml")}}}))
	must(sm.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: aws.String("Arm-A"), ExperimentName: aws.String("AB-test"),
		MetadataProperties: &types.MetadataProperties{Repository: aws.String("r")}}))
	must(sm.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String("prep"), StartTime: aws.Time(start),
		Status:         &types.TrialComponentStatus{PrimaryStatus: types.TrialComponentPrimaryStatusInProgress},
		Parameters:     map[string]types.TrialComponentParameterValue{"n": &types.TrialComponentParameterValueMemberNumberValue{Value: 3}},
		InputArtifacts: map[string]types.TrialComponentArtifact{"raw": {Value: aws.String("s3://d"), MediaType: aws.String("text/csv")}}}))
	must(sm.AssociateTrialComponent(ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String("prep"), TrialName: aws.String("arm-a")}))
	must(sm.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String("arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/prep"),
		DestinationArn: model.ArtifactArn, AssociationType: types.AssociationEdgeTypeProduced}))
	clk.Add(time.Minute)
	must(sm.UpdateAction(ctx, &sagemaker.UpdateActionInput{ActionName: aws.String("deploy"), Description: aws.String("second")}))
	must(sm.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(lineageGroupARN), Tags: []types.Tag{{Key: aws.String("owner"), Value: aws.String("ml")}}}))
	must(sm.UpdateTrialComponent(ctx, &sagemaker.UpdateTrialComponentInput{TrialComponentName: aws.String("prep"), EndTime: aws.Time(clk.Now()),
		Status: &types.TrialComponentStatus{PrimaryStatus: types.TrialComponentPrimaryStatusCompleted}}))

	g, err := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop"), Tags: []pztypes.Tag{{TagKey: aws.String("k"), TagValue: aws.String("v")}}})
	require.NoError(t, err)
	clk.Add(time.Minute)
	for typ, schema := range map[string]string{"Interactions": interactionsSchema, "Items": itemsSchema, "Users": usersSchema, "Action_Interactions": actionInteractionsSchema} {
		s, err := pz.CreateSchema(ctx, &personalize.CreateSchemaInput{Name: aws.String("s-" + typ), Schema: aws.String(schema)})
		require.NoError(t, err)
		must(pz.CreateDataset(ctx, &personalize.CreateDatasetInput{Name: aws.String("d-" + typ), DatasetGroupArn: g.DatasetGroupArn, DatasetType: aws.String(typ), SchemaArn: s.SchemaArn}))
	}
	tr, err := pz.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: aws.String("clicks"), DatasetGroupArn: g.DatasetGroupArn})
	require.NoError(t, err)
	clk.Add(time.Minute)
	must(ev.PutEvents(ctx, &personalizeevents.PutEventsInput{TrackingId: tr.TrackingId, SessionId: aws.String("s"), UserId: aws.String("u"),
		EventList: []petypes.Event{click("i1", start), {EventType: aws.String("buy"), ItemId: aws.String("i2"), SentAt: aws.Time(start), EventValue: aws.Float32(2.5),
			Impression: []string{"i1", "i2"}, Properties: aws.String(`{"page":"home"}`)}}}))
	items := "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"
	must(ev.PutItems(ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []petypes.Item{{ItemId: aws.String("i1"), Properties: aws.String(`{"genres":"A"}`)}, {ItemId: aws.String("i2")}}}))
	ai, err := pz.DescribeDataset(ctx, &personalize.DescribeDatasetInput{DatasetArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset/shop/ACTION_INTERACTIONS")})
	require.NoError(t, err)
	must(ev.PutActionInteractions(ctx, &personalizeevents.PutActionInteractionsInput{TrackingId: ai.Dataset.TrackingId, ActionInteractions: []petypes.ActionInteraction{
		{ActionId: aws.String("a1"), SessionId: aws.String("s"), EventType: aws.String("Taken"), Timestamp: aws.Time(start), UserId: aws.String("u")}}}))
	// Groups in other statuses: being created, failed (by a scenario), being deleted (left out).
	must(pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("young")}))
	f.AddRules(scenario.On("personalize", "CreateDatasetGroup").Times(1).FailCreation("no luck"))
	must(pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("failed")}))
	old, err := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("old")})
	require.NoError(t, err)
	clk.Add(time.Minute)
	must(pz.DeleteDatasetGroup(ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: old.DatasetGroupArn}))
	clk.Add(20 * time.Second)
	must(pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("fresh")}))
	clk.Add(10 * time.Second)
}

// The state document round-trips: loaded into an empty fake on a clock at the same time, it
// gives back the same document, and the resources describe alike.
func TestStateRoundTrip(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk), fake.WithQuota(fake.DatasetGroups, 10), fake.WithScenario(trainingRun()))
	clk.Add(time.Second) // the seeded training run comes first, by its time as by its place
	richState(t, f, clk)
	// "young" and "failed" were created a minute ago: "young" is ACTIVE, "failed" CREATE FAILED;
	// "fresh" is still being created.
	doc := f.State()
	statuses := map[string]string{}
	for _, r := range doc.Seeds.Resources {
		if r.Operation == "CreateDatasetGroup" {
			statuses[string(r.Input["name"].(string))] = r.Status
		}
	}
	require.Equal(t, map[string]string{"shop": "", "young": "", "failed": "CREATE FAILED", "fresh": "CREATE IN_PROGRESS"}, statuses)
	require.NotEmpty(t, doc.Seeds.Resources)

	clk2 := mockClock()
	clk2.Set(clk.Now())
	g := fake.New(fake.WithClock(clk2), fake.WithQuota(fake.DatasetGroups, 10), fake.WithScenario(doc))
	require.Equal(t, doc, g.State(), "the round trip gives back the same document")

	ctx := context.Background()
	for _, name := range []string{"shop", "young", "failed", "fresh"} {
		in := &personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name)}
		want, err := f.Personalize().DescribeDatasetGroup(ctx, in)
		require.NoError(t, err)
		got, err := g.Personalize().DescribeDatasetGroup(ctx, in)
		require.NoError(t, err)
		require.Equal(t, want.DatasetGroup, got.DatasetGroup, name)
	}
	_, err := g.Personalize().DescribeDatasetGroup(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/old")})
	require.Error(t, err, "a group being deleted is not carried over")
	want, err := f.SageMaker().DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("deploy")})
	require.NoError(t, err)
	got, err := g.SageMaker().DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("deploy")})
	require.NoError(t, err)
	want.ResultMetadata, got.ResultMetadata = got.ResultMetadata, want.ResultMetadata
	require.Equal(t, want, got, "an updated action keeps its times")
	require.Equal(t, f.Events("arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"), g.Events("arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"))
	for _, typ := range []string{"INTERACTIONS", "ITEMS", "ACTION_INTERACTIONS"} {
		arn := "arn:aws:personalize:us-east-1:123456789012:dataset/shop/" + typ
		require.Equal(t, f.Records(arn), g.Records(arn), typ)
	}
	require.Equal(t, f.LineageGraph("", ""), g.LineageGraph("", ""))
	for _, name := range []string{"prep", "train-1-aws-training-job"} {
		in := &sagemaker.DescribeTrialComponentInput{TrialComponentName: aws.String(name)}
		want, err := f.SageMaker().DescribeTrialComponent(ctx, in)
		require.NoError(t, err)
		got, err := g.SageMaker().DescribeTrialComponent(ctx, in)
		require.NoError(t, err)
		want.ResultMetadata, got.ResultMetadata = got.ResultMetadata, want.ResultMetadata
		require.Equal(t, want, got, "a trial component keeps its times, its maps and its source")
	}
	search := &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent}
	wantHits, err := f.SageMaker().Search(ctx, search)
	require.NoError(t, err)
	gotHits, err := g.SageMaker().Search(ctx, search)
	require.NoError(t, err)
	require.Equal(t, wantHits.Results, gotHits.Results, "the same components in the same trials")
	jobTags, err := g.SageMaker().ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(trainingJob)})
	require.NoError(t, err)
	require.Len(t, jobTags.Tags, 1, "a job's tags are carried over")
	require.Equal(t, f.LineageGraph("", "eu-west-1"), g.LineageGraph("", "eu-west-1"))

	tags, err := g.SageMaker().ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(lineageGroupARN)})
	require.NoError(t, err)
	require.Equal(t, []types.Tag{{Key: aws.String("owner"), Value: aws.String("ml")}}, tags.Tags, "the lineage group's tags come back")

	// Statuses go on moving from where they were.
	clk.Add(time.Minute)
	clk2.Add(time.Minute)
	require.Equal(t, f.State(), g.State())
}

// GET /_fake/state gives the document POST /_fake/scenario takes.
func TestStateOverHTTP(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk), fake.WithQuota(fake.DatasetGroups, 10))
	richState(t, f, clk)
	status, hdr, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/state", nil, "")
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "application/json", hdr.Get("Content-Type"))

	clk2 := mockClock()
	clk2.Set(clk.Now())
	g := fake.New(fake.WithClock(clk2), fake.WithQuota(fake.DatasetGroups, 10))
	status, _, doc := rawCall(t, g.Handler(), "POST", "/_fake/scenario", jsonContent, string(body))
	require.Equal(t, http.StatusOK, status, "%v", doc)
	_, _, again := rawCallBytes(t, g.Handler(), "GET", "/_fake/state", nil, "")
	require.JSONEq(t, string(body), string(again))
}

// A state taken on a mock clock carries the clock's time; installing it moves a mock clock
// that is behind forward to it (a restarted server's time does not go back), never back.
func TestStateCarriesTheClock(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk))
	_, err := f.SageMaker().CreateAction(context.Background(), &sagemaker.CreateActionInput{ActionName: aws.String("a"), ActionType: aws.String("T"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
	require.NoError(t, err)
	clk.Add(3 * time.Hour) // long after the last resource changed
	doc := f.State()
	require.Equal(t, clk.Now().UTC(), doc.Clock)
	body, err := f.StateJSON()
	require.NoError(t, err)
	parsed, err := scenario.ParseJSON(body)
	require.NoError(t, err)
	require.Equal(t, doc.Clock, parsed.Clock)

	behind := mockClock()
	fake.New(fake.WithClock(behind), fake.WithScenario(parsed))
	require.Equal(t, clk.Now(), behind.Now(), "moved forward to the saved time")

	ahead := mockClock()
	ahead.Add(100 * time.Hour)
	was := ahead.Now()
	fake.New(fake.WithClock(ahead), fake.WithScenario(parsed))
	require.Equal(t, was, ahead.Now(), "never moved back")

	require.True(t, fake.New().State().Clock.IsZero(), "a real clock's state carries no time")
}
