package fake_test

import (
	"fmt"
	"math"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func (e *pzEnv) describeVersion(t *testing.T, arn string) *pztypes.SolutionVersion {
	t.Helper()
	out, err := e.pz.DescribeSolutionVersion(e.ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: &arn})
	require.NoError(t, err)
	return out.SolutionVersion
}

// Training checks the data AWS documents it needs, when it ends: too little data ends CREATE
// FAILED with AWS's failure reason; WithSmallDatasets lets a test train on a handful of rows.
func TestTrainingChecksTheData(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{
		"b/many.csv":      {Data: []byte(interactionsCSV(50, 20))},
		"b/few-users.csv": {Data: []byte(interactionsCSV(24, 50))}, // 1,200 interactions of 24 users
	}
	for _, c := range []struct {
		name      string
		key       string // the object imported; "" sends 9 events instead
		eventType string
		small     bool
		status    string
		reason    string
	}{
		{"enough", "many.csv", "", false, "ACTIVE", ""},
		{"few interactions", "", "", false, "CREATE FAILED", "Create failed. Dataset has fewer than 1000 interactions."},
		{"few after the event type", "many.csv", "purchase", false, "CREATE FAILED",
			"Create failed. Dataset has fewer than 1000 interactions after filtering by event type: purchase"},
		{"few users", "few-users.csv", "", false, "CREATE FAILED", "Create failed. Dataset has fewer than 25 users with at least 2 interactions each."},
		{"small datasets allowed", "", "", true, "ACTIVE", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			opts := []fake.Option{fake.WithObjects(objects)}
			if c.small {
				opts = append(opts, fake.WithSmallDatasets())
			}
			e := typedPZ(t, opts...)
			group := e.group(t, "g", "")
			dataset := e.interactions(t, group)
			if c.key == "" {
				_, trackingID := e.activeTracker(t, group)
				e.putClicks(t, trackingID, 3, 3)
			} else {
				e.importJob(t, "imp", dataset, "s3://b/"+c.key, "")
				e.clk.Add(5 * time.Minute)
			}
			in := &personalize.CreateSolutionInput{Name: aws.String("s"), DatasetGroupArn: &group, RecipeArn: aws.String(userPersonalization)}
			if c.eventType != "" {
				in.EventType = &c.eventType
			}
			s, err := e.pz.CreateSolution(e.ctx, in)
			require.NoError(t, err)
			e.clk.Add(2 * time.Second)
			v := e.trained(t, aws.ToString(s.SolutionArn))
			got := e.describeVersion(t, v)
			require.Equal(t, c.status, aws.ToString(got.Status))
			require.Equal(t, c.reason, aws.ToString(got.FailureReason))
			if c.status == "ACTIVE" {
				require.NotNil(t, got.TrainingHours)
				require.Equal(t, 0.733, *got.TrainingHours, "44 minutes of CREATE IN_PROGRESS")
			} else {
				require.Nil(t, got.TrainingHours)
			}
		})
	}
}

// putClicks sends, for each of users users, clicks on perUser items.
func (e *pzEnv) putClicks(t *testing.T, trackingID string, users, perUser int) {
	t.Helper()
	for u := range users {
		for k := range perUser {
			_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &trackingID, SessionId: aws.String("s"),
				UserId: aws.String(fmt.Sprintf("u%d", u)), EventList: []petypes.Event{{EventType: aws.String("click"),
					ItemId: aws.String(fmt.Sprintf("i%d", u+k)), SentAt: aws.Time(e.clk.Now())}}})
			require.NoError(t, err)
		}
	}
}

// A version trains on the data present when it was created: data that comes after changes
// nothing for it (even though it trains only when its training ends), and a later version sees
// it.
func TestAVersionTrainsOnTheDataOfItsCreation(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{
		"b/many.csv":      {Data: []byte(interactionsCSV(50, 20))},
		"b/few-users.csv": {Data: []byte(interactionsCSV(24, 50))},
	}
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		dataset := e.interactions(t, group)
		s := e.solution(t, "s", group, userPersonalization)
		e.importJob(t, "many", dataset, "s3://b/many.csv", "")
		early := e.version(t, s) // the import has not ended: no data yet
		e.clk.Add(5 * time.Minute)
		enough := e.version(t, s)
		e.importJob(t, "few-users", dataset, "s3://b/few-users.csv", "")
		e.clk.Add(5 * time.Minute)
		late := e.version(t, s)
		require.Len(t, e.f.Records(dataset), 1200, "the last FULL import replaced the first")
		e.clk.Add(45 * time.Minute)
		require.Equal(t, "CREATE FAILED", e.versionStatus(t, early), "no interactions when it was created")
		require.Equal(t, "ACTIVE", e.versionStatus(t, enough), "1,000 interactions of 50 users when it was created")
		require.Equal(t, "CREATE FAILED", e.versionStatus(t, late), "24 users when it was created")
	}, fake.WithObjects(objects))
}

