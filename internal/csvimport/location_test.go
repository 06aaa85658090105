package csvimport_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/csvimport"
)

func objects() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"bucket/data/a.csv":       file("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1,click\n"),
		"bucket/data/b.CSV":       file("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu2,i2,2,click\n"),
		"bucket/data/notes.txt":   file("not data"),
		"bucket/data/sub/c.csv":   file("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu3,i3,3,click\n"),
		"bucket/other/readme.txt": file("nothing to import"),
		"bucket/raw.txt":          file("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu4,i4,4,click\n"),
		"second/x.csv":            file("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu5,i5,5,click\n"),
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	folder := []string{"bucket/data/a.csv", "bucket/data/b.CSV", "bucket/data/sub/c.csv"}
	tests := []struct {
		uri    string
		want   []string
		reason string
	}{
		{uri: "s3://bucket/data/a.csv", want: []string{"bucket/data/a.csv"}},
		{uri: "s3://bucket/raw.txt", want: []string{"bucket/raw.txt"}}, // a named object is read whatever its name
		{uri: "s3://bucket/data/", want: folder},
		{uri: "s3://bucket/data", want: folder}, // a key that names a folder
		{uri: "s3://bucket/", want: folder},
		{uri: "s3://bucket", want: folder},
		{uri: "s3://second/", want: []string{"second/x.csv"}},
		{uri: "s3://bucket/data/missing.csv", reason: "Invalid Data location. No object exists at s3://bucket/data/missing.csv."},
		{uri: "s3://nobucket/a.csv", reason: "Invalid Data location. No object exists at s3://nobucket/a.csv."},
		{uri: "s3://bucket/data//a.csv", reason: "Invalid Data location. No object exists at s3://bucket/data//a.csv."},
		{uri: "s3://bucket/data/../raw.txt", reason: "Invalid Data location. No object exists at s3://bucket/data/../raw.txt."},
		{uri: "s3://bucket/data/a.csv/", reason: "Invalid Data location. s3://bucket/data/a.csv is an object, not a folder."},
		{uri: "s3://bucket/other/", reason: "Invalid Data location. No CSV object exists under s3://bucket/other/."},
		{uri: "s3:///a.csv", reason: "Invalid Data location. s3:///a.csv names no bucket."},
		{uri: "https://example.com/a.csv", reason: "Invalid Data location. The fake reads only s3:// locations, not https://example.com/a.csv."},
		{uri: "s3:/bucket/a.csv", reason: "Invalid Data location. s3:/bucket/a.csv is not of the form s3://<bucket>/<folder path>/<CSV file name>."},
		{uri: "", reason: "Invalid Data location.  is not of the form s3://<bucket>/<folder path>/<CSV file name>."},
	}
	for _, tc := range tests {
		t.Run(tc.uri, func(t *testing.T) {
			t.Parallel()
			got, err := csvimport.Resolve(objects(), tc.uri)
			if tc.reason == "" {
				require.NoError(t, err)
				require.Equal(t, tc.want, got)
				return
			}
			require.Nil(t, got)
			var ie *csvimport.Error
			require.True(t, errors.As(err, &ie), "an *Error: %v", err)
			require.Equal(t, tc.reason, ie.Reason)
			require.True(t, strings.HasPrefix(ie.Reason, "Invalid Data location."), "AWS's documented reason comes first")
		})
	}
}

func TestImport(t *testing.T) {
	t.Parallel()
	res, err := csvimport.Import(objects(), "s3://bucket/data/", csvimport.Interactions, interactionFields, csvimport.Options{})
	require.NoError(t, err)
	var users []string
	for _, it := range res.Interactions {
		users = append(users, it.UserID)
	}
	require.Equal(t, []string{"u1", "u2", "u3"}, users, "objects in name order, rows in file order")

	_, err = csvimport.Import(objects(), "s3://bucket/missing/", csvimport.Interactions, interactionFields, csvimport.Options{})
	require.EqualError(t, err, "Invalid Data location. No object exists at s3://bucket/missing/.")

	_, err = csvimport.Import(objects(), "s3://bucket/data/notes.txt", csvimport.Interactions, interactionFields, csvimport.Options{})
	var ie *csvimport.Error
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "s3://bucket/data/notes.txt", ie.Object)
	require.Contains(t, ie.Reason, "Input CSV is missing the following columns:[USER_ID, ITEM_ID, TIMESTAMP, EVENT_TYPE].")

	_, err = csvimport.Import(objects(), "s3://bucket/data/", "Bogus", interactionFields, csvimport.Options{})
	require.EqualError(t, err, `csvimport: unknown dataset type "Bogus"`, "the schema is checked before anything is read")
}
