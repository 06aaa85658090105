package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AWS validates patterns with Java's regex engine and String.matches: the whole value must
// match, `.` does not match line terminators, and `\p{ASCII}` is a class. compilePattern
// translates a model pattern into an anchored Go (RE2) expression with the same meaning, and
// uses a hand-written matcher for the patterns on hot paths (each is checked against the
// regular expression by tests and a fuzz target).
func compilePattern(p string) func(string) bool {
	if fast, ok := fastPatterns[p]; ok {
		return fast
	}
	return regexp.MustCompile(translatePattern(p)).MatchString
}

// RegexpFor returns the anchored Go regular expression for a model pattern, for tests.
func RegexpFor(p string) *regexp.Regexp { return regexp.MustCompile(translatePattern(p)) }

// FastPatterns lists the patterns with hand-written matchers, for tests.
func FastPatterns() map[string]func(string) bool { return fastPatterns }

// javaDot is Java's `.` without DOTALL: anything but a line terminator.
const javaDot = `[^\n\r\x{85}\x{2028}\x{2029}]`

func translatePattern(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && strings.HasPrefix(p[i:], `\p{ASCII}`):
			if inClass {
				b.WriteString(`\x00-\x7F`)
			} else {
				b.WriteString(`[\x00-\x7F]`)
			}
			i += len(`\p{ASCII}`) - 1
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			b.WriteByte(p[i+1])
			i++
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		case c == '.' && !inClass:
			b.WriteString(javaDot)
		case c == '{' && !inClass:
			// RE2 caps repetition counts at 1000; the models' larger bounds are also
			// enforced by the members' length constraints, so an open bound is equivalent.
			j := strings.IndexByte(p[i:], '}')
			rep := p[i : i+j+1]
			if lo, hi, ok := strings.Cut(rep[1:len(rep)-1], ","); ok && len(hi) >= 4 {
				b.WriteString("{" + lo + ",}")
			} else {
				b.WriteString(rep)
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return `^(?:` + b.String() + `)$`
}

var fastPatterns = map[string]func(string) bool{
	`.*`:                                               noLineTerminator,
	`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}`:                lineageName,
	`([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`:                    tagChars,
	`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`:                  tagChars,
	`^[a-zA-Z0-9][a-zA-Z0-9\-_]*`:                      personalizeName,
	`\p{ASCII}{0,1500}`:                                func(s string) bool { return asciiOnly(s) && len(s) <= 1500 },
	`arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+`: sagemakerARN,
	lineageNameOrARN:                                   lineageNameOrARNMatch,
	`arn:([a-z\d-]+):personalize:.*:.*:.+`:             personalizeARN,
	`^[A-Za-z_]+$`:                                     lettersAndUnderscores,
	`^[\x20-\x7E]*[\x21-\x7E]+[\x20-\x7E]*$`:           printableNotBlank,
	`arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:artifact/.*`: func(s string) bool { return lineageARN(s, "artifact/") },
	`[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119}`:                        contextName,
	contextNameOrARN:                                              contextNameOrARNMatch,
	associationEntityARN:                                          associationEntityARNMatch,
}

// associationEntityARN is the pattern of an association's end (AddAssociation,
// DeleteAssociation, QueryLineage's StartArns): the ARN of an experiment, trial component,
// artifact, action or context, whose id may be empty.
const associationEntityARN = `arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:(experiment|experiment-trial-component|artifact|action|context)/.*`

func associationEntityARNMatch(s string) bool {
	rest, ok := sagemakerARNResource(s)
	if !ok {
		return false
	}
	// No kind holds a '/', so the kind ends at the first one.
	kind, id, ok := strings.Cut(rest, "/")
	switch kind {
	case "experiment", "experiment-trial-component", "artifact", "action", "context":
		return ok && noLineTerminator(id)
	}
	return false
}

// contextNameOrARN is DescribeContext's pattern: a context name, optionally behind the ARN
// prefix of a context.
const contextNameOrARN = `(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:context\/)?([a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119})`

// contextName is [a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119}: alphanumerics, with hyphens and
// underscores only between them, at most 120 alphanumerics.
func contextName(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	alnums := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isAlnum(c):
			alnums++
		case c != '-' && c != '_':
			return false
		}
	}
	return alnums <= 120
}

func contextNameOrARNMatch(s string) bool {
	if contextName(s) {
		return true
	}
	// The name part cannot hold '/', so the prefix ends at the last '/'.
	i := strings.LastIndexByte(s, '/')
	if i < 0 || !contextName(s[i+1:]) {
		return false
	}
	rest, ok := sagemakerARNResource(s[:i+1])
	return ok && rest == "context/"
}

