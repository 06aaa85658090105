package engine

import (
	"sort"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

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
		"SourceType":      func(a *association) string { return a.src.lineage().typ },
		"DestinationType": func(a *association) string { return a.dst.lineage().typ },
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
			SourceType:      &src.typ,
			DestinationType: &dst.typ,
			AssociationType: a.assocType,
			SourceName:      src.name,
			DestinationName: dst.name,
			CreationTime:    shape.T(a.created),
		}
	}
	return out, nil
}

func associationMatches(a *association, in *sagemaker.ListAssociationsInput) bool {
	switch {
	case in.SourceArn != nil && *in.SourceArn != a.srcARN,
		in.DestinationArn != nil && *in.DestinationArn != a.dstARN,
		in.SourceType != nil && *in.SourceType != a.src.lineage().typ,
		in.DestinationType != nil && *in.DestinationType != a.dst.lineage().typ,
		in.AssociationType != nil && (a.assocType == nil || *in.AssociationType != *a.assocType),
		!createdWithin(a.created, in.CreatedAfter, in.CreatedBefore):
		return false
	}
	return true
}
