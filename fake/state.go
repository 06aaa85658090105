package fake

import "github.com/awsfake/awsfake/scenario"

// State returns everything the fake holds as a scenario of seeds: every resource of every
// account and Region as the input of the operation that recreates it, with its status, its
// generated identifiers and its timestamps, and the records the data-plane operations put.
// Installing it (SetScenario, or POST /_fake/scenario with its JSON form, GET /_fake/state) in
// an empty fake restores the state. What it cannot carry: resources being deleted (about to be
// gone), a dataset's update under way (it restores as the dataset before it), events whose
// tracker is gone, and the call log and scenario rules, which are not state.
func (f *Fake) State() *scenario.Scenario { return f.s.State() }

// StateJSON is the JSON form of State, the body of GET /_fake/state: a scenario with seeds and
// no rules, which scenario.ParseJSON and POST /_fake/scenario accept.
func (f *Fake) StateJSON() ([]byte, error) { return f.s.StateJSON() }
