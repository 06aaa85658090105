package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// schema is one Personalize schema: immutable, without status or tags, usable at once, and in
// use while any dataset (in any group, being deleted or not) refers to it.
type schema struct {
	entity
	usedBy // the datasets whose schema it is, or will be once their update is done
	domain *string
	text   string // exactly as sent: DescribeSchema returns it verbatim
	parsed *avroSchema
}

func (e *Engine) createSchema(w *world, in *personalize.CreateSchemaInput, cx opContext) (*personalize.CreateSchemaOutput, *Error) {
	parsed, err := parseAvro(*in.Schema)
	if err != nil {
		return nil, invalid(Personalize, "Invalid schema: %v", err)
	}
	arn := w.scope.arn(Personalize, "schema", *in.Name)
	if _, ok := w.schemas.items[*in.Name]; ok {
		// AWS's words (aws-samples/retail-demo-store#219).
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.schemas.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	s := &schema{entity: entity{arn: arn, name: *in.Name}, domain: in.Domain, text: *in.Schema, parsed: parsed}
	w.schemas.insert(s, cx.now)
	return &personalize.CreateSchemaOutput{SchemaArn: &s.arn}, nil
}

func (e *Engine) describeSchema(w *world, in *personalize.DescribeSchemaInput, cx opContext) (*personalize.DescribeSchemaOutput, *Error) {
	s, ok := w.schemas.resolve(*in.SchemaArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SchemaArn)
	}
	return &personalize.DescribeSchemaOutput{Schema: &personalize.DatasetSchema{
		Name:                &s.name,
		SchemaArn:           &s.arn,
		Schema:              &s.text,
		Domain:              s.domain,
		CreationDateTime:    shape.T(s.created),
		LastUpdatedDateTime: shape.T(s.created), // schemas never change
	}}, nil
}

func (e *Engine) listSchemas(w *world, in *personalize.ListSchemasInput, cx opContext) (*personalize.ListSchemasOutput, *Error) {
	page, next, err := listing[*schema]{
		items: w.schemas.view(false), order: byCreation, kind: "schemas", sortBy: "CreationTime", token: in.NextToken,
		limit: pageSize(in.MaxResults, 100), bad: invalidNextToken,
	}.page()
	if err != nil {
		return nil, err
	}
	out := &personalize.ListSchemasOutput{Schemas: make([]personalize.DatasetSchemaSummary, len(page)), NextToken: next}
	for i, s := range page {
		out.Schemas[i] = personalize.DatasetSchemaSummary{
			Name: &s.name, SchemaArn: &s.arn, Domain: s.domain,
			CreationDateTime: shape.T(s.created), LastUpdatedDateTime: shape.T(s.created),
		}
	}
	return out, nil
}

func (e *Engine) deleteSchema(w *world, in *personalize.DeleteSchemaInput, cx opContext) (*personalize.DeleteSchemaOutput, *Error) {
	s, ok := w.schemas.resolve(*in.SchemaArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SchemaArn)
	}
	if d := s.user(w, cx.now); d != nil {
		return nil, inUse("The schema %s is in use by the dataset %s.", s.arn, d.arn)
	}
	w.schemas.remove(s)
	return &personalize.DeleteSchemaOutput{}, nil
}

// user returns the first made of the datasets that still refer to the schema, forgetting those
// that are gone.
func (s *schema) user(w *world, now time.Time) *dataset {
	var found *dataset
	w.eachUser(s, now, func(u resource) bool {
		d, ok := u.(*dataset)
		if !ok || d.inForce(now) != s && d.next != s {
			return true // an update that replaced this schema has finished
		}
		if found == nil || d.seq < found.seq {
			found = d
		}
		return true
	})
	return found
}

func (s *schema) state(w *world, _ time.Time) []ResourceState {
	st := s.baseState(w, "schema", Personalize, "CreateSchema", &personalize.CreateSchemaInput{
		Name: &s.name, Schema: &s.text, Domain: s.domain,
	})
	st.Type = "Avro"
	return []ResourceState{st}
}
