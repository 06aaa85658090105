package engine

import "time"

// The lineage graph: the kinds kinds.txt declares as lineage vertices (actions, artifacts,
// contexts and trial components) are its vertices, associations its edges (association.go). An association is kept
// in a table like every kind (quota, digest, seeds) with adjacency lists per end, so a query
// costs what it visits and deleting an entity costs its degree.

// vertex is a lineage entity as the graph sees it. A kind is one by declaring its LineageType in
// kinds.txt (which gives it lineageType and puts it in the lookups by ARN, zz_kinds.go), having
// a lineage method, and embedding modifiedAt.
type vertex interface {
	resource
	lineageType() string // Action, Artifact, Context, ...
	lineage() vertexInfo
	touch(time.Time)
}

// vertexInfo is what QueryLineage and ListAssociations read of a vertex.
type vertexInfo struct {
	lineageType string // set by infoOf, from the kind's declaration
	// typ is the entity's own type as QueryLineage gives it: its ActionType, ArtifactType or
	// ContextType, or a job's trial component's job type (TrainingJob).
	typ string
	// endType is its type as ListAssociations gives it, when that differs: a job's trial
	// component's SourceType (SageMakerTrainingJob).
	endType string
	// untyped: the entity has no type at all (a trial component no job made), so neither
	// QueryLineage nor ListAssociations gives one (a documented guess, facts decision 19).
	untyped    bool
	name       *string // nil for an artifact without a name
	modified   time.Time
	properties map[string]string
}

// vertexType is the Type QueryLineage gives a vertex.
func (i *vertexInfo) vertexType() *string {
	if i.untyped {
		return nil
	}
	return &i.typ
}

// associationEndType is the SourceType or DestinationType ListAssociations gives an end.
func (i *vertexInfo) associationEndType() *string {
	switch {
	case i.untyped:
		return nil
	case i.endType != "":
		return &i.endType
	}
	return &i.typ
}

// infoOf is what a vertex's kind says of it, with its lineage type.
func infoOf(v vertex) vertexInfo {
	info := v.lineage()
	info.lineageType = v.lineageType()
	return info
}

// modifiedAt is when a lineage entity last changed: its LastModifiedTime.
type modifiedAt struct{ modified time.Time }

// touch sets when the entity last changed, for a seed that restores it.
func (m *modifiedAt) touch(t time.Time) { m.modified = t }
