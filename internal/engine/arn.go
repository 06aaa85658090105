package engine

import (
	"strings"

	"github.com/awsfake/awsfake/internal/catalog"
)

// partition returns the ARN partition of a Region.
func partition(region string) string { return catalog.Partition(region) }

// arn builds arn:<partition>:<service>:<region>:<account>:<kind>/<id>, in one allocation.
func (s Scope) arn(service, kind, id string) string {
	return "arn:" + partition(s.Region) + ":" + service + ":" + s.Region + ":" + s.Account + ":" + kind + "/" + id
}

// parsedARN is an ARN split into its fields.
type parsedARN struct {
	partition, service, region, account, resource string
}

// parseARN splits arn:<partition>:<service>:<region>:<account>:<resource>, without allocating
// (every lookup by ARN starts here).
func parseARN(s string) (parsedARN, bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return parsedARN{}, false
	}
	var p parsedARN
	for _, f := range []*string{&p.partition, &p.service, &p.region, &p.account} {
		if *f, rest, ok = strings.Cut(rest, ":"); !ok {
			return parsedARN{}, false
		}
	}
	p.resource = rest
	return p, true
}

// in reports whether the ARN names a resource of this scope and service.
func (a parsedARN) in(s Scope, service string) bool {
	return a.service == service && a.region == s.Region && a.account == s.Account && a.partition == partition(s.Region)
}
