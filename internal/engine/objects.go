package engine

import (
	"slices"
	"strings"
	"time"
)

// What jobs write to Amazon S3. A job that writes objects (a dataset export job; batch inference
// and batch segment jobs too) registers as a writer when it is created; its objects appear the
// first time anything looks after the job completed: Object, Objects, or a describe or list of
// the job. So no goroutine or timer writes them, and moving the clock costs nothing. The store is
// the engine's, not a world's: an S3 URI names one object whatever account or Region wrote it, as
// bucket names are global.

// Object is one object a job writes: its s3:// URI, its content, and when it is written (when
// the job completed).
type Object struct {
	URI  string
	Body []byte
	At   time.Time
}

// objectWriter is a job that writes objects when it completes.
type objectWriter interface {
	// objectsAt returns what the job writes, as it stands at now: its objects once it completed
	// (done), nothing yet (not done), or nothing ever (done without objects: it failed, or it
	// is gone). It is asked again until it says done.
	objectsAt(now time.Time) (objects []Object, done bool)
}

// objectStore is the engine's objects, by URI, and the writers whose jobs have not completed.
type objectStore struct {
	byURI   map[string]Object
	pending []objectWriter
	settled map[objectWriter]bool // writers that are done, so that none writes twice
}

// expect registers a writer whose objects appear when its job completes. mu held.
func (s *objectStore) expect(w objectWriter) { s.pending = append(s.pending, w) }

// settleOne writes one writer's objects if its job has completed: what a describe of the job
// does, at the cost of that job alone. mu held.
func (s *objectStore) settleOne(w objectWriter, now time.Time) {
	if s.settled[w] {
		return
	}
	if objects, done := w.objectsAt(now); done {
		s.done(w, objects)
	}
}

// settle writes the objects of every writer whose job has completed, and forgets those writers
// (settleOne may have written some already). mu held.
func (s *objectStore) settle(now time.Time) {
	s.pending = slices.DeleteFunc(s.pending, func(w objectWriter) bool {
		if s.settled[w] {
			return true
		}
		objects, done := w.objectsAt(now)
		if done {
			s.done(w, objects)
		}
		return done
	})
}

// done stores a writer's objects, once (a job described again must not put back what another
// replaced). The object written later replaces the earlier at a URI, as in S3, whichever of the
// two the fake saw complete first.
func (s *objectStore) done(w objectWriter, objects []Object) {
	if s.settled == nil {
		s.settled = map[objectWriter]bool{}
	}
	s.settled[w] = true
	for _, o := range objects {
		if s.byURI == nil {
			s.byURI = map[string]Object{}
		}
		if old, ok := s.byURI[o.URI]; !ok || !o.At.Before(old.At) {
			s.byURI[o.URI] = o
		}
	}
}

// Object returns a copy of what a job wrote at an s3:// URI, false when nothing was written
// there (yet: a job's objects appear when it completes, on the fake's clock).
func (e *Engine) Object(uri string) ([]byte, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.objects.settle(e.now())
	o, ok := e.objects.byURI[uri]
	if !ok {
		return nil, false
	}
	return slices.Clone(o.Body), true
}

// Objects returns the URIs of the objects jobs wrote that begin with prefix, sorted (every
// object's when prefix is empty), as an S3 listing of the prefix would.
func (e *Engine) Objects(prefix string) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.objects.settle(e.now())
	var out []string
	for uri := range e.objects.byURI {
		if strings.HasPrefix(uri, prefix) {
			out = append(out, uri)
		}
	}
	slices.Sort(out)
	return out
}

// objectKey joins an S3 destination (a "folder" such as s3://bucket/folder/, with or without its
// trailing slash) and the name of an object in it.
func objectKey(destination, name string) string {
	if !strings.HasSuffix(destination, "/") {
		destination += "/"
	}
	return destination + name
}
