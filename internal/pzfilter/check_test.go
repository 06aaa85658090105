package pzfilter

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// testSchemas is a dataset group with Items, Users and Interactions but no action datasets.
var testSchemas = SchemaInfo{
	Items: {
		{Name: "ITEM_ID", Type: "string"},
		{Name: "GENRE", Type: "string", Categorical: true},
		{Name: "COLOR", Type: "string"},
		{Name: "PRICE", Type: "float"},
		{Name: "CREATION_TIMESTAMP", Type: "long"},
		{Name: "DESCRIPTION", Type: "string", Textual: true},
		{Name: "ADULT", Type: "boolean"},
	},
	Users: {
		{Name: "USER_ID", Type: "string"},
		{Name: "AGE", Type: "int"},
		{Name: "MEMBERSHIP", Type: "string", Categorical: true},
	},
	Interactions: {
		{Name: "USER_ID", Type: "string"},
		{Name: "ITEM_ID", Type: "string"},
		{Name: "TIMESTAMP", Type: "long"},
		{Name: "EVENT_TYPE", Type: "string"},
	},
}

// TestCheckAccepts checks expressions that fit the schemas.
func TestCheckAccepts(t *testing.T) {
	t.Parallel()
	for _, expr := range []string{
		`INCLUDE ItemID WHERE Items.GENRE IN ("drama")`,
		`INCLUDE ItemID WHERE items.genre IN ("drama") AND Items.price < 5`,
		`INCLUDE ItemID WHERE Items.PRICE = $P AND Items.GENRE IN ($G) AND Items.PRICE >= $Q`,
		`INCLUDE ItemID WHERE Items.COLOR = "red" IF CurrentUser.AGE > 18 AND CurrentUser.MEMBERSHIP IN ("gold")`,
		`INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.COLOR`,
		`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click") | INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP > 1700000000`,
		`INCLUDE UserID WHERE Users.AGE >= 21 OR Users.MEMBERSHIP NOT IN ("none")`,
	} {
		t.Run(expr, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(expr)
			require.NoError(t, err)
			require.NoError(t, f.Check(testSchemas))
		})
	}
}

// TestCheckRefuses refuses expressions that do not fit the schemas, naming the field.
func TestCheckRefuses(t *testing.T) {
	t.Parallel()
	noEventType := SchemaInfo{Items: testSchemas[Items], Interactions: testSchemas[Interactions][:3]}
	cases := []struct {
		name, expr string
		schemas    SchemaInfo
		want       string
	}{
		{"no such dataset", `INCLUDE ActionID WHERE Actions.VALUE > 3`, testSchemas,
			"Could not create filter. Invalid Expression: Actions.VALUE: the dataset group has no Actions dataset"},
		{"no such field", `INCLUDE ItemID WHERE Items.BRAND IN ("x")`, testSchemas,
			"Could not create filter. Invalid Expression: Items.BRAND: the Items dataset's schema has no field BRAND"},
		{"boolean", `INCLUDE ItemID WHERE Items.ADULT IN ("true")`, testSchemas,
			`Could not create filter. Invalid Expression: Items.ADULT: boolean fields cannot be filtered; use a string field with "True" and "False", or an int with 0 and 1`},
		{"textual", `INCLUDE ItemID WHERE Items.DESCRIPTION IN ("boot")`, testSchemas,
			"Could not create filter. Invalid Expression: Items.DESCRIPTION: textual fields cannot be filtered"},
		{"ordering a string", `INCLUDE ItemID WHERE Items.GENRE > 3`, testSchemas,
			"Could not create filter. Invalid Expression: Items.GENRE >: > orders numbers, and GENRE is a string field"},
		{"ordering a string with a placeholder", `INCLUDE ItemID WHERE Items.COLOR <= $C`, testSchemas,
			"Could not create filter. Invalid Expression: Items.COLOR <=: <= orders numbers, and COLOR is a string field"},
		{"string for a number", `INCLUDE ItemID WHERE Items.PRICE IN ("cheap")`, testSchemas,
			`Could not create filter. Invalid Expression: Items.PRICE: PRICE is a float field; compare it with numbers, not "cheap"`},
		{"number for a string", `INCLUDE ItemID WHERE Items.GENRE IN (3)`, testSchemas,
			"Could not create filter. Invalid Expression: Items.GENRE: GENRE is a string field; compare it with strings in double quotes, not 3"},
		{"current item of another type", `INCLUDE ItemID WHERE Items.PRICE = CurrentItem.GENRE`, testSchemas,
			"Could not create filter. Invalid Expression: Items.PRICE = CurrentItem.GENRE: a float field cannot be compared with a string field"},
		{"current item without the field", `INCLUDE ItemID WHERE Items.PRICE < CurrentItem.COST`, testSchemas,
			"Could not create filter. Invalid Expression: CurrentItem.COST: the Items dataset's schema has no field COST"},
		{"current user without the field", `INCLUDE ItemID WHERE Items.PRICE < 3 IF CurrentUser.INCOME > 3`, testSchemas,
			"Could not create filter. Invalid Expression: CurrentUser.INCOME: the Users dataset's schema has no field INCOME"},
		{"no users dataset", `INCLUDE ItemID WHERE Items.PRICE < 3 IF CurrentUser.AGE > 3`, noEventType,
			"Could not create filter. Invalid Expression: CurrentUser.AGE: the dataset group has no Users dataset"},
		{"interactions without EVENT_TYPE", `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`, noEventType,
			"Could not create filter. Invalid Expression: Interactions.EVENT_TYPE: the Interactions dataset's schema has no field EVENT_TYPE"},
		{"the later expression", `INCLUDE ItemID WHERE Items.PRICE < 3 | EXCLUDE ItemID WHERE Items.SIZE IN ("L")`, testSchemas,
			"Could not create filter. Invalid Expression: Items.SIZE: the Items dataset's schema has no field SIZE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse(tc.expr)
			require.NoError(t, err)
			err = f.Check(tc.schemas)
			var pe *Error
			require.True(t, errors.As(err, &pe), "%v", err)
			require.Equal(t, -1, pe.Offset)
			require.Equal(t, tc.want, err.Error())
		})
	}
}

// TestResolve spells fields as the schema does, in a copy.
func TestResolve(t *testing.T) {
	t.Parallel()
	const written = `INCLUDE ItemID WHERE items.genre IN ("a") AND Items.Price < CurrentItem.price IF CurrentUser.age > 3`
	f, err := Parse(written)
	require.NoError(t, err)
	g, err := f.Resolve(testSchemas)
	require.NoError(t, err)
	require.Equal(t, `INCLUDE ItemID WHERE Items.GENRE IN ("a") AND Items.PRICE < CurrentItem.PRICE IF CurrentUser.AGE > 3`, g.String())
	require.Equal(t, `INCLUDE ItemID WHERE Items.genre IN ("a") AND Items.Price < CurrentItem.price IF CurrentUser.age > 3`, f.String(), "the filter itself is unchanged")
	_, err = f.Resolve(SchemaInfo{})
	require.EqualError(t, err, "Could not create filter. Invalid Expression: Items.genre: the dataset group has no Items dataset")
}
