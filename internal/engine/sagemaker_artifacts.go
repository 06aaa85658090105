package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// artifact is one SageMaker ML lineage artifact. Its identity is its source, not its name:
// AWS documents "there can be only one artifact with a unique SourceUri", its own SDK creates
// many artifacts with one name, and the same data tracked in two accounts has the same id.
//
// Copy-on-write, as for actions: pointers and maps are replaced, never written through.
type artifact struct {
	entity       // name is ArtifactName, "" when none was given; names may repeat
	source       sagemaker.ArtifactSource
	artifactType string
	properties   map[string]string
	metadata     *sagemaker.MetadataProperties
	modified     time.Time
}

// sourceKey is an artifact source's identity: its SourceUri and the set of its SourceTypes
// (order and repeats do not matter), each part length-prefixed so that no two sources share
// a key.
func sourceKey(s *sagemaker.ArtifactSource) string {
	types := make([]string, 0, len(s.SourceTypes))
	for _, t := range s.SourceTypes {
		types = append(types, lengthPrefixed(*t.SourceIdType)+lengthPrefixed(*t.Value))
	}
	slices.Sort(types)
	types = slices.Compact(types)
	var b strings.Builder
	b.WriteString(lengthPrefixed(*s.SourceUri))
	for _, t := range types {
		b.WriteString(t)
	}
	return b.String()
}

func lengthPrefixed(s string) string { return strconv.Itoa(len(s)) + ":" + s }

// artifactID is the id an artifact's ARN ends with: the first 32 hex digits of the SHA-256 of
// its source key. A documented guess: AWS's ids are 32 lowercase hex digits, the same for the
// same data in two accounts, but AWS does not say how it derives them.
func artifactID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// indexArtifact and unindexArtifact keep the world's artifacts by SourceUri, which
// DeleteArtifact by Source needs.
func (w *world) indexArtifact(a *artifact) {
	uri := *a.source.SourceUri
	w.artifactsByURI[uri] = append(w.artifactsByURI[uri], a)
}

func (w *world) unindexArtifact(a *artifact) {
	uri := *a.source.SourceUri
	rest := slices.DeleteFunc(w.artifactsByURI[uri], func(b *artifact) bool { return b == a })
	if len(rest) == 0 {
		delete(w.artifactsByURI, uri)
		return
	}
	w.artifactsByURI[uri] = rest
}

func (e *Engine) createArtifact(w *world, in *sagemaker.CreateArtifactInput, cx opContext) (*sagemaker.CreateArtifactOutput, *Error) {
	arn := w.scope.arn(SageMaker, "artifact", artifactID(sourceKey(in.Source)))
	if _, ok := w.artifacts.items[arn]; ok {
		// The message is a guess; its code and the words "already exists" are what AWS's own
		// Python SDK matches.
		return nil, invalid(SageMaker, "Artifact with source (%s) already exists: %s", *in.Source.SourceUri, arn)
	}
	if q := e.cfg.quota(catalog.Artifacts); w.artifacts.full(q) {
		return nil, limitExceeded(SageMaker, "The account-level service limit 'Total number of artifacts' is %d Artifacts, with current utilization of %d Artifacts.", q, w.artifacts.active)
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
		modified:     cx.now,
	}
	if in.ArtifactName != nil {
		a.name = *in.ArtifactName
	}
	w.artifacts.insert(a, cx.now)
	w.indexArtifact(a)
	return &sagemaker.CreateArtifactOutput{ArtifactArn: &a.arn}, nil
}
