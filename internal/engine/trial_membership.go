package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// trialMembership is a trial component's place in a trial (AssociateTrialComponent): "A trial
// component can be associated with multiple trials", and a trial holds many. It is a kind of
// its own (kinds.txt) that needs both ends, so each end finds it among its users: a trial's
// components, a component's trials (its Parents in Search), the delete rules of both and the
// quota per trial cost what they read. It has no ARN at AWS; the state document recreates it
// with AssociateTrialComponent.
type trialMembership struct {
	entity    // name is its key: its two ends' keys
	trial     *trial
	component *trialComponent
}

func (m *trialMembership) needs() needed { return needed{m.trial, m.component} }

// membershipKey is a membership's identity: its ends' names (each unique ignoring case, and
// never changed).
func membershipKey(t *trial, c *trialComponent) string {
	return t.name + "/" + c.name
}

// associateTrialComponent puts a component in a trial. Associating a pair again succeeds and
// changes nothing (a documented guess, facts decision 8: AWS's Python SDK searches before it
// associates, which suggests a repeat is at least wasteful).
func (e *Engine) associateTrialComponent(w *world, in *sagemaker.AssociateTrialComponentInput, cx opContext) (*sagemaker.AssociateTrialComponentOutput, *Error) {
	c, err := w.findTrialComponent(*in.TrialComponentName)
	if err != nil {
		return nil, err
	}
	t, err := w.findTrial(*in.TrialName)
	if err != nil {
		return nil, err
	}
	out := &sagemaker.AssociateTrialComponentOutput{TrialComponentArn: &c.arn, TrialArn: &t.arn}
	key := membershipKey(t, c)
	if _, ok := w.trialMemberships.get(key); ok {
		return out, nil
	}
	if err := w.trialMemberships.overQuotaIn(&e.cfg, func() int { return len(t.users) }); err != nil {
		return nil, err
	}
	m := &trialMembership{
		entity:    entity{name: key}, // no ARN: its ends are its identity, in digests too
		trial:     t,
		component: c,
	}
	w.trialMemberships.insert(m, cx.now)
	return out, nil
}

// disassociateTrialComponent takes a component out of a trial. A pair that is not associated
// is no error when both exist (a documented guess, facts decision 9); other trials keep it.
func (e *Engine) disassociateTrialComponent(w *world, in *sagemaker.DisassociateTrialComponentInput, _ opContext) (*sagemaker.DisassociateTrialComponentOutput, *Error) {
	c, err := w.findTrialComponent(*in.TrialComponentName)
	if err != nil {
		return nil, err
	}
	t, err := w.findTrial(*in.TrialName)
	if err != nil {
		return nil, err
	}
	if m, ok := w.trialMemberships.get(membershipKey(t, c)); ok {
		w.trialMemberships.remove(m)
	}
	return &sagemaker.DisassociateTrialComponentOutput{TrialComponentArn: &c.arn, TrialArn: &t.arn}, nil
}

func (m *trialMembership) state(w *world, _ time.Time) []ResourceState {
	st := m.baseState(w, "experiment-trial-membership", SageMaker, "AssociateTrialComponent", &sagemaker.AssociateTrialComponentInput{
		TrialComponentName: &m.component.name, TrialName: &m.trial.name,
	})
	st.ARN = ""
	return []ResourceState{st}
}
