package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestInOrderFollowsTheSDKValidator(t *testing.T) {
	t.Parallel()
	// The SDK checks in the model's declaration order; members it does not check keep theirs.
	got := inOrder([]string{"ActionName", "ActionType", "Description", "Source", "Tags"}, []string{"ActionName", "Source", "ActionType", "Tags"})
	require.Equal(t, []string{"ActionName", "Source", "ActionType", "Tags", "Description"}, got)
	// Personalize's lowerCamelCase members map to the SDK's field names.
	got = inOrder([]string{"datasetGroupArn", "name", "tags"}, []string{"Name", "DatasetGroupArn", "Tags"})
	require.Equal(t, []string{"name", "datasetGroupArn", "tags"}, got)
}

func TestFirstSentence(t *testing.T) {
	t.Parallel()
	require.Equal(t, "Creates an action.", firstSentence("Creates an action. An action is a lineage\ntracking entity."))
	require.Equal(t, "No full stop", firstSentence("No full stop"))
}

func TestShapeTypes(t *testing.T) {
	t.Parallel()
	str := &shape{Type: "string"}
	for _, c := range []struct {
		s      *shape
		member bool
		want   string
	}{
		{str, true, "*string"},
		{str, false, "string"},
		{&shape{Type: "timestamp"}, true, "*shape.Time"},
		{&shape{Type: "float"}, true, "*float64"},
		{&shape{Type: "list", Member: &shape{Type: "structure", Name: "Tag"}}, true, "[]Tag"},
		{&shape{Type: "map", Key: str, Value: str}, true, "map[string]string"},
		{&shape{Type: "map", Key: str, Value: &shape{Type: "structure", Name: "TrialComponentArtifact"}}, true, "map[string]TrialComponentArtifact"},
		{&shape{Type: "structure", Name: "ActionSource"}, true, "*ActionSource"},
	} {
		require.Equal(t, c.want, shapeType(c.s, c.member))
	}
}

// A {"ref": NAME} node becomes the enclosing structure of that name, so the shape is a cycle;
// a ref to a structure that does not enclose it is an error.
func TestResolveRefs(t *testing.T) {
	t.Parallel()
	expr := &shape{Type: "structure", Name: "SearchExpression", Members: map[string]*shape{
		"SubExpressions": {Type: "list", Member: &shape{Type: "structure", Ref: "SearchExpression"}},
		"Filters":        {Type: "list", Member: &shape{Type: "structure", Name: "Filter", Members: map[string]*shape{"Name": {Type: "string"}}}},
	}}
	top := &shape{Type: "structure", Name: "SearchRequest", Members: map[string]*shape{"SearchExpression": expr}}
	require.NoError(t, resolveRefs(top, map[string]*shape{}))
	require.Same(t, expr, expr.Members["SubExpressions"].Member)
	into := map[string]*shape{}
	require.NoError(t, structures(top, true, into), "a cycle is walked once")
	require.Contains(t, into, "Filter")

	bad := &shape{Type: "structure", Name: "A", Members: map[string]*shape{"B": {Type: "structure", Ref: "Nope"}}}
	require.ErrorContains(t, resolveRefs(bad, map[string]*shape{}), "does not enclose it")
}
