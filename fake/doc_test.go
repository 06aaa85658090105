package fake_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/catalog"
)

// go doc ./fake lists every kind of resource a user can name, with what it is, in the package
// documentation (not only with -all, under the constants).
func TestPackageDocListsTheKinds(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/awsfake/awsfake/fake")
	require.NoError(t, err)
	_, kinds, ok := strings.Cut(p.Doc, "# Kinds of resources")
	require.True(t, ok, "a section on the kinds")
	for _, r := range catalog.Resources {
		require.Contains(t, kinds, "("+r.Name+"): ", "the kind %s", r.Name)
	}
}
