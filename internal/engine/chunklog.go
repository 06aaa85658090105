package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalizeevents"
)

// chunkLog keeps records in fixed-size chunks, so that recording one never copies the ones
// before it (a plain slice would, each time it grows).
type chunkLog[T any] struct{ chunks [][]T }

const logChunk = 512

func (l *chunkLog[T]) add(v T) {
	if n := len(l.chunks); n == 0 || len(l.chunks[n-1]) == logChunk {
		l.chunks = append(l.chunks, make([]T, 0, logChunk))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, v)
}

func (l *chunkLog[T]) len() int {
	if len(l.chunks) == 0 {
		return 0
	}
	return (len(l.chunks)-1)*logChunk + len(l.chunks[len(l.chunks)-1])
}

func (l *chunkLog[T]) at(i int) *T { return &l.chunks[i/logChunk][i%logChunk] }

// view returns what the log holds now, for reading later without copying: adds only append,
// so the view never sees what is added after it.
func (l *chunkLog[T]) view() chunkView[T] {
	return chunkView[T]{chunks: l.chunks[:len(l.chunks):len(l.chunks)], n: l.len()}
}

// chunkView is a chunkLog as it was when the view was taken.
type chunkView[T any] struct {
	chunks [][]T
	n      int
}

func (v chunkView[T]) len() int    { return v.n }
func (v chunkView[T]) at(i int) *T { return &v.chunks[i/logChunk][i%logChunk] }
func (v chunkView[T]) all() []T    { return chunkLog[T]{chunks: v.chunks}.prefix(v.n) }
func (l chunkLog[T]) prefix(n int) []T {
	out := make([]T, 0, n)
	for _, c := range l.chunks {
		if len(out)+len(c) > n {
			c = c[:n-len(out)]
		}
		out = append(out, c...)
	}
	return out
}

// all returns the records in a new slice (shallow copies).
func (l *chunkLog[T]) all() []T {
	out := make([]T, 0, l.len())
	for _, c := range l.chunks {
		out = append(out, c...)
	}
	return out
}

// eventStates are the events PutEvents recorded for a group, one call each, as long as the
// tracker that took them is still the group's.
func (g *datasetGroup) eventStates(w *world, now time.Time) []ResourceState {
	t := w.groupTracker(g, now)
	if t == nil {
		return nil
	}
	var out []ResourceState
	for _, ev := range g.events.all() {
		if ev.TrackingID != t.trackingID {
			continue
		}
		var attribution *personalizeevents.MetricAttribution
		if ev.AttributionSource != "" {
			attribution = &personalizeevents.MetricAttribution{EventAttributionSource: &ev.AttributionSource}
		}
		out = append(out, ResourceState{Scope: w.scope, Kind: "records", Service: PersonalizeEvents, Operation: "PutEvents", Created: ev.ReceivedAt,
			Input: &personalizeevents.PutEventsInput{TrackingId: &ev.TrackingID, SessionId: &ev.SessionID, UserId: orNil(ev.UserID),
				EventList: []personalizeevents.Event{{EventId: orNil(ev.EventID), EventType: &ev.EventType, EventValue: ev.EventValue,
					ItemId: orNil(ev.ItemID), Properties: orNil(ev.Properties), SentAt: shape.T(ev.SentAt),
					RecommendationId: orNil(ev.RecommendationID), Impression: ev.Impression, MetricAttribution: attribution}}}})
	}
	return out
}
