package fake_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"
)

// An association from an entity to itself: AWS is silent, and the fake accepts it (a documented
// guess). It is one association: listed once from either end, and counted once when it keeps
// its entity from being deleted.
func TestSelfLoopAssociation(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		self := l.action("self", "Step")
		l.link(self, self, "")
		for _, in := range []*sagemaker.ListAssociationsInput{{}, {SourceArn: &self}, {DestinationArn: &self}} {
			out, err := e.api.ListAssociations(e.ctx, in)
			require.NoError(t, err)
			require.Len(t, out.AssociationSummaries, 1)
		}
		_, err := e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("self")})
		msg := requireCode(t, err, "ValidationException")
		require.Equal(t, self+" cannot be deleted while it has associations (1): delete them first.", msg)
	})
}
