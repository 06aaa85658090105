package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// sdkPackage is what the generator reads of one aws-sdk-go-v2 service package: its structs,
// enums and error types, its service id, and per operation the client method's doc and whether
// a paginator exists. Types are read from the source (go/parser), not by type-checking: the
// generated code is then compiled against the same package, which checks every use.
type sdkPackage struct {
	path, dir, version string
	serviceID          string
	structs            map[string][]sdkField // types.<Name>, and <Op>Input/<Op>Output of the package
	enums              map[string]bool       // types.<Name> declared as string
	errors             map[string]bool       // types.<Name> error structs
	unions             map[string]bool       // types.<Name> declared as an interface: a union, whose members are <Name>Member<Member>
	docs               map[string]string     // operation → first sentence of the client method's doc
	paginated          map[string]bool       // operation → the package declares <Op>APIClient
	// checkOrder is, per validator function (validateOpCreateActionInput, validateActionSource),
	// the members it checks in the order it checks them: the model's declaration order, which
	// neither the reference files (sorted) nor the SDK's structs (required members first) keep.
	checkOrder map[string][]string
	// required is, per validator function, the members it reports missing: what the client
	// itself requires, which an older SDK may see differently from the current model.
	required map[string]map[string]bool
}

// sdkField is one exported field of an SDK struct: its name and its type as Go source, with
// the types package written as "types." everywhere.
type sdkField struct {
	name, typ string
}

func loadSDK(root, path string) (*sdkPackage, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", sdkModule(path)).Output()
	if err != nil {
		return nil, fmt.Errorf("go list -m %s (is it required in go.mod?): %w", path, err)
	}
	dir, version, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if dir == "" {
		return nil, fmt.Errorf("%s is not downloaded; run go mod download", path)
	}
	p := &sdkPackage{path: path, dir: dir, version: version, structs: map[string][]sdkField{},
		enums: map[string]bool{}, errors: map[string]bool{}, unions: map[string]bool{}, docs: map[string]string{}, paginated: map[string]bool{},
		checkOrder: map[string][]string{}, required: map[string]map[string]bool{}}
	for _, file := range []string{"types/types.go", "types/enums.go", "types/errors.go", "api_client.go"} {
		path := filepath.Join(dir, file)
		if _, err := os.Stat(path); err != nil && file == "types/enums.go" {
			continue // a service without enums has no enums.go
		}
		if err := p.parse(path, strings.HasPrefix(file, "types/"), ""); err != nil {
			return nil, err
		}
	}
	if err := p.parseValidators(filepath.Join(dir, "validators.go")); err != nil {
		return nil, err
	}
	if p.serviceID == "" {
		return nil, fmt.Errorf("%s: no ServiceID constant", path)
	}
	return p, nil
}

// sdkModule is the module of a package: the service packages are modules of their own.
func sdkModule(pkg string) string { return pkg }

// hasOperation reports whether the SDK version has a client method for an operation.
func (p *sdkPackage) hasOperation(op string) bool {
	_, err := os.Stat(filepath.Join(p.dir, "api_op_"+op+".go"))
	return err == nil
}

// loadOperation reads api_op_<op>.go.
func (p *sdkPackage) loadOperation(op string) error {
	file := filepath.Join(p.dir, "api_op_"+op+".go")
	if _, err := os.Stat(file); err != nil {
		return fmt.Errorf("%s %s has no %s: the SDK version does not have the operation", p.path, p.version, filepath.Base(file))
	}
	return p.parse(file, false, op)
}

// parse reads one file's type declarations (and, for an operation's file, its client method's
// doc and paginator interface). inTypes says the file is in the types package, where its own
// type names are written unqualified.
func (p *sdkPackage) parse(file string, inTypes bool, op string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return err
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			p.parseGen(fset, d, inTypes, op)
		case *ast.FuncDecl:
			if op != "" && d.Recv != nil && d.Name.Name == op && d.Doc != nil {
				p.docs[op] = firstSentence(d.Doc.Text())
			}
		}
	}
	return nil
}

