package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// parseARN splits an ARN as strings.SplitN(arn, ":", 6) does, and refuses what is not one.
func TestParseARN(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"arn:aws:sagemaker:us-east-1:123456789012:action/a",
		"arn:aws:personalize:us-east-1:123456789012:dataset/g/ITEMS",
		"arn:aws-cn:sagemaker:cn-north-1:123456789012:artifact/x:y:z",
		"arn:::::", "arn:a:b:c:d", "arn:a:b:c", "arn", "", "nra:a:b:c:d:e", "ARN:a:b:c:d:e",
	} {
		p, ok := parseARN(s)
		f := strings.SplitN(s, ":", 6)
		want := len(f) == 6 && f[0] == "arn"
		require.Equal(t, want, ok, s)
		if want {
			require.Equal(t, parsedARN{partition: f[1], service: f[2], region: f[3], account: f[4], resource: f[5]}, p, s)
		}
	}
}

// Every lookup by ARN parses it, without allocating. (Not parallel: AllocsPerRun measures the
// whole process.)
func TestParseARNAllocatesNothing(t *testing.T) {
	require.Zero(t, testing.AllocsPerRun(100, func() { _, _ = parseARN("arn:aws:sagemaker:us-east-1:123456789012:action/a") }))
}
