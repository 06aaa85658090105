package engine

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// Associations are the lineage graph's edges (lineage_graph.go). An association is identified
// by its ends (AWS's DeleteAssociation takes only those), has no ARN and no tags, and is kept in
// a table like every kind (quota, digest, seeds) with adjacency lists per end.

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

// associationIndex is the graph's adjacency: every vertex's associations, by its ARN.
type associationIndex struct {
	adjacency map[string]*edges
}

// experimentKind reports whether an ARN names an experiment entity (an experiment or a trial
// component): AWS refuses an association between two of them ("You cannot create an
// association between two experiment entities").
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
	if err := w.associations.overQuota(&e.cfg); err != nil {
		return nil, err
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

// purged takes an association out of its ends' adjacency, at the cost of their degrees.
func (a *association) purged(w *world) {
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

func (a *association) state(w *world, _ time.Time) []ResourceState {
	st := a.baseState(w, "association", SageMaker, "AddAssociation", &sagemaker.AddAssociationInput{
		SourceArn: &a.srcARN, DestinationArn: &a.dstARN, AssociationType: a.assocType,
	})
	st.ARN = ""
	return []ResourceState{st}
}

// listAssociations filters exactly, before paging, and sorts as asked: by CreationTime (the
// default), SourceArn, DestinationArn, SourceType or DestinationType, Descending by default,
// equal keys in creation order. Given an end, it reads only that end's associations: it costs
// what it lists, not the size of the graph.
func (e *Engine) listAssociations(w *world, in *sagemaker.ListAssociationsInput, _ opContext) (*sagemaker.ListAssociationsOutput, *Error) {
	var candidates []*association
	switch {
	case in.SourceArn != nil:
		if es := w.adjacency[*in.SourceArn]; es != nil {
			candidates = es.out
		}
	case in.DestinationArn != nil:
		if es := w.adjacency[*in.DestinationArn]; es != nil {
			candidates = es.in
		}
	default:
		candidates = w.associations.view(false)
	}
	sortBy := "CreationTime"
	if in.SortBy != nil {
		sortBy = *in.SortBy
	}
	key := map[string]func(a *association) string{
		"SourceArn":       func(a *association) string { return a.srcARN },
		"DestinationArn":  func(a *association) string { return a.dstARN },
		"SourceType":      func(a *association) string { return endTypeText(a.src) },
		"DestinationType": func(a *association) string { return endTypeText(a.dst) },
	}[sortBy]
	l := listing[*association]{
		order: byCreation, asc: in.SortOrder != nil && *in.SortOrder == "Ascending",
		kind: "associations", sortBy: sortBy, token: in.NextToken, limit: pageSize(in.MaxResults, 10),
		skip: func(a *association) bool { return !associationMatches(a, in) }, bad: invalidSageMakerToken,
	}
	items := candidates
	if in.SourceArn != nil || in.DestinationArn != nil || key != nil {
		items = append([]*association(nil), candidates...)
	}
	if key != nil {
		// A sort key other than creation: the key, then creation order, carried in tokens.
		l.order = byNameOrder
		l.pos = func(a *association) position { return position{at: a.created, seq: a.seq, name: key(a)} }
		sort.SliceStable(items, func(i, j int) bool { return byNameOrder(l.pos(items[i]), l.pos(items[j])) })
	} else if in.SourceArn != nil || in.DestinationArn != nil {
		sort.SliceStable(items, func(i, j int) bool { return byCreation(posOf(items[i]), posOf(items[j])) })
	}
	l.items = items
	page, next, err := l.page()
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListAssociationsOutput{AssociationSummaries: make([]sagemaker.AssociationSummary, len(page)), NextToken: next}
	for i, a := range page {
		src, dst := a.src.lineage(), a.dst.lineage()
		out.AssociationSummaries[i] = sagemaker.AssociationSummary{
			SourceArn:       &a.srcARN,
			DestinationArn:  &a.dstARN,
			SourceType:      src.associationEndType(),
			DestinationType: dst.associationEndType(),
			AssociationType: a.assocType,
			SourceName:      src.name,
			DestinationName: dst.name,
			CreationTime:    shape.T(a.created),
		}
	}
	return out, nil
}

// endTypeText is an end's type as ListAssociations sorts by it ("" for an end without one).
func endTypeText(v vertex) string {
	info := v.lineage()
	if t := info.associationEndType(); t != nil {
		return *t
	}
	return ""
}

// endTypeIs reports whether an end has a type, and it is typ.
func endTypeIs(v vertex, typ string) bool {
	info := v.lineage()
	t := info.associationEndType()
	return t != nil && *t == typ
}

func associationMatches(a *association, in *sagemaker.ListAssociationsInput) bool {
	switch {
	case in.SourceArn != nil && *in.SourceArn != a.srcARN,
		in.DestinationArn != nil && *in.DestinationArn != a.dstARN,
		in.SourceType != nil && !endTypeIs(a.src, *in.SourceType),
		in.DestinationType != nil && !endTypeIs(a.dst, *in.DestinationType),
		in.AssociationType != nil && (a.assocType == nil || *in.AssociationType != *a.assocType),
		!createdWithin(a.created, in.CreatedAfter, in.CreatedBefore):
		return false
	}
	return true
}
