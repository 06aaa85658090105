package engine

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// lineageContext is one SageMaker ML lineage context (an endpoint, a model package group, ...).
// Its name is its identity, unique per account and Region, and ends its ARN; its SourceUri
// may repeat, and may be an action's too.
//
// Copy-on-write, as for actions: pointers and maps are replaced, never written through.
type lineageContext struct {
	entity
	source      sagemaker.ContextSource
	contextType string
	description *string
	properties  map[string]string
	modifiedAt
}

func (e *Engine) createContext(w *world, in *sagemaker.CreateContextInput, cx opContext) (*sagemaker.CreateContextOutput, *Error) {
	name := *in.ContextName
	// Compared exactly, as action names are (a documented guess).
	if _, ok := w.contexts.items[name]; ok {
		return nil, invalid(SageMaker, "Context %s already exists.", w.scope.arn(SageMaker, "context", name))
	}
	if err := w.contexts.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(SageMaker, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	c := &lineageContext{
		entity:      entity{arn: w.scope.arn(SageMaker, "context", name), name: name, tags: tags},
		source:      *in.Source,
		contextType: *in.ContextType,
		description: in.Description,
		properties:  in.Properties,
		modifiedAt:  modifiedAt{cx.now},
	}
	w.joinLineageGroup(cx.now)
	w.contexts.insert(c, cx.now)
	return &sagemaker.CreateContextOutput{ContextArn: &c.arn}, nil
}

// findContext looks a context up by name or by ARN (DescribeContext takes either; Update and
// Delete take a name, which their members' pattern enforces).
func (w *world) findContext(nameOrARN string, now time.Time) (*lineageContext, *Error) {
	var c *lineageContext
	arn := nameOrARN
	if strings.HasPrefix(nameOrARN, "arn:") {
		c, _ = w.contexts.resolve(nameOrARN, now)
	} else {
		c = w.contexts.items[nameOrARN]
		arn = w.scope.arn(SageMaker, "context", nameOrARN)
	}
	if c == nil {
		return nil, notFound(SageMaker, "Context %s does not exist.", arn)
	}
	return c, nil
}

func (e *Engine) describeContext(w *world, in *sagemaker.DescribeContextInput, cx opContext) (*sagemaker.DescribeContextOutput, *Error) {
	c, err := w.findContext(*in.ContextName, cx.now)
	if err != nil {
		return nil, err
	}
	return &sagemaker.DescribeContextOutput{
		ContextName:      &c.name,
		ContextArn:       &c.arn,
		Source:           &c.source,
		ContextType:      &c.contextType,
		Description:      c.description,
		Properties:       c.properties,
		CreationTime:     shape.T(c.created),
		LastModifiedTime: shape.T(c.modified),
		LineageGroupArn:  &w.lineageGroupARN,
	}, nil
}

// updateContext may change a context's description and properties; it cannot rename it.
func (e *Engine) updateContext(w *world, in *sagemaker.UpdateContextInput, cx opContext) (*sagemaker.UpdateContextOutput, *Error) {
	c, err := w.findContext(*in.ContextName, cx.now)
	if err != nil {
		return nil, err
	}
	if in.Description != nil {
		c.description = in.Description
	}
	c.properties = updatedProperties(c.properties, in.Properties, in.PropertiesToRemove)
	c.modified = cx.now
	return &sagemaker.UpdateContextOutput{ContextArn: &c.arn}, nil
}

func (e *Engine) deleteContext(w *world, in *sagemaker.DeleteContextInput, cx opContext) (*sagemaker.DeleteContextOutput, *Error) {
	c, err := w.findContext(*in.ContextName, cx.now)
	if err != nil {
		return nil, err
	}
	if err := e.detach(w, c.arn); err != nil {
		return nil, err
	}
	w.contexts.remove(c)
	return &sagemaker.DeleteContextOutput{ContextArn: &c.arn}, nil
}

// listContexts sorts by CreationTime (the default) or Name.
func (e *Engine) listContexts(w *world, in *sagemaker.ListContextsInput, _ opContext) (*sagemaker.ListContextsOutput, *Error) {
	page, next, err := lineageTable(w.contexts, lineageList{kind: "contexts", sortBy: in.SortBy, sortOrder: in.SortOrder,
		token: in.NextToken, maxResults: in.MaxResults}, func(c *lineageContext) bool {
		return (in.SourceUri == nil || *in.SourceUri == *c.source.SourceUri) &&
			(in.ContextType == nil || *in.ContextType == c.contextType) &&
			createdWithin(c.created, in.CreatedAfter, in.CreatedBefore)
	})
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListContextsOutput{ContextSummaries: make([]sagemaker.ContextSummary, len(page)), NextToken: next}
	for i, c := range page {
		out.ContextSummaries[i] = sagemaker.ContextSummary{
			ContextArn:       &c.arn,
			ContextName:      &c.name,
			Source:           &c.source,
			ContextType:      &c.contextType,
			CreationTime:     shape.T(c.created),
			LastModifiedTime: shape.T(c.modified),
		}
	}
	return out, nil
}

func (c *lineageContext) lineage() vertexInfo {
	return vertexInfo{typ: c.contextType, name: &c.name, modified: c.modified, properties: c.properties}
}

func (c *lineageContext) state(w *world, _ time.Time) []ResourceState {
	st := c.baseState(w, "context", SageMaker, "CreateContext", &sagemaker.CreateContextInput{
		ContextName: &c.name, Source: &c.source, ContextType: &c.contextType, Description: c.description,
		Properties: c.properties, Tags: c.tags.sageMakerOrNil(),
	})
	st.Type, st.Modified = c.contextType, c.modified
	return []ResourceState{st}
}
