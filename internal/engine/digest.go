package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
)

// Digest returns a hash of every resource of every world, for tests that check that a failed
// call changed nothing. Purging a resource whose deletion finished is not a change (it was
// already gone), so gone resources are left out.
func (e *Engine) Digest() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	h := sha256.New()
	scopes := make([]Scope, 0, len(e.worlds))
	for s := range e.worlds {
		scopes = append(scopes, s)
	}
	sort.Slice(scopes, func(i, j int) bool {
		return scopes[i].Account+"/"+scopes[i].Region < scopes[j].Account+"/"+scopes[j].Region
	})
	for _, s := range scopes {
		w := e.worlds[s]
		for _, a := range w.actionByName.view() {
			fmt.Fprintf(h, "A %s %s %v %s %v %v %v %v %v %v %v\n", a.arn, a.name, a.source, a.actionType, deref(a.description),
				deref(a.status), a.properties, a.metadata, a.created, a.modified, a.tags)
		}
		for _, g := range w.groupIndex.view() {
			if _, _, gone := e.groupStatus(g, now); gone {
				continue
			}
			fmt.Fprintf(h, "G %s %v %v %v %v %d\n", g.arn, g.life, g.tags, deref(g.domain), deref(g.kmsKeyArn), g.events.len())
		}
		for _, t := range w.trackerIndex.view() {
			if _, _, gone := e.trackerStatus(t, now); gone {
				continue
			}
			fmt.Fprintf(h, "T %s %s %s %s %v %v\n", t.arn, t.name, t.trackingID, t.group.arn, t.life, t.tags)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
