package wire

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/go-json-experiment/json"

	"github.com/awsfake/awsfake/internal/engine"
)

// protocol writes a successful response in its protocol's form.
type protocol interface {
	writeOutput(w http.ResponseWriter, out any)
	contentType() string // of its responses, errors included
}

const jsonContentType = "application/x-amz-json-1.1"

// awsJSON is AWS JSON 1.1: the output structure as the body.
type awsJSON struct{}

func (awsJSON) contentType() string { return jsonContentType }

func (awsJSON) writeOutput(w http.ResponseWriter, out any) {
	writeJSON(w, http.StatusOK, jsonContentType, out)
}

// restJSON is REST-JSON: Personalize Events' operations answer 200 with no body, Personalize
// Runtime's with their output as the body.
type restJSON struct{}

func (restJSON) contentType() string { return "application/json" }

func (restJSON) writeOutput(w http.ResponseWriter, out any) {
	if out == nil || isEmptyStruct(out) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", out)
}

func isEmptyStruct(v any) bool {
	buf := buffers.Get().(*bytes.Buffer)
	defer putBuffer(buf)
	return json.MarshalWrite(buf, v, encodeOptions) == nil && buf.String() == "{}"
}

// Responses are encoded with encoding/json/v2's module, as requests are decoded (see
// encodeOptions), into a buffer kept for the next response: measured faster than
// encoding/json's Marshal for every response the benchmarks write, and without its
// allocations.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 64<<10 {
		return // a large listing's buffer is not kept for every small response after it
	}
	b.Reset()
	buffers.Put(b)
}

func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	buf := buffers.Get().(*bytes.Buffer)
	defer putBuffer(buf)
	if v == nil {
		buf.WriteString("{}")
	} else if err := json.MarshalWrite(buf, v, encodeOptions); err != nil {
		writeError(w, contentType, engine.Errorf("InternalFailure", http.StatusInternalServerError, "awsfake could not encode the response: %v", err))
		return
	}
	h := w.Header()
	h["Content-Type"] = []string{contentType}
	h["Content-Length"] = []string{strconv.Itoa(buf.Len())}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorBody is an error as the JSON protocols send it.
type errorBody struct {
	Type    string `json:"__type"`
	Message string `json:"message"`
}

// writeError sends an error the way AWS does: the code in the X-Amzn-ErrorType header (which
// the Go SDK reads first) and in __type of the body (which botocore reads), and the message,
// with the content type of the request's protocol.
func writeError(w http.ResponseWriter, contentType string, e *engine.Error) {
	w.Header().Set("X-Amzn-Errortype", e.Code)
	buf := buffers.Get().(*bytes.Buffer)
	defer putBuffer(buf)
	_ = json.MarshalWrite(buf, errorBody{e.Code, e.Message}, encodeOptions)
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(e.Status)
	_, _ = w.Write(buf.Bytes())
}

// readBody reads at most limit bytes; a larger body is refused whole.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, *engine.Error) {
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	if r.Body == nil {
		return nil, nil
	}
	if n := r.ContentLength; n >= 0 {
		// The common case: a declared length within the limit, read in one piece.
		body := make([]byte, n)
		if _, err := io.ReadFull(r.Body, body); err != nil {
			return nil, engine.Errorf("SerializationException", http.StatusBadRequest, "awsfake could not read the request body: %v", err)
		}
		return body, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, tooLarge(limit)
	case err != nil:
		return nil, engine.Errorf("SerializationException", http.StatusBadRequest, "awsfake could not read the request body: %v", err)
	}
	return body, nil
}

func tooLarge(limit int64) *engine.Error {
	return engine.Errorf("RequestEntityTooLargeException", http.StatusRequestEntityTooLarge, "the request body is larger than %d bytes", limit)
}

// Decode reads a request document into an operation's input shape, as the wire door reads a
// request's body: for seeds, which are documents too.
func Decode(body []byte, in any) *engine.Error { return decode(body, in) }

// decode reads the JSON body into the operation's shape. An empty body is an empty structure.
// Syntax and type errors are SerializationException, as AWS answers them.
func decode(body []byte, in any) *engine.Error {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil
	}
	if body[0] != '{' {
		return engine.Errorf("SerializationException", http.StatusBadRequest, "the request body must be a JSON object")
	}
	if err := decodeJSON(body, in); err != nil {
		return engine.Errorf("SerializationException", http.StatusBadRequest, "%s", err.Error())
	}
	return nil
}
