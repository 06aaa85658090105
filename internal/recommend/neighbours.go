package recommend

import (
	"slices"
)

// neighbour is one entry of an item's co-occurrence list: another item and the number of users
// who interacted with both.
type neighbour struct {
	item, count int32
}

const (
	// coItems is how many of each user's most recent distinct items count for co-occurrence:
	// a user's pairs cost the square of this, so a heavy user cannot make training quadratic.
	coItems = 50
	// neighbourCap is how many co-occurring items each item keeps (most users first, then id).
	neighbourCap = 100
	// maxCount bounds a stored count so that relevance (count × 512 × at most 2) and the
	// Similar-Items key (count × 1024 + shared values) fit in 32 bits.
	maxCount = 1 << 21
)

// buildNeighbours computes every item's co-occurrence list once, at training: for each item h,
// the users who have h among their coItems most recent items, and the other items among those
// users' coItems most recent ones, counted once per user. It costs Σ over users of
// min(items, coItems)², not the item×item matrix, and keeps at most neighbourCap per item.
func (m *Model) buildNeighbours() {
	ni := m.items.len()
	usersOf := m.cappedItemUsers()
	count := make([]int32, ni)
	var touched []int32
	var keys []uint64
	m.neighbourOff = make([]int32, ni+1)
	for h := range int32(ni) {
		for _, v := range usersOf.row(h) {
			for _, j := range m.coRow(v) {
				if j != h {
					if count[j] == 0 {
						touched = append(touched, j)
					}
					count[j]++
				}
			}
		}
		keys = keys[:0]
		for _, j := range touched {
			keys = append(keys, descKey(uint32(min(count[j], maxCount)), j))
			count[j] = 0
		}
		touched = touched[:0]
		k := min(len(keys), neighbourCap)
		topKeys(keys, k)
		for _, key := range keys[:k] {
			m.neighbours = append(m.neighbours, neighbour{item: keyItem(key), count: int32(keyValue(key))})
		}
		m.neighbourOff[h+1] = int32(len(m.neighbours))
	}
	m.neighbours = slices.Clip(m.neighbours)
}

// coRow is the part of user v's history that counts for co-occurrence.
func (m *Model) coRow(v int32) []int32 {
	row := m.userRows.row(v)
	return row[:min(len(row), coItems)]
}

// cappedItemUsers lists, for each item, the users who have it among their coItems most recent
// items (a temporary index: the model keeps only the lists it yields).
func (m *Model) cappedItemUsers() csr {
	ni, nu := m.items.len(), m.users.len()
	c := csr{off: make([]int32, ni+1)}
	for v := range int32(nu) {
		for _, i := range m.coRow(v) {
			c.off[i+1]++
		}
	}
	for i := range ni {
		c.off[i+1] += c.off[i]
	}
	c.val = make([]int32, c.off[ni])
	next := slices.Clone(c.off[:ni])
	for v := range int32(nu) {
		for _, i := range m.coRow(v) {
			c.val[next[i]] = v
			next[i]++
		}
	}
	return c
}

func (m *Model) neighboursOf(i int32) []neighbour {
	if i < 0 || int(i)+1 >= len(m.neighbourOff) {
		return nil
	}
	return m.neighbours[m.neighbourOff[i]:m.neighbourOff[i+1]]
}

// descKey packs a value and an item so that ascending keys order by value, highest first, then
// by item index (id order), lowest first. Sorting plain integers needs no comparison function.
func descKey(value uint32, item int32) uint64 {
	return uint64(^value)<<32 | uint64(uint32(item))
}

func keyItem(k uint64) int32   { return int32(uint32(k)) }
func keyValue(k uint64) uint32 { return ^uint32(k >> 32) }

// topKeys moves the k smallest keys to keys[:k], sorted; keys[k:] keeps the rest. A bounded
// heap whose root is the largest of the k smallest so far: one comparison for most keys.
func topKeys(keys []uint64, k int) {
	if k >= len(keys) || len(keys) < 64 {
		slices.Sort(keys)
		return
	}
	if k <= 0 {
		return
	}
	h := keys[:k]
	for i := k/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
	for j := k; j < len(keys); j++ {
		if keys[j] < h[0] {
			keys[j], h[0] = h[0], keys[j]
			siftDown(h, 0)
		}
	}
	slices.Sort(h)
}

// siftDown restores the max-heap property of h below i.
func siftDown(h []uint64, i int) {
	for {
		largest, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && h[l] > h[largest] {
			largest = l
		}
		if r < len(h) && h[r] > h[largest] {
			largest = r
		}
		if largest == i {
			return
		}
		h[i], h[largest] = h[largest], h[i]
		i = largest
	}
}
