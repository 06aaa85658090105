package pzfilter

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAccessors reports what the engine asks of a filter: its target, placeholders, fields and
// whether it needs a userId or an itemId.
func TestAccessors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		expr         string
		target       Target
		placeholders []string
		fields       []FieldRef
		user, item   bool
	}{
		{`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($E, "click")`, ItemID, []string{"E"},
			[]FieldRef{{Interactions, "EVENT_TYPE"}}, true, false},
		{`INCLUDE ItemID WHERE Items.GENRE IN ($G) AND items.genre NOT IN ("x") OR Items.PRICE < CurrentItem.PRICE`, ItemID, []string{"G"},
			[]FieldRef{{Items, "GENRE"}, {Items, "PRICE"}}, false, true},
		{`INCLUDE ItemID WHERE Items.A = $B IF CurrentUser.AGE > $A | EXCLUDE ItemID WHERE Items.C IN CurrentItem.D`, ItemID, []string{"A", "B"},
			[]FieldRef{{Items, "A"}, {Users, "AGE"}, {Items, "C"}, {Items, "D"}}, true, true},
		{`INCLUDE UserID WHERE Interactions.EVENT_TYPE IN ("click") | EXCLUDE UserID WHERE Users.AGE < 18`, UserID, []string{},
			[]FieldRef{{Interactions, "EVENT_TYPE"}, {Users, "AGE"}}, false, false},
		{`EXCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN ("TAKEN")`, ActionID, []string{},
			[]FieldRef{{ActionInteractions, "EVENT_TYPE"}}, true, false},
	}
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.NoError(t, err)
			require.Equal(t, tc.target, f.Target())
			require.Equal(t, tc.placeholders, f.Placeholders())
			require.Equal(t, tc.fields, f.Fields())
			require.Equal(t, tc.user, f.NeedsUser(), "NeedsUser")
			require.Equal(t, tc.item, f.NeedsItem(), "NeedsItem")
		})
	}
}

// TestNames prints datasets and targets as expressions spell them.
func TestNames(t *testing.T) {
	t.Parallel()
	require.Equal(t, []string{"Items", "Users", "Interactions", "Actions", "Action_Interactions", "Dataset(?)"},
		[]string{Items.String(), Users.String(), Interactions.String(), Actions.String(), ActionInteractions.String(), Dataset(0).String()})
	require.Equal(t, []string{"ItemID", "ActionID", "UserID", "Target(?)"},
		[]string{ItemID.String(), ActionID.String(), UserID.String(), Target(9).String()})
}
