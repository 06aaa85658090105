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
	keyByARN  bool
	byName    bool
	quota     int
	per       string // the kind whose every resource has its own quota of this kind; "" for per account and Region
	limit     string
	unit      string // what SageMaker's quota messages count; "" for the kind's Go name
	foldCase  bool   // names compare ignoring case: the table's key is the name in lower case
	noARN     bool   // its resources have no ARN at AWS: no lookup by ARN finds them
	lifecycle bool
	timing    []time.Duration // nil: catalog.DefaultLifecycle's
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
		k.arn, err = one()
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
			return fmt.Errorf("want quota N [per KIND] LIMIT")
		}
		if k.quota, err = strconv.Atoi(args[0]); err != nil || k.quota < 0 {
			return fmt.Errorf("a quota is a number of at least 0, not %q", args[0])
		}
		args = args[1:]
		if args[0] == "per" {
			if len(args) < 3 {
				return fmt.Errorf("want quota N per KIND LIMIT")
			}
			k.per, args = args[1], args[2:]
		}
		k.limit = strings.Join(args, " ")
	case "unit":
		k.unit, err = one()
	case "fold-case":
		k.foldCase = true
	case "no-arn":
		k.noARN = true
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
		case k.table() && arns[k.service+":"+k.arn]:
			return bad("another kind has the ARN type %s", k.arn)
		case k.internal && (k.quota > 0 || k.lifecycle):
			return bad("an internal kind has no quota or lifecycle a user could set")
		case k.per != "" && !slices.Contains(k.needs, k.per):
			return bad("a quota per %s counts what each %s is used by: the kind needs it", k.per, k.per)
		case k.noARN && k.lineage != "":
			return bad("a lineage vertex is found by its ARN")
		case k.foldCase && k.keyByARN:
			return bad("fold-case folds names, and the kind is keyed by ARN")
		}
		names[k.name], arns[k.service+":"+k.arn] = true, true
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
