// Package control is the fake's control endpoints, under /_fake/ beside the wire door: they
// let a test in any language drive what a Go test does with methods: read and move the clock,
// install a scenario, reset, and read the call log. JSON in and out; errors are
// {"error": "..."} with a 4xx status.
//
//	GET    /_fake/health
//	GET    /_fake/clock                 -> {"now": "2026-11-21T12:00:00Z"}
//	POST   /_fake/clock/advance         {"duration": "90s"} -> {"now": ...} (manual clock only)
//	POST   /_fake/scenario              install a scenario (its JSON form), replacing the last
//	DELETE /_fake/scenario              remove it
//	POST   /_fake/reset                 forget every resource and call
//	GET    /_fake/calls                 the call log; ?service=&operation= filter it
//	GET    /_fake/records?datasetArn=   the records a Personalize dataset holds (see Fake.Records)
//	GET    /_fake/objects?uri=          an object a job wrote to S3, as it is (see Fake.Object)
//	GET    /_fake/objects?prefix=       the URIs of the objects jobs wrote under a prefix: {"objects": [...]} (see Fake.Objects)
//	GET    /_fake/state                 everything the fake holds, as seeds POST /_fake/scenario takes (see Fake.State)
//	GET    /_fake/ui                    the dashboard: an HTML page of resources, the lineage graph, calls, rules and the clock
//	GET    /_fake/ui/records?datasetArn=&page=  a page of a dataset's newest records, with their schema mismatches
package control

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/calldoc"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

// Endpoints are the control endpoints of one engine.
type Endpoints struct {
	Engine      *engine.Engine
	SetScenario func(*scenario.Scenario) error // replaces the installed rules, puts the seeds in place
	StateJSON   func() ([]byte, error)         // the body of GET /_fake/state
	UI          http.Handler                   // the dashboard
	MaxBody     int64                          // the largest body read; 0 means DefaultMaxBody
}

// Handler serves the endpoints.
func (f *Endpoints) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_fake/health", func(w http.ResponseWriter, r *http.Request) {
		writeControl(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /_fake/clock", func(w http.ResponseWriter, r *http.Request) {
		writeControl(w, http.StatusOK, map[string]string{"now": f.Engine.Clock().Now().UTC().Format(time.RFC3339Nano)})
	})
	mux.HandleFunc("POST /_fake/clock/advance", f.controlAdvance)
	mux.HandleFunc("POST /_fake/scenario", f.controlSetScenario)
	mux.HandleFunc("DELETE /_fake/scenario", func(w http.ResponseWriter, r *http.Request) {
		_ = f.SetScenario(nil)
		writeControl(w, http.StatusOK, map[string]any{})
	})
	mux.HandleFunc("POST /_fake/reset", func(w http.ResponseWriter, r *http.Request) {
		f.Engine.Reset()
		writeControl(w, http.StatusOK, map[string]any{})
	})
	mux.HandleFunc("GET /_fake/calls", func(w http.ResponseWriter, r *http.Request) {
		svc, op := r.URL.Query().Get("service"), r.URL.Query().Get("operation")
		calls := []calldoc.Call{}
		for _, c := range f.Engine.Calls() {
			if (svc == "" || c.Service == svc) && (op == "" || c.Operation == op) {
				calls = append(calls, calldoc.Of(c))
			}
		}
		writeControl(w, http.StatusOK, calls)
	})
	mux.HandleFunc("GET /_fake/state", func(w http.ResponseWriter, r *http.Request) {
		doc, err := f.StateJSON()
		if err != nil {
			controlError(w, http.StatusInternalServerError, err.Error())
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(append(doc, '\n'))
	})
	mux.Handle("GET /_fake/ui", f.UI)
	mux.Handle("GET /_fake/ui/records", f.UI)
	mux.HandleFunc("GET /_fake/records", func(w http.ResponseWriter, r *http.Request) {
		arn := r.URL.Query().Get("datasetArn")
		records, ok := f.Engine.Records(arn)
		if !ok {
			controlError(w, http.StatusNotFound, "no dataset "+arn)
			return
		}
		if records == nil {
			records = []engine.Record{} // [] in JSON, not null
		}
		writeControl(w, http.StatusOK, records)
	})
	mux.HandleFunc("GET /_fake/objects", f.controlObjects)
	mux.HandleFunc("/_fake/", func(w http.ResponseWriter, r *http.Request) {
		controlError(w, http.StatusNotFound, "no control endpoint "+r.Method+" "+r.URL.Path)
	})
	return mux
}

