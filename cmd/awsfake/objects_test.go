package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/stretchr/testify/require"
)

// -objects DIR is what import jobs read: s3://bucket/key is DIR/bucket/key; -small-datasets lets
// a few rows do.
func TestObjectsFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "bucket"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bucket", "interactions.csv"),
		[]byte("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000000\nu2,i1,1700000001\n"), 0o644))
	srv := startServer(t, "-addr", "127.0.0.1:0", "-clock", "real", "-objects", dir, "-small-datasets")
	defer func() { close(srv.stop); require.NoError(t, <-srv.done) }()
	pz := personalize.New(personalize.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "x"}, nil
		})})
	ctx := context.Background()
	schema, err := pz.CreateSchema(ctx, &personalize.CreateSchemaInput{Name: aws.String("s"), Schema: aws.String(
		`{"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"}]}`)})
	require.NoError(t, err)
	// The server's clock is real here: lifecycles are set by the seed of a scenario instead.
	body := fmt.Sprintf(`{"seeds":{"datasetGroups":[{"name":"g"}],"resources":[{"service":"personalize","operation":"CreateDataset",
		"input":{"name":"d","datasetType":"Interactions","schemaArn":%q,"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/g"}},
		{"service":"personalize","operation":"CreateDatasetImportJob","input":{"jobName":"j","datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/g/INTERACTIONS",
		"dataSource":{"dataLocation":"s3://bucket/interactions.csv"}}}]}}`, aws.ToString(schema.SchemaArn))
	resp, err := http.Post(srv.url+"/_fake/scenario", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode, "the scenario is accepted")
	job, err := pz.DescribeDatasetImportJob(ctx, &personalize.DescribeDatasetImportJobInput{
		DatasetImportJobArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-import-job/j")})
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", aws.ToString(job.DatasetImportJob.Status))
	records, err := http.Get(srv.url + "/_fake/records?datasetArn=arn:aws:personalize:us-east-1:123456789012:dataset/g/INTERACTIONS")
	require.NoError(t, err)
	defer records.Body.Close()
	var got []map[string]any
	require.NoError(t, json.NewDecoder(records.Body).Decode(&got))
	require.Len(t, got, 2, "the seeded job read DIR/bucket/interactions.csv")
	require.Equal(t, "u2", got[1]["userId"])

	var stderr strings.Builder
	require.ErrorContains(t, run([]string{"-objects", filepath.Join(dir, "nowhere")}, io.Discard, &stderr, nil), "is not a directory")
}
