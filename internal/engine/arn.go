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

func parseARN(s string) (parsedARN, bool) {
	f := strings.SplitN(s, ":", 6)
	if len(f) != 6 || f[0] != "arn" {
		return parsedARN{}, false
	}
	return parsedARN{partition: f[1], service: f[2], region: f[3], account: f[4], resource: f[5]}, true
}

// in reports whether the ARN names a resource of this scope and service.
func (a parsedARN) in(s Scope, service string) bool {
	return a.service == service && a.region == s.Region && a.account == s.Account && a.partition == partition(s.Region)
}
