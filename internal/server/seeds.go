package server

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/wire"
	"github.com/awsfake/awsfake/scenario"
)

// applySeeds puts a scenario's resources in place: all of them, or none when one fails. Each
// seed's input document is decoded as the wire door decodes a request (so the fake keeps its own
// copy of everything the scenario holds) and run by its create operation's own code.
func (s *Server) applySeeds(seeds scenario.Seeds) error {
	all := seeds.All()
	if len(all) == 0 {
		return nil
	}
	return s.Engine.SeedAll(func(sd *engine.Seeding) error {
		arns := map[string]string{} // by label
		for i, r := range all {
			arn, err := seed(sd, r, arns)
			if err != nil {
				return fmt.Errorf("seed %d (%s.%s): %w", i+1, r.Service, r.Operation, err)
			}
			if r.Label != "" {
				arns[r.Label] = arn
			}
		}
		return nil
	})
}

// seed applies one seed and returns the ARN of what it created.
func seed(s *engine.Seeding, r scenario.Resource, arns map[string]string) (string, error) {
	op := engine.Lookup(r.Service, r.Operation)
	doc := make(map[string]any, len(r.Input)+len(r.Refs))
	for k, v := range r.Input {
		doc[k] = v
	}
	for member, label := range r.Refs {
		doc[member] = arns[label]
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("the input is not a JSON document: %w", err)
	}
	in := op.NewInput()
	if apiErr := wire.Decode(body, in); apiErr != nil {
		return "", apiErr
	}
	spec := engine.SeedSpec{Status: r.Status, FailureReason: r.FailureReason, IDs: r.IDs}
	if r.CreatedAt != nil {
		spec.Created = *r.CreatedAt
	}
	if r.ModifiedAt != nil {
		spec.Modified = *r.ModifiedAt
	}
	out, apiErr := s.Seed(engine.Scope{Account: r.Account, Region: r.Region}, op, in, spec)
	if apiErr != nil {
		return "", apiErr
	}
	return createdARN(out), nil
}

// createdARN is the ARN a create operation's output names: its first member ending in Arn.
func createdARN(out any) string {
	v := reflect.ValueOf(out).Elem()
	for i := 0; i < v.NumField(); i++ {
		if strings.HasSuffix(v.Type().Field(i).Name, "Arn") {
			if p, ok := v.Field(i).Interface().(*string); ok && p != nil {
				return *p
			}
		}
	}
	return ""
}
