package fake_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// The dataset group and event tracker tests run through both doors: the typed door and the real
// aws-sdk-go-v2 clients on the wire door (eachPZDoor).

func TestDatasetGroupLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop"), Domain: pztypes.DomainEcommerce})
		require.NoError(t, err)
		arn := aws.ToString(out.DatasetGroupArn)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop", arn)
		require.Equal(t, pztypes.DomainEcommerce, out.Domain)

		steps := []struct {
			advance time.Duration
			status  string
			updated time.Duration // lastUpdatedDateTime, after start
		}{
			{0, "CREATE PENDING", 0},
			{4999 * time.Millisecond, "CREATE PENDING", 0},
			{time.Millisecond, "CREATE IN_PROGRESS", 5 * time.Second},
			{54 * time.Second, "CREATE IN_PROGRESS", 5 * time.Second},
			{time.Second, "ACTIVE", time.Minute},
			{24 * time.Hour, "ACTIVE", time.Minute},
		}
		for _, s := range steps {
			e.clk.Add(s.advance)
			d, err := e.pz.DescribeDatasetGroup(e.ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: &arn})
			require.NoError(t, err)
			g := d.DatasetGroup
			require.Equal(t, s.status, aws.ToString(g.Status), "at %v", e.clk.Now().Sub(start))
			require.Equal(t, start, aws.ToTime(g.CreationDateTime).UTC())
			require.Equal(t, start.Add(s.updated), aws.ToTime(g.LastUpdatedDateTime).UTC())
			require.Equal(t, "shop", aws.ToString(g.Name))
			require.Nil(t, g.FailureReason)
		}

		// Deletion: DELETE PENDING, DELETE IN_PROGRESS, then gone.
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", e.groupStatus(t, arn))
		e.clk.Add(5 * time.Second)
		require.Equal(t, "DELETE IN_PROGRESS", e.groupStatus(t, arn))
		e.clk.Add(25 * time.Second)
		_, err = e.pz.DescribeDatasetGroup(e.ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: &arn})
		requireCode(t, err, "ResourceNotFoundException")
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &arn})
		requireCode(t, err, "ResourceNotFoundException")
	})
}

func TestAnyClockJumpLandsOnTheRightStatus(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		jump time.Duration
		want string
	}{{time.Second, "CREATE PENDING"}, {30 * time.Second, "CREATE IN_PROGRESS"}, {time.Hour, "ACTIVE"}, {24 * 365 * time.Hour, "ACTIVE"}} {
		e := typedPZ(t)
		out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g")})
		require.NoError(t, err)
		e.clk.Add(c.jump)
		require.Equal(t, c.want, e.groupStatus(t, aws.ToString(out.DatasetGroupArn)), "after %v", c.jump)
	}
}

func TestLifecycleOptions(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g")})
		require.NoError(t, err)
		require.Equal(t, "ACTIVE", e.groupStatus(t, aws.ToString(out.DatasetGroupArn)), "Instant: ACTIVE at once")
		tr, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: out.DatasetGroupArn})
		require.NoError(t, err)
		arn := aws.ToString(tr.EventTrackerArn)
		require.Equal(t, "CREATE PENDING", e.trackerStatus(t, arn))
		e.clk.Add(time.Second)
		require.Equal(t, "CREATE IN_PROGRESS", e.trackerStatus(t, arn))
		e.clk.Add(2 * time.Second)
		require.Equal(t, "ACTIVE", e.trackerStatus(t, arn))
	}, fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}),
		fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{Pending: time.Second, InProgress: 2 * time.Second, DeletePending: time.Second, DeleteInProgress: time.Second}))
}

var (
	trackerARN = regexp.MustCompile(`^arn:aws:personalize:us-east-1:123456789012:event-tracker/[0-9a-f]{8}$`)
	uuidV4     = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

func TestEventTrackerLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
		require.NoError(t, err)
		group := aws.ToString(g.DatasetGroupArn)
		_, err = e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &group})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "CREATE PENDING")
		e.clk.Add(time.Minute)

		out, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("clicks"), DatasetGroupArn: &group})
		require.NoError(t, err)
		arn, tid := aws.ToString(out.EventTrackerArn), aws.ToString(out.TrackingId)
		require.Regexp(t, trackerARN, arn)
		require.Regexp(t, uuidV4, tid)

		d, err := e.pz.DescribeEventTracker(e.ctx, &personalize.DescribeEventTrackerInput{EventTrackerArn: &arn})
		require.NoError(t, err)
		at := start.Add(time.Minute)
		require.Equal(t, pztypes.EventTracker{
			Name: aws.String("clicks"), EventTrackerArn: &arn, AccountId: aws.String("123456789012"), TrackingId: &tid,
			DatasetGroupArn: &group, Status: aws.String("CREATE PENDING"), CreationDateTime: &at, LastUpdatedDateTime: &at,
		}, utcTracker(*d.EventTracker))
		e.clk.Add(5 * time.Second)
		require.Equal(t, "CREATE IN_PROGRESS", e.trackerStatus(t, arn))
		e.clk.Add(55 * time.Second)
		require.Equal(t, "ACTIVE", e.trackerStatus(t, arn))
	})
}