func (f *Endpoints) controlAdvance(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Duration string `json:"duration"`
	}
	if status, err := f.readControl(w, r, &req); err != nil {
		controlError(w, status, err.Error())
		return
	}
	d, err := time.ParseDuration(req.Duration)
	if err != nil || d < 0 {
		controlError(w, http.StatusBadRequest, `duration must be a non-negative Go duration such as "90s" or "5m"`)
		return
	}
	mock, ok := f.Engine.Clock().(*clock.Mock)
	if !ok {
		controlError(w, http.StatusConflict, "the fake runs on the real clock; start it with a manual clock (-clock manual) to advance time")
		return
	}
	mock.Add(d)
	writeControl(w, http.StatusOK, map[string]string{"now": mock.Now().UTC().Format(time.RFC3339Nano)})
}

// controlObjects serves what jobs wrote: one object's content with ?uri=, else the URIs under
// ?prefix= (every object's without it).
func (f *Endpoints) controlObjects(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if !q.Has("uri") {
		uris := f.Engine.Objects(q.Get("prefix"))
		if uris == nil {
			uris = []string{} // [] in JSON, not null
		}
		writeControl(w, http.StatusOK, map[string][]string{"objects": uris})
		return
	}
	uri := q.Get("uri")
	body, ok := f.Engine.Object(uri)
	if !ok {
		controlError(w, http.StatusNotFound, "no object "+uri)
		return
	}
	// A fixed table, not the system's MIME types (which differ by machine); nothing a browser
	// would render as a page.
	kind := map[string]string{".csv": "text/csv; charset=utf-8", ".json": "application/json"}[path.Ext(uri)]
	if kind == "" {
		kind = "application/octet-stream"
	}
	w.Header().Set("Content-Type", kind)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(body)
}

func (f *Endpoints) controlSetScenario(w http.ResponseWriter, r *http.Request) {
	body, status, err := f.readControlBody(w, r)
	if err != nil {
		controlError(w, status, err.Error())
		return
	}
	s, err := scenario.ParseJSON(body)
	if err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := f.SetScenario(s); err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeControl(w, http.StatusOK, map[string]any{"rules": len(s.Rules)})
}

// DefaultMaxBody is the largest body a control endpoint reads unless told otherwise: far above
// any state document a fake within AWS's quotas produces (a state of 450 large PutEvents is 42
// MiB), so that whatever GET /_fake/state gave can be posted back. A larger body is refused
// whole with 413, as the wire door refuses one, never cut short and misread.
const DefaultMaxBody = 1 << 30

func (f *Endpoints) maxBody() int64 {
	if f.MaxBody > 0 {
		return f.MaxBody
	}
	return DefaultMaxBody
}

func (f *Endpoints) readControlBody(w http.ResponseWriter, r *http.Request) ([]byte, int, error) {
	limit := f.maxBody()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("the body is larger than %d bytes (the server's -max-control-body)", limit)
	case err != nil:
		return nil, http.StatusBadRequest, err
	}
	return body, http.StatusOK, nil
}

func (f *Endpoints) readControl(w http.ResponseWriter, r *http.Request, v any) (int, error) {
	body, status, err := f.readControlBody(w, r)
	if err != nil {
		return status, err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return http.StatusBadRequest, errors.New("the body must be a JSON object: " + err.Error())
	}
	return http.StatusOK, nil
}

func writeControl(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func controlError(w http.ResponseWriter, status int, msg string) {
	writeControl(w, status, map[string]string{"error": msg})
}
