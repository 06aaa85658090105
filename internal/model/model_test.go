package model

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestModelsMatchSharedReference keeps the embedded copies identical to ../shared/reference,
// when that folder is beside the checkout.
func TestModelsMatchSharedReference(t *testing.T) {
	t.Parallel()
	// The shared reference sits beside the checkout; a clone elsewhere finds the workplace's.
	dir := ""
	for _, d := range []string{os.Getenv("AWSFAKE_SHARED"), filepath.Join("..", "..", "..", "shared"), "/work/shared"} {
		if _, err := os.Stat(filepath.Join(d, "reference")); d != "" && err == nil {
			dir = filepath.Join(d, "reference")
			break
		}
	}
	if dir == "" {
		t.Skip("no shared reference beside the checkout (set AWSFAKE_SHARED)")
	}
	for _, svc := range []string{"sagemaker", "personalize", "personalize-events", "personalize-runtime"} {
		want, err := os.ReadFile(filepath.Join(dir, svc+".json"))
		require.NoError(t, err)
		got, err := Raw(svc)
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, got), "internal/model/data/%s.json differs from the shared reference; copy it again", svc)
	}
}

// patternSamples are strings around the edges of every fast pattern.
var patternSamples = []string{
	"", "a", "A", "0", "-", "a-", "-a", "a-b", "a--b", "a_b", "a.b", "a b", "a\nb", "a\rb", "\u0085", "\u2028x",
	"é", "ü-1", "日本", "a@b", "k=v", "x:y/z+w", "tab\t", "\x00", "\x7f", "\xff", "\u00a0", "١٢٣",
	"arn:aws:sagemaker:us-east-1:123456789012:action/a", "arn:aws-cn:sagemaker::123456789012:x",
	"arn:aws:sagemaker:us-east-1:12345678901:action/a", "arn:aws:sagemaker:us-east-1:123456789012:",
	"arn:aws:sagemaker:US:123456789012:a", "arn:awsX:sagemaker:r:123456789012:a", "arn:aws:sagemaker:r:123456789012:\n",
	"arn:aws:s3:::b", "arn:aws:sagemaker:us-east-1:123456789012:action/a-1", "arn:aws:sagemaker:us-east-1:123456789012:context/x",
	"arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/x", "arn:aws:sagemaker:us-east-1:123456789012:model/x",
	"arn:aws:sagemaker:us-east-1:123456789012:action/", "arn:aws:sagemaker:us-east-1:123456789012:foo:action/x",
	"arn:aws:sagemaker:us-east-1:123456789012:action/a/b", "arn:aws-cn:sagemaker::123456789012:artifact/z9",
	"arn:aws:sagemaker:us-east-1:1234567890123:action/x", "arn:aws:sagemaker:us_east:123456789012:action/x",
	"arn:aws:personalize:us-east-1:123456789012:dataset-group/g", "arn:aws:personalize::", "arn:aws:personalize:::",
	"arn:aws:personalize:::x", "arn:aws:personalize:a:b:", "arn:aws:personalize:a:b::", "arn:aws:personalize:a::b",
	"arn::personalize:a:b:c", "arn:AWS:personalize:a:b:c", "arn:a-1:personalize:a:b:c", "arn:aws:personalize:a\n:b:c",
	"arn:aws:personalize:a:b:c\u2028", "arn:aws:personalizer:a:b:c", "arn:aws:personalize:x/y:z:w/v",
	"Action_Interactions", "ITEMS", "Items1", " ", "  x ", "~", "\x1f", "a\x7e",
	"a__b", "a-_b", "_a", "a_", "a_-_b", "arn:aws:sagemaker:us-east-1:123456789012:context/a_b",
	"arn:aws:sagemaker:us-east-1:123456789012:context/", "arn:aws:sagemaker:us-east-1:123456789012:context/_x",
	"arn:aws:sagemaker:us-east-1:123456789012:context/a/b", "arn:aws:sagemaker:us-east-1:123456789012:artifact/",
	"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123456789abcdef0123456789abcdef",
	"arn:aws:sagemaker:us-east-1:123456789012:artifact/a\nb", "arn:aws:sagemaker:us-east-1:123456789012:artifacts/x",
	"arn:aws:sagemaker:us-east-1:123456789012:artifact", "arn:aws:sagemaker::123456789012:artifact/x y",
	"arn:aws:sagemaker:us-east-1:123456789012:experiment/x", "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/x",
	"arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc", "arn:aws:sagemaker:us-east-1:123456789012:action/",
	"arn:aws:sagemaker:us-east-1:123456789012:action/a/b", "arn:aws:sagemaker:us-east-1:123456789012:context\u2028/x",
	"arn:aws-cn:sagemaker:cn-north-1:123456789012:experiment-trial-component/x/\u0085", "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e",
}