// utcTracker has a tracker's times in UTC, as the typed door gives them, whatever location the
// wire door's client decoded them in.
func utcTracker(tr pztypes.EventTracker) pztypes.EventTracker {
	for _, p := range []**time.Time{&tr.CreationDateTime, &tr.LastUpdatedDateTime} {
		if *p != nil {
			u := (*p).UTC()
			*p = &u
		}
	}
	return tr
}

func TestOneEventTrackerPerDatasetGroup(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "shop", "")
		arn, _ := e.activeTracker(t, group)
		in := &personalize.CreateEventTrackerInput{Name: aws.String("second"), DatasetGroupArn: &group}
		_, err := e.pz.CreateEventTracker(e.ctx, in)
		requireCode(t, err, "ResourceAlreadyExistsException")

		// Another group may have its own.
		other := e.group(t, "other", "")
		_, err = e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &other})
		require.NoError(t, err)

		// While the first is being deleted it still counts; once gone, the group takes a new one.
		_, err = e.pz.DeleteEventTracker(e.ctx, &personalize.DeleteEventTrackerInput{EventTrackerArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", e.trackerStatus(t, arn))
		_, err = e.pz.CreateEventTracker(e.ctx, in)
		requireCode(t, err, "ResourceAlreadyExistsException")
		e.clk.Add(30 * time.Second)
		_, err = e.pz.DescribeEventTracker(e.ctx, &personalize.DescribeEventTrackerInput{EventTrackerArn: &arn})
		requireCode(t, err, "ResourceNotFoundException")
		second, err := e.pz.CreateEventTracker(e.ctx, in)
		require.NoError(t, err)
		require.NotEqual(t, arn, aws.ToString(second.EventTrackerArn))
	})
}

func TestMissingDatasetGroup(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		for _, arn := range []string{
			"arn:aws:personalize:us-east-1:123456789012:dataset-group/none",
			"arn:aws:personalize:eu-west-1:123456789012:dataset-group/none",
			"arn:aws:personalize:us-east-1:123456789012:schema/none",
		} {
			_, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &arn})
			requireCode(t, err, "ResourceNotFoundException")
			_, err = e.pz.DescribeDatasetGroup(e.ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: &arn})
			requireCode(t, err, "ResourceNotFoundException")
		}
	})
}

func TestDeletionRules(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
		require.NoError(t, err)
		group := g.DatasetGroupArn
		deleteGroup := func() error {
			_, err := e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: group})
			return err
		}
		require.Contains(t, requireCode(t, deleteGroup(), "ResourceInUseException"), "CREATE PENDING")
		e.clk.Add(30 * time.Second)
		require.Contains(t, requireCode(t, deleteGroup(), "ResourceInUseException"), "CREATE IN_PROGRESS")
		e.clk.Add(30 * time.Second)

		tr, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: group})
		require.NoError(t, err)
		deleteTracker := func() error {
			_, err := e.pz.DeleteEventTracker(e.ctx, &personalize.DeleteEventTrackerInput{EventTrackerArn: tr.EventTrackerArn})
			return err
		}
		requireCode(t, deleteTracker(), "ResourceInUseException")
		e.clk.Add(time.Minute)
		require.Contains(t, requireCode(t, deleteGroup(), "ResourceInUseException"), "event tracker")

		require.NoError(t, deleteTracker())
		requireCode(t, deleteTracker(), "ResourceInUseException")
		requireCode(t, deleteGroup(), "ResourceInUseException") // the tracker still exists
		e.clk.Add(30 * time.Second)
		require.NoError(t, deleteGroup())
		requireCode(t, deleteGroup(), "ResourceInUseException")
	})
}

