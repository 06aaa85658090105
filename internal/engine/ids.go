package engine

// newID returns n random lowercase hex digits from the engine's seeded source. mu held.
func (e *Engine) newID(n int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = hex[e.rng.IntN(16)]
	}
	return string(b)
}

// newUUID returns a lowercase UUID version 4 from the engine's seeded source. mu held.
func (e *Engine) newUUID() string {
	hi, lo := e.rng.Uint64(), e.rng.Uint64()
	hi = hi&^0xf000 | 0x4000     // version 4
	lo = lo&^(0xc<<60) | 0x8<<60 // RFC 4122 variant
	const hex = "0123456789abcdef"
	var b [36]byte
	bits := [2]uint64{hi, lo}
	for i, n := 0, 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			b[i] = '-'
			continue
		}
		b[i] = hex[bits[n/16]>>(60-4*(n%16))&0xf]
		n++
	}
	return string(b[:])
}
