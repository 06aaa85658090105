package engine

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// Pagination tokens are opaque to callers: the position to resume after, with an HMAC so a
// token that was changed or made up is refused rather than misread. The key is random per
// process; a token is only meaningful to the fake that issued it anyway.
var tokenKey = func() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
}()

const tokenMACLen = 16

func sealToken(parts ...string) string {
	payload := strings.Join(parts, "\x00")
	m := hmac.New(sha256.New, tokenKey)
	m.Write([]byte(payload))
	raw := append([]byte(payload), m.Sum(nil)[:tokenMACLen]...)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// openToken returns the parts of a token sealed with the same number of parts, or false.
func openToken(tok string, n int) ([]string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(raw) < tokenMACLen {
		return nil, false
	}
	payload, mac := raw[:len(raw)-tokenMACLen], raw[len(raw)-tokenMACLen:]
	m := hmac.New(sha256.New, tokenKey)
	m.Write(payload)
	if !hmac.Equal(mac, m.Sum(nil)[:tokenMACLen]) {
		return nil, false
	}
	parts := strings.Split(string(payload), "\x00")
	if len(parts) != n {
		return nil, false
	}
	return parts, true
}
