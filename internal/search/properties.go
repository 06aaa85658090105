package search

import "strings"

// propKind is what a property holds, which decides the operators and values it takes.
type propKind uint8

const (
	pText      propKind = iota
	pNumber             // metric statistics
	pTime               // CreationTime and the other times
	pParam              // Parameters.<name>: text or number, per record
	pContainer          // a list, map or structure named whole: only Exists and NotExists
	pOpaque             // a valid property the fake never has (CreatedBy, SourceDetail): always absent
)

func (k propKind) String() string {
	return [...]string{"text", "numeric", "timestamp", "parameter", "collection", "unsupported"}[k]
}

// prop is a resolved property name.
type prop struct {
	kind  propKind
	field Field
	key   string // map key (Tags, Parameters, artifacts) or metric name
	// list is set for an element field of a list (Parents.TrialName): the property has one
	// value per element, and a filter holds if it holds for any of them.
	list Field
	// metric: the element of FieldMetrics whose MetricName is key.
	metric bool
	// members of a structure named whole (Source, Status): present if any member is.
	members []Field
	// manyContains: AWS lets a SearchExpression use Contains on this property more than once.
	manyContains bool
}

// catalogue is the property names of one resource: the dotted paths of its Search record
// (facts §7.2: "For valid property names, see SearchRecord").
type catalogue struct {
	resource string
	fixed    map[string]prop  // lower-cased name → property
	lists    map[string]Field // lower-cased name → list that NestedFilters may name
	families map[string]bool  // lower-cased first segments of keyed names: tags, parameters, ...
	opaque   []opaquePrefix   // lower-cased prefixes of properties the fake never has
}

type opaquePrefix struct {
	prefix string
	list   Field
}

type decl struct {
	name  string
	kind  propKind
	field Field
	many  bool
}

var (
	catalogues = map[string]*catalogue{
		Experiment:               buildExperiment(),
		ExperimentTrial:          buildTrial(),
		ExperimentTrialComponent: buildTrialComponent(),
	}
	sourceMembers   = []Field{FieldSourceArn, FieldSourceType}
	statusMembers   = []Field{FieldPrimaryStatus, FieldStatusMessage}
	metadataMembers = []Field{FieldCommitID, FieldGeneratedBy, FieldProjectID, FieldRepository}
)

func newCatalogue(resource, name, arn string) *catalogue {
	c := &catalogue{resource: resource, fixed: map[string]prop{}, lists: map[string]Field{}, families: map[string]bool{"tags": true}}
	c.add(
		decl{name, pText, FieldName, true},
		decl{arn, pText, FieldArn, false},
		decl{"DisplayName", pText, FieldDisplayName, true},
		decl{"Source.SourceArn", pText, FieldSourceArn, false},
		decl{"Source.SourceType", pText, FieldSourceType, false},
		decl{"CreationTime", pTime, FieldCreationTime, false},
		decl{"LastModifiedTime", pTime, FieldLastModifiedTime, false},
	)
	c.container("Source", FieldNone, sourceMembers)
	c.container("Tags", FieldTags, nil)
	c.opaqueUnder("CreatedBy", FieldNone)
	c.opaqueUnder("LastModifiedBy", FieldNone)
	return c
}

func buildExperiment() *catalogue {
	c := newCatalogue(Experiment, "ExperimentName", "ExperimentArn")
	c.add(decl{"Description", pText, FieldDescription, false})
	return c
}

func buildTrial() *catalogue {
	c := newCatalogue(ExperimentTrial, "TrialName", "TrialArn")
	c.add(decl{"ExperimentName", pText, FieldExperimentName, false})
	c.metadata()
	c.list("TrialComponentSummaries", FieldTrialComponentSummaries,
		decl{"TrialComponentName", pText, FieldSummaryName, false},
		decl{"TrialComponentArn", pText, FieldSummaryArn, false},
		decl{"TrialComponentSource.SourceArn", pText, FieldSummarySourceArn, false},
		decl{"TrialComponentSource.SourceType", pText, FieldSummarySourceType, false},
		decl{"CreationTime", pTime, FieldSummaryCreationTime, false},
	)
	c.opaqueUnder("TrialComponentSummaries.CreatedBy", FieldTrialComponentSummaries)
	return c
}

func buildTrialComponent() *catalogue {
	c := newCatalogue(ExperimentTrialComponent, "TrialComponentName", "TrialComponentArn")
	c.add(
		decl{"RunName", pText, FieldRunName, false},
		decl{"Status.PrimaryStatus", pText, FieldPrimaryStatus, false},
		decl{"Status.Message", pText, FieldStatusMessage, false},
		decl{"StartTime", pTime, FieldStartTime, false},
		decl{"EndTime", pTime, FieldEndTime, false},
		decl{"LineageGroupArn", pText, FieldLineageGroupArn, false},
	)
	c.container("Status", FieldNone, statusMembers)
	c.metadata()
	for _, m := range []struct {
		name  string
		field Field
	}{{"Parameters", FieldParameters}, {"InputArtifacts", FieldInputArtifacts}, {"OutputArtifacts", FieldOutputArtifacts}} {
		c.container(m.name, m.field, nil)
		c.families[strings.ToLower(m.name)] = true
	}
	c.families["metrics"] = true
	c.list("Parents", FieldParents,
		decl{"TrialName", pText, FieldParentTrialName, false},
		decl{"ExperimentName", pText, FieldParentExperimentName, false},
	)
	c.list("Metrics", FieldMetrics, append([]decl{{"MetricName", pText, FieldMetricName, false}}, metricStats...)...)
	c.opaqueUnder("SourceDetail", FieldNone)
	return c
}

