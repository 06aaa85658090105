package server

import (
	"encoding/json"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/calldoc"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

// State returns everything the server holds as a scenario of seeds, in an order in which
// installing it in an empty server recreates it (see fake.Fake.State).
func (s *Server) State() *scenario.Scenario {
	sc := scenario.New()
	for _, r := range s.Engine.State() {
		sc.Seed(seedOf(r))
	}
	if mock, ok := s.Engine.Clock().(*clock.Mock); ok {
		sc.Clock = mock.Now().UTC()
	}
	return sc
}

func seedOf(r engine.ResourceState) scenario.Resource {
	seed := scenario.Resource{
		Where:         scenario.Where{Account: r.Scope.Account, Region: r.Scope.Region},
		Service:       r.Service,
		Operation:     r.Operation,
		Input:         calldoc.Document(r.Input),
		FailureReason: r.Failure,
		IDs:           r.IDs,
	}
	if r.Status != "" && r.Status != engine.StatusActive {
		seed.Status = r.Status
	}
	if !r.Created.IsZero() {
		c := r.Created
		seed.CreatedAt = &c
	}
	if !r.Modified.IsZero() && !r.Modified.Equal(r.Created) {
		m := r.Modified
		seed.ModifiedAt = &m
	}
	return seed
}

// StateJSON is the JSON form of State, the body of GET /_fake/state: a scenario with seeds and
// no rules, which scenario.ParseJSON and POST /_fake/scenario accept.
func (s *Server) StateJSON() ([]byte, error) {
	st := s.State()
	doc := struct {
		Clock *time.Time     `json:"clock,omitempty"`
		Seeds scenario.Seeds `json:"seeds"`
	}{Seeds: st.Seeds}
	if !st.Clock.IsZero() {
		doc.Clock = &st.Clock
	}
	return json.MarshalIndent(doc, "", "  ")
}