func TestTrainingModes(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		up := e.solution(t, "up", group, userPersonalization)
		sims := e.solution(t, "sims", group, simsRecipe)
		create := func(solution string, mode pztypes.TrainingMode) (string, error) {
			out, err := e.pz.CreateSolutionVersion(e.ctx, &personalize.CreateSolutionVersionInput{SolutionArn: &solution, TrainingMode: mode})
			if err != nil {
				return "", err
			}
			return aws.ToString(out.SolutionVersionArn), nil
		}
		_, err := create(up, pztypes.TrainingModeUpdate)
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "needs an ACTIVE solution version trained with FULL")
		_, err = create(sims, pztypes.TrainingModeUpdate)
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "only for User-Personalization recipes")
		_, err = create(up, "AUTOTRAIN") // newer than the SDK's enum
		requireCode(t, err, "InvalidInputException")

		full, err := create(up, "")
		require.NoError(t, err)
		require.Equal(t, pztypes.TrainingModeFull, e.describeVersion(t, full).TrainingMode)
		e.clk.Add(45 * time.Minute)
		update, err := create(up, pztypes.TrainingModeUpdate)
		require.NoError(t, err)
		e.clk.Add(45 * time.Minute)
		got := e.describeVersion(t, update)
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		require.Equal(t, pztypes.TrainingModeUpdate, got.TrainingMode)
		metrics, err := e.pz.GetSolutionMetrics(e.ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: &update})
		require.NoError(t, err)
		require.Empty(t, metrics.Metrics, "AWS: UPDATE versions produce no new metrics")
	}, fake.WithObjects(bucket))
}

// StopSolutionVersionCreation: CREATE PENDING becomes CREATE STOPPED at once, CREATE
// IN_PROGRESS goes through CREATE STOPPING; nothing else can be stopped.
func TestStopSolutionVersionCreation(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		s := e.solution(t, "s", group, userPersonalization)
		stop := func(v string) error {
			_, err := e.pz.StopSolutionVersionCreation(e.ctx, &personalize.StopSolutionVersionCreationInput{SolutionVersionArn: &v})
			return err
		}
		pending := e.version(t, s)
		require.NoError(t, stop(pending))
		require.Equal(t, "CREATE STOPPED", e.versionStatus(t, pending))

		running := e.version(t, s)
		e.clk.Add(10 * time.Minute)
		require.Equal(t, "CREATE IN_PROGRESS", e.versionStatus(t, running))
		require.NoError(t, stop(running))
		status, polls := poll(t, e, func() string { return e.versionStatus(t, running) })
		require.Equal(t, "CREATE STOPPED", status)
		require.Equal(t, 3, polls, "2 minutes of CREATE STOPPING")
		e.clk.Add(time.Hour)
		require.Equal(t, "CREATE STOPPED", e.versionStatus(t, running), "it never trains")
		require.Contains(t, requireCode(t, stop(running), "ResourceInUseException"), "CREATE STOPPED")

		_, err := e.pz.GetSolutionMetrics(e.ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: &running})
		requireCode(t, err, "ResourceInUseException")
		_, err = e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("c"), SolutionVersionArn: &running})
		requireCode(t, err, "ResourceInUseException")
		// A stopped version does not keep its solution from being deleted.
		_, err = e.pz.DeleteSolution(e.ctx, &personalize.DeleteSolutionInput{SolutionArn: &s})
		require.NoError(t, err)
	}, fake.WithObjects(bucket))
}

// Describe and list show what AWS shows: the default name <solution>/<id>, the solution's
// settings, trainingType MANUAL; ListSolutionVersions narrows by solution and refuses an unknown
// one.
func TestDescribeAndListSolutionVersions(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		s := e.solution(t, "s", group, userPersonalization)
		v1 := e.version(t, s)
		named, err := e.pz.CreateSolutionVersion(e.ctx, &personalize.CreateSolutionVersionInput{SolutionArn: &s, Name: aws.String("second"),
			Tags: []pztypes.Tag{{TagKey: aws.String("team"), TagValue: aws.String("recs")}}})
		require.NoError(t, err)
		v2 := aws.ToString(named.SolutionVersionArn)
		got := e.describeVersion(t, v1)
		require.Equal(t, "s/"+v1[len(v1)-8:], aws.ToString(got.Name))
		require.Equal(t, s, aws.ToString(got.SolutionArn))
		require.Equal(t, group, aws.ToString(got.DatasetGroupArn))
		require.Equal(t, userPersonalization, aws.ToString(got.RecipeArn))
		require.Equal(t, "second", aws.ToString(e.describeVersion(t, v2).Name))
		tags, err := e.pz.ListTagsForResource(e.ctx, &personalize.ListTagsForResourceInput{ResourceArn: &v2})
		require.NoError(t, err)
		require.Equal(t, "recs", aws.ToString(tags.Tags[0].TagValue), "a version's ARN names it for tagging")

		list, err := e.pz.ListSolutionVersions(e.ctx, &personalize.ListSolutionVersionsInput{SolutionArn: &s})
		require.NoError(t, err)
		require.Len(t, list.SolutionVersions, 2)
		require.Equal(t, v2, aws.ToString(list.SolutionVersions[0].SolutionVersionArn))
		require.Equal(t, "CREATE PENDING", aws.ToString(list.SolutionVersions[1].Status))
		_, err = e.pz.ListSolutionVersions(e.ctx, &personalize.ListSolutionVersionsInput{SolutionArn: aws.String(s + "x")})
		requireCode(t, err, "ResourceNotFoundException")
		_, err = e.pz.DescribeSolutionVersion(e.ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: aws.String(s + "/00000000")})
		requireCode(t, err, "ResourceNotFoundException")
	}, fake.WithObjects(bucket))
}

