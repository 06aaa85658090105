package fake

import (
	"maps"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsfake/awsfake/internal/shape"
)

// Conversions between the SDK's SageMaker types and the engine's shapes. Every conversion
// copies, so a caller that changes its input or output afterwards cannot reach the fake's
// state. Enums map to strings: the empty enum is "not set", as the SDK serializes it.

func str(s *string) *string {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}

// strings copies several strings with one allocation: each str call returns a pointer into
// one backing array. (Should the array grow, earlier pointers keep the old one, whose values
// never change, so every pointer stays right.)
type stringCopier []string

func newStrings(n int) *stringCopier {
	s := make(stringCopier, 0, n)
	return &s
}

func (c *stringCopier) str(p *string) *string {
	if p == nil {
		return nil
	}
	*c = append(*c, *p)
	return &(*c)[len(*c)-1]
}

func i32(p *int32) *int32 {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

func enumIn[E ~string](e E) *string {
	if e == "" {
		return nil
	}
	s := string(e)
	return &s
}

func enumOut[E ~string](s *string) E {
	if s == nil {
		return ""
	}
	return E(*s)
}

func timeIn(t *time.Time) *shape.Time {
	if t == nil {
		return nil
	}
	return &shape.Time{Time: *t}
}

func timeOut(t *shape.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := t.Time
	return &c
}

func sourceOut(s *shape.ActionSource) *types.ActionSource {
	if s == nil {
		return nil
	}
	return &types.ActionSource{SourceUri: str(s.SourceUri), SourceType: str(s.SourceType), SourceId: str(s.SourceId)}
}

func metadataIn(m *types.MetadataProperties) *shape.MetadataProperties {
	if m == nil {
		return nil
	}
	return &shape.MetadataProperties{CommitId: str(m.CommitId), Repository: str(m.Repository), GeneratedBy: str(m.GeneratedBy), ProjectId: str(m.ProjectId)}
}

func metadataOut(m *shape.MetadataProperties) *types.MetadataProperties {
	if m == nil {
		return nil
	}
	return &types.MetadataProperties{CommitId: str(m.CommitId), Repository: str(m.Repository), GeneratedBy: str(m.GeneratedBy), ProjectId: str(m.ProjectId)}
}

func tagsIn(ts []types.Tag) []shape.Tag {
	if ts == nil {
		return nil
	}
	out := make([]shape.Tag, len(ts))
	for i, t := range ts {
		out[i] = shape.Tag{Key: str(t.Key), Value: str(t.Value)}
	}
	return out
}

func tagsOut(ts []shape.Tag) []types.Tag {
	out := make([]types.Tag, len(ts))
	for i, t := range ts {
		out[i] = types.Tag{Key: str(t.Key), Value: str(t.Value)}
	}
	return out
}

func createActionIn(p *sagemaker.CreateActionInput) *shape.CreateActionInput {
	sc := newStrings(6)
	in := &shape.CreateActionInput{
		ActionName:         sc.str(p.ActionName),
		ActionType:         sc.str(p.ActionType),
		Description:        sc.str(p.Description),
		Status:             enumIn(p.Status),
		Properties:         maps.Clone(p.Properties),
		MetadataProperties: metadataIn(p.MetadataProperties),
		Tags:               tagsIn(p.Tags),
	}
	if p.Source != nil {
		in.Source = &shape.ActionSource{SourceUri: sc.str(p.Source.SourceUri), SourceType: sc.str(p.Source.SourceType), SourceId: sc.str(p.Source.SourceId)}
	}
	return in
}

func createActionOut(o *shape.CreateActionOutput) *sagemaker.CreateActionOutput {
	return &sagemaker.CreateActionOutput{ActionArn: str(o.ActionArn)}
}

func describeActionIn(p *sagemaker.DescribeActionInput) *shape.DescribeActionInput {
	return &shape.DescribeActionInput{ActionName: str(p.ActionName)}
}

func describeActionOut(o *shape.DescribeActionOutput) *sagemaker.DescribeActionOutput {
	sc := newStrings(8)
	out := &sagemaker.DescribeActionOutput{
		ActionName:         sc.str(o.ActionName),
		ActionArn:          sc.str(o.ActionArn),
		ActionType:         sc.str(o.ActionType),
		Description:        sc.str(o.Description),
		Status:             enumOut[types.ActionStatus](o.Status),
		Properties:         maps.Clone(o.Properties),
		CreationTime:       timeOut(o.CreationTime),
		LastModifiedTime:   timeOut(o.LastModifiedTime),
		MetadataProperties: metadataOut(o.MetadataProperties),
		LineageGroupArn:    sc.str(o.LineageGroupArn),
	}
	if o.Source != nil {
		out.Source = &types.ActionSource{SourceUri: sc.str(o.Source.SourceUri), SourceType: sc.str(o.Source.SourceType), SourceId: sc.str(o.Source.SourceId)}
	}
	return out
}

func listActionsIn(p *sagemaker.ListActionsInput) *shape.ListActionsInput {
	return &shape.ListActionsInput{
		SourceUri:     str(p.SourceUri),
		ActionType:    str(p.ActionType),
		CreatedAfter:  timeIn(p.CreatedAfter),
		CreatedBefore: timeIn(p.CreatedBefore),
		SortBy:        enumIn(p.SortBy),
		SortOrder:     enumIn(p.SortOrder),
		NextToken:     str(p.NextToken),
		MaxResults:    i32(p.MaxResults),
	}
}

func listActionsOut(o *shape.ListActionsOutput) *sagemaker.ListActionsOutput {
	out := &sagemaker.ListActionsOutput{ActionSummaries: make([]types.ActionSummary, len(o.ActionSummaries)), NextToken: str(o.NextToken)}
	for i, s := range o.ActionSummaries {
		out.ActionSummaries[i] = types.ActionSummary{
			ActionArn:        str(s.ActionArn),
			ActionName:       str(s.ActionName),
			Source:           sourceOut(s.Source),
			ActionType:       str(s.ActionType),
			Status:           enumOut[types.ActionStatus](s.Status),
			CreationTime:     timeOut(s.CreationTime),
			LastModifiedTime: timeOut(s.LastModifiedTime),
		}
	}
	return out
}

func updateActionIn(p *sagemaker.UpdateActionInput) *shape.UpdateActionInput {
	return &shape.UpdateActionInput{
		ActionName:         str(p.ActionName),
		Description:        str(p.Description),
		Status:             enumIn(p.Status),
		Properties:         maps.Clone(p.Properties),
		PropertiesToRemove: slices.Clone(p.PropertiesToRemove),
	}
}

func updateActionOut(o *shape.UpdateActionOutput) *sagemaker.UpdateActionOutput {
	return &sagemaker.UpdateActionOutput{ActionArn: str(o.ActionArn)}
}

func deleteActionIn(p *sagemaker.DeleteActionInput) *shape.DeleteActionInput {
	return &shape.DeleteActionInput{ActionName: str(p.ActionName)}
}

func deleteActionOut(o *shape.DeleteActionOutput) *sagemaker.DeleteActionOutput {
	return &sagemaker.DeleteActionOutput{ActionArn: str(o.ActionArn)}
}

func addTagsIn(p *sagemaker.AddTagsInput) *shape.AddTagsInput {
	return &shape.AddTagsInput{ResourceArn: str(p.ResourceArn), Tags: tagsIn(p.Tags)}
}

func addTagsOut(o *shape.AddTagsOutput) *sagemaker.AddTagsOutput {
	return &sagemaker.AddTagsOutput{Tags: tagsOut(o.Tags)}
}

func listTagsIn(p *sagemaker.ListTagsInput) *shape.ListTagsInput {
	return &shape.ListTagsInput{ResourceArn: str(p.ResourceArn), NextToken: str(p.NextToken), MaxResults: i32(p.MaxResults)}
}

func listTagsOut(o *shape.ListTagsOutput) *sagemaker.ListTagsOutput {
	return &sagemaker.ListTagsOutput{Tags: tagsOut(o.Tags), NextToken: str(o.NextToken)}
}

func deleteTagsIn(p *sagemaker.DeleteTagsInput) *shape.DeleteTagsInput {
	return &shape.DeleteTagsInput{ResourceArn: str(p.ResourceArn), TagKeys: slices.Clone(p.TagKeys)}
}

func deleteTagsOut(*shape.DeleteTagsOutput) *sagemaker.DeleteTagsOutput {
	return &sagemaker.DeleteTagsOutput{}
}
