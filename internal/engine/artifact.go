package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// artifact is one SageMaker ML lineage artifact. Its identity is its source, not its name:
// AWS documents "there can be only one artifact with a unique SourceUri", its own SDK creates
// many artifacts with one name, and the same data tracked in two accounts has the same id.
//
// Copy-on-write, as for actions: pointers and maps are replaced, never written through.
type artifact struct {
	entity               // name is ArtifactName, "" when none was given; names may repeat
	artifactName *string // the name as outputs give it: nil when there is none; replaced on a rename
	source       sagemaker.ArtifactSource
	artifactType string
	properties   map[string]string
	metadata     *sagemaker.MetadataProperties
	modifiedAt
}

// artifactIndex is what the world keeps of artifacts besides their table.
type artifactIndex struct {
	artifactsByURI map[string][]*artifact // in creation order; nil until a call needs it (artifactsWithURI)
	artifactPrefix string                 // every artifact ARN's head, up to its id; "" until the first
}

// appendSourceKey appends an artifact source's identity to b: its SourceUri and the set of
// its SourceTypes (order and repeats do not matter), each part length-prefixed so that no two
// sources share a key.
func appendSourceKey(b []byte, s *sagemaker.ArtifactSource) []byte {
	b = appendPrefixed(b, *s.SourceUri)
	if len(s.SourceTypes) == 1 {
		t := s.SourceTypes[0]
		return appendPrefixed(appendPrefixed(b, *t.SourceIdType), *t.Value)
	}
	types := make([]string, 0, len(s.SourceTypes))
	for _, t := range s.SourceTypes {
		types = append(types, string(appendPrefixed(appendPrefixed(nil, *t.SourceIdType), *t.Value)))
	}
	slices.Sort(types)
	for _, t := range slices.Compact(types) {
		b = append(b, t...)
	}
	return b
}

func appendPrefixed(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	return append(append(b, ':'), s...)
}

// artifactARN is the ARN of the artifact with a source: its id is the first 32 hex digits of
// the SHA-256 of the source's key. A documented guess: AWS's ids are 32 lowercase hex digits,
// the same for the same data in two accounts, but AWS does not say how it derives them.
func (w *world) artifactARN(s *sagemaker.ArtifactSource) string {
	var key [256]byte
	sum := sha256.Sum256(appendSourceKey(key[:0], s))
	var id [32]byte
	hex.Encode(id[:], sum[:16])
	if w.artifactPrefix == "" {
		w.artifactPrefix = w.scope.arn(SageMaker, "artifact", "")
	}
	return w.artifactPrefix + string(id[:])
}

// artifactsWithURI returns the artifacts with a SourceUri, in creation order. DeleteArtifact by
// SourceUri and ListArtifacts filtered by SourceUri (what AWS's samples call before every
// create) read it instead of every artifact. The index is built the first time a call needs
// it, and kept from then on, so creates in a test that never asks cost no more for it.
func (w *world) artifactsWithURI(uri string) []*artifact {
	if w.artifactsByURI == nil {
		w.artifactsByURI = map[string][]*artifact{}
		for _, a := range w.artifacts.view(false) {
			u := *a.source.SourceUri
			w.artifactsByURI[u] = append(w.artifactsByURI[u], a)
		}
	}
	return w.artifactsByURI[uri]
}

// indexArtifact and unindexArtifact keep the index of artifacts by SourceUri, once it exists.
func (w *world) indexArtifact(a *artifact) {
	if w.artifactsByURI == nil {
		return
	}
	uri := *a.source.SourceUri
	same := w.artifactsByURI[uri]
	at := posOf(a)
	i := len(same)
	for i > 0 && byCreation(at, posOf(same[i-1])) { // the clock may have been set back
		i--
	}
	w.artifactsByURI[uri] = slices.Insert(same, i, a)
}

// purged takes a purged artifact out of the index by SourceUri.
func (a *artifact) purged(w *world) { w.unindexArtifact(a) }

