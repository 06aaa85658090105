package engine

import (
	"slices"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// metricAttribution is one metric attribution: the metrics Personalize reports for a dataset
// group's events (at most one attribution per group, at most 10 metrics), and where it
// publishes them. Its statuses are guesses (AWS documents none): CREATE PENDING > CREATE
// IN_PROGRESS > ACTIVE, UPDATE PENDING > UPDATE IN_PROGRESS > ACTIVE after an update, whose
// changes show at once, and DELETE PENDING > DELETE IN_PROGRESS until it is gone.
type metricAttribution struct {
	entity
	lifecycle
	group *datasetGroup
	// What the call gave (the doors hand the engine copies), never changed in place: an update
	// makes a new list, so a listing may hand out part of it.
	metrics []personalize.MetricAttribute
	output  personalize.MetricAttributionOutput
}

// needs is the attribution's group (kinds.txt: needs dataset-groups).
func (m *metricAttribution) needs() needed { return needed{m.group} }

func (e *Engine) createMetricAttribution(w *world, in *personalize.CreateMetricAttributionInput, cx opContext) (*personalize.CreateMetricAttributionOutput, *Error) {
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	arn := w.scope.arn(Personalize, "metric-attribution", *in.Name)
	if _, taken := w.metricAttributions.lookup(*in.Name, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	// AWS: "You can create at most one metric attribution per dataset group." The code is a
	// documented guess, as for a second event tracker.
	if m := w.groupAttribution(g, cx.now); m != nil {
		return nil, alreadyExists("The dataset group %s already has a metric attribution: %s", g.arn, m.arn)
	}
	if len(in.Metrics) == 0 {
		return nil, invalid(Personalize, "A metric attribution needs at least one metric.")
	}
	if err := w.checkMetrics(g, nil, in.Metrics, cx.now); err != nil {
		return nil, err
	}
	if err := w.metricAttributions.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	m := &metricAttribution{
		entity:    entity{arn: arn, name: *in.Name},
		lifecycle: e.newLifecycle(catalog.MetricAttributions, cx),
		group:     g,
		metrics:   in.Metrics,
		output:    *in.MetricsOutputConfig,
	}
	w.metricAttributions.insert(m, cx.now)
	return &personalize.CreateMetricAttributionOutput{MetricAttributionArn: &m.arn}, nil
}

// groupAttribution returns a dataset group's metric attribution, if it has one (one being
// deleted still counts).
func (w *world) groupAttribution(g *datasetGroup, now time.Time) *metricAttribution {
	return firstUser[*metricAttribution](w, g, now, nil)
}

func (e *Engine) describeMetricAttribution(w *world, in *personalize.DescribeMetricAttributionInput, cx opContext) (*personalize.DescribeMetricAttributionOutput, *Error) {
	m, ok := w.metricAttributions.resolve(*in.MetricAttributionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.MetricAttributionArn)
	}
	status, changed, _ := statusOf(m, cx.now)
	return &personalize.DescribeMetricAttributionOutput{MetricAttribution: &personalize.MetricAttribution{
		Name:                 &m.name,
		MetricAttributionArn: &m.arn,
		DatasetGroupArn:      &m.group.arn,
		MetricsOutputConfig:  &m.output,
		Status:               &status,
		CreationDateTime:     shape.T(m.created),
		LastUpdatedDateTime:  shape.T(changed),
		FailureReason:        failureReason(status, m.failReason),
	}}, nil
}

// listMetricAttributions lists newest first; with datasetGroupArn, that group's attribution
// (none for a group that does not exist: the operation models no not-found error).
func (e *Engine) listMetricAttributions(w *world, in *personalize.ListMetricAttributionsInput, cx opContext) (*personalize.ListMetricAttributionsOutput, *Error) {
	var keep func(*metricAttribution) bool
	if in.DatasetGroupArn != nil {
		keep = func(m *metricAttribution) bool { return m.group.arn == *in.DatasetGroupArn }
	}
	page, next, err := newestFirst(w.metricAttributions, nil, "metric-attributions", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListMetricAttributionsOutput{MetricAttributions: make([]personalize.MetricAttributionSummary, len(page)), NextToken: next}
	for i, m := range page {
		status, changed, _ := statusOf(m, cx.now)
		out.MetricAttributions[i] = personalize.MetricAttributionSummary{
			Name: &m.name, MetricAttributionArn: &m.arn, Status: &status,
			CreationDateTime: shape.T(m.created), LastUpdatedDateTime: shape.T(changed),
			FailureReason: failureReason(status, m.failReason),
		}
	}
	return out, nil
}

// updateMetricAttribution removes metrics, adds metrics and replaces the output configuration,
// in that order (so a metric can be replaced under its name in one call), while the
// attribution is ACTIVE. Naming a metric it does not have is InvalidInputException, adding a
// name it keeps ResourceAlreadyExistsException (documented guesses).
func (e *Engine) updateMetricAttribution(w *world, in *personalize.UpdateMetricAttributionInput, cx opContext) (*personalize.UpdateMetricAttributionOutput, *Error) {
	if in.MetricAttributionArn == nil {
		return nil, invalid(Personalize, "metricAttributionArn is required.")
	}
	m, ok := w.metricAttributions.resolve(*in.MetricAttributionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.MetricAttributionArn)
	}
	if status, _, _ := statusOf(m, cx.now); status != StatusActive {
		return nil, inUse("The metric attribution %s is in %s state and cannot be updated.", m.arn, status)
	}
	kept := slices.Clone(m.metrics)
	for _, name := range in.RemoveMetrics {
		i := slices.IndexFunc(kept, func(x personalize.MetricAttribute) bool { return *x.MetricName == name })
		if i < 0 {
			return nil, invalid(Personalize, "The metric attribution %s has no metric named %s.", m.arn, name)
		}
		kept = slices.Delete(kept, i, i+1)
	}
	for _, add := range in.AddMetrics {
		if slices.ContainsFunc(kept, func(x personalize.MetricAttribute) bool { return *x.MetricName == *add.MetricName }) {
			return nil, alreadyExists("The metric attribution %s already has a metric named %s.", m.arn, *add.MetricName)
		}
	}
	if n := len(kept) + len(in.AddMetrics); n == 0 || n > 10 {
		return nil, invalid(Personalize, "A metric attribution has 1 to 10 metrics; this update would leave it %d.", n)
	}
	if err := w.checkMetrics(m.group, kept, in.AddMetrics, cx.now); err != nil {
		return nil, err
	}
	m.metrics = append(kept, in.AddMetrics...) // kept is a new list
	if in.MetricsOutputConfig != nil {
		m.output = *in.MetricsOutputConfig
	}
	m.updated = cx.now
	return &personalize.UpdateMetricAttributionOutput{MetricAttributionArn: &m.arn}, nil
}

func (e *Engine) deleteMetricAttribution(w *world, in *personalize.DeleteMetricAttributionInput, cx opContext) (*personalize.DeleteMetricAttributionOutput, *Error) {
	m, ok := w.metricAttributions.resolve(*in.MetricAttributionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.MetricAttributionArn)
	}
	if status, _, _ := statusOf(m, cx.now); status != StatusActive && status != StatusCreateFailed {
		return nil, inUse("The metric attribution %s is in %s state and cannot be deleted.", m.arn, status)
	}
	m.deleted = cx.now
	w.metricAttributions.retire(m)
	return &personalize.DeleteMetricAttributionOutput{}, nil
}

