package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func writeKinds(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kinds.txt")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

// The state document's order puts every kind after the kinds it needs, and otherwise keeps the
// declaration's order.
func TestStateOrderFollowsNeeds(t *testing.T) {
	t.Parallel()
	path := writeKinds(t, `
kind solutions
  service personalize
  arn solution
  key name
  needs dataset-groups
  struct solution
  doc d
kind dataset-groups
  service personalize
  arn dataset-group
  key name
  struct datasetGroup
  doc d
kind campaigns
  service personalize
  arn campaign
  key name
  needs solutions
  struct campaign
  doc d
kind tags
  quota 50 tags per resource
  doc d
`)
	kinds, err := readKinds(path)
	require.NoError(t, err)
	order, err := stateOrder(kinds)
	require.NoError(t, err)
	var names []string
	for _, k := range order {
		names = append(names, k.name)
	}
	require.Equal(t, []string{"dataset-groups", "solutions", "campaigns"}, names)
	require.Equal(t, "DatasetGroups", kinds[1].goName())
	require.Equal(t, "datasetGroups", kinds[1].field())
}

func TestReadKindsRefusesMistakes(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct{ text, want string }{
		"cycle": {`kind as
  service personalize
  arn a
  key name
  needs bs
  struct a
  doc d
kind bs
  service personalize
  arn b
  key name
  needs as
  struct b
  doc d
`, "cycle"},
		"unknown need":       {"kind as\n  service personalize\n  arn a\n  key name\n  needs nothing\n  struct a\n  doc d\n", `needs "nothing"`},
		"twice":              {"kind as\n  doc d\nkind as\n  doc d\n", "declared twice"},
		"no doc":             {"kind as\n  quota 1 a\n", "no doc"},
		"table without arn":  {"kind as\n  service personalize\n  struct a\n  doc d\n", "needs a service and an ARN type"},
		"unknown property":   {"kind as\n  colour blue\n", `unknown property "colour"`},
		"bad key":            {"kind as\n  key id\n", "key is name or arn"},
		"bad lifecycle":      {"kind as\n  lifecycle 5s\n", "six durations"},
		"unknown service":    {"kind as\n  service s3\n", `unknown service "s3"`},
		"negative quota":     {"kind as\n  quota -1 a\n", "at least 0"},
		"property first":     {"  doc d\n", "before the first kind"},
		"bad name":           {"kind Actions\n", "lowercase plural"},
		"internal quota":     {"kind as\n  service personalize\n  arn a\n  struct a\n  quota 5 a\n  internal\n  doc d\n", "internal kind"},
		"same ARN type":      {"kind as\n  service personalize\n  arn a\n  struct a\n  doc d\nkind bs\n  service personalize\n  arn a\n  struct b\n  doc d\n", "ARN type a"},
		"quota with a table": {"kind as\n  lineage Action\n  doc d\n", "quota alone"},
		"quota per a kind not needed": {"kind as\n  service sagemaker\n  arn a\n  struct a\n  quota 3 things\n  quota-per bs\n  doc d\n" +
			"kind bs\n  service sagemaker\n  arn b\n  struct b\n  doc d\n", "which it does not need"},
		"quota without limit":  {"kind as\n  quota 3\n", "want quota N LIMIT"},
		"folded ARN keys":      {"kind as\n  service sagemaker\n  arn a\n  key arn\n  fold-case\n  struct a\n  doc d\n", "fold-case folds names"},
		"a vertex without ARN": {"kind as\n  service sagemaker\n  arn a\n  no-arn\n  lineage Action\n  struct a\n  doc d\n", "found by its ARN"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := readKinds(writeKinds(t, c.text))
			require.ErrorContains(t, err, c.want)
		})
	}
}

// What the experiment kinds declare reaches the engine's declaration: a quota per parent, its
// unit, names that ignore case; a kind without an ARN is left out of the lookups by ARN.
func TestKindDeclarationsOfPerParentQuotasAndFoldedNames(t *testing.T) {
	t.Parallel()
	kinds, err := readKinds(writeKinds(t, `
kind experiments
  service sagemaker
  arn experiment
  key name
  fold-case
  struct experiment
  doc d
kind trials
  service sagemaker
  arn experiment-trial
  key name
  fold-case
  quota 300 Trials in one experiment
  quota-per experiments
  unit Trials
  needs experiments
  struct trial
  doc d
kind memberships
  service sagemaker
  arn membership
  key name
  no-arn
  needs trials
  struct membership
  doc d
`))
	require.NoError(t, err)
	trials := kinds[1]
	require.Equal(t, "experiments", trials.quotaPer)
	require.Equal(t, 300, trials.quota)
	require.Equal(t, "Trials in one experiment", trials.limit)
	require.True(t, trials.foldCase)
	require.True(t, kinds[2].noARN)
}
