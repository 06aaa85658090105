package csvimport

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// Resolve maps an import's dataLocation to the names of the objects it reads in fsys, sorted:
// s3://bucket/key reads bucket/key; a folder (s3://bucket/folder/, or a key that names a
// folder in fsys) reads every object under it, at any depth, whose name ends in ".csv" ("If
// your CSV files are in a folder and you want to upload multiple files with one dataset
// import job, use this syntax without the CSV file name", dg/error-messages). A location that
// is not of that form, or that holds nothing to read, is an *Error with AWS's failure reason
// "Invalid Data location." and what is wrong.
func Resolve(fsys fs.FS, s3URI string) ([]string, error) {
	rest, ok := strings.CutPrefix(s3URI, "s3://")
	if !ok {
		if strings.HasPrefix(s3URI, "http://") || strings.HasPrefix(s3URI, "https://") {
			return nil, locationError(s3URI, "The fake reads only s3:// locations, not %s.", s3URI)
		}
		return nil, locationError(s3URI, "%s is not of the form s3://<bucket>/<folder path>/<CSV file name>.", s3URI)
	}
	bucket, key, _ := strings.Cut(rest, "/")
	if bucket == "" {
		return nil, locationError(s3URI, "%s names no bucket.", s3URI)
	}
	folder := key == "" || strings.HasSuffix(key, "/")
	name := bucket
	if key = strings.TrimSuffix(key, "/"); key != "" {
		name += "/" + key
	}
	if !fs.ValidPath(name) {
		// A key fs.FS cannot name ("a//b", "./x", "x/../y") holds no object the fake has.
		return nil, locationError(s3URI, "No object exists at %s.", s3URI)
	}
	info, err := fs.Stat(fsys, name)
	switch {
	case err != nil:
		return nil, locationError(s3URI, "No object exists at %s.", s3URI)
	case !info.IsDir() && folder:
		return nil, locationError(s3URI, "%s is an object, not a folder.", strings.TrimSuffix(s3URI, "/"))
	case !info.IsDir():
		return []string{name}, nil
	}
	names, err := csvUnder(fsys, name)
	switch {
	case err != nil:
		return nil, locationError(s3URI, "The folder %s cannot be listed: %v.", s3URI, err)
	case len(names) == 0:
		return nil, locationError(s3URI, "No CSV object exists under %s.", s3URI)
	}
	return names, nil
}

// csvUnder lists the regular files under dir whose names end in .csv (in any case), sorted
// (fs.WalkDir walks in lexical order).
func csvUnder(fsys fs.FS, dir string) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.EqualFold(path.Ext(p), ".csv") {
			names = append(names, p)
		}
		return nil
	})
	return names, err
}

// Import resolves an import's dataLocation in fsys and parses every object it names, in
// order: Resolve, then Parse. It is what a dataset import job does when it runs.
func Import(fsys fs.FS, s3URI, datasetType string, fields []Field, opts Options) (*Result, error) {
	p, err := newParser(datasetType, fields)
	if err != nil {
		return nil, err
	}
	names, err := Resolve(fsys, s3URI)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if err := p.open(fsys, name); err != nil {
			return nil, err
		}
	}
	return p.finish(opts)
}

// open reads one object of fsys, closing it after.
func (p *parser) open(fsys fs.FS, name string) error {
	f, err := fsys.Open(name)
	if err != nil {
		return locationError("s3://"+name, "The object s3://%s cannot be read: %v.", name, unwrapPath(err))
	}
	defer f.Close()
	return p.object(Object{Name: name, Body: f})
}

// unwrapPath drops fs.PathError's path, which the message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
