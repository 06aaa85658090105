package guard

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// ControlPrefix is where the control endpoints live; refusals there are control errors.
const ControlPrefix = "/_fake/"

// refuse answers 403 in the shape of the route: a control error under ControlPrefix, an AWS
// error elsewhere.
func (g *Guard) refuse(w http.ResponseWriter, r *http.Request, msg string) {
	if strings.HasPrefix(r.URL.Path, ControlPrefix) {
		WriteControlError(w, http.StatusForbidden, msg)
		return
	}
	if g.cfg.RequestID != nil {
		w.Header()["X-Amzn-Requestid"] = []string{g.cfg.RequestID()}
	}
	writeAWSError(w, r, http.StatusForbidden, "AccessDeniedException", msg)
}

// WriteControlError writes a control endpoint's error, {"error": msg}, as the control endpoints
// write theirs.
func WriteControlError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(map[string]string{"error": msg})
	writeBody(w, status, "application/json", append(body, '\n'))
}

// writeAWSError writes an error as the wire door does: the code in the X-Amzn-Errortype
// header (read first by the Go SDK) and in __type (read by botocore), and the message, with
// the content type of the request's protocol (AWS JSON 1.1 when it names an X-Amz-Target,
// REST-JSON otherwise).
func writeAWSError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	body, _ := json.Marshal(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{code, msg})
	ct := "application/json"
	if r.Header.Get("X-Amz-Target") != "" {
		ct = "application/x-amz-json-1.1"
	}
	w.Header().Set("X-Amzn-Errortype", code)
	writeBody(w, status, ct, body)
}

func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