// lineageARN is arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:<kind>.* (an ARN pattern of the
// lineage entities, whose resource id may be empty).
func lineageARN(s, kind string) bool {
	rest, ok := sagemakerARNResource(s)
	if !ok {
		return false
	}
	id, ok := strings.CutPrefix(rest, kind)
	return ok && noLineTerminator(id)
}

// lineageNameOrARN is DescribeAction's pattern: a lineage name, optionally behind the ARN
// prefix of a lineage entity.
const lineageNameOrARN = `(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:(experiment|experiment-trial|experiment-trial-component|artifact|action|context)\/)?([a-zA-Z0-9](-*[a-zA-Z0-9]){0,119})`

func lineageNameOrARNMatch(s string) bool {
	if lineageName(s) {
		return true
	}
	// The name part cannot hold ':' or '/', so the prefix ends at the last '/'.
	i := strings.LastIndexByte(s, '/')
	if i < 0 || !lineageName(s[i+1:]) {
		return false
	}
	prefix := s[:i]
	j := strings.LastIndexByte(prefix, ':')
	if j < 0 {
		return false
	}
	switch prefix[j+1:] {
	case "experiment", "experiment-trial", "experiment-trial-component", "artifact", "action", "context":
	default:
		return false
	}
	// What is left, "arn:aws...:sagemaker:region:account:", is the ARN pattern's head.
	return sagemakerARN(prefix[:j+1]+"x") && strings.Count(prefix[:j+1], ":") == 5
}

// noLineTerminator is Java's ".*": any character but the line terminators \n, \r, U+0085,
// U+2028 and U+2029. ASCII is checked a byte at a time; runes are decoded only past it.
func noLineTerminator(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n' || c == '\r':
			return false
		case c >= utf8.RuneSelf:
			return !strings.ContainsFunc(s[i:], func(r rune) bool {
				return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
			})
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// lineageName is [a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}: alphanumerics, hyphens only between
// them, at most 120 alphanumerics.
func lineageName(s string) bool {
	if s == "" || !isAlnum(s[0]) || s[len(s)-1] == '-' {
		return false
	}
	alnums := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isAlnum(c):
			alnums++
		case c != '-':
			return false
		}
	}
	return alnums <= 120
}

func tagChars(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Z, r) || unicode.IsNumber(r) {
			continue
		}
		if !strings.ContainsRune("_.:/=+-@", r) {
			return false
		}
	}
	return true
}

func personalizeName(s string) bool {
	if s == "" || !isAlnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sagemakerARN is arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+ (the resource part is
// anything but line terminators).
func sagemakerARN(s string) bool {
	rest, ok := sagemakerARNResource(s)
	return ok && rest != "" && noLineTerminator(rest)
}

// sagemakerARNResource matches the head of a SageMaker ARN, arn:aws[a-z-]*:sagemaker:
// [a-z0-9-]*:[0-9]{12}:, and returns what follows it.
func sagemakerARNResource(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "arn:aws")
	if !ok {
		return "", false
	}
	part, rest, ok := strings.Cut(rest, ":")
	if !ok || !all(part, func(c byte) bool { return c >= 'a' && c <= 'z' || c == '-' }) {
		return "", false
	}
	if rest, ok = strings.CutPrefix(rest, "sagemaker:"); !ok {
		return "", false
	}
	region, rest, ok := strings.Cut(rest, ":")
	if !ok || !all(region, func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' }) {
		return "", false
	}
	if len(rest) < 13 || rest[12] != ':' || !all(rest[:12], func(c byte) bool { return c >= '0' && c <= '9' }) {
		return "", false
	}
	return rest[13:], true
}

func all(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

// personalizeARN is arn:([a-z\d-]+):personalize:.*:.*:.+ with Java's meaning: a partition of
// lowercase letters, digits and hyphens, then "personalize:", then text without line
// terminators that has two colons with something after the second.
func personalizeARN(s string) bool {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return false
	}
	part, rest, ok := strings.Cut(rest, ":")
	if !ok || part == "" || !all(part, func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' }) {
		return false
	}
	if rest, ok = strings.CutPrefix(rest, "personalize:"); !ok || !noLineTerminator(rest) {
		return false
	}
	first := strings.IndexByte(rest, ':')
	if first < 0 {
		return false
	}
	second := strings.IndexByte(rest[first+1:], ':')
	return second >= 0 && first+1+second < len(rest)-1
}

// lettersAndUnderscores is ^[A-Za-z_]+$ (a Personalize dataset type).
func lettersAndUnderscores(s string) bool {
	return s != "" && all(s, func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' })
}

// printableNotBlank is ^[\x20-\x7E]*[\x21-\x7E]+[\x20-\x7E]*$: printable ASCII, not all spaces.
func printableNotBlank(s string) bool {
	nonSpace := false
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
		nonSpace = nonSpace || s[i] != ' '
	}
	return nonSpace
}
