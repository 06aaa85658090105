package engine

import (
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// The lineage graph: actions, artifacts and contexts are its vertices, associations its
// edges. An association is identified by its ends (AWS's DeleteAssociation takes only those),
// has no ARN and no tags, and is kept in a table like every kind (quota, digest, seeds) with
// adjacency lists per end, so a query costs what it visits and deleting an entity costs its
// degree.

// vertex is a lineage entity as the graph sees it.
type vertex interface {
	resource
	lineage() vertexInfo
}

// vertexInfo is what QueryLineage and ListAssociations read of a vertex.
type vertexInfo struct {
	lineageType string  // Action, Artifact or Context
	typ         string  // the entity's own type: its ActionType, ArtifactType or ContextType
	name        *string // nil for an artifact without a name
	modified    time.Time
	properties  map[string]string
}

func (a *action) lineage() vertexInfo {
	return vertexInfo{lineageType: "Action", typ: a.actionType, name: &a.name, modified: a.modified, properties: a.properties}
}

func (a *artifact) lineage() vertexInfo {
	return vertexInfo{lineageType: "Artifact", typ: a.artifactType, name: a.artifactName, modified: a.modified, properties: a.properties}
}

func (c *lineageContext) lineage() vertexInfo {
	return vertexInfo{lineageType: "Context", typ: c.contextType, name: &c.name, modified: c.modified, properties: c.properties}
}

// association is one edge of the lineage graph.
type association struct {
	entity                 // name is its key (the two ARNs); arn its identity in digests and pages
	src, dst       vertex  // both exist for as long as the association does
	assocType      *string // nil when AddAssociation gave none (AWS sets no default)
	srcARN, dstARN string
}

// associationKey is an association's identity: its two ends.
func associationKey(src, dst string) string { return src + " " + dst }

// edges are a vertex's associations, in the order they were added.
type edges struct{ out, in []*association }

// vertexOf returns the lineage entity an ARN names in this world: an action, artifact or
// context (the fake has no experiments or trial components).
func (w *world) vertexOf(arn string, now time.Time) vertex {
	switch p, _ := parseARN(arn); {
	case strings.HasPrefix(p.resource, "action/"):
		if a, ok := w.actions.resolve(arn, now); ok {
			return a
		}
	case strings.HasPrefix(p.resource, "artifact/"):
		if a, ok := w.artifacts.resolve(arn, now); ok {
			return a
		}
	case strings.HasPrefix(p.resource, "context/"):
		if c, ok := w.contexts.resolve(arn, now); ok {
			return c
		}
	}
	return nil
}

// experimentKind reports whether an ARN names an experiment entity (an experiment or a trial
// component): AWS refuses an association between two of them.
func experimentKind(arn string) bool {
	p, _ := parseARN(arn)
	return strings.HasPrefix(p.resource, "experiment/") || strings.HasPrefix(p.resource, "experiment-trial-component/")
}

func (e *Engine) addAssociation(w *world, in *sagemaker.AddAssociationInput, cx opContext) (*sagemaker.AddAssociationOutput, *Error) {
	srcARN, dstARN := *in.SourceArn, *in.DestinationArn
	if experimentKind(srcARN) && experimentKind(dstARN) {
		return nil, invalid(SageMaker, "An association cannot join two experiment entities (%s and %s).", srcARN, dstARN)
	}
	src, dst := w.vertexOf(srcARN, cx.now), w.vertexOf(dstARN, cx.now)
	for _, end := range []struct {
		arn string
		v   vertex
	}{{srcARN, src}, {dstARN, dst}} {
		if end.v == nil {
			return nil, notFound(SageMaker, "Lineage entity %s does not exist.", end.arn)
		}
	}
	// The pair is the identity, whatever the type: a second AddAssociation of it cannot make a
	// second edge (a documented guess that it is refused rather than retyped).
	key := associationKey(srcARN, dstARN)
	if _, ok := w.associations.items[key]; ok {
		return nil, invalid(SageMaker, "Association between %s and %s already exists.", srcARN, dstARN)
	}
	if q := e.cfg.quota(catalog.Associations); w.associations.full(q) {
		return nil, limitExceeded(SageMaker, "The account-level service limit 'Total number of associations' is %d Associations, with current utilization of %d Associations.", q, w.associations.active)
	}
	a := &association{
		entity:    entity{name: key, arn: srcARN + " -> " + dstARN},
		src:       src,
		dst:       dst,
		assocType: in.AssociationType,
		srcARN:    srcARN,
		dstARN:    dstARN,
	}
	w.associations.insert(a, cx.now)
	w.link(a)
	return &sagemaker.AddAssociationOutput{SourceArn: &a.srcARN, DestinationArn: &a.dstARN}, nil
}

func (w *world) link(a *association) {
	if w.adjacency == nil {
		w.adjacency = map[string]*edges{}
	}
	for _, end := range []string{a.srcARN, a.dstARN} {
		if w.adjacency[end] == nil {
			w.adjacency[end] = &edges{}
		}
	}
	w.adjacency[a.srcARN].out = append(w.adjacency[a.srcARN].out, a)
	w.adjacency[a.dstARN].in = append(w.adjacency[a.dstARN].in, a)
}

// unlink is the associations table's purge hook: it takes an association out of its ends'
// adjacency, at the cost of their degrees.
func (w *world) unlink(a *association) {
	drop := func(end string, list func(*edges) *[]*association) {
		es := w.adjacency[end]
		if es == nil {
			return
		}
		l := list(es)
		*l = slices.DeleteFunc(*l, func(x *association) bool { return x == a })
		if len(es.out) == 0 && len(es.in) == 0 {
			delete(w.adjacency, end)
		}
	}
	drop(a.srcARN, func(e *edges) *[]*association { return &e.out })
	drop(a.dstARN, func(e *edges) *[]*association { return &e.in })
}

func (e *Engine) deleteAssociation(w *world, in *sagemaker.DeleteAssociationInput, cx opContext) (*sagemaker.DeleteAssociationOutput, *Error) {
	a, ok := w.associations.items[associationKey(*in.SourceArn, *in.DestinationArn)]
	if !ok {
		return nil, notFound(SageMaker, "Association between %s and %s does not exist.", *in.SourceArn, *in.DestinationArn)
	}
	w.associations.remove(a)
	return &sagemaker.DeleteAssociationOutput{SourceArn: &a.srcARN, DestinationArn: &a.dstARN}, nil
}

// detach is what deleting a lineage entity does to its associations: AWS is silent, so by
// default the delete is refused while the entity has any (ValidationException naming it, a
// documented guess that leaves no edge dangling); Config.CascadeDeletes deletes them with it.
func (e *Engine) detach(w *world, arn string) *Error {
	es := w.adjacency[arn]
	if es == nil {
		return nil
	}
	// A self-loop is in both lists: it is one association.
	all := slices.Concat(es.out, slices.DeleteFunc(slices.Clone(es.in), func(a *association) bool { return a.srcARN == a.dstARN }))
	if !e.cfg.CascadeDeletes {
		return invalid(SageMaker, "%s cannot be deleted while it has associations (%d): delete them first.", arn, len(all))
	}
	for _, a := range all {
		w.associations.remove(a)
	}
	return nil
}

// touch sets when a lineage entity was last changed, for a seed that restores it.
func (a *action) touch(t time.Time)         { a.modified = t }
func (a *artifact) touch(t time.Time)       { a.modified = t }
func (c *lineageContext) touch(t time.Time) { c.modified = t }
