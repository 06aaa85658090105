// Package model holds the constraints of every faked operation, as botocore's service models
// state them, and validates inputs against them with AWS's wording.
//
// The JSON files under data/ are copies of ../shared/reference (extracted from botocore
// 1.43.11); a test keeps them in sync. Nothing here knows about HTTP.
package model

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
)

//go:embed data/*.json
var files embed.FS

// Shape is one node of a service model: a structure, list, map or scalar with its constraints.
type Shape struct {
	Type      string            `json:"type"`
	Name      string            `json:"name"`
	Min       *int64            `json:"min"`
	Max       *int64            `json:"max"`
	Pattern   string            `json:"pattern"`
	Enum      []string          `json:"enum"`
	Sensitive bool              `json:"sensitive"`
	Required  []string          `json:"required"`
	Members   map[string]*Shape `json:"members"`
	Member    *Shape            `json:"member"`
	Key       *Shape            `json:"key"`
	Value     *Shape            `json:"value"`
	Location  string            `json:"location"`
	// Ref, in the reference files, stands where a structure contains itself
	// (SearchExpression's SubExpressions): it names the enclosing structure, which the loaded
	// model puts in its place.
	Ref string `json:"ref"`
}

// MemberNames returns the structure's member names in a stable (alphabetical) order. The
// reference files do not keep the model's declaration order, so messages that list several
// violations list them alphabetically by member.
func (s *Shape) MemberNames() []string {
	names := make([]string, 0, len(s.Members))
	for n := range s.Members {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Operation is one operation of a service model.
type Operation struct {
	Name string
	HTTP struct {
		Method     string `json:"method"`
		RequestURI string `json:"requestUri"`
	} `json:"http"`
	Errors []string `json:"errors"`
	Input  *Shape   `json:"input"`
	Output *Shape   `json:"output"`
}

// Service is one service model.
type Service struct {
	Service      string                `json:"service"`
	Protocol     string                `json:"protocol"`
	TargetPrefix string                `json:"targetPrefix"`
	SigningName  string                `json:"signingName"`
	Operations   map[string]*Operation `json:"operations"`
}

var services = map[string]*Service{}

func init() {
	for _, name := range []string{"sagemaker", "personalize", "personalize-events", "personalize-runtime"} {
		raw, err := files.ReadFile("data/" + name + ".json")
		if err != nil {
			panic(err)
		}
		var svc Service
		if err := json.Unmarshal(raw, &svc); err != nil {
			panic(fmt.Sprintf("model %s: %v", name, err))
		}
		for opName, op := range svc.Operations {
			op.Name = opName
			for _, sh := range []*Shape{op.Input, op.Output} {
				if err := resolveRefs(sh, nil); err != nil {
					panic(fmt.Sprintf("model %s.%s: %v", name, opName, err))
				}
			}
		}
		services[name] = &svc
	}
}

// Lookup returns the model of one operation, or nil when the service or operation is not in
// the reference files.
func Lookup(service, operation string) *Operation {
	svc := services[service]
	if svc == nil {
		return nil
	}
	return svc.Operations[operation]
}

// ServiceModel returns the model of a service, or nil.
func ServiceModel(name string) *Service { return services[name] }

// Raw returns the embedded model file of a service, for tests that compare it with the
// shared reference.
func Raw(service string) ([]byte, error) { return files.ReadFile("data/" + service + ".json") }

// resolveRefs puts in place of each Ref the structure of that name that encloses it, so that
// a shape that contains itself is one cycle of shapes. enclosing are the structures around s.
func resolveRefs(s *Shape, enclosing []*Shape) error {
	if s == nil || slices.Contains(enclosing, s) {
		return nil
	}
	if s.Type == "structure" {
		enclosing = append(slices.Clip(enclosing), s)
	}
	resolve := func(p **Shape) error {
		if *p == nil {
			return nil
		}
		if ref := (*p).Ref; ref != "" {
			i := slices.IndexFunc(enclosing, func(e *Shape) bool { return e.Name == ref })
			if i < 0 {
				return fmt.Errorf("shape %s refers to a structure that does not enclose it", ref)
			}
			*p = enclosing[i]
			return nil
		}
		return resolveRefs(*p, enclosing)
	}
	for _, name := range s.MemberNames() {
		m := s.Members[name]
		if err := resolve(&m); err != nil {
			return err
		}
		s.Members[name] = m
	}
	for _, p := range []**Shape{&s.Member, &s.Key, &s.Value} {
		if err := resolve(p); err != nil {
			return err
		}
	}
	return nil
}
