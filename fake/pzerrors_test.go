package fake_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// TestPersonalizeErrorsAs proves that every error code Personalize and Personalize Events model
// for the supported operations reaches the caller as the SDK's own type for it, inside
// *smithy.OperationError and *awshttp.ResponseError with the HTTP status, through the typed
// doors exactly as through aws-sdk-go-v2's clients on the wire door.
func TestPersonalizeErrorsAs(t *testing.T) {
	t.Parallel()
	// as takes a factory: each door's subtest needs its own target.
	as := func(target func() any) func() any { return target }
	tags := func(n int) []pztypes.Tag {
		out := make([]pztypes.Tag, n)
		for i := range out {
			out[i] = pztypes.Tag{TagKey: aws.String(fmt.Sprintf("k%d", i)), TagValue: aws.String("v")}
		}
		return out
	}
	cases := []struct {
		code    string
		service string // the SDK's service id
		status  int
		target  func() any
		call    func(t *testing.T, e *pzEnv) error
	}{
		{"InvalidInputException", "Personalize", 400, as(func() any { return new(*pztypes.InvalidInputException) }),
			func(t *testing.T, e *pzEnv) error {
				_, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("bad name!")})
				return err
			}},
		{"ResourceNotFoundException", "Personalize", 400, as(func() any { return new(*pztypes.ResourceNotFoundException) }),
			func(t *testing.T, e *pzEnv) error {
				_, err := e.pz.DescribeSchema(e.ctx, &personalize.DescribeSchemaInput{SchemaArn: aws.String("arn:aws:personalize:us-east-1:123456789012:schema/none")})
				return err
			}},
		{"ResourceAlreadyExistsException", "Personalize", 400, as(func() any { return new(*pztypes.ResourceAlreadyExistsException) }),
			func(t *testing.T, e *pzEnv) error {
				e.schema(t, "s", itemsSchema)
				_, err := e.pz.CreateSchema(e.ctx, &personalize.CreateSchemaInput{Name: aws.String("s"), Schema: aws.String(itemsSchema)})
				return err
			}},
		{"ResourceInUseException", "Personalize", 400, as(func() any { return new(*pztypes.ResourceInUseException) }),
			func(t *testing.T, e *pzEnv) error {
				g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("young")})
				require.NoError(t, err)
				_, err = e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: g.DatasetGroupArn})
				return err
			}},
		{"LimitExceededException", "Personalize", 400, as(func() any { return new(*pztypes.LimitExceededException) }),
			func(t *testing.T, e *pzEnv) error {
				e.group(t, "one", "")
				_, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("two")})
				return err
			}},
		{"InvalidNextTokenException", "Personalize", 400, as(func() any { return new(*pztypes.InvalidNextTokenException) }),
			func(t *testing.T, e *pzEnv) error {
				_, err := e.pz.ListSchemas(e.ctx, &personalize.ListSchemasInput{NextToken: aws.String("forged")})
				return err
			}},
		{"TooManyTagsException", "Personalize", 400, as(func() any { return new(*pztypes.TooManyTagsException) }),
			func(t *testing.T, e *pzEnv) error {
				g := e.group(t, "g", "")
				_, err := e.pz.TagResource(e.ctx, &personalize.TagResourceInput{ResourceArn: &g, Tags: tags(51)})
				return err
			}},
		{"TooManyTagKeysException", "Personalize", 400, as(func() any { return new(*pztypes.TooManyTagKeysException) }),
			func(t *testing.T, e *pzEnv) error {
				g := e.group(t, "g", "")
				keys := make([]string, 51)
				for i := range keys {
					keys[i] = fmt.Sprintf("k%d", i)
				}
				_, err := e.pz.UntagResource(e.ctx, &personalize.UntagResourceInput{ResourceArn: &g, TagKeys: keys})
				return err
			}},
		{"InvalidInputException", "Personalize Events", 400, as(func() any { return new(*petypes.InvalidInputException) }),
			func(t *testing.T, e *pzEnv) error {
				_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: aws.String("unknown"), SessionId: aws.String("s"),
					EventList: []petypes.Event{{EventType: aws.String("click"), SentAt: aws.Time(start)}}})
				return err
			}},
		{"ResourceNotFoundException", "Personalize Events", 404, as(func() any { return new(*petypes.ResourceNotFoundException) }),
			func(t *testing.T, e *pzEnv) error {
				_, err := e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset/none/ITEMS"),
					Items: []petypes.Item{{ItemId: aws.String("i")}}})
				return err
			}},
		{"ResourceInUseException", "Personalize Events", 409, as(func() any { return new(*petypes.ResourceInUseException) }),
			func(t *testing.T, e *pzEnv) error {
				g := e.group(t, "g", "")
				s := e.schema(t, "users", usersSchema)
				d, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("u"), DatasetGroupArn: &g,
					DatasetType: aws.String("Users"), SchemaArn: &s})
				require.NoError(t, err)
				_, err = e.ev.PutUsers(e.ctx, &personalizeevents.PutUsersInput{DatasetArn: d.DatasetArn, Users: []petypes.User{{UserId: aws.String("u")}}})
				return err
			}},
	}
	for _, c := range cases {
		t.Run(c.service+"/"+c.code, func(t *testing.T) {
			t.Parallel()
			errs := map[string]error{}
			var mu sync.Mutex
			t.Run("doors", func(t *testing.T) {
				eachPZDoor(t, func(t *testing.T, e *pzEnv) {
					err := c.call(t, e)
					requireCode(t, err, c.code)
					require.ErrorAs(t, err, c.target())
					var oe *smithy.OperationError
					require.ErrorAs(t, err, &oe)
					require.Equal(t, c.service, oe.Service())
					require.Equal(t, c.status, statusCode(t, err))
					var ae smithy.APIError
					require.ErrorAs(t, err, &ae)
					require.Equal(t, smithy.FaultClient, faultOf(ae))
					mu.Lock()
					errs[t.Name()] = err
					mu.Unlock()
				}, fake.WithQuota(fake.DatasetGroups, 1))
			})
			// Both doors' errors read the same, to the last word, but for the retries: the v2
			// client tries a throttling code (LimitExceededException is one) three times and says
			// so; the typed door has no retryer and answers at once.
			typedErr, wireErr := withoutRequestID(errs[t.Name()+"/doors/typed"].Error()), withoutRequestID(errs[t.Name()+"/doors/wire"].Error())
			if c.code == "LimitExceededException" {
				const retried = ", exceeded maximum number of attempts, 3"
				require.Contains(t, wireErr, retried)
				wireErr = strings.Replace(wireErr, retried, "", 1)
			}
			require.Equal(t, wireErr, typedErr)
		})
	}
}