// GetSolutionMetrics: AWS's eight metric names, values in [0, 1] with 4 decimals, the same for
// the same data; none before the version is ACTIVE.
func TestGetSolutionMetrics(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		s := e.solution(t, "s", group, userPersonalization)
		v1 := e.version(t, s)
		_, err := e.pz.GetSolutionMetrics(e.ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: &v1})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "CREATE PENDING")
		v2 := e.version(t, s)
		e.clk.Add(45 * time.Minute)
		m1, err := e.pz.GetSolutionMetrics(e.ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: &v1})
		require.NoError(t, err)
		require.Equal(t, v1, aws.ToString(m1.SolutionVersionArn))
		require.Len(t, m1.Metrics, 8)
		for name, v := range m1.Metrics {
			require.True(t, v >= 0 && v <= 1, "%s = %v", name, v)
			require.Equal(t, math.Round(v*1e4)/1e4, v, "%s has 4 decimals", name)
		}
		require.Positive(t, m1.Metrics["coverage"])
		m2, err := e.pz.GetSolutionMetrics(e.ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: &v2})
		require.NoError(t, err)
		require.Equal(t, m1.Metrics, m2.Metrics, "the same data, the same metrics")
	}, fake.WithObjects(bucket))
}

// AWS: 20 pending or in-progress solution versions per Region, with its own message; versions
// whose training ended (or was stopped) no longer count.
func TestSolutionVersionQuotaCountsTraining(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithQuota(fake.SolutionVersions, 2), fake.WithSmallDatasets())
	group := e.group(t, "g", "")
	e.interactions(t, group)
	s := e.solution(t, "s", group, simsRecipe)
	a := e.version(t, s)
	e.version(t, s)
	_, err := e.pz.CreateSolutionVersion(e.ctx, &personalize.CreateSolutionVersionInput{SolutionArn: &s})
	require.Equal(t, "More than 2 resources with PENDING or IN_PROGRESS status.", requireCode(t, err, "LimitExceededException"))
	_, err = e.pz.StopSolutionVersionCreation(e.ctx, &personalize.StopSolutionVersionCreationInput{SolutionVersionArn: &a})
	require.NoError(t, err)
	e.version(t, s)
	e.clk.Add(45 * time.Minute)
	e.version(t, s)
	e.version(t, s)
}

// WithLifecycle times training, and its Stopping times CREATE STOPPING; a scenario can make a
// training fail.
func TestSolutionVersionLifecycleAndFailures(t *testing.T) {
	t.Parallel()
	sc := scenario.New()
	sc.On("personalize", "CreateSolutionVersion").Nth(2).FailCreation("Insufficient memory.")
	e := typedPZ(t, fake.WithSmallDatasets(), fake.WithScenario(sc),
		fake.WithLifecycle(fake.SolutionVersions, fake.Lifecycle{Pending: time.Second, InProgress: 9 * time.Second, Stopping: 3 * time.Second}))
	group := e.group(t, "g", "")
	e.interactions(t, group)
	s := e.solution(t, "s", group, simsRecipe)
	ok, failed := e.version(t, s), e.version(t, s)
	e.clk.Add(10 * time.Second)
	require.Equal(t, "ACTIVE", e.versionStatus(t, ok))
	got := e.describeVersion(t, failed)
	require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
	require.Equal(t, "Insufficient memory.", aws.ToString(got.FailureReason))

	stopped := e.version(t, s)
	e.clk.Add(2 * time.Second)
	_, err := e.pz.StopSolutionVersionCreation(e.ctx, &personalize.StopSolutionVersionCreationInput{SolutionVersionArn: &stopped})
	require.NoError(t, err)
	e.clk.Add(2 * time.Second)
	require.Equal(t, "CREATE STOPPING", e.versionStatus(t, stopped))
	e.clk.Add(time.Second)
	require.Equal(t, "CREATE STOPPED", e.versionStatus(t, stopped))
}

// A recipe whose datasets the group lacks trains to CREATE FAILED, saying which.
func TestTrainingNeedsTheRecipesDatasets(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithSmallDatasets())
	group := e.group(t, "g", "")
	e.interactions(t, group)
	s := e.solution(t, "s", group, "arn:aws:personalize:::recipe/aws-next-best-action")
	v := e.trained(t, s)
	got := e.describeVersion(t, v)
	require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
	require.Contains(t, aws.ToString(got.FailureReason), "The dataset group has no Actions dataset, which the recipe aws-next-best-action requires.")
}
