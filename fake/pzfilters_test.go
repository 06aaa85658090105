package fake_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func (e *pzEnv) filter(t *testing.T, name, group, expr string) string {
	t.Helper()
	out, err := e.pz.CreateFilter(e.ctx, &personalize.CreateFilterInput{Name: &name, DatasetGroupArn: &group, FilterExpression: &expr})
	require.NoError(t, err)
	return aws.ToString(out.FilterArn)
}

// An expression is parsed in full when the filter is created: a syntax error is
// InvalidInputException saying what and where.
func TestCreateFilterRefusesBadExpressions(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		for _, c := range []struct{ expr, want string }{
			{`EXCLUDE ItemID WHERE Items.GENRE IN`, `Could not create filter. Invalid Expression at the end`},
			{`INCLUDE ItemID WHERE Items.PRICE NOT IN ($PRICES)`, "Could not create filter. Invalid input symbol $PRICES at offset 41"},
			{`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click") AND Items.GENRE IN ("x")`, "Could not create filter. Invalid Expression at offset"},
			{`REMOVE ItemID WHERE Items.GENRE IN ("x")`, `Could not create filter. Invalid Expression at offset 0 ("REMOVE")`},
		} {
			t.Run(c.expr, func(t *testing.T) {
				_, err := e.pz.CreateFilter(e.ctx, &personalize.CreateFilterInput{Name: aws.String("f"), DatasetGroupArn: &group, FilterExpression: &c.expr})
				require.Contains(t, requireCode(t, err, "InvalidInputException"), c.want)
			})
		}
		list, err := e.pz.ListFilters(e.ctx, &personalize.ListFiltersInput{})
		require.NoError(t, err)
		require.Empty(t, list.Filters, "a refused filter is not made")
	})
}

// An expression that parses but does not fit the group's schemas makes the filter end CREATE
// FAILED, with pzfilter's reason; one that fits ends ACTIVE. Describe shows the expression as
// given, the list does not.
func TestFiltersCheckTheSchemasAsynchronously(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		e.interactions(t, group)
		e.dataset(t, group, "Items", e.schema(t, "items", itemsSchema))
		good := e.filter(t, "good", group, `INCLUDE ItemID WHERE Items.GENRES IN ($GENRES) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
		bad := e.filter(t, "bad", group, `EXCLUDE ItemID WHERE Items.COLOUR IN ("red")`)
		noUsers := e.filter(t, "no-users", group, `EXCLUDE ItemID WHERE Items.GENRES IN ("x") IF CurrentUser.AGE > 18`)
		require.Equal(t, "CREATE PENDING", e.filterStatus(t, bad))
		status, polls := poll(t, e, func() string { return e.filterStatus(t, good) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 2, polls)
		for arn, reason := range map[string]string{bad: "COLOUR", noUsers: "Users"} {
			out, err := e.pz.DescribeFilter(e.ctx, &personalize.DescribeFilterInput{FilterArn: &arn})
			require.NoError(t, err)
			require.Equal(t, "CREATE FAILED", aws.ToString(out.Filter.Status))
			require.Contains(t, aws.ToString(out.Filter.FailureReason), reason)
		}
		out, err := e.pz.DescribeFilter(e.ctx, &personalize.DescribeFilterInput{FilterArn: &good})
		require.NoError(t, err)
		require.Equal(t, `INCLUDE ItemID WHERE Items.GENRES IN ($GENRES) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`,
			aws.ToString(out.Filter.FilterExpression))
		require.Equal(t, group, aws.ToString(out.Filter.DatasetGroupArn))
		require.Nil(t, out.Filter.FailureReason)

		list, err := e.pz.ListFilters(e.ctx, &personalize.ListFiltersInput{DatasetGroupArn: &group, MaxResults: aws.Int32(2)})
		require.NoError(t, err)
		require.Len(t, list.Filters, 2)
		require.Equal(t, noUsers, aws.ToString(list.Filters[0].FilterArn))
		require.NotNil(t, list.NextToken)
		require.Contains(t, aws.ToString(list.Filters[0].FailureReason), "Users")
	})
}

// Filters count per dataset group (AWS: 10), and so do the distinct fields they read (the
// current guidelines: 20); a filter being created cannot be deleted; a deleted one frees both.
func TestFilterQuotasAndDeletion(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		var filters []string
		for i := range 2 {
			filters = append(filters, e.filter(t, fmt.Sprintf("f%d", i), group, fmt.Sprintf(`EXCLUDE ItemID WHERE Items.F%d IN ("x")`, i)))
		}
		_, err := e.pz.CreateFilter(e.ctx, &personalize.CreateFilterInput{Name: aws.String("f2"), DatasetGroupArn: &group,
			FilterExpression: aws.String(`EXCLUDE ItemID WHERE Items.F0 IN ("y")`)})
		require.Contains(t, requireCode(t, err, "LimitExceededException"), "filters (2)")

		_, err = e.pz.DeleteFilter(e.ctx, &personalize.DeleteFilterInput{FilterArn: &filters[0]})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "CREATE PENDING")
		e.clk.Add(time.Minute)
		_, err = e.pz.DeleteFilter(e.ctx, &personalize.DeleteFilterInput{FilterArn: &filters[0]})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", e.filterStatus(t, filters[0]))
		e.clk.Add(30 * time.Second)
		e.filter(t, "f0", group, `EXCLUDE ItemID WHERE Items.F0 IN ("x")`)
	}, fake.WithQuota(fake.Filters, 2))
}

func TestFilterFieldsPerGroup(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithQuota(fake.Filters, 0))
	group := e.group(t, "g", "")
	for i := range 4 {
		// Five fields each: 20 in all.
		e.filter(t, fmt.Sprintf("f%d", i), group, fmt.Sprintf(
			`EXCLUDE ItemID WHERE Items.A%[1]d IN ("x") AND Items.B%[1]d IN ("x") AND Items.C%[1]d IN ("x") AND Items.D%[1]d IN ("x") AND Items.E%[1]d IN ("x")`, i))
	}
	e.filter(t, "reuses", group, `EXCLUDE ItemID WHERE Items.A0 IN ("y")`)
	_, err := e.pz.CreateFilter(e.ctx, &personalize.CreateFilterInput{Name: aws.String("one-more"), DatasetGroupArn: &group,
		FilterExpression: aws.String(`EXCLUDE ItemID WHERE Items.NEW IN ("x")`)})
	require.Contains(t, requireCode(t, err, "LimitExceededException"), "21 distinct dataset fields; at most 20")
}
