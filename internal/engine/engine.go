// Package engine is the state of the fake: one world per account and Region, validation
// against the service models, uniqueness and quotas, lifecycles computed from timestamps on
// the injected clock, and the call log. It knows nothing about HTTP, JSON or the SDK types.
package engine

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/benbjohnson/clock"
)

// Scope is where a call lands: state is separate for each account and Region.
type Scope struct {
	Account string
	Region  string
}

// Engine holds every world. All state changes happen in Invoke under mu.
type Engine struct {
	cfg   Config
	clock clock.Clock

	hook atomic.Pointer[Hook] // consulted outside mu; an atomic, so calls never contend for it

	generation atomic.Uint64 // see Generation; added to under mu, read without it

	// mu guards everything below. Invariant: each world's indexes hold exactly the
	// resources of its maps that are not deleted, and a call's state change and its call
	// log entry are made under one hold of mu, so the log order is the order of effects.
	// No user code (hooks, matchers) runs while mu is held.
	mu      sync.Mutex
	worlds  map[Scope]*world
	objects objectStore // what jobs wrote to S3 (objects.go)
	rng     *rand.Rand
	log     callLog
}

// New returns an empty engine.
func New(cfg Config) *Engine {
	cfg.fillDefaults()
	seed := cfg.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	return &Engine{
		cfg:    cfg,
		clock:  cfg.Clock,
		worlds: map[Scope]*world{},
		rng:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		log:    newCallLog(cfg),
	}
}

// Config returns the engine's configuration (with defaults filled in).
func (e *Engine) Config() Config { return e.cfg }

// Clock returns the injected clock.
func (e *Engine) Clock() clock.Clock { return e.clock }

// now reads the clock with AWS's millisecond precision, so both doors report the same times.
func (e *Engine) now() time.Time { return e.clock.Now().UTC().Truncate(time.Millisecond) }

// world returns the state of one account and Region, creating it on first use. mu held.
func (e *Engine) world(s Scope) *world {
	w := e.worlds[s]
	if w == nil {
		w = newWorld(s)
		e.worlds[s] = w
	}
	return w
}

// worldOf returns the world an ARN's account and Region name, if it exists. mu held.
func (e *Engine) worldOf(arn string) *world {
	p, ok := parseARN(arn)
	if !ok {
		return nil
	}
	return e.worlds[Scope{Account: p.account, Region: p.region}]
}

// Reset forgets every resource, recorded call and object jobs wrote; configuration and hook stay.
func (e *Engine) Reset() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.worlds = map[Scope]*world{}
	e.objects = objectStore{}
	e.log.reset()
	e.generation.Add(1)
}