func TestFastPatternsAgreeWithRegexps(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ09-_.:/=+@ \n\réü日\u2028\u00a0arnsgmk")
	for p, fast := range FastPatterns() {
		re := RegexpFor(p)
		samples := append([]string{}, patternSamples...)
		for i := 0; i < 2000; i++ {
			n := rng.IntN(14)
			r := make([]rune, n)
			for j := range r {
				r[j] = alphabet[rng.IntN(len(alphabet))]
			}
			samples = append(samples, string(r))
		}
		samples = append(samples, string(bytes.Repeat([]byte("a"), 120)), string(bytes.Repeat([]byte("a"), 121)),
			string(bytes.Repeat([]byte("a-"), 120))+"a", string(bytes.Repeat([]byte("x"), 1500)),
			string(bytes.Repeat([]byte("a_"), 119))+"a", string(bytes.Repeat([]byte("a_"), 120))+"a",
			"arn:aws:sagemaker:us-east-1:123456789012:context/"+string(bytes.Repeat([]byte("a"), 120)),
			"arn:aws:sagemaker:us-east-1:123456789012:context/"+string(bytes.Repeat([]byte("a"), 121)))
		for _, s := range samples {
			require.Equal(t, re.MatchString(s), fast(s), "pattern %q on %q", p, s)
		}
	}
}

func TestASCIIPatternKeepsItsBound(t *testing.T) {
	t.Parallel()
	// The regexp form drops the bound (RE2 caps repeats at 1000); the member's max length
	// enforces it there, and the fast matcher enforces it itself.
	fast := FastPatterns()[`\p{ASCII}{0,1500}`]
	require.True(t, fast(string(bytes.Repeat([]byte("x"), 1500))))
	require.False(t, fast(string(bytes.Repeat([]byte("x"), 1501))))
}

func FuzzFastPatterns(f *testing.F) {
	for _, s := range patternSamples {
		f.Add(s)
	}
	type pair struct {
		fast func(string) bool
		re   func(string) bool
	}
	var pairs []pair
	for p, fast := range FastPatterns() {
		pairs = append(pairs, pair{fast, RegexpFor(p).MatchString})
	}
	f.Fuzz(func(t *testing.T, s string) {
		// 300 bytes reach past every bound the fast matchers count (120 characters of a
		// lineage name behind an ARN prefix). Longer inputs only slow the regexps down: a
		// kilobyte of invalid UTF-8 made minimizing one input outlast the fuzzing engine's
		// 10-second limit per call, a spurious "fuzzing process hung" failure.
		// (The 1500 of \p{ASCII}{0,1500} is TestASCIIPatternKeepsItsBound's.)
		if len(s) > 300 {
			return
		}
		for _, p := range pairs {
			if p.fast(s) != p.re(s) {
				t.Fatalf("fast matcher and regexp disagree on %q", s)
			}
		}
	})
}

func TestTranslatePattern(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{`.*`, `^(?:[^\n\r\x{85}\x{2028}\x{2029}]*)$`},
		{`[.]`, `^(?:[.])$`},
		{`\p{ASCII}{0,1500}`, `^(?:[\x00-\x7F]{0,})$`},
		{`a{1,2}`, `^(?:a{1,2})$`},
		{`^[a-z]*$`, `^(?:^[a-z]*$)$`},
	}
	for _, c := range cases {
		require.Equal(t, c.want, translatePattern(c.in), c.in)
	}
}
