// Package wire is the wire door: one http.Handler that speaks the services' real protocols,
// AWS JSON 1.1 for SageMaker (X-Amz-Target: SageMaker.<Op>) and Personalize
// (AmazonPersonalize.<Op>), and REST-JSON for Personalize Events (POST /events) and Personalize
// Runtime (POST /recommendations, /personalize-ranking, /action-recommendations). It decodes a
// request into the engine's shape, passes it through the engine's one chokepoint, and encodes
// the result or the error as AWS would.
package wire

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/model"
)

// DefaultMaxBody is the largest request body accepted, far above any valid request of the
// faked operations.
const DefaultMaxBody = 1 << 20

// Handler is the wire door.
type Handler struct {
	Engine    *engine.Engine
	RequestID func() string
	MaxBody   int64                                     // 0 means DefaultMaxBody
	Verify    func(*http.Request, []byte) *engine.Error // optional signature check
}

// Routes, from the catalogue and the service models: an X-Amz-Target prefix names an AWS JSON
// 1.1 service, and "METHOD path" a REST-JSON operation.
var jsonTargets, restRoutes = routes()

func routes() (targets map[string]string, rest map[string]*engine.Op) {
	targets, rest = map[string]string{}, map[string]*engine.Op{}
	for _, op := range catalog.Operations() {
		svc := model.ServiceModel(op.Service)
		switch svc.Protocol {
		case "json":
			targets[svc.TargetPrefix] = op.Service
		case "rest-json":
			rest[op.HTTPMethod+" "+op.HTTPPath] = engine.Lookup(op.Service, op.Name)
		default:
			panic("wire: no protocol " + svc.Protocol)
		}
	}
	return targets, rest
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header()["X-Amzn-Requestid"] = []string{h.RequestID()}
	op, proto, apiErr := route(r)
	if apiErr != nil {
		writeError(w, jsonContentType, apiErr)
		return
	}
	ct := proto.contentType()
	body, apiErr := readBody(w, r, h.maxBody())
	if apiErr != nil {
		writeError(w, ct, apiErr)
		return
	}
	if h.Verify != nil {
		if apiErr := h.Verify(r, body); apiErr != nil {
			writeError(w, ct, apiErr)
			return
		}
	}
	scope, apiErr := h.scopeOf(r)
	if apiErr != nil {
		writeError(w, ct, apiErr)
		return
	}
	in := op.NewInput()
	if apiErr := decode(body, in); apiErr != nil {
		writeError(w, ct, apiErr)
		return
	}
	out, err := h.Engine.Invoke(r.Context(), scope, op, in)
	var e *engine.Error
	switch {
	case errors.As(err, &e):
		writeError(w, ct, e)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		// The client has gone; there is no one to answer.
		writeError(w, ct, engine.Errorf("RequestCanceled", 499, "the request was cancelled: %v", err))
	case err != nil:
		writeError(w, ct, engine.Errorf("InternalFailure", http.StatusInternalServerError, "%v", err))
	default:
		proto.writeOutput(w, out)
	}
}

func (h *Handler) maxBody() int64 {
	if h.MaxBody > 0 {
		return h.MaxBody
	}
	return DefaultMaxBody
}

// route finds the operation a request names, by X-Amz-Target or by REST path.
func route(r *http.Request) (*engine.Op, protocol, *engine.Error) {
	target := r.Header.Get("X-Amz-Target")
	if target == "" {
		op, ok := restRoutes[r.Method+" "+r.URL.Path]
		if !ok {
			return nil, nil, engine.Errorf("UnknownOperationException", http.StatusBadRequest,
				"awsfake: no operation matches %s %s without an X-Amz-Target header", r.Method, r.URL.Path)
		}
		// AWS's REST-JSON front ends are not known to insist, but every SDK sends application/json
		// and a web page cannot send it across sites without a preflight, which the guard refuses:
		// required, so that no page can post events as a text/plain "simple" request.
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			return nil, nil, engine.Errorf("SerializationException", http.StatusBadRequest,
				"awsfake: Content-Type must be application/json for %s %s, got %q", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
		}
		return op, restJSON{}, nil
	}
	prefix, name, _ := strings.Cut(target, ".")
	service, ok := jsonTargets[prefix]
	if !ok {
		return nil, nil, engine.Unsupported(target)
	}
	if r.Method != http.MethodPost {
		return nil, nil, engine.Errorf("UnknownOperationException", http.StatusBadRequest, "awsfake: %s must be sent with POST, not %s", target, r.Method)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-amz-json-1.") {
		return nil, nil, engine.Errorf("SerializationException", http.StatusBadRequest,
			"awsfake: Content-Type must be application/x-amz-json-1.1 for %s, got %q", target, ct)
	}
	op := engine.Lookup(service, name)
	if op == nil {
		return nil, nil, engine.Unsupported(target)
	}
	return op, awsJSON{}, nil
}
