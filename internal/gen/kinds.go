package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// kind is one block of kinds.txt.
type kind struct {
	name      string // "dataset-groups"
	service   string // botocore name; "" for a quota alone
	arn       string // the ARN's resource type: "dataset-group"
	arnParts  int    // how many path segments follow it: dataset/<group>/<TYPE> has 2
	keyByARN  bool
	byName    bool
	quota     int
	limit     string
	unit      string // what SageMaker's quota messages count; "" for the kind's Go name
	foldCase  bool   // names compare ignoring case: the table's key is the name in lower case
	noARN     bool   // its resources have no ARN at AWS: no lookup by ARN finds them
	quotaPer  string // the kind whose resources the quota counts within ("" per account and Region)
	creating  bool   // only resources being created (CREATE PENDING, CREATE IN_PROGRESS) count
	message   string // the quota's own message, %d its value; "" for the service's usual one
	lifecycle bool
	timing    []time.Duration // nil: catalog.DefaultLifecycle's
	stopping  time.Duration   // >0: creation can be stopped, and CREATE STOPPING lasts this long
	lineage   string          // the LineageType of a vertex; "" when it is none
	needs     []string
	goType    string // the engine's struct
	index     bool   // the world embeds <goType>Index, the kind's own indexes
	internal  bool
	doc       string
	line      int // where the block starts, for errors
}

// goName is the kind's name as a Go identifier: DatasetGroups; field is the world's field for
// its table: datasetGroups.
func (k *kind) goName() string {
	var b strings.Builder
	for _, part := range strings.Split(k.name, "-") {
		b.WriteString(goName(part))
	}
	return b.String()
}

func (k *kind) field() string { return lowerFirst(k.goName()) }

// arnKey is what tells the kind's ARNs from others': the service, the type and how many path
// segments follow it (a solution and its versions share the type solution).
func (k *kind) arnKey() string { return fmt.Sprintf("%s:%s:%d", k.service, k.arn, k.arnParts) }

// table reports whether the kind is a table of resources (not a quota alone).
func (k *kind) table() bool { return k.goType != "" }

var kindName = func(s string) bool {
	for _, part := range strings.Split(s, "-") {
		if part == "" || strings.Trim(part, "abcdefghijklmnopqrstuvwxyz") != "" {
			return false
		}
	}
	return true
}

