package engine

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// defaultLineageGroup is the one lineage group of an account: "SageMaker supports only one
// default lineage group per account. SageMaker creates the default lineage group whenever a
// lineage entity is created in your account. Every lineage entity owned by your account is
// assigned to this default lineage group." There is no operation that creates or deletes one.
const defaultLineageGroup = "sagemaker-default-lineage-group"

// lineageGroup is a world's default lineage group. A table of its own (of one), so that the
// digest sees it and a failed batch of seeds takes it out with the entity that made it.
type lineageGroup struct {
	entity
}

// lineageGroupIndex is the world's default lineage group's ARN, which every lineage entity's
// description names: set with the first entity.
type lineageGroupIndex struct {
	lineageGroupARN string
}

// joinLineageGroup puts a new lineage entity in the default lineage group, creating the group
// with the world's first entity. Documented guesses: the group stays when its entities are
// deleted, and it exists per account and Region (AWS says per account; ARNs carry a Region).
// Call it once a create can no longer fail.
func (w *world) joinLineageGroup(now time.Time) {
	if w.lineageGroupARN == "" {
		w.lineageGroupARN = w.scope.arn(SageMaker, "lineage-group", defaultLineageGroup)
	}
	for _, g := range w.lineageGroups.items {
		// The group, which nothing deletes. A state document seeds kinds in its own order, not
		// by time: the group is as old as its oldest entity.
		if now.Before(g.created) {
			g.created = now
		}
		return
	}
	w.lineageGroups.insert(&lineageGroup{entity{arn: w.lineageGroupARN, name: defaultLineageGroup}}, now)
}

// laterState is the group's tags, as an AddTags seed: no operation creates the group, which
// comes back with the first lineage entity the state document seeds, so its tags are put on it
// once every kind is in place. Kind "tags": a dashboard shows the group nowhere else either.
func (g *lineageGroup) laterState(w *world, _ time.Time) []ResourceState {
	if len(g.tags) == 0 {
		return nil
	}
	st := g.baseState(w, "tags", SageMaker, "AddTags", &sagemaker.AddTagsInput{ResourceArn: &g.arn, Tags: g.tags.sageMaker()})
	return []ResourceState{st}
}

func (e *Engine) describeLineageGroup(w *world, in *sagemaker.DescribeLineageGroupInput, _ opContext) (*sagemaker.DescribeLineageGroupOutput, *Error) {
	g := w.lineageGroups.items[*in.LineageGroupName]
	if g == nil {
		return nil, notFound(SageMaker, "LineageGroup %s does not exist.", w.scope.arn(SageMaker, "lineage-group", *in.LineageGroupName))
	}
	return &sagemaker.DescribeLineageGroupOutput{
		LineageGroupName: &g.name,
		LineageGroupArn:  &g.arn,
		CreationTime:     shape.T(g.created),
		LastModifiedTime: shape.T(g.created),
	}, nil
}

// listLineageGroups lists the default group once the world has one. Its documented default
// order is Ascending, unlike every other lineage listing.
func (e *Engine) listLineageGroups(w *world, in *sagemaker.ListLineageGroupsInput, _ opContext) (*sagemaker.ListLineageGroupsOutput, *Error) {
	page, next, err := lineageTable(w.lineageGroups, lineageList{kind: "lineage-groups", sortBy: in.SortBy, sortOrder: in.SortOrder,
		ascByDefault: true, token: in.NextToken, maxResults: in.MaxResults}, func(g *lineageGroup) bool {
		return createdWithin(g.created, in.CreatedAfter, in.CreatedBefore)
	})
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListLineageGroupsOutput{LineageGroupSummaries: make([]sagemaker.LineageGroupSummary, len(page)), NextToken: next}
	for i, g := range page {
		out.LineageGroupSummaries[i] = sagemaker.LineageGroupSummary{
			LineageGroupArn:  &g.arn,
			LineageGroupName: &g.name,
			CreationTime:     shape.T(g.created),
			LastModifiedTime: shape.T(g.created),
		}
	}
	return out, nil
}

// getLineageGroupPolicy answers as AWS does for a group without a resource policy: the fake
// has no way to give one (AWS's policies come from AWS RAM, which it does not fake), so every
// group, and every name that is not a group, is ResourceNotFound (facts: sagemaker-lineage.md
// §8; the message is a guess). It takes a name or an ARN.
func (e *Engine) getLineageGroupPolicy(w *world, in *sagemaker.GetLineageGroupPolicyInput, _ opContext) (*sagemaker.GetLineageGroupPolicyOutput, *Error) {
	arn := *in.LineageGroupName
	if !strings.HasPrefix(arn, "arn:") {
		arn = w.scope.arn(SageMaker, "lineage-group", arn)
	}
	if _, ok := w.lineageGroups.resolve(arn, time.Time{}); ok {
		return nil, notFound(SageMaker, "LineageGroup %s has no resource policy.", arn)
	}
	return nil, notFound(SageMaker, "LineageGroup %s does not exist.", arn)
}
