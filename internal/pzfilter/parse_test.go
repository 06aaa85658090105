package pzfilter

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// TestParseAccepts parses every element of the grammar, AWS's documented examples first, and
// checks the canonical form each prints as.
func TestParseAccepts(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, expr, canonical string }{
		// AWS's examples (filter expression examples pages), verbatim.
		{"interactions excluded", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "stream")`, ""},
		{"any event type", `INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("*")`, ""},
		{"event type placeholder", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)`, ""},
		{"numeric placeholder", `INCLUDE ItemID WHERE Items.PRICE <= $PRICE`, ""},
		{"timestamp placeholder", `INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < $DATE`, ""},
		{"IF on current user", `EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE`, ""},
		{"two includes", `INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY) | INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("favorite")`, ""},
		{"include then exclude", `INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "stream")`, ""},
		{"current item", `INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.GENRE`, ""},
		{"NOT IN literal", `EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN ("shoe") AND Items.CATEGORY_L2 NOT IN ("boot")`, ""},
		{"IF with AND", `EXCLUDE ItemID WHERE Items.NUMBER_OF_DOWNLOADS < 20 IF CurrentUser.AGE > 18 AND CurrentUser.AGE < 30`, ""},
		{"action interactions", `INCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN ($EVENT_TYPE)`, ""},
		{"parenthesized comparison value", `INCLUDE ActionID WHERE Actions.VALUE > ($VALUE)`, `INCLUDE ActionID WHERE Actions.VALUE > $VALUE`},
		{"actions with IF", `EXCLUDE ActionID WHERE Actions.VALUE < ($VALUE) IF CurrentUser.MEMBERSHIP = $PREMIUM`,
			`EXCLUDE ActionID WHERE Actions.VALUE < $VALUE IF CurrentUser.MEMBERSHIP = $PREMIUM`},
		{"user segment", `INCLUDE UserID WHERE Users.MEMBERSHIP_STATUS IN ($MEMBERSHIP)`, ""},
		{"user segment comparison", `EXCLUDE UserID WHERE Users.AGE < $AGE`, ""},
		{"user segment interactions", `INCLUDE UserID WHERE Interactions.EVENT_TYPE IN ("click", "rating")`, ""},
		// The SDK guide's example: keywords, targets, datasets and EVENT_TYPE in any case.
		{"any case", `EXCLUDE itemId WHERE INTERACTIONS.event_type in ("Purchase")`, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("Purchase")`},
		{"lower case everywhere", `include itemid where items.genre not in ("a") or items.x = 1 if currentuser.age >= 3 and currentuser.b in ("c")`,
			`INCLUDE ItemID WHERE Items.genre NOT IN ("a") OR Items.x = 1 IF CurrentUser.age >= 3 AND CurrentUser.b IN ("c")`},
		// The rest of the grammar.
		{"AND binds tighter than OR", `INCLUDE ItemID WHERE Items.A IN ("x") OR Items.B = 3 AND Items.C >= -1.5`, ""},
		{"whitespace", "  INCLUDE\tItemID\r\nWHERE Items.GENRE IN(\"a\",\"b\")  ", `INCLUDE ItemID WHERE Items.GENRE IN ("a", "b")`},
		{"escapes", `INCLUDE ItemID WHERE Items.TITLE IN ("say \"hi\"", "back\\slash")`, ""},
		{"placeholder among literals", `INCLUDE ItemID WHERE Items.GENRE IN ($G, "drama", $H)`, ""},
		{"= on a string", `INCLUDE ItemID WHERE Items.COLOR = "red"`, ""},
		{"numbers in IN", `INCLUDE ItemID WHERE Items.YEAR IN (1999, 2000.5)`, ""},
		{"empty string", `INCLUDE ItemID WHERE Items.X IN ("")`, ""},
		{"non-ASCII string", `INCLUDE ItemID WHERE Items.GENRE IN ("Komödie", "日本")`, ""},
		{"keyword as field name", `INCLUDE ItemID WHERE Items.IN IN ("x")`, ""},
		{"three expressions", `INCLUDE ItemID WHERE Items.A IN ("a") | EXCLUDE ItemID WHERE Items.B IN ("b") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE NOT IN ("c")`, ""},
		{"comparisons", `INCLUDE ItemID WHERE Items.A = 1 AND Items.B < 2 AND Items.C <= 3 AND Items.D > 4 AND Items.E >= 5`, ""},
		{"NOT IN current item", `EXCLUDE ItemID WHERE Items.GENRE NOT IN CurrentItem.GENRE`, ""},
		{"same placeholder twice", `INCLUDE ItemID WHERE Items.A IN ($X) | EXCLUDE ItemID WHERE Items.B IN ($X)`, ""},
		{"event type =", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE = "click"`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.NoError(t, err)
			want := tc.canonical
			if want == "" {
				want = tc.expr
			}
			require.Equal(t, want, f.String())
			again, err := Parse(f.String())
			require.NoError(t, err)
			require.Empty(t, cmp.Diff(f, again, cmp.AllowUnexported(Filter{}, expr{}, cond{}, operand{})))
		})
	}
}