func (w *world) unindexArtifact(a *artifact) {
	if w.artifactsByURI == nil {
		return
	}
	uri := *a.source.SourceUri
	rest := slices.DeleteFunc(w.artifactsByURI[uri], func(b *artifact) bool { return b == a })
	if len(rest) == 0 {
		delete(w.artifactsByURI, uri)
		return
	}
	w.artifactsByURI[uri] = rest
}

func (e *Engine) createArtifact(w *world, in *sagemaker.CreateArtifactInput, cx opContext) (*sagemaker.CreateArtifactOutput, *Error) {
	arn := w.artifactARN(in.Source)
	if _, ok := w.artifacts.items[arn]; ok {
		// The message is a guess; its code and the words "already exists" are what AWS's own
		// Python SDK matches.
		return nil, invalid(SageMaker, "Artifact with source (%s) already exists: %s", *in.Source.SourceUri, arn)
	}
	if err := w.artifacts.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(SageMaker, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	a := &artifact{
		entity:       entity{arn: arn, tags: tags},
		source:       *in.Source,
		artifactType: *in.ArtifactType,
		properties:   in.Properties,
		metadata:     in.MetadataProperties,
		modifiedAt:   modifiedAt{cx.now},
	}
	a.setName(in.ArtifactName)
	w.joinLineageGroup(cx.now)
	w.artifacts.insert(a, cx.now)
	w.indexArtifact(a)
	return &sagemaker.CreateArtifactOutput{ArtifactArn: &a.arn}, nil
}

// setName names an artifact. Outputs share the pointer, so a rename replaces it and never
// writes through it (a recorded output keeps the name it had).
func (a *artifact) setName(name *string) {
	a.artifactName = name
	a.name = ""
	if name != nil {
		a.name = *name
	}
}

func artifactNotFound(arn string) *Error {
	return notFound(SageMaker, "Artifact %s does not exist.", arn)
}

// Describe, Update and Delete take an artifact's ARN: it has no other identifier (its name
// may repeat).
func (e *Engine) describeArtifact(w *world, in *sagemaker.DescribeArtifactInput, cx opContext) (*sagemaker.DescribeArtifactOutput, *Error) {
	a, ok := w.artifacts.resolve(*in.ArtifactArn, cx.now)
	if !ok {
		return nil, artifactNotFound(*in.ArtifactArn)
	}
	return &sagemaker.DescribeArtifactOutput{
		ArtifactArn:        &a.arn,
		ArtifactName:       a.artifactName,
		Source:             &a.source,
		ArtifactType:       &a.artifactType,
		Properties:         a.properties,
		MetadataProperties: a.metadata,
		CreationTime:       shape.T(a.created),
		LastModifiedTime:   shape.T(a.modified),
		LineageGroupArn:    &w.lineageGroupARN,
	}, nil
}

// updateArtifact may rename an artifact and change its properties; nothing changes its source
// or its type.
func (e *Engine) updateArtifact(w *world, in *sagemaker.UpdateArtifactInput, cx opContext) (*sagemaker.UpdateArtifactOutput, *Error) {
	a, ok := w.artifacts.resolve(*in.ArtifactArn, cx.now)
	if !ok {
		return nil, artifactNotFound(*in.ArtifactArn)
	}
	if in.ArtifactName != nil {
		a.setName(in.ArtifactName)
	}
	a.properties = updatedProperties(a.properties, in.Properties, in.PropertiesToRemove)
	a.modified = cx.now
	return &sagemaker.UpdateArtifactOutput{ArtifactArn: &a.arn}, nil
}

// deleteArtifact takes the ARN or the source ("Either ArtifactArn or Source must be
// specified."); with both, the ARN decides (a documented guess).
func (e *Engine) deleteArtifact(w *world, in *sagemaker.DeleteArtifactInput, cx opContext) (*sagemaker.DeleteArtifactOutput, *Error) {
	var a *artifact
	switch {
	case in.ArtifactArn != nil:
		var ok bool
		if a, ok = w.artifacts.resolve(*in.ArtifactArn, cx.now); !ok {
			return nil, artifactNotFound(*in.ArtifactArn)
		}
	case in.Source != nil:
		var err *Error
		if a, err = w.artifactBySource(in.Source); err != nil {
			return nil, err
		}
	default:
		return nil, invalid(SageMaker, "Either ArtifactArn or Source must be specified.")
	}
	if err := e.detach(w, a.arn); err != nil {
		return nil, err
	}
	w.artifacts.remove(a)
	return &sagemaker.DeleteArtifactOutput{ArtifactArn: &a.arn}, nil
}

// artifactBySource finds the artifact a Source names: with SourceTypes, the one with exactly
// that source; without, the one with that SourceUri. Documented guesses: several artifacts with
// the SourceUri and no SourceTypes to choose between them is a ValidationException that names
// them.
func (w *world) artifactBySource(s *sagemaker.ArtifactSource) (*artifact, *Error) {
	if len(s.SourceTypes) > 0 {
		if a, ok := w.artifacts.items[w.artifactARN(s)]; ok {
			return a, nil
		}
		return nil, notFound(SageMaker, "Artifact with source (%s) and those source types does not exist.", *s.SourceUri)
	}
	switch found := w.artifactsWithURI(*s.SourceUri); len(found) {
	case 0:
		return nil, notFound(SageMaker, "Artifact with source (%s) does not exist.", *s.SourceUri)
	case 1:
		return found[0], nil
	default:
		arns := make([]string, len(found))
		for i, a := range found {
			arns[i] = a.arn
		}
		return nil, invalid(SageMaker, "%d artifacts have the source %s: give SourceTypes or ArtifactArn to say which (%s).",
			len(found), *s.SourceUri, strings.Join(arns, ", "))
	}
}

// listArtifacts sorts by CreationTime only (the model's SortArtifactsBy has no Name).
func (e *Engine) listArtifacts(w *world, in *sagemaker.ListArtifactsInput, _ opContext) (*sagemaker.ListArtifactsOutput, *Error) {
	l := lineageList{kind: "artifacts", sortBy: in.SortBy, sortOrder: in.SortOrder, token: in.NextToken, maxResults: in.MaxResults}
	items := w.artifacts.view(false)
	if in.SourceUri != nil {
		// The same order, fewer items: tokens are positions in the order, valid in either.
		items = w.artifactsWithURI(*in.SourceUri)
	}
	page, next, err := lineagePage(items, l, func(a *artifact) bool {
		return (in.ArtifactType == nil || *in.ArtifactType == a.artifactType) && createdWithin(a.created, in.CreatedAfter, in.CreatedBefore)
	})
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListArtifactsOutput{ArtifactSummaries: make([]sagemaker.ArtifactSummary, len(page)), NextToken: next}
	for i, a := range page {
		out.ArtifactSummaries[i] = sagemaker.ArtifactSummary{
			ArtifactArn:      &a.arn,
			ArtifactName:     a.artifactName,
			Source:           &a.source,
			ArtifactType:     &a.artifactType,
			CreationTime:     shape.T(a.created),
			LastModifiedTime: shape.T(a.modified),
		}
	}
	return out, nil
}

func (a *artifact) lineage() vertexInfo {
	return vertexInfo{typ: a.artifactType, name: a.artifactName, modified: a.modified, properties: a.properties}
}

func (a *artifact) state(w *world, _ time.Time) []ResourceState {
	st := a.baseState(w, "artifact", SageMaker, "CreateArtifact", &sagemaker.CreateArtifactInput{
		ArtifactName: a.artifactName, Source: &a.source, ArtifactType: &a.artifactType, Properties: a.properties,
		MetadataProperties: a.metadata, Tags: a.tags.sageMakerOrNil(),
	})
	st.Type, st.Modified = a.artifactType, a.modified
	return []ResourceState{st}
}
