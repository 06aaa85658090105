package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
)

// service is what the generator knows of a service besides its model and its SDK.
type service struct {
	name      string // botocore name, as in the models and scenario rules
	door      string // the typed door's Go type: SageMaker, Personalize, PersonalizeEvents
	engine    string // the engine's constant for the service
	sdk       string // the aws-sdk-go-v2 package
	sdkName   string // its package name
	shapePkg  string // the shape package under internal/shape
	prefix    string // prefix of generated helper names in package fake
	shapeFrom string // how the shape package is imported in package fake
}

var services = []service{
	{name: "sagemaker", door: "SageMaker", engine: "SageMaker", sdk: "github.com/aws/aws-sdk-go-v2/service/sagemaker",
		sdkName: "sagemaker", shapePkg: "sagemaker", prefix: "sm", shapeFrom: "smshape"},
	{name: "personalize", door: "Personalize", engine: "Personalize", sdk: "github.com/aws/aws-sdk-go-v2/service/personalize",
		sdkName: "personalize", shapePkg: "personalize", prefix: "pz", shapeFrom: "pzshape"},
	{name: "personalize-events", door: "PersonalizeEvents", engine: "PersonalizeEvents", sdk: "github.com/aws/aws-sdk-go-v2/service/personalizeevents",
		sdkName: "personalizeevents", shapePkg: "personalizeevents", prefix: "pe", shapeFrom: "peshape"},
	{name: "personalize-runtime", door: "PersonalizeRuntime", engine: "PersonalizeRuntime", sdk: "github.com/aws/aws-sdk-go-v2/service/personalizeruntime",
		sdkName: "personalizeruntime", shapePkg: "personalizeruntime", prefix: "pr", shapeFrom: "prshape"},
}

// opLine is one line of operations.txt.
type opLine struct {
	name  string
	flags map[string]bool
}

var knownFlags = map[string]bool{"lifecycle": true, "create": true, "wire-only": true}

func readOperations(path string) (map[string][]opLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]opLine{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want a service and an operation", path, n)
		}
		op := opLine{name: fields[1], flags: map[string]bool{}}
		for _, fl := range fields[2:] {
			if !knownFlags[fl] {
				return nil, fmt.Errorf("%s:%d: unknown flag %q", path, n, fl)
			}
			op.flags[fl] = true
		}
		if seen[fields[1]] {
			// Operation names name Go identifiers (engine.OpX); they must be unique across services.
			return nil, fmt.Errorf("%s:%d: %s is listed twice", path, n, fields[1])
		}
		seen[fields[1]] = true
		out[fields[0]] = append(out[fields[0]], op)
	}
	for svc := range out {
		if !slicesContainsFunc(services, func(s service) bool { return s.name == svc }) {
			return nil, fmt.Errorf("%s: unknown service %q", path, svc)
		}
	}
	return out, sc.Err()
}

func slicesContainsFunc[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if f(v) {
			return true
		}
	}
	return false
}

// shape is a node of a service model, as the reference files give it.
type shape struct {
	Type     string            `json:"type"`
	Name     string            `json:"name"`
	Ref      string            `json:"ref"`
	Required []string          `json:"required"`
	Members  map[string]*shape `json:"members"`
	Member   *shape            `json:"member"`
	Key      *shape            `json:"key"`
	Value    *shape            `json:"value"`
	Enum     []string          `json:"enum"`
	Location string            `json:"location"`
}

// modelOp is one operation of a model file.
type modelOp struct {
	HTTP struct {
		Method     string `json:"method"`
		RequestURI string `json:"requestUri"`
	} `json:"http"`
	Errors []string `json:"errors"`
	Input  *shape   `json:"input"`
	Output *shape   `json:"output"`
}

type modelFile struct {
	Protocol     string              `json:"protocol"`
	TargetPrefix string              `json:"targetPrefix"`
	Botocore     string              `json:"botocore"`
	Operations   map[string]*modelOp `json:"operations"`
}

func readModel(root, svc string) (*modelFile, error) {
	raw, err := os.ReadFile(filepath.Join(root, "internal", "model", "data", svc+".json"))
	if err != nil {
		return nil, err
	}
	var m modelFile
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for name, op := range m.Operations {
		for _, s := range []*shape{op.Input, op.Output} {
			if err := resolveRefs(s, map[string]*shape{}); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return &m, nil
}

// resolveRefs replaces each {"ref": NAME} node, which the reference files write where a shape
// contains itself (SearchExpression's SubExpressions), by the enclosing structure of that name:
// the shapes then form the cycle the model means.
func resolveRefs(s *shape, enclosing map[string]*shape) error {
	if s == nil {
		return nil
	}
	if s.Type == "structure" {
		if prev, ok := enclosing[s.Name]; ok && prev == s {
			return nil
		}
		inner := maps.Clone(enclosing)
		inner[s.Name] = s
		enclosing = inner
	}
	for _, name := range sortedKeys(s.Members) {
		m := s.Members[name]
		if err := resolveRef(&m, enclosing); err != nil {
			return err
		}
		s.Members[name] = m
		if err := resolveRefs(m, enclosing); err != nil {
			return err
		}
	}
	for _, p := range []**shape{&s.Member, &s.Key, &s.Value} {
		if err := resolveRef(p, enclosing); err != nil {
			return err
		}
		if err := resolveRefs(*p, enclosing); err != nil {
			return err
		}
	}
	return nil
}

func resolveRef(p **shape, enclosing map[string]*shape) error {
	if *p == nil || (*p).Ref == "" {
		return nil
	}
	target, ok := enclosing[(*p).Ref]
	if !ok {
		return fmt.Errorf("shape %s refers to a structure that does not enclose it", (*p).Ref)
	}
	*p = target
	return nil
}

// structures collects every named structure reachable from s (s itself excluded when top),
// checking that one name always means one shape.
func structures(s *shape, top bool, into map[string]*shape) error {
	if s == nil {
		return nil
	}
	if s.Ref != "" {
		return fmt.Errorf("shape %s refers to a structure that does not enclose it", s.Ref)
	}
	switch s.Type {
	case "structure":
		if !top {
			if prev, ok := into[s.Name]; ok {
				// Met before (a shape that contains itself meets itself): checked once.
				if prev != s && !reflect.DeepEqual(prev, s) {
					return fmt.Errorf("structure %s has two different definitions", s.Name)
				}
				return nil
			}
			into[s.Name] = s
		}
		for _, name := range sortedKeys(s.Members) {
			if err := structures(s.Members[name], false, into); err != nil {
				return err
			}
		}
	case "list":
		return structures(s.Member, false, into)
	case "map":
		v := s.Value
		if s.Key.Type != "string" || !(v.Type == "string" || v.Type == "double" || v.Type == "float" || v.Type == "structure" || v.Type == "list" && v.Member.Type == "string") {
			return fmt.Errorf("map %s: only maps from strings to strings, numbers, structures or lists of strings are supported", s.Name)
		}
		return structures(s.Value, false, into)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