// TestParseRefuses refuses each malformed form with a message that says where and why.
func TestParseRefuses(t *testing.T) {
	t.Parallel()
	long := `INCLUDE ItemID WHERE Items.A IN ("` + strings.Repeat("x", MaxExpressionLength) + `")`
	manyParams := `INCLUDE ItemID WHERE Items.A IN (`
	for i := range MaxPlaceholders + 1 {
		if i > 0 {
			manyParams += ", "
		}
		manyParams += "$P" + string(rune('a'+i))
	}
	manyParams += ")"
	manyFields := `INCLUDE ItemID WHERE Items.F0 = 1`
	for i := 1; i <= MaxFields; i++ {
		manyFields += " AND Items.F" + string(rune('0'+i%10)) + string(rune('a'+i)) + " = 1"
	}
	cases := []struct {
		name, expr string
		offset     int
		want       string // the message, or the part after the place when it starts with ": "
	}{
		{"empty", "", 0, "Could not create filter. Invalid Expression at the end: the filter expression is empty"},
		{"blank", "  \n", 3, ": the filter expression is empty"},
		{"too long", long, -1, "Could not create filter. Invalid Expression: the filter expression is 2536 characters long; the most is 2500"},
		{"no INCLUDE", `ItemID WHERE Items.A IN ("x")`, 0, "Could not create filter. Invalid Expression at offset 0 (\"ItemID\"): an expression starts with INCLUDE or EXCLUDE"},
		{"misspelt INCLUDE", `INCLUDES ItemID WHERE Items.A IN ("x")`, 0, ": an expression starts with INCLUDE or EXCLUDE"},
		{"no target", `INCLUDE WHERE Items.A IN ("x")`, 8, ": expected ItemID, ActionID or UserID after INCLUDE"},
		{"unknown target", `exclude ItemIDs WHERE Items.A IN ("x")`, 8, ": expected ItemID, ActionID or UserID after EXCLUDE"},
		{"no WHERE", `INCLUDE ItemID Items.A IN ("x")`, 15, ": expected WHERE after ItemID"},
		{"nothing after WHERE", `INCLUDE ItemID WHERE`, 20, ": expected a condition on a dataset's field"},
		{"grouping parentheses", `INCLUDE ItemID WHERE (Items.A IN ("x"))`, 21, ": conditions cannot be grouped in parentheses"},
		{"unknown dataset", `INCLUDE ItemID WHERE Products.A IN ("x")`, 21, `: unknown dataset "Products": expected Items, Users, Interactions, Actions or Action_Interactions`},
		{"Item for Items", `INCLUDE ItemID WHERE Item.A IN ("x")`, 21, `: unknown dataset "Item"; did you mean Items?`},
		{"Action for Actions", `INCLUDE ActionID WHERE Action.MEMBERSHIP_LEVEL IN ("Premium")`, 23, "did you mean Actions?"},
		{"ActionInteractions", `INCLUDE ActionID WHERE ActionInteractions.EVENT_TYPE IN ("x")`, 23, "did you mean Action_Interactions?"},
		{"dataset without field", `INCLUDE ItemID WHERE Items IN ("x")`, 21, ": expected a condition on a dataset's field"},
		{"dot without field", `INCLUDE ItemID WHERE Items. IN ("x")`, 21, `: expected a field name right after "Items."`},
		{"field starting with a digit", `INCLUDE ItemID WHERE Items.1A IN ("x")`, 21, `right after "Items."`},
		{"unsupported operator", `INCLUDE ItemID WHERE Items.A != "x"`, 29, ": unsupported operator !=: use IN, NOT IN, =, <, <=, > or >="},
		{"<> operator", `INCLUDE ItemID WHERE Items.A <> 1`, 29, "unsupported operator <>"},
		{"LIKE", `INCLUDE ItemID WHERE Items.A LIKE "x"`, 29, ": expected IN, NOT IN, =, <, <=, > or >= after Items.A"},
		{"NOT without IN", `INCLUDE ItemID WHERE Items.A NOT ("x")`, 33, ": expected IN after NOT"},
		{"NOT_IN", `INCLUDE ItemID WHERE Items.A NOT_IN ("x")`, 29, "expected IN, NOT IN"},
		{"IN without list", `INCLUDE ItemID WHERE Items.A IN "x"`, 32, ": expected ( and a list of values after IN"},
		{"IN placeholder without parentheses", `INCLUDE ItemID WHERE Items.A IN $A`, 32, "expected ( and a list of values after IN"},
		{"empty list", `INCLUDE ItemID WHERE Items.A IN ()`, 33, `: expected a value: a "string" in double quotes, a number or a $PLACEHOLDER`},
		{"unclosed list", `INCLUDE ItemID WHERE Items.A IN ("x"`, 36, ": expected , or ) in the list of values"},
		{"missing comma", `INCLUDE ItemID WHERE Items.A IN ("x" "y")`, 37, ": expected , or ) in the list of values"},
		{"trailing comma", `INCLUDE ItemID WHERE Items.A IN ("x",)`, 37, ": expected a value"},
		{"bare word value", `INCLUDE ItemID WHERE Items.A IN (drama)`, 33, ": expected a value"},
		{"single quotes", `INCLUDE ItemID WHERE Items.A IN ('x')`, 33, `: unexpected character "'"`},
		{"unterminated string", `INCLUDE ItemID WHERE Items.A IN ("x)`, 33, ": the string has no closing double quote"},
		{"unknown escape", `INCLUDE ItemID WHERE Items.A IN ("a\nb")`, 35, `: a string may only escape \" and \\`},
		{"bad number", `INCLUDE ItemID WHERE Items.A < 1.2.3`, 31, ": a number is digits with an optional minus sign and decimal part"},
		{"number with exponent", `INCLUDE ItemID WHERE Items.A < 1e5`, 31, "a number is digits"},
		{"number ending in a dot", `INCLUDE ItemID WHERE Items.A < 1.`, 31, "a number is digits"},
		{"comparison with a list", `INCLUDE ItemID WHERE Items.A < (1, 2)`, 33, ": < takes one value, not a list"},
		{"comparison with a string", `INCLUDE ItemID WHERE Items.A < "5"`, 31, ": < compares numbers; a string cannot be ordered"},
		{"placeholder in NOT IN", `EXCLUDE ItemID WHERE Items.GENRE NOT IN ($GENRE)`, 41,
			"Could not create filter. Invalid input symbol $GENRE at offset 41: Placeholders can only be used with IN, =, <, <=, > or >=, not with NOT IN; use IN in the opposite expression (INCLUDE for EXCLUDE)"},
		{"bare $", `INCLUDE ItemID WHERE Items.A IN ($)`, 33, ": a placeholder is $ followed by letters, digits or underscores"},
		{"long placeholder", `INCLUDE ItemID WHERE Items.A IN ($` + strings.Repeat("P", 51) + `)`, 33, ": a placeholder's name is at most 50 characters, not 51"},
		{"too many placeholders", manyParams, 158, "Invalid input symbol $Pz at offset 158: a filter may have at most 25 distinct placeholders"},
		{"too many fields", manyFields, 200, ": a filter may read at most 10 distinct dataset fields"},
		{"mixed datasets", `EXCLUDE ItemID WHERE Items.A IN ("x") AND Interactions.EVENT_TYPE IN ("click")`, 42,
			": conditions joined by AND or OR must read the dataset of the first condition (Items); filter on Interactions in another expression after |"},
		{"interaction metadata", `EXCLUDE ItemID WHERE Interactions.EVENT_VALUE > 3`, 21, ": Interactions conditions can only test EVENT_TYPE"},
		{"action interaction metadata", `EXCLUDE ActionID WHERE Action_Interactions.TIMESTAMP > 3`, 23, ": Action_Interactions conditions can only test EVENT_TYPE"},
		{"event type ordered", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE > 3`, 47, ": EVENT_TYPE is matched with IN, NOT IN or = against strings"},
		{"event type number", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (3)`, 49, "EVENT_TYPE is matched with IN"},
		{"users in an item filter", `INCLUDE ItemID WHERE Users.AGE > 18`, 21, ": an ItemID expression cannot test Users fields in WHERE; test the current user with IF CurrentUser.AGE"},
		{"items in an action filter", `INCLUDE ActionID WHERE Items.A IN ("x")`, 23, ": an ActionID expression filters on Actions or Action_Interactions, not Items"},
		{"actions in an item filter", `INCLUDE ItemID WHERE Actions.A IN ("x")`, 21, ": an ItemID expression filters on Items or Interactions, not Actions"},
		{"items in a user segment", `INCLUDE UserID WHERE Items.A IN ("x")`, 21, ": a UserID expression filters on Users or Interactions, not Items"},
		{"CurrentUser in WHERE", `INCLUDE ItemID WHERE CurrentUser.AGE > 18`, 21, ": CurrentUser can only be tested in the IF clause at the end of an expression"},
		{"CurrentItem on the left", `INCLUDE ItemID WHERE CurrentItem.PRICE > 18`, 21, ": CurrentItem goes on the right of an operator"},
		{"CurrentItem in a list", `INCLUDE ItemID WHERE Items.GENRE IN (CurrentItem.GENRE)`, 37, ": write IN CurrentItem.GENRE without parentheses"},
		{"CurrentItem for actions", `INCLUDE ActionID WHERE Actions.V < CurrentItem.V`, 35, ": CurrentItem can only be compared with Items fields"},
		{"CurrentItem in IF", `INCLUDE ItemID WHERE Items.A IN ("x") IF CurrentUser.A IN CurrentItem.A`, 58, "CurrentItem can only be compared with Items fields"},
		{"IF on items", `INCLUDE ItemID WHERE Items.A IN ("x") IF Items.B > 1`, 41, ": an IF clause tests the current user only"},
		{"OR in IF", `INCLUDE ItemID WHERE Items.A IN ("x") IF CurrentUser.A > 1 OR CurrentUser.B > 1`, 59, ": an IF clause joins its conditions with AND only"},
		{"two IFs", `INCLUDE ItemID WHERE Items.A IN ("x") IF CurrentUser.A > 1 IF CurrentUser.B > 1`, 59, ": an expression has one IF clause, at its end"},
		{"IF in a user segment", `INCLUDE UserID WHERE Users.A IN ("x") IF CurrentUser.B > 1`, 38, ": a UserID expression has no IF clause"},
		{"IF without condition", `INCLUDE ItemID WHERE Items.A IN ("x") IF`, 40, ": expected a condition"},
		{"dangling AND", `INCLUDE ItemID WHERE Items.A IN ("x") AND`, 41, ": expected a condition"},
		{"trailing pipe", `INCLUDE ItemID WHERE Items.A IN ("x") |`, 39, ": an expression starts with INCLUDE or EXCLUDE"},
		{"double pipe", `INCLUDE ItemID WHERE Items.A IN ("x") || EXCLUDE ItemID WHERE Items.B IN ("y")`, 39, ": an expression starts with INCLUDE or EXCLUDE"},
		{"leading pipe", `| INCLUDE ItemID WHERE Items.A IN ("x")`, 0, ": an expression starts with INCLUDE or EXCLUDE"},
		{"mixed targets", `INCLUDE ItemID WHERE Items.A IN ("x") | EXCLUDE ActionID WHERE Actions.B IN ("y")`, 48,
			": every expression of a filter must filter the same kind; the first filters ItemID"},
		{"trailing garbage", `INCLUDE ItemID WHERE Items.A IN ("x") LIMIT 5`, 38, ": expected AND, OR, IF, | or the end of the filter"},
		{"expiration timestamp", `EXCLUDE ActionID WHERE Actions.EXPIRATION_TIMESTAMP < 5`, 23, ": EXPIRATION_TIMESTAMP cannot be filtered"},
		{"repeat frequency", `EXCLUDE ActionID WHERE Actions.repeat_frequency < 5`, 23, ": REPEAT_FREQUENCY cannot be filtered"},
		{"stray character", `INCLUDE ItemID WHERE Items.A IN ("x") #`, 38, `: unexpected character "#"`},
		{"non-ASCII outside a string", `INCLUDE ItemID WHERE Items.A IN (ü)`, 33, `: unexpected character "ü"`},
		{"space before the dot", `INCLUDE ItemID WHERE Items .A IN ("x")`, 21, ": expected a condition on a dataset's field"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.Nil(t, f)
			var pe *Error
			require.True(t, errors.As(err, &pe), "%v", err)
			require.Equal(t, tc.offset, pe.Offset, "%v", err)
			if strings.HasPrefix(tc.want, ": ") {
				require.Contains(t, err.Error(), tc.want)
				require.True(t, strings.HasPrefix(err.Error(), "Could not create filter. Invalid "), err.Error())
			} else if strings.HasPrefix(tc.want, "Could not") {
				require.Equal(t, tc.want, err.Error())
			} else {
				require.Contains(t, err.Error(), tc.want)
			}
			if pe.Offset >= 0 && pe.Near != "" {
				require.True(t, strings.HasPrefix(tc.expr[pe.Offset:], pe.Near), "Near %q is not at offset %d", pe.Near, pe.Offset)
			}
		})
	}
}