// metricStats are the members of a metric summary that Metrics.<name>.<stat> reads.
var metricStats = []decl{
	{"Max", pNumber, FieldMetricMax, false},
	{"Min", pNumber, FieldMetricMin, false},
	{"Last", pNumber, FieldMetricLast, false},
	{"Count", pNumber, FieldMetricCount, false},
	{"Avg", pNumber, FieldMetricAvg, false},
	{"StdDev", pNumber, FieldMetricStdDev, false},
	{"TimeStamp", pTime, FieldMetricTimeStamp, false},
	{"SourceArn", pText, FieldMetricSourceArn, false},
}

func (c *catalogue) add(ds ...decl) {
	for _, d := range ds {
		c.fixed[strings.ToLower(d.name)] = prop{kind: d.kind, field: d.field, manyContains: d.many}
	}
}

func (c *catalogue) metadata() {
	c.add(
		decl{"MetadataProperties.CommitId", pText, FieldCommitID, false},
		decl{"MetadataProperties.GeneratedBy", pText, FieldGeneratedBy, false},
		decl{"MetadataProperties.ProjectId", pText, FieldProjectID, false},
		decl{"MetadataProperties.Repository", pText, FieldRepository, false},
	)
	c.container("MetadataProperties", FieldNone, metadataMembers)
}

// container declares a collection (counted with Len) or a structure (its members) named whole.
func (c *catalogue) container(name string, field Field, members []Field) {
	c.fixed[strings.ToLower(name)] = prop{kind: pContainer, field: field, members: members}
}

// list declares a list that NestedFilters may name, and its element fields.
func (c *catalogue) list(name string, list Field, elems ...decl) {
	c.container(name, list, nil)
	lower := strings.ToLower(name)
	c.lists[lower] = list
	for _, d := range elems {
		c.fixed[lower+"."+strings.ToLower(d.name)] = prop{kind: d.kind, field: d.field, list: list}
	}
}

func (c *catalogue) opaqueUnder(name string, list Field) {
	lower := strings.ToLower(name)
	c.fixed[lower] = prop{kind: pOpaque, list: list}
	c.opaque = append(c.opaque, opaquePrefix{lower + ".", list})
}

// resolve finds the property a filter or SortBy names. Fixed segments match ignoring case (a
// notebook sorted by "metrics.test:accuracy.max" against AWS, facts §7.2); map keys and metric
// names match exactly.
func (c *catalogue) resolve(name string) (prop, bool) {
	lower := strings.ToLower(name)
	if p, ok := c.fixed[lower]; ok {
		return p, true
	}
	for _, o := range c.opaque {
		if strings.HasPrefix(lower, o.prefix) {
			return prop{kind: pOpaque, list: o.list}, true
		}
	}
	dot := strings.IndexByte(name, '.')
	if dot < 0 {
		return prop{}, false
	}
	head, rest := strings.ToLower(name[:dot]), name[dot+1:]
	if !c.families[head] {
		return prop{}, false
	}
	switch head {
	case "tags":
		return prop{kind: pText, field: FieldTag, key: rest, manyContains: true}, rest != ""
	case "parameters":
		return prop{kind: pParam, field: FieldParameter, key: rest}, true
	case "inputartifacts":
		return artifact(rest, FieldInputArtifactValue, FieldInputArtifactMediaType)
	case "outputartifacts":
		return artifact(rest, FieldOutputArtifactValue, FieldOutputArtifactMediaType)
	case "metrics":
		return metric(rest)
	}
	return prop{}, false
}

// artifact reads <key>.Value or <key>.MediaType; the key may itself hold dots.
func artifact(rest string, value, mediaType Field) (prop, bool) {
	lower := strings.ToLower(rest)
	switch {
	case strings.HasSuffix(lower, ".value"):
		return prop{kind: pText, field: value, key: rest[:len(rest)-len(".value")], manyContains: true}, true
	case strings.HasSuffix(lower, ".mediatype"):
		return prop{kind: pText, field: mediaType, key: rest[:len(rest)-len(".mediatype")], manyContains: true}, true
	}
	return prop{}, false
}

// metric reads <name>.<stat>: the last segment is the statistic, so a metric name may hold
// dots ("test:accuracy", "val.loss").
func metric(rest string) (prop, bool) {
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 {
		return prop{}, false
	}
	stat := rest[i+1:]
	for _, d := range metricStats {
		if strings.EqualFold(stat, d.name) {
			return prop{kind: d.kind, field: d.field, key: rest[:i], metric: true}, true
		}
	}
	return prop{}, false
}

func catalogueFor(resource string) (*catalogue, *Error) {
	if c, ok := catalogues[resource]; ok {
		return c, nil
	}
	for _, r := range resourceEnum {
		if r == resource {
			return nil, errUnsupportedResource(resource)
		}
	}
	return nil, enumViolation(resource, "resource", resourceEnum)
}