func (p *sdkPackage) parseGen(fset *token.FileSet, d *ast.GenDecl, inTypes bool, op string) {
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.ValueSpec:
			for i, n := range s.Names {
				if n.Name == "ServiceID" && i < len(s.Values) {
					if lit, ok := s.Values[i].(*ast.BasicLit); ok {
						p.serviceID = strings.Trim(lit.Value, `"`)
					}
				}
			}
		case *ast.TypeSpec:
			name := s.Name.Name
			switch t := s.Type.(type) {
			case *ast.StructType:
				if inTypes && strings.HasSuffix(filepath.Base(fset.File(s.Pos()).Name()), "errors.go") {
					p.errors[name] = true
					continue
				}
				p.structs[name] = p.fields(fset, t, inTypes)
			case *ast.Ident:
				if inTypes && t.Name == "string" {
					p.enums[name] = true
				}
			case *ast.InterfaceType:
				if op != "" && name == op+"APIClient" {
					p.paginated[op] = true
				}
				if inTypes && !strings.HasSuffix(filepath.Base(fset.File(s.Pos()).Name()), "errors.go") {
					p.unions[name] = true
				}
			}
		}
	}
}

func (p *sdkPackage) fields(fset *token.FileSet, t *ast.StructType, inTypes bool) []sdkField {
	var out []sdkField
	for _, f := range t.Fields.List {
		for _, n := range f.Names {
			if !n.IsExported() || n.Name == "ResultMetadata" {
				continue
			}
			out = append(out, sdkField{name: n.Name, typ: render(fset, f.Type, inTypes)})
		}
	}
	return out
}

// render prints a type expression as Go source, qualifying the types package's own names when
// the expression comes from inside it.
func render(fset *token.FileSet, e ast.Expr, inTypes bool) string {
	switch t := e.(type) {
	case *ast.Ident:
		if inTypes && t.IsExported() {
			return "types." + t.Name
		}
		return t.Name
	case *ast.SelectorExpr:
		return render(fset, t.X, false) + "." + t.Sel.Name
	case *ast.StarExpr:
		return "*" + render(fset, t.X, inTypes)
	case *ast.ArrayType:
		return "[]" + render(fset, t.Elt, inTypes)
	case *ast.MapType:
		return "map[" + render(fset, t.Key, inTypes) + "]" + render(fset, t.Value, inTypes)
	}
	var b bytes.Buffer
	_ = printer.Fprint(&b, fset, e)
	return b.String()
}

// firstSentence returns the doc's first sentence on one line.
func firstSentence(doc string) string {
	doc = strings.Join(strings.Fields(doc), " ")
	if i := strings.Index(doc, ". "); i >= 0 {
		doc = doc[:i+1]
	}
	return doc
}

// parseValidators records the order in which each validator of validators.go checks members.
func (p *sdkPackage) parseValidators(file string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		return err
	}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fn.Name.Name, "validate") || fn.Body == nil {
			continue
		}
		var order []string
		required := map[string]bool{}
		for _, stmt := range fn.Body.List {
			ifs, ok := stmt.(*ast.IfStmt)
			if !ok {
				continue
			}
			// if v.X == nil { invalidParams.Add(smithy.NewErrParamRequired("X")) }
			ast.Inspect(ifs.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewErrParamRequired" && len(call.Args) == 1 {
						if lit, ok := call.Args[0].(*ast.BasicLit); ok {
							required[strings.Trim(lit.Value, `"`)] = true
						}
					}
				}
				return true
			})
			// if v.X == nil, if len(v.X) == 0, if v.X != nil: the first v.<member> names it.
			found := false
			ast.Inspect(ifs.Cond, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && !found {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "v" {
						order = append(order, sel.Sel.Name)
						found = true
					}
				}
				return !found
			})
		}
		p.checkOrder[fn.Name.Name] = order
		p.required[fn.Name.Name] = required
	}
	return nil
}
