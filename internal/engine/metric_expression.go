package engine

import (
	"fmt"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// A metric attribution's metrics: each an event type and an expression, "SUM(DatasetType.COLUMN)"
// over a numeric column of the Interactions or Items dataset, or "SAMPLECOUNT()" (AWS: "Available
// functions include SUM(DatasetType.COLUMN_NAME) and SAMPLECOUNT()"; "You can apply SUM()
// functions to only numeric columns of Items and Interactions datasets"). AWS publishes no
// grammar beyond that, so the fake takes function and dataset names in any case and spaces
// around the parts (documented guesses), and names the column as the schema does.

// metricExpression is one parsed expression.
type metricExpression struct {
	sum     bool   // SUM(...); else SAMPLECOUNT()
	dataset string // SUM's dataset type: INTERACTIONS or ITEMS
	column  string // SUM's column, as written
}

// parseMetricExpression parses an expression, or says what is wrong with it.
func parseMetricExpression(text string) (metricExpression, error) {
	fn, rest, ok := strings.Cut(strings.TrimSpace(text), "(")
	inner, tail, closed := strings.Cut(rest, ")")
	if !ok || !closed || strings.TrimSpace(tail) != "" {
		return metricExpression{}, fmt.Errorf("it is not a function call such as SUM(Items.PRICE) or SAMPLECOUNT()")
	}
	inner = strings.TrimSpace(inner)
	switch strings.ToUpper(strings.TrimSpace(fn)) {
	case "SAMPLECOUNT":
		if inner != "" {
			return metricExpression{}, fmt.Errorf("SAMPLECOUNT() takes no argument")
		}
		return metricExpression{}, nil
	case "SUM":
		typ, column, ok := strings.Cut(inner, ".")
		typ, column = strings.TrimSpace(typ), strings.TrimSpace(column)
		if !ok || !metricIdent(column) {
			return metricExpression{}, fmt.Errorf("SUM takes a dataset type and a column, such as SUM(Items.PRICE)")
		}
		switch strings.ToUpper(typ) {
		case typeInteractions, typeItems:
			return metricExpression{sum: true, dataset: strings.ToUpper(typ), column: column}, nil
		}
		return metricExpression{}, fmt.Errorf("SUM sums a column of the Interactions or Items dataset, not of %q", typ)
	}
	return metricExpression{}, fmt.Errorf("the function %q is not one of SUM and SAMPLECOUNT", strings.TrimSpace(fn))
}

// metricIdent reports whether s can name a schema field: letters, digits and underscores, not
// starting with a digit.
func metricIdent(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for _, c := range s {
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// checkMetrics refuses metrics a dataset group cannot report on: an expression that does not
// parse, or names a dataset the group lacks or a column that is not a numeric field of its
// schema; a metric name used twice; and a group whose Interactions dataset has no EVENT_TYPE
// field ("Your Interactions dataset must have an EVENT_TYPE column"). The code of each refusal,
// InvalidInputException, is a documented guess. existing are the metrics the attribution keeps.
func (w *world) checkMetrics(g *datasetGroup, existing, add []personalize.MetricAttribute, now time.Time) *Error {
	names := map[string]bool{}
	for _, m := range existing {
		names[*m.MetricName] = true
	}
	interactions := w.groupDataset(g, typeInteractions, now)
	if interactions == nil || interactions.inForce(now).parsed.field("EVENT_TYPE") == nil {
		return invalid(Personalize, "The dataset group %s needs an Interactions dataset with an EVENT_TYPE field for a metric attribution.", g.arn)
	}
	for i, m := range add {
		if names[*m.MetricName] {
			return invalid(Personalize, "The metric name %s is used twice.", *m.MetricName)
		}
		names[*m.MetricName] = true
		x, err := parseMetricExpression(*m.Expression)
		if err != nil {
			return invalid(Personalize, "Invalid expression %q of metric %d (%s): %v.", *m.Expression, i+1, *m.MetricName, err)
		}
		if !x.sum {
			continue
		}
		d := w.groupDataset(g, x.dataset, now)
		if d == nil {
			return invalid(Personalize, "The expression %s of metric %s sums a column of the %s dataset, and the dataset group %s has none.", *m.Expression, *m.MetricName, x.dataset, g.arn)
		}
		f := d.inForce(now).parsed.field(x.column)
		if f == nil || f.typ != "int" && f.typ != "long" && f.typ != "float" && f.typ != "double" {
			return invalid(Personalize, "The expression %s of metric %s sums %s, which is not a numeric field of the schema of %s.", *m.Expression, *m.MetricName, x.column, d.arn)
		}
	}
	return nil
}