func TestDatasetGroupNamesAndQuota(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		create := func(name string) (string, error) {
			out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: &name})
			if err != nil {
				return "", err
			}
			return aws.ToString(out.DatasetGroupArn), nil
		}
		deleteGroup := func(arn string) {
			_, err := e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &arn})
			require.NoError(t, err)
		}
		var arns []string
		for i := 0; i < 5; i++ {
			arn, err := create(fmt.Sprintf("g%d", i))
			require.NoError(t, err)
			arns = append(arns, arn)
		}
		_, err := create("g0")
		requireCode(t, err, "ResourceAlreadyExistsException")
		_, err = create("g5")
		requireCode(t, err, "LimitExceededException")
		e.clk.Add(time.Minute)
		deleteGroup(arns[0])
		// A group being deleted no longer counts against the quota, but keeps its name until gone.
		_, err = create("g5")
		require.NoError(t, err)
		_, err = create("g6")
		requireCode(t, err, "LimitExceededException")
		deleteGroup(arns[1])
		_, err = create("g0")
		requireCode(t, err, "ResourceAlreadyExistsException")
		e.clk.Add(time.Minute)
		_, err = create("g0")
		require.NoError(t, err)
	})

	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		_, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("a")})
		require.NoError(t, err)
		_, err = e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("b")})
		requireCode(t, err, "LimitExceededException")
	}, fake.WithQuota(fake.DatasetGroups, 1))
}

func TestRoleArnNeedsKmsKey(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		role, key := aws.String("arn:aws:iam::123456789012:role/r"), aws.String("arn:aws:kms:us-east-1:123456789012:key/k")
		_, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g"), RoleArn: role})
		requireCode(t, err, "InvalidInputException")
		out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g"), RoleArn: role, KmsKeyArn: key})
		require.NoError(t, err)
		d, err := e.pz.DescribeDatasetGroup(e.ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: out.DatasetGroupArn})
		require.NoError(t, err)
		require.Equal(t, *key, aws.ToString(d.DatasetGroup.KmsKeyArn))
		require.Equal(t, *role, aws.ToString(d.DatasetGroup.RoleArn))
	})
}

func ptags(n int, prefix string) []pztypes.Tag {
	var out []pztypes.Tag
	for i := 0; i < n; i++ {
		out = append(out, pztypes.Tag{TagKey: aws.String(fmt.Sprintf("%s%02d", prefix, i)), TagValue: aws.String("v")})
	}
	return out
}

func TestPersonalizeTags(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		team := pztypes.Tag{TagKey: aws.String("team"), TagValue: aws.String("ml")}
		env := pztypes.Tag{TagKey: aws.String("env"), TagValue: aws.String("prod")}
		g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g"), Tags: []pztypes.Tag{team}})
		require.NoError(t, err)
		group := aws.ToString(g.DatasetGroupArn)
		e.clk.Add(time.Minute)
		tracker, _ := e.activeTracker(t, group)
		tags := func(arn string) []pztypes.Tag {
			out, err := e.pz.ListTagsForResource(e.ctx, &personalize.ListTagsForResourceInput{ResourceArn: &arn})
			require.NoError(t, err)
			return out.Tags
		}
		tag := func(arn string, ts []pztypes.Tag) error {
			_, err := e.pz.TagResource(e.ctx, &personalize.TagResourceInput{ResourceArn: &arn, Tags: ts})
			return err
		}
		untag := func(arn string, keys []string) error {
			_, err := e.pz.UntagResource(e.ctx, &personalize.UntagResourceInput{ResourceArn: &arn, TagKeys: keys})
			return err
		}
		for _, arn := range []string{group, tracker} {
			require.NoError(t, tag(arn, []pztypes.Tag{env}))
			require.Contains(t, tags(arn), env)
			require.NoError(t, untag(arn, []string{"env"}))
			require.NotContains(t, tags(arn), env)
		}
		require.Equal(t, []pztypes.Tag{team}, tags(group))

		// 50 tags at most; overwriting a key does not add one.
		require.NoError(t, tag(tracker, ptags(50, "k")))
		require.NoError(t, tag(tracker, ptags(50, "k")))
		requireCode(t, tag(tracker, ptags(1, "x")), "TooManyTagsException")
		_, err = e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("many"), Tags: ptags(51, "k")})
		requireCode(t, err, "TooManyTagsException")
		_, err = e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("many")})
		require.NoError(t, err, "the refused create left nothing behind")
		keys := make([]string, 51)
		for i := range keys {
			keys[i] = fmt.Sprintf("k%02d", i)
		}
		requireCode(t, untag(tracker, keys), "TooManyTagKeysException")
		requireCode(t, tag("arn:aws:personalize:us-east-1:123456789012:dataset-group/none", ptags(1, "k")), "ResourceNotFoundException")
	})
}
