package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The server builds from the internal packages alone: it compiles no AWS SDK service package
// (the SageMaker one alone took most of a cold build), and nothing under internal/ imports one,
// not even in its tests. Only package fake, the typed doors, does.
func TestNoSDKBelowTheDoors(t *testing.T) {
	t.Parallel()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list packages with")
	}
	list := func(args ...string) string {
		out, err := exec.Command(goTool, append([]string{"list"}, args...)...).CombinedOutput()
		require.NoError(t, err, "%s", out)
		return string(out)
	}
	const sdk = "github.com/aws/aws-sdk-go-v2/service/"
	for _, dep := range strings.Fields(list("-deps", ".")) {
		require.False(t, strings.HasPrefix(dep, sdk), "cmd/awsfake depends on %s", dep)
	}
	imports := list("-f", "{{.ImportPath}}: {{join .Imports \" \"}} {{join .TestImports \" \"}} {{join .XTestImports \" \"}}", "../../internal/...")
	for _, line := range strings.Split(strings.TrimSpace(imports), "\n") {
		pkg, deps, _ := strings.Cut(line, ": ")
		require.NotEmpty(t, pkg)
		for _, dep := range strings.Fields(deps) {
			require.False(t, strings.HasPrefix(dep, sdk), "%s imports %s", pkg, dep)
		}
	}
}