// listMetricAttributionMetrics pages through an attribution's metrics in the order they were
// added, 100 a page unless maxResults says fewer. Without metricAttributionArn it is
// InvalidInputException; with one that does not exist, an empty list (the operation models no
// not-found error). Both are documented guesses.
func (e *Engine) listMetricAttributionMetrics(w *world, in *personalize.ListMetricAttributionMetricsInput, cx opContext) (*personalize.ListMetricAttributionMetricsOutput, *Error) {
	if in.MetricAttributionArn == nil {
		return nil, invalid(Personalize, "metricAttributionArn is required.")
	}
	out := &personalize.ListMetricAttributionMetricsOutput{Metrics: []personalize.MetricAttribute{}}
	m, ok := w.metricAttributions.resolve(*in.MetricAttributionArn, cx.now)
	if !ok {
		return out, nil
	}
	start := 0
	if in.NextToken != nil && *in.NextToken != "" {
		n, ok := metricsTokenAt(*in.NextToken, m)
		if !ok {
			return nil, invalidNextToken(*in.NextToken)
		}
		start = n
	}
	end := min(len(m.metrics), start+pageSize(in.MaxResults, 100))
	out.Metrics = m.metrics[start:end:end]
	if end < len(m.metrics) {
		tok := sealToken("metric-attribution-metrics", m.arn, strconv.Itoa(end))
		out.NextToken = &tok
	}
	return out, nil
}

// metricsTokenAt is where a token of ListMetricAttributionMetrics resumes in an attribution's
// metrics; false for a token the fake did not issue for it (or one past its metrics, which an
// update removed).
func metricsTokenAt(tok string, m *metricAttribution) (int, bool) {
	parts, ok := openToken(tok, 3)
	if !ok || parts[0] != "metric-attribution-metrics" || parts[1] != m.arn {
		return 0, false
	}
	n, err := strconv.Atoi(parts[2])
	return n, err == nil && n >= 0 && n <= len(m.metrics)
}

func (m *metricAttribution) state(w *world, now time.Time) []ResourceState {
	st := m.baseState(w, "metric-attribution", Personalize, "CreateMetricAttribution", &personalize.CreateMetricAttributionInput{
		Name: &m.name, DatasetGroupArn: &m.group.arn, Metrics: m.metrics, MetricsOutputConfig: &m.output,
	})
	if livedState(&st, m, now) && updating(st.Status) {
		st.Status = StatusActive // an update under way restores as done: its changes show at once
	}
	return []ResourceState{st}
}
