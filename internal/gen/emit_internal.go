package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// generate writes every file.
func (g *generator) generate() error {
	for _, sd := range g.svcs {
		if err := g.emitShapes(sd); err != nil {
			return err
		}
		for _, op := range sd.typedOps() {
			if err := g.emitOperation(sd, op); err != nil {
				return fmt.Errorf("%s.%s: %w", sd.name, op.name, err)
			}
		}
		if err := g.emitService(sd); err != nil {
			return fmt.Errorf("%s: %w", sd.name, err)
		}
	}
	if err := g.emitPredicateInputs(); err != nil {
		return err
	}
	if err := g.emitEngineOps(); err != nil {
		return err
	}
	if err := g.emitEngineKinds(g.kinds); err != nil {
		return err
	}
	if err := g.emitCatalogKinds(g.kinds); err != nil {
		return err
	}
	if err := g.emitResources(g.kinds); err != nil {
		return err
	}
	return g.emitCatalog()
}

// emitEngineOps binds each operation to its behaviour, the method of *Engine named after it.
func (g *generator) emitEngineOps() error {
	var b bytes.Buffer
	b.WriteString(header("operations.txt"))
	b.WriteString("package engine\n\n// The supported operations, each bound to its behaviour: (*Engine).<operation>.\nvar (\n")
	for _, sd := range g.svcs {
		for _, op := range sd.ops {
			fmt.Fprintf(&b, "\tOp%s = define(%s, %q, (*Engine).%s)\n", op.name, sd.engine, op.name, lowerFirst(op.name))
		}
	}
	b.WriteString(")\n")
	return g.emit(filepath.Join("internal", "engine", "zz_ops.go"), b.Bytes())
}

// emitCatalog writes the one list of supported operations. Each names its SDK input type by
// import path and name, as strings: the catalogue is below the doors and imports no SDK.
func (g *generator) emitCatalog() error {
	var b bytes.Buffer
	b.WriteString(header("operations.txt and the service models"))
	b.WriteString("package catalog\n\nvar operations = []Operation{\n")
	for _, sd := range g.svcs {
		for _, op := range sd.ops {
			pkg, input := sd.sdk.path, op.name+"Input"
			if op.flags["wire-only"] {
				pkg, input = "", "" // no SDK type: typed predicates cannot name it
			}
			fmt.Fprintf(&b, "\t{Service: %q, Name: %q, InputPackage: %q, InputName: %q, Errors: %#v, HTTPMethod: %q, HTTPPath: %q, Create: %t, Lifecycle: %t, WireOnly: %t},\n",
				sd.name, op.name, pkg, input, op.model.Errors, op.model.HTTP.Method, op.model.HTTP.RequestURI, op.flags["create"], op.flags["lifecycle"], op.flags["wire-only"])
		}
	}
	b.WriteString("}\n")
	return g.emit(filepath.Join("internal", "catalog", "zz_operations.go"), []byte(strings.ReplaceAll(b.String(), "[]string(nil)", "nil")))
}
