package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

func (e *Engine) createDatasetGroup(w *world, in *personalize.CreateDatasetGroupInput, cx opContext) (*personalize.CreateDatasetGroupOutput, *Error) {
	name := *in.Name
	// AWS: "Supplying an IAM role is only valid when also specifying a KMS key."
	if in.RoleArn != nil && in.KmsKeyArn == nil {
		return nil, invalid(Personalize, "roleArn is only valid together with kmsKeyArn.")
	}
	if g := w.groups[name]; g != nil {
		if _, _, gone := e.groupStatus(g, cx.now); !gone {
			return nil, alreadyExists("A dataset group with the name %s already exists.", name)
		}
		w.purgeGroup(g)
	}
	if w.groupsLive >= e.cfg.DatasetGroupQuota {
		return nil, limitExceeded(Personalize, "You have reached the maximum number of dataset groups (%d) in this Region.", e.cfg.DatasetGroupQuota)
	}
	tags := tagList(nil).merged(personalizeTagsIn(in.Tags))
	if len(tags) > e.cfg.TagQuota {
		return nil, tooManyTags(e.cfg.TagQuota)
	}
	g := &datasetGroup{
		name:      name,
		arn:       w.scope.arn(Personalize, "dataset-group", name),
		seq:       w.nextSeq(),
		roleArn:   in.RoleArn,
		kmsKeyArn: in.KmsKeyArn,
		domain:    in.Domain,
		life:      lifecycle{created: cx.now, failReason: cx.failCreation},
		tags:      tags,
	}
	w.groups[name] = g
	w.groupIndex.add(g)
	w.groupsLive++
	return &personalize.CreateDatasetGroupOutput{DatasetGroupArn: &g.arn, Domain: g.domain}, nil
}

func (e *Engine) describeDatasetGroup(w *world, in *personalize.DescribeDatasetGroupInput, cx opContext) (*personalize.DescribeDatasetGroupOutput, *Error) {
	g := e.group(w, *in.DatasetGroupArn, cx.now)
	if g == nil {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	status, changed, _ := e.groupStatus(g, cx.now)
	return &personalize.DescribeDatasetGroupOutput{DatasetGroup: &personalize.DatasetGroup{
		Name:                &g.name,
		DatasetGroupArn:     &g.arn,
		Status:              &status,
		RoleArn:             g.roleArn,
		KmsKeyArn:           g.kmsKeyArn,
		Domain:              g.domain,
		CreationDateTime:    shape.T(g.life.created),
		LastUpdatedDateTime: shape.T(changed),
		FailureReason:       failureReason(status, g.life.failReason),
	}}, nil
}

func failureReason(status, reason string) *string {
	if status != StatusCreateFailed {
		return nil
	}
	return &reason
}

// listDatasetGroups lists newest first (a documented guess).
func (e *Engine) listDatasetGroups(w *world, in *personalize.ListDatasetGroupsInput, cx opContext) (*personalize.ListDatasetGroupsOutput, *Error) {
	page, next, err := newestFirst(w.groupIndex.view(), "dataset-groups", in.NextToken, maxResults(in.MaxResults),
		func(g *datasetGroup) (time.Time, uint64) { return g.life.created, g.seq },
		func(g *datasetGroup) bool {
			_, _, gone := e.groupStatus(g, cx.now)
			if gone {
				w.purgeGroup(g) // the view stays valid: purging only flags it
			}
			return gone
		})
	if err != nil {
		return nil, err
	}
	out := &personalize.ListDatasetGroupsOutput{DatasetGroups: make([]personalize.DatasetGroupSummary, len(page)), NextToken: next}
	for i, g := range page {
		status, changed, _ := e.groupStatus(g, cx.now)
		out.DatasetGroups[i] = personalize.DatasetGroupSummary{
			Name:                &g.name,
			DatasetGroupArn:     &g.arn,
			Status:              &status,
			Domain:              g.domain,
			CreationDateTime:    shape.T(g.life.created),
			LastUpdatedDateTime: shape.T(changed),
			FailureReason:       failureReason(status, g.life.failReason),
		}
	}
	return out, nil
}

func (e *Engine) deleteDatasetGroup(w *world, in *personalize.DeleteDatasetGroupInput, cx opContext) (*personalize.DeleteDatasetGroupOutput, *Error) {
	g := e.group(w, *in.DatasetGroupArn, cx.now)
	if g == nil {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	status, _, _ := e.groupStatus(g, cx.now)
	switch {
	case creating(status) || deleting(status):
		return nil, inUse("The dataset group %s is in %s state and cannot be deleted.", g.arn, status)
	case e.groupTracker(w, g, cx.now) != nil:
		return nil, inUse("The dataset group %s has an event tracker; delete it first.", g.arn)
	}
	g.life.deleted = cx.now
	w.groupsLive--
	return &personalize.DeleteDatasetGroupOutput{}, nil
}
