package fake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"

	"github.com/awsfake/awsfake/internal/engine"
)

// SageMaker is the typed door to the fake's SageMaker: its methods have the exact signatures
// of aws-sdk-go-v2's *sagemaker.Client, so it satisfies any interface a caller declares over
// the client's lineage-action methods, and the SDK's own paginator. Errors come back as the
// client returns them (see the package documentation). The Region of a call is the fake's
// default, or the one an option function sets (sagemaker.Options.Region).
type SageMaker struct{ f *Fake }

// SageMaker returns the typed SageMaker door.
func (f *Fake) SageMaker() *SageMaker { return f.sm }

// SageMakerAPI is every SageMaker method the fake supports. *sagemaker.Client satisfies it
// too, so code written against it runs unchanged on the fake and on AWS.
type SageMakerAPI interface {
	CreateAction(context.Context, *sagemaker.CreateActionInput, ...func(*sagemaker.Options)) (*sagemaker.CreateActionOutput, error)
	DescribeAction(context.Context, *sagemaker.DescribeActionInput, ...func(*sagemaker.Options)) (*sagemaker.DescribeActionOutput, error)
	ListActions(context.Context, *sagemaker.ListActionsInput, ...func(*sagemaker.Options)) (*sagemaker.ListActionsOutput, error)
	UpdateAction(context.Context, *sagemaker.UpdateActionInput, ...func(*sagemaker.Options)) (*sagemaker.UpdateActionOutput, error)
	DeleteAction(context.Context, *sagemaker.DeleteActionInput, ...func(*sagemaker.Options)) (*sagemaker.DeleteActionOutput, error)
	AddTags(context.Context, *sagemaker.AddTagsInput, ...func(*sagemaker.Options)) (*sagemaker.AddTagsOutput, error)
	ListTags(context.Context, *sagemaker.ListTagsInput, ...func(*sagemaker.Options)) (*sagemaker.ListTagsOutput, error)
	DeleteTags(context.Context, *sagemaker.DeleteTagsInput, ...func(*sagemaker.Options)) (*sagemaker.DeleteTagsOutput, error)
}

var (
	_ SageMakerAPI                   = (*SageMaker)(nil)
	_ SageMakerAPI                   = (*sagemaker.Client)(nil)
	_ sagemaker.ListActionsAPIClient = (*SageMaker)(nil)
	_ sagemaker.ListTagsAPIClient    = (*SageMaker)(nil)
)

// sagemakerCall runs one typed call: the client's own parameter check, the conversion to the
// engine's shape (a copy), the engine's chokepoint, and the conversion back (another copy).
func sagemakerCall[SI, SO, I, O any](s *SageMaker, ctx context.Context, op *engine.Op, params *SI, optFns []func(*sagemaker.Options),
	check func(*SI) error, in func(*SI) *I, out func(*O) *SO) (*SO, error) {
	if params == nil {
		params = new(SI)
	}
	if err := check(params); err != nil {
		return nil, sdkError("SageMaker", op.Name, err, "")
	}
	var scope engine.Scope
	if len(optFns) > 0 {
		o := sagemaker.Options{Region: s.f.Region()}
		for _, fn := range optFns {
			fn(&o)
		}
		scope.Region = o.Region
	}
	res, err := s.f.e.Invoke(ctx, scope, op, in(params))
	if err != nil {
		return nil, sdkError("SageMaker", op.Name, err, s.f.requestID())
	}
	return out(res.(*O)), nil
}

// CreateAction creates a lineage action. Names are unique per account and Region; a second
// action of the same name fails with ValidationException ("... already exists").
func (s *SageMaker) CreateAction(ctx context.Context, params *sagemaker.CreateActionInput, optFns ...func(*sagemaker.Options)) (*sagemaker.CreateActionOutput, error) {
	return sagemakerCall(s, ctx, engine.OpCreateAction, params, optFns, checkCreateAction, createActionIn, createActionOut)
}

// DescribeAction describes an action by name or ARN.
func (s *SageMaker) DescribeAction(ctx context.Context, params *sagemaker.DescribeActionInput, optFns ...func(*sagemaker.Options)) (*sagemaker.DescribeActionOutput, error) {
	return sagemakerCall(s, ctx, engine.OpDescribeAction, params, optFns, checkDescribeAction, describeActionIn, describeActionOut)
}

// ListActions lists actions, newest first unless SortBy and SortOrder say otherwise.
func (s *SageMaker) ListActions(ctx context.Context, params *sagemaker.ListActionsInput, optFns ...func(*sagemaker.Options)) (*sagemaker.ListActionsOutput, error) {
	return sagemakerCall(s, ctx, engine.OpListActions, params, optFns, checkListActions, listActionsIn, listActionsOut)
}

// UpdateAction changes an action's description, status and properties.
func (s *SageMaker) UpdateAction(ctx context.Context, params *sagemaker.UpdateActionInput, optFns ...func(*sagemaker.Options)) (*sagemaker.UpdateActionOutput, error) {
	return sagemakerCall(s, ctx, engine.OpUpdateAction, params, optFns, checkUpdateAction, updateActionIn, updateActionOut)
}

// DeleteAction deletes an action by name.
func (s *SageMaker) DeleteAction(ctx context.Context, params *sagemaker.DeleteActionInput, optFns ...func(*sagemaker.Options)) (*sagemaker.DeleteActionOutput, error) {
	return sagemakerCall(s, ctx, engine.OpDeleteAction, params, optFns, checkDeleteAction, deleteActionIn, deleteActionOut)
}

// AddTags adds or overwrites tags on an action's ARN.
func (s *SageMaker) AddTags(ctx context.Context, params *sagemaker.AddTagsInput, optFns ...func(*sagemaker.Options)) (*sagemaker.AddTagsOutput, error) {
	return sagemakerCall(s, ctx, engine.OpAddTags, params, optFns, checkAddTags, addTagsIn, addTagsOut)
}

// ListTags lists the tags on an action's ARN.
func (s *SageMaker) ListTags(ctx context.Context, params *sagemaker.ListTagsInput, optFns ...func(*sagemaker.Options)) (*sagemaker.ListTagsOutput, error) {
	return sagemakerCall(s, ctx, engine.OpListTags, params, optFns, checkListTags, listTagsIn, listTagsOut)
}

// DeleteTags removes tags from an action's ARN.
func (s *SageMaker) DeleteTags(ctx context.Context, params *sagemaker.DeleteTagsInput, optFns ...func(*sagemaker.Options)) (*sagemaker.DeleteTagsOutput, error) {
	return sagemakerCall(s, ctx, engine.OpDeleteTags, params, optFns, checkDeleteTags, deleteTagsIn, deleteTagsOut)
}