// readKinds parses kinds.txt and checks it: names and ARN types unique, every kind it needs
// declared, no cycle of needs, and what a table needs present.
func readKinds(path string) ([]*kind, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var kinds []*kind
	var cur *kind
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, n, fmt.Sprintf(format, args...))
		}
		if fields[0] == "kind" {
			if len(fields) != 2 || !kindName(fields[1]) {
				return nil, bad("want kind NAME, a lowercase plural such as dataset-groups")
			}
			cur = &kind{name: fields[1], line: n}
			kinds = append(kinds, cur)
			continue
		}
		if cur == nil {
			return nil, bad("%s before the first kind", fields[0])
		}
		if err := cur.set(fields); err != nil {
			return nil, bad("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return kinds, checkKinds(path, kinds)
}

// set applies one property line of a kind's block.
func (k *kind) set(fields []string) error {
	key, args := fields[0], fields[1:]
	one := func() (string, error) {
		if len(args) != 1 {
			return "", fmt.Errorf("%s takes one value", key)
		}
		return args[0], nil
	}
	var err error
	switch key {
	case "service":
		k.service, err = one()
		if err == nil && !slices.ContainsFunc(services, func(s service) bool { return s.name == k.service }) {
			err = fmt.Errorf("unknown service %q", k.service)
		}
	case "arn":
		if len(args) < 1 || len(args) > 2 {
			return fmt.Errorf("want arn TYPE [PARTS]")
		}
		k.arn, k.arnParts = args[0], 1
		if len(args) == 2 {
			if k.arnParts, err = strconv.Atoi(args[1]); err != nil || k.arnParts < 1 {
				return fmt.Errorf("an ARN has at least one path segment after its type, not %q", args[1])
			}
		}
	case "key":
		var v string
		if v, err = one(); err == nil && v != "name" && v != "arn" {
			err = fmt.Errorf("key is name or arn, not %q", v)
		}
		k.keyByARN = v == "arn"
	case "listed-by-name":
		k.byName = true
	case "quota":
		if len(args) < 2 {
			return fmt.Errorf("want quota N LIMIT")
		}
		if k.quota, err = strconv.Atoi(args[0]); err != nil || k.quota < 0 {
			return fmt.Errorf("a quota is a number of at least 0, not %q", args[0])
		}
		k.limit = strings.Join(args[1:], " ")
	case "unit":
		k.unit, err = one()
	case "fold-case":
		k.foldCase = true
	case "no-arn":
		k.noARN = true
	case "quota-per":
		k.quotaPer, err = one()
	case "quota-counts":
		var v string
		if v, err = one(); err == nil && v != "creating" {
			err = fmt.Errorf("quota-counts takes creating (only resources being created count), not %q", v)
		}
		k.creating = true
	case "quota-message":
		if len(args) == 0 || strings.Count(strings.Join(args, " "), "%d") != 1 || strings.Count(strings.Join(args, " "), "%") != 1 {
			return fmt.Errorf("a quota message names the quota once, as %%d")
		}
		k.message = strings.Join(args, " ")
	case "stoppable":
		var v string
		if v, err = one(); err == nil {
			if k.stopping, err = time.ParseDuration(v); err != nil || k.stopping <= 0 {
				return fmt.Errorf("stoppable takes how long CREATE STOPPING lasts, a positive duration, not %q", v)
			}
		}
	case "lifecycle":
		k.lifecycle = true
		if len(args) != 0 && len(args) != 6 {
			return fmt.Errorf("a lifecycle's timing is six durations")
		}
		for _, a := range args {
			d, perr := time.ParseDuration(a)
			if perr != nil || d < 0 {
				return fmt.Errorf("%q is not a duration", a)
			}
			k.timing = append(k.timing, d)
		}
	case "lineage":
		k.lineage, err = one()
	case "needs":
		k.needs = args
	case "struct":
		k.goType, err = one()
	case "index":
		k.index = true
	case "internal":
		k.internal = true
	case "doc":
		k.doc = strings.Join(args, " ")
	default:
		err = fmt.Errorf("unknown property %q", key)
	}
	return err
}

func checkKinds(path string, kinds []*kind) error {
	names, arns := map[string]bool{}, map[string]bool{}
	for _, k := range kinds {
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: kind %s: %s", path, k.line, k.name, fmt.Sprintf(format, args...))
		}
		switch {
		case names[k.name]:
			return bad("declared twice")
		case k.doc == "":
			return bad("no doc")
		case k.table() && (k.service == "" || k.arn == ""):
			return bad("a kind with a struct needs a service and an ARN type")
		case !k.table() && (k.service != "" || k.arn != "" || k.lifecycle || k.lineage != "" || len(k.needs) > 0 || k.index):
			return bad("a kind without a struct is a quota alone")
		case k.table() && arns[k.arnKey()]:
			return bad("another kind has the ARN type %s with %d path segments", k.arn, k.arnParts)
		case k.internal && (k.quota > 0 || k.lifecycle):
			return bad("an internal kind has no quota or lifecycle a user could set")
		case k.noARN && k.lineage != "":
			return bad("a lineage vertex is found by its ARN")
		case k.foldCase && k.keyByARN:
			return bad("fold-case folds names, and the kind is keyed by ARN")
		case k.quotaPer != "" && !slices.Contains(k.needs, k.quotaPer):
			return bad("its quota counts per %s, which it does not need", k.quotaPer)
		case k.creating && !k.lifecycle:
			return bad("only a kind with a lifecycle has resources being created")
		case k.stopping > 0 && k.timing == nil:
			return bad("a stoppable kind declares its lifecycle's durations")
		}
		names[k.name], arns[k.arnKey()] = true, true
	}
	tables := map[string]bool{}
	for _, k := range kinds {
		tables[k.name] = k.table()
	}
	for _, k := range kinds {
		for _, n := range k.needs {
			if !tables[n] || n == k.name {
				return fmt.Errorf("%s:%d: kind %s needs %q, which is not another declared kind with a struct", path, k.line, k.name, n)
			}
		}
	}
	_, err := stateOrder(kinds)
	return err
}

// stateOrder returns the kinds that are tables so that each comes after every kind it needs,
// otherwise in declaration order: the order in which seeds can recreate them.
func stateOrder(kinds []*kind) ([]*kind, error) {
	done := map[string]bool{}
	var out []*kind
	for len(out) < countTables(kinds) {
		progressed := false
		for _, k := range kinds {
			if !k.table() || done[k.name] || slices.ContainsFunc(k.needs, func(n string) bool { return !done[n] }) {
				continue
			}
			done[k.name] = true
			out = append(out, k)
			progressed = true
			break // the first ready kind in declaration order, then start again
		}
		if !progressed {
			return nil, fmt.Errorf("kinds.txt: the needs of the kinds form a cycle")
		}
	}
	return out, nil
}

func countTables(kinds []*kind) int {
	n := 0
	for _, k := range kinds {
		if k.table() {
			n++
		}
	}
	return n
}
