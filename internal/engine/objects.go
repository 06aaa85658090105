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

// Object is one object a job wrote: its s3:// URI and its content.
type Object struct {
	URI  string
	Body []byte
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
	byURI   map[string][]byte
	pending []objectWriter
	settled map[objectWriter]bool // pending writers already done (taken out of pending lazily)
}

// expect registers a writer whose objects appear when its job completes. mu held.
func (s *objectStore) expect(w objectWriter) { s.pending = append(s.pending, w) }

// settleOne writes one writer's objects if its job has completed: what a describe of the job
// does, at the cost of that job alone. mu held.
func (s *objectStore) settleOne(w objectWriter, now time.Time) {
	if s.settled[w] {
		return
	}
	objects, done := w.objectsAt(now)
	if !done {
		return
	}
	s.put(objects)
	if s.settled == nil {
		s.settled = map[objectWriter]bool{}
	}
	s.settled[w] = true
}

// settle writes the objects of every writer whose job has completed. mu held.
func (s *objectStore) settle(now time.Time) {
	s.pending = slices.DeleteFunc(s.pending, func(w objectWriter) bool {
		if s.settled[w] {
			delete(s.settled, w)
			return true
		}
		objects, done := w.objectsAt(now)
		if done {
			s.put(objects)
		}
		return done
	})
}

// put stores objects; a later object at a URI replaces the earlier, as in S3.
func (s *objectStore) put(objects []Object) {
	for _, o := range objects {
		if s.byURI == nil {
			s.byURI = map[string][]byte{}
		}
		s.byURI[o.URI] = o.Body
	}
}

// Object returns a copy of what a job wrote at an s3:// URI, false when nothing was written
// there (yet: a job's objects appear when it completes, on the fake's clock).
func (e *Engine) Object(uri string) ([]byte, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.objects.settle(e.now())
	body, ok := e.objects.byURI[uri]
	if !ok {
		return nil, false
	}
	return slices.Clone(body), true
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
