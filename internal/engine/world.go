package engine

import "github.com/awsfake/awsfake/internal/catalog"

// world is the state of one account and Region: one table per kind of resource, and the
// indexes a kind needs besides its table.
type world struct {
	scope  Scope
	seq    uint64     // creation order of every resource, a tiebreak for equal timestamps
	tables []anyTable // every table, in the order they were made
	// journal, while a batch of seeds is applied, collects how to take out each resource the
	// batch made, so that a failed batch leaves nothing behind.
	journal *[]func()
	// seeded, while one seed is applied, collects what it created.
	seeded *[]resource

	actions   *table[*action]
	artifacts *table[*artifact]
	contexts  *table[*lineageContext]
	// associations are the lineage graph's edges; adjacency lists them per end ARN.
	associations *table[*association]
	adjacency    map[string]*edges
	// lineageGroups holds the default lineage group once the world has a lineage entity.
	lineageGroups *table[*lineageGroup]
	groups        *table[*datasetGroup]
	trackers      *table[*eventTracker]
	schemas       *table[*schema]
	datasets      *table[*dataset]

	artifactsByURI     map[string][]*artifact // in creation order; nil until a call needs it (artifactsWithURI)
	lineageGroupARN    string                 // the default lineage group's, which holds every lineage entity
	artifactPrefix     string                 // every artifact ARN's head, up to its id; "" until the first
	byTrackingID       map[string]*eventTracker
	byActionTrackingID map[string]*dataset // the trackers of Action interactions datasets
}

func newWorld(s Scope) *world {
	w := &world{scope: s, byTrackingID: map[string]*eventTracker{}, byActionTrackingID: map[string]*dataset{}}
	w.actions = newTable[*action](w, "action", SageMaker, catalog.Actions, keyByID, true, nil)
	// Artifacts are keyed by ARN: their ids are derived from their sources, and names repeat.
	w.artifacts = newTable(w, "artifact", SageMaker, catalog.Artifacts, keyByARN, false, w.unindexArtifact)
	w.contexts = newTable[*lineageContext](w, "context", SageMaker, catalog.Contexts, keyByID, true, nil)
	w.associations = newTable(w, "association", SageMaker, catalog.Associations, keyByID, false, w.unlink)
	// One group at most, which nothing deletes: no quota.
	w.lineageGroups = newTable[*lineageGroup](w, "lineage-group", SageMaker, "", keyByID, true, nil)
	w.lineageGroupARN = s.arn(SageMaker, "lineage-group", defaultLineageGroup)
	w.groups = newTable(w, "dataset-group", Personalize, catalog.DatasetGroups, keyByID, false, func(g *datasetGroup) {
		g.events = chunkLog[RecordedEvent]{}
	})
	w.trackers = newTable(w, "event-tracker", Personalize, catalog.EventTrackers, keyByARN, false, func(t *eventTracker) {
		delete(w.byTrackingID, t.trackingID)
		if t.group.tracker == t {
			t.group.tracker = nil
		}
	})
	w.schemas = newTable[*schema](w, "schema", Personalize, catalog.Schemas, keyByID, false, nil)
	w.datasets = newTable(w, "dataset", Personalize, catalog.Datasets, keyByARN, false, w.purgeDataset)
	return w
}

func (w *world) nextSeq() uint64 {
	w.seq++
	return w.seq
}
