package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/engine"
)

// SigV4 checks AWS Signature Version 4 on requests, for a server started with credentials.
// Secrets maps access key ids to secret keys. It answers as AWS does: no signature is
// MissingAuthenticationTokenException, an unknown key UnrecognizedClientException, a malformed
// header IncompleteSignatureException, and a signature that does not match
// InvalidSignatureException. The signing time is not checked against the clock (the fake's
// clock may be anywhere).
type SigV4 struct{ Secrets map[string]string }

const sigAlgorithm = "AWS4-HMAC-SHA256"

// Verify checks the request's signature over its headers and body.
func (s SigV4) Verify(r *http.Request, body []byte) *engine.Error {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return engine.Errorf("MissingAuthenticationTokenException", http.StatusForbidden, "Missing Authentication Token")
	}
	rest, ok := strings.CutPrefix(auth, sigAlgorithm+" ")
	if !ok {
		return incomplete("Authorization header requires the %s algorithm.", sigAlgorithm)
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok {
			fields[k] = v
		}
	}
	cred, signed, sig := fields["Credential"], fields["SignedHeaders"], fields["Signature"]
	if cred == "" || signed == "" || sig == "" {
		return incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.")
	}
	scopeParts := strings.Split(cred, "/")
	if len(scopeParts) != 5 || scopeParts[4] != "aws4_request" {
		return incomplete("Credential should be scoped to a valid Region and service: %s", cred)
	}
	secret, known := s.Secrets[scopeParts[0]]
	if !known {
		return engine.Errorf("UnrecognizedClientException", http.StatusBadRequest, "The security token included in the request is invalid.")
	}
	date := r.Header.Get("X-Amz-Date")
	if date == "" {
		return incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	canonical := canonicalRequest(r, strings.Split(signed, ";"), body)
	sum := sha256.Sum256([]byte(canonical))
	scope := strings.Join(scopeParts[1:], "/")
	toSign := sigAlgorithm + "\n" + date + "\n" + scope + "\n" + hex.EncodeToString(sum[:])
	key := hmacSHA256([]byte("AWS4"+secret), scopeParts[1])
	key = hmacSHA256(key, scopeParts[2])
	key = hmacSHA256(key, scopeParts[3])
	key = hmacSHA256(key, "aws4_request")
	want := hex.EncodeToString(hmacSHA256(key, toSign))
	if !hmac.Equal([]byte(want), []byte(sig)) {
		return engine.Errorf("InvalidSignatureException", http.StatusForbidden,
			"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
	}
	return nil
}

func incomplete(format string, args ...any) *engine.Error {
	return engine.Errorf("IncompleteSignatureException", http.StatusBadRequest, format, args...)
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// canonicalRequest is SigV4's canonical form of a request.
func canonicalRequest(r *http.Request, signed []string, body []byte) string {
	var b strings.Builder
	b.WriteString(r.Method + "\n")
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	b.WriteString(path + "\n")
	b.WriteString(canonicalQuery(r.URL.Query()) + "\n")
	for _, h := range signed {
		var v string
		switch h {
		case "host":
			v = r.Host
			if v == "" { // a client-side request served in process
				v = r.URL.Host
			}
		case "content-length":
			v = r.Header.Get("Content-Length")
			if v == "" && r.ContentLength >= 0 {
				v = itoa(r.ContentLength)
			}
		default:
			vals := r.Header.Values(h)
			for i := range vals {
				vals[i] = strings.Join(strings.Fields(vals[i]), " ")
			}
			v = strings.Join(vals, ",")
		}
		b.WriteString(h + ":" + v + "\n")
	}
	b.WriteString("\n" + strings.Join(signed, ";") + "\n")
	payload := r.Header.Get("X-Amz-Content-Sha256")
	if payload == "" {
		sum := sha256.Sum256(body)
		payload = hex.EncodeToString(sum[:])
	}
	b.WriteString(payload)
	return b.String()
}

func canonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vals := append([]string(nil), q[k]...)
		sort.Strings(vals)
		for _, v := range vals {
			parts = append(parts, sigEscape(k)+"="+sigEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

// sigEscape is SigV4's URI encoding: every byte but unreserved characters is %XX.
func sigEscape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
