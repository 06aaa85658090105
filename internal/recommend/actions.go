package recommend

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// actionModel is Next-Best-Action's model: who took which action.
type actionModel struct {
	ids          idTable   // the actions it can recommend, in id order
	value        []float64 // each action's VALUE
	users        idTable   // users with a TAKEN action interaction, in id order
	taken        csr       // user → actions taken, most recent first
	takers       csr       // action → users who took it, most recent first
	allTakers    int       // users who took any action
	interactions int       // action interactions held
}

const (
	actionNeighbours = 200 // each taken action's most recent other takers consulted
	takenCap         = 50  // each of those users' most recent taken actions consulted
)

// trainActions keeps the TAKEN action interactions (compared case-insensitively) of actions the
// Actions dataset lists; with an empty Actions dataset, every action taken is a candidate.
func trainActions(data Data) *actionModel {
	a := &actionModel{ids: newIDTable(len(data.Actions)), users: newIDTable(0)}
	values := map[string]float64{}
	for _, act := range data.Actions {
		if act.ID != "" {
			a.ids.add(act.ID)
			values[act.ID] = act.Value
		}
	}
	listed := a.ids.len() > 0
	var t interactions
	for _, ai := range data.ActionInteractions {
		if ai.UserID == "" || ai.ActionID == "" || !strings.EqualFold(ai.EventType, "TAKEN") {
			continue
		}
		if _, ok := a.ids.lookup(ai.ActionID); !ok && listed {
			continue
		}
		t.user = append(t.user, a.users.add(ai.UserID))
		t.item = append(t.item, a.ids.add(ai.ActionID))
		t.ts = append(t.ts, ai.Timestamp)
	}
	a.interactions = len(t.ts)
	userPerm, actPerm := sortIDs(&a.users), sortIDs(&a.ids)
	for k := range t.user {
		t.user[k], t.item[k] = userPerm[t.user[k]], actPerm[t.item[k]]
	}
	a.value = make([]float64, a.ids.len())
	for i, id := range a.ids.ids {
		a.value[i] = values[id]
	}
	var rows Model // reuse the item model's row building on actions
	rows.users, rows.items = a.users, a.ids
	rows.buildRows(t)
	a.taken, a.takers, a.allTakers = rows.userRows, takersByRecency(t, a.ids.len()), a.users.len()
	return a
}

// takersByRecency lists each action's distinct takers, the most recent taker first (latest
// timestamp, then latest arrival).
func takersByRecency(t interactions, actions int) csr {
	order := make([]int32, len(t.ts))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(t.ts[b], t.ts[a]); c != 0 {
			return c
		}
		return cmp.Compare(b, a)
	})
	lists := make([][]int32, actions)
	seen := map[[2]int32]bool{}
	for _, k := range order {
		key := [2]int32{t.item[k], t.user[k]}
		if !seen[key] {
			seen[key] = true
			lists[t.item[k]] = append(lists[t.item[k]], t.user[k])
		}
	}
	return csrOf(lists)
}

// RecommendActions answers GetActionRecommendations (see the package documentation). It returns
// ErrWrongOperation for a recipe that is not Next-Best-Action and ErrUserRequired without a user.
func (m *Model) RecommendActions(req ActionRequest) ([]ActionRecommendation, error) {
	if m.info.Family != NextBestAction {
		return nil, fmt.Errorf("%w: %s (%s) does not serve GetActionRecommendations", ErrWrongOperation, m.info.Name, m.info.Family)
	}
	if req.UserID == "" {
		return nil, fmt.Errorf("%w by %s", ErrUserRequired, m.info.Name)
	}
	a := m.actions
	u, ok := a.users.lookup(req.UserID)
	if !ok {
		u = -1
	}
	taken := slices.Clone(a.taken.row(u))
	for _, ai := range req.Live {
		if i, ok := a.ids.lookup(ai.ActionID); ok && strings.EqualFold(ai.EventType, "TAKEN") && !slices.Contains(taken, i) {
			taken = append(taken, i)
		}
	}
	n := resultCount(req.NumResults, DefaultActionResults, MaxActionResults)
	return a.recommend(u, taken, n, req.Keep), nil
}

// recommend ranks the actions the user has not taken by the share of similar users (others who
// took an action the user took) who took them; with no similar user, by the share of all users
// with a taken action. Ties go to the higher VALUE, then the lower id.
func (a *actionModel) recommend(u int32, taken []int32, n int, keep func(string) bool) []ActionRecommendation {
	counts, group := a.takenBy(u, taken)
	score := func(i int32) float64 {
		if group == 0 {
			return 0
		}
		return roundScore(float64(counts[i]) / float64(group))
	}
	var cands []int32
	for i := range int32(a.ids.len()) {
		if !slices.Contains(taken, i) && (keep == nil || keep(a.ids.ids[i])) {
			cands = append(cands, i)
		}
	}
	slices.SortFunc(cands, func(x, y int32) int {
		if c := cmp.Compare(score(y), score(x)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.value[y], a.value[x]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	out := make([]ActionRecommendation, 0, min(n, len(cands)))
	for _, i := range cands[:min(n, len(cands))] {
		out = append(out, ActionRecommendation{ActionID: a.ids.ids[i], Score: score(i)})
	}
	return out
}

// takenBy counts, per action, how many of the user's similar users took it, and returns the
// size of that group; with no similar user, it counts every user with a taken action.
func (a *actionModel) takenBy(u int32, taken []int32) ([]int32, int) {
	counts := make([]int32, a.ids.len())
	similar := a.similarUsers(u, taken)
	if len(similar) == 0 {
		for i := range counts {
			counts[i] = int32(len(a.takers.row(int32(i))))
		}
		return counts, a.allTakers
	}
	for _, v := range similar {
		row := a.taken.row(v)
		for _, i := range row[:min(len(row), takenCap)] {
			counts[i]++
		}
	}
	return counts, len(similar)
}

// similarUsers lists, once each, the other users who took an action the user took.
func (a *actionModel) similarUsers(u int32, taken []int32) []int32 {
	var out []int32
	for _, i := range taken {
		seen := 0
		for _, v := range a.takers.row(i) {
			if v == u {
				continue
			}
			if seen++; seen > actionNeighbours {
				break
			}
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
