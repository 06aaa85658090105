package engine

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/model"
)

// baselines are valid inputs that set every member of every supported operation, so that each
// constraint can be pushed just inside and just outside its bound from a valid starting point.
var baselines = map[string]map[string]string{
	SageMaker: {
		"CreateAction": `{"ActionName":"a1","Source":{"SourceUri":"s3://b/k","SourceType":"S3","SourceId":"id"},
			"ActionType":"Deploy","Description":"d","Status":"Completed","Properties":{"k":"v"},
			"MetadataProperties":{"CommitId":"c","Repository":"r","GeneratedBy":"g","ProjectId":"p"},
			"Tags":[{"Key":"k","Value":"v"}]}`,
		"DescribeAction": `{"ActionName":"a1"}`,
		"ListActions": `{"SourceUri":"s3://b/k","ActionType":"Deploy","CreatedAfter":1,"CreatedBefore":2,
			"SortBy":"Name","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"UpdateAction": `{"ActionName":"a1","Description":"d","Status":"Failed","Properties":{"k":"v"},"PropertiesToRemove":["x"]}`,
		"DeleteAction": `{"ActionName":"a1"}`,
		"AddTags":      `{"ResourceArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a1","Tags":[{"Key":"k","Value":"v"}]}`,
		"ListTags":     `{"ResourceArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a1","NextToken":"t","MaxResults":50}`,
		"DeleteTags":   `{"ResourceArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a1","TagKeys":["k"]}`,
		"CreateArtifact": `{"ArtifactName":"a1","Source":{"SourceUri":"s3://b/k","SourceTypes":[{"SourceIdType":"S3ETag","Value":"e"}]},
			"ArtifactType":"Model","Properties":{"k":"v"},
			"MetadataProperties":{"CommitId":"c","Repository":"r","GeneratedBy":"g","ProjectId":"p"},
			"Tags":[{"Key":"k","Value":"v"}]}`,
		"DescribeArtifact": `{"ArtifactArn":"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123456789abcdef0123456789abcdef"}`,
		"ListArtifacts": `{"SourceUri":"s3://b/k","ArtifactType":"Model","CreatedAfter":1,"CreatedBefore":2,
			"SortBy":"CreationTime","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"UpdateArtifact": `{"ArtifactArn":"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123456789abcdef0123456789abcdef",
			"ArtifactName":"a2","Properties":{"k":"v"},"PropertiesToRemove":["x"]}`,
		"DeleteArtifact": `{"ArtifactArn":"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123456789abcdef0123456789abcdef",
			"Source":{"SourceUri":"s3://b/k","SourceTypes":[{"SourceIdType":"Custom","Value":"v"}]}}`,
		"CreateContext": `{"ContextName":"c_1","Source":{"SourceUri":"s3://b/k","SourceType":"S3","SourceId":"id"},
			"ContextType":"Endpoint","Description":"d","Properties":{"k":"v"},"Tags":[{"Key":"k","Value":"v"}]}`,
		"DescribeContext": `{"ContextName":"c_1"}`,
		"ListContexts": `{"SourceUri":"s3://b/k","ContextType":"Endpoint","CreatedAfter":1,"CreatedBefore":2,
			"SortBy":"Name","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"UpdateContext":        `{"ContextName":"c_1","Description":"d","Properties":{"k":"v"},"PropertiesToRemove":["x"]}`,
		"DeleteContext":        `{"ContextName":"c_1"}`,
		"ListLineageGroups":    `{"CreatedAfter":1,"CreatedBefore":2,"SortBy":"Name","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"DescribeLineageGroup": `{"LineageGroupName":"sagemaker-default-lineage-group"}`,
		"AddAssociation": `{"SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123","DestinationArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a1",
			"AssociationType":"ContributedTo"}`,
		"DeleteAssociation": `{"SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123","DestinationArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a1"}`,
		"ListAssociations": `{"SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:artifact/0123","DestinationArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a1",
			"SourceType":"Model","DestinationType":"ModelDeployment","AssociationType":"ContributedTo","CreatedAfter":1,"CreatedBefore":2,
			"SortBy":"SourceArn","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"QueryLineage": `{"StartArns":["arn:aws:sagemaker:us-east-1:123456789012:artifact/0123"],"Direction":"Both","IncludeEdges":true,
			"Filters":{"Types":["Model"],"LineageTypes":["Artifact"],"CreatedBefore":2,"CreatedAfter":1,"ModifiedBefore":2,"ModifiedAfter":1,
			"Properties":{"k":"v"}},"MaxDepth":10,"MaxResults":10,"NextToken":"t"}`,
		"GetLineageGroupPolicy": `{"LineageGroupName":"sagemaker-default-lineage-group"}`,
		"CreateExperiment":      `{"ExperimentName":"e1","DisplayName":"d1","Description":"d","Tags":[{"Key":"k","Value":"v"}]}`,
		"DescribeExperiment":    `{"ExperimentName":"e1"}`,
		"UpdateExperiment":      `{"ExperimentName":"e1","DisplayName":"d2","Description":"d"}`,
		"DeleteExperiment":      `{"ExperimentName":"e1"}`,
		"ListExperiments":       `{"CreatedAfter":1,"CreatedBefore":2,"SortBy":"Name","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"CreateTrial": `{"TrialName":"t1","DisplayName":"d1","ExperimentName":"e1",
			"MetadataProperties":{"CommitId":"c","Repository":"r","GeneratedBy":"g","ProjectId":"p"},"Tags":[{"Key":"k","Value":"v"}]}`,
		"DescribeTrial": `{"TrialName":"t1"}`,
		"UpdateTrial":   `{"TrialName":"t1","DisplayName":"d2"}`,
		"DeleteTrial":   `{"TrialName":"t1"}`,
		"ListTrials": `{"ExperimentName":"e1","TrialComponentName":"c1","CreatedAfter":1,"CreatedBefore":2,"SortBy":"Name","SortOrder":"Ascending",
			"NextToken":"t","MaxResults":10}`,
		"CreateTrialComponent": `{"TrialComponentName":"c1","DisplayName":"d1","Status":{"PrimaryStatus":"InProgress","Message":"m"},
			"StartTime":1,"EndTime":2,"Parameters":{"p":{"StringValue":"s","NumberValue":1.5}},
			"InputArtifacts":{"i":{"Value":"s3://b/k","MediaType":"text/csv"}},"OutputArtifacts":{"o":{"Value":"s3://b/m","MediaType":"text/csv"}},
			"MetadataProperties":{"CommitId":"c","Repository":"r","GeneratedBy":"g","ProjectId":"p"},"Tags":[{"Key":"k","Value":"v"}]}`,
		"DescribeTrialComponent": `{"TrialComponentName":"c1"}`,
		"UpdateTrialComponent": `{"TrialComponentName":"c1","DisplayName":"d2","Status":{"PrimaryStatus":"Completed","Message":"m"},
			"StartTime":1,"EndTime":2,"Parameters":{"p":{"StringValue":"s","NumberValue":1.5}},"ParametersToRemove":["x"],
			"InputArtifacts":{"i":{"Value":"s3://b/k","MediaType":"text/csv"}},"InputArtifactsToRemove":["x"],
			"OutputArtifacts":{"o":{"Value":"s3://b/m","MediaType":"text/csv"}},"OutputArtifactsToRemove":["x"]}`,
		"DeleteTrialComponent": `{"TrialComponentName":"c1"}`,
		"ListTrialComponents": `{"ExperimentName":"e1","TrialName":"t1","SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:training-job/j",
			"CreatedAfter":1,"CreatedBefore":2,"SortBy":"Name","SortOrder":"Ascending","NextToken":"t","MaxResults":10}`,
		"AssociateTrialComponent":    `{"TrialComponentName":"c1","TrialName":"t1"}`,
		"DisassociateTrialComponent": `{"TrialComponentName":"c1","TrialName":"t1"}`,
		"Search": `{"Resource":"ExperimentTrialComponent","SearchExpression":{"Filters":[{"Name":"DisplayName","Operator":"Equals","Value":"x"}],
			"NestedFilters":[{"NestedPropertyName":"Parents","Filters":[{"Name":"Parents.TrialName","Operator":"Equals","Value":"t"}]}],
			"SubExpressions":[{"Filters":[{"Name":"DisplayName","Operator":"Equals","Value":"x"}]}],"Operator":"And"},
			"SortBy":"Name","SortOrder":"Ascending","NextToken":"t","MaxResults":10,"CrossAccountFilterOption":"SameAccount",
			"VisibilityConditions":[{"Key":"Tags.k","Value":"v"}]}`,
		"GetSearchSuggestions": `{"Resource":"ExperimentTrialComponent","SuggestionQuery":{"PropertyNameQuery":{"PropertyNameHint":"Par"}}}`,
	},
	Personalize: {
		"CreateDatasetGroup": `{"name":"dg-1","roleArn":"arn:aws:iam::123456789012:role/r","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k",
			"domain":"ECOMMERCE","tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeDatasetGroup": `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1"}`,
		"ListDatasetGroups":    `{"nextToken":"t","maxResults":10}`,
		"DeleteDatasetGroup":   `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1"}`,
		"CreateEventTracker": `{"name":"tr-1","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1",
			"tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeEventTracker": `{"eventTrackerArn":"arn:aws:personalize:us-east-1:123456789012:event-tracker/0123abcd"}`,
		"ListEventTrackers":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
		"DeleteEventTracker":   `{"eventTrackerArn":"arn:aws:personalize:us-east-1:123456789012:event-tracker/0123abcd"}`,
		"TagResource":          `{"resourceArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"UntagResource":        `{"resourceArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","tagKeys":["k"]}`,
		"ListTagsForResource":  `{"resourceArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1"}`,
		"CreateSchema":         `{"name":"s-1","schema":"{}","domain":"ECOMMERCE"}`,
		"DescribeSchema":       `{"schemaArn":"arn:aws:personalize:us-east-1:123456789012:schema/s-1"}`,
		"ListSchemas":          `{"nextToken":"t","maxResults":10}`,
		"DeleteSchema":         `{"schemaArn":"arn:aws:personalize:us-east-1:123456789012:schema/s-1"}`,
		"CreateDataset": `{"name":"d-1","schemaArn":"arn:aws:personalize:us-east-1:123456789012:schema/s-1",
			"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","datasetType":"Interactions",
			"tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeDataset": `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ITEMS"}`,
		"ListDatasets":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
		"UpdateDataset":   `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ITEMS","schemaArn":"arn:aws:personalize:us-east-1:123456789012:schema/s-2"}`,
		"DeleteDataset":   `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ITEMS"}`,
		"ListRecipes":     `{"recipeProvider":"SERVICE","domain":"ECOMMERCE","nextToken":"t","maxResults":10}`,
		"DescribeRecipe":  `{"recipeArn":"arn:aws:personalize:::recipe/aws-sims"}`,
		"CreateSolution": `{"name":"s-1","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1",
			"recipeArn":"arn:aws:personalize:::recipe/aws-sims","eventType":"click","performHPO":false,"performAutoML":false,
			"performAutoTraining":true,"performIncrementalUpdate":false,"tags":[{"tagKey":"k","tagValue":"v"}],
			"solutionConfig":{"algorithmHyperParameters":{"k":"v"},"autoMLConfig":{"metricName":"m","recipeList":["arn:aws:personalize:::recipe/aws-sims"]},
				"autoTrainingConfig":{"schedulingExpression":"rate(7 days)"},"eventValueThreshold":"1",
				"eventsConfig":{"eventParametersList":[{"eventType":"click","eventValueThreshold":1,"weight":0.5}]},
				"featureTransformationParameters":{"k":"v"},
				"hpoConfig":{"algorithmHyperParameterRanges":{"categoricalHyperParameterRanges":[{"name":"n","values":["v"]}],
					"continuousHyperParameterRanges":[{"name":"n","minValue":0.1,"maxValue":0.9}],
					"integerHyperParameterRanges":[{"name":"n","minValue":1,"maxValue":9}]},
					"hpoObjective":{"metricName":"m","metricRegex":"r","type":"Maximize"},
					"hpoResourceConfig":{"maxNumberOfTrainingJobs":"4","maxParallelTrainingJobs":"2"}},
				"optimizationObjective":{"itemAttribute":"PRICE","objectiveSensitivity":"LOW"},
				"trainingDataConfig":{"excludedDatasetColumns":{"Items":["PRICE"]},"includedDatasetColumns":{"Items":["GENRE"]}}}}`,
		"DescribeSolution": `{"solutionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1"}`,
		"ListSolutions":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
		"UpdateSolution": `{"solutionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1","performAutoTraining":true,
			"performIncrementalUpdate":false,"solutionUpdateConfig":{"autoTrainingConfig":{"schedulingExpression":"rate(7 days)"},
				"eventsConfig":{"eventParametersList":[{"eventType":"click","eventValueThreshold":1,"weight":0.5}]}}}`,
		"DeleteSolution": `{"solutionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1"}`,
		"CreateSolutionVersion": `{"solutionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1","name":"v-1",
			"trainingMode":"FULL","tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeSolutionVersion":     `{"solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd"}`,
		"ListSolutionVersions":        `{"solutionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1","nextToken":"t","maxResults":10}`,
		"StopSolutionVersionCreation": `{"solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd"}`,
		"GetSolutionMetrics":          `{"solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd"}`,
		"CreateCampaign": `{"name":"c-1","solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd",
			"minProvisionedTPS":1,"tags":[{"tagKey":"k","tagValue":"v"}],
			"campaignConfig":{"itemExplorationConfig":{"explorationWeight":"0.3"},"enableMetadataWithRecommendations":true,
				"syncWithLatestSolutionVersion":false,"rankingInfluence":{"POPULARITY":0.5}}}`,
		"DescribeCampaign": `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/c-1"}`,
		"ListCampaigns":    `{"solutionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1","nextToken":"t","maxResults":10}`,
		"UpdateCampaign": `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/c-1",
			"solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd","minProvisionedTPS":2,
			"campaignConfig":{"itemExplorationConfig":{"explorationWeight":"0.3"},"enableMetadataWithRecommendations":true,
				"syncWithLatestSolutionVersion":false,"rankingInfluence":{"FRESHNESS":0.5}}}`,
		"DeleteCampaign": `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/c-1"}`,
		"CreateFilter": `{"name":"f-1","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1",
			"filterExpression":"EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")","tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeFilter": `{"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f-1"}`,
		"ListFilters":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
		"DeleteFilter":   `{"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f-1"}`,
		"CreateDatasetImportJob": `{"jobName":"j-1","datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/INTERACTIONS",
			"dataSource":{"dataLocation":"s3://bucket/interactions.csv"},"roleArn":"arn:aws:iam::123456789012:role/r",
			"importMode":"FULL","publishAttributionMetricsToS3":false,"tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeDatasetImportJob": `{"datasetImportJobArn":"arn:aws:personalize:us-east-1:123456789012:dataset-import-job/j-1"}`,
		"ListDatasetImportJobs":    `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/INTERACTIONS","nextToken":"t","maxResults":10}`,
		// Issue 25, part one: export jobs, metric attributions, algorithms.
		"CreateDatasetExportJob": `{"jobName":"ex-1","datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ITEMS",
			"ingestionMode":"ALL","roleArn":"arn:aws:iam::123456789012:role/r",
			"jobOutput":{"s3DataDestination":{"path":"s3://b/out/","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}},
			"tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeDatasetExportJob": `{"datasetExportJobArn":"arn:aws:personalize:us-east-1:123456789012:dataset-export-job/ex-1"}`,
		"ListDatasetExportJobs":    `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ITEMS","nextToken":"t","maxResults":10}`,
		"CreateMetricAttribution": `{"name":"ma-1","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1",
			"metrics":[{"eventType":"click","metricName":"clicks","expression":"SAMPLECOUNT()"}],
			"metricsOutputConfig":{"roleArn":"arn:aws:iam::123456789012:role/r",
				"s3DataDestination":{"path":"s3://b/metrics/","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}}}`,
		"DescribeMetricAttribution": `{"metricAttributionArn":"arn:aws:personalize:us-east-1:123456789012:metric-attribution/ma-1"}`,
		"ListMetricAttributions":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
		"UpdateMetricAttribution": `{"metricAttributionArn":"arn:aws:personalize:us-east-1:123456789012:metric-attribution/ma-1",
			"addMetrics":[{"eventType":"buy","metricName":"revenue","expression":"SUM(Items.PRICE)"}],"removeMetrics":["clicks"],
			"metricsOutputConfig":{"roleArn":"arn:aws:iam::123456789012:role/r","s3DataDestination":{"path":"s3://b/metrics/","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}}}`,
		"DeleteMetricAttribution":       `{"metricAttributionArn":"arn:aws:personalize:us-east-1:123456789012:metric-attribution/ma-1"}`,
		"ListMetricAttributionMetrics":  `{"metricAttributionArn":"arn:aws:personalize:us-east-1:123456789012:metric-attribution/ma-1","nextToken":"t","maxResults":10}`,
		"DescribeAlgorithm":             `{"algorithmArn":"arn:aws:personalize:::algorithm/aws-sims"}`,
		"DescribeFeatureTransformation": `{"featureTransformationArn":"arn:aws:personalize:::feature-transformation/sims"}`,
		// Issue 25, part two: recommenders, batch jobs, data deletion jobs.
		"CreateRecommender": `{"name":"r-1","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1",
			"recipeArn":"arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you","tags":[{"tagKey":"k","tagValue":"v"}],
			"recommenderConfig":{"itemExplorationConfig":{"explorationWeight":"0.3"},"minRecommendationRequestsPerSecond":2,
				"enableMetadataWithRecommendations":true,"trainingDataConfig":{"excludedDatasetColumns":{"ITEMS":["PRICE"]},
				"includedDatasetColumns":{"USERS":["AGE"]}}}}`,
		"DescribeRecommender": `{"recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r-1"}`,
		"ListRecommenders":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
		"UpdateRecommender": `{"recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r-1",
			"recommenderConfig":{"itemExplorationConfig":{"explorationWeight":"0.3"},"minRecommendationRequestsPerSecond":2,
				"enableMetadataWithRecommendations":true,"trainingDataConfig":{"excludedDatasetColumns":{"ITEMS":["PRICE"]},
				"includedDatasetColumns":{"USERS":["AGE"]}}}}`,
		"DeleteRecommender": `{"recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r-1"}`,
		"StartRecommender":  `{"recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r-1"}`,
		"StopRecommender":   `{"recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r-1"}`,
		"CreateBatchInferenceJob": `{"jobName":"bi-1","solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd",
			"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f-1","numResults":10,
			"jobInput":{"s3DataSource":{"path":"s3://b/in/users.json","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}},
			"jobOutput":{"s3DataDestination":{"path":"s3://b/out/","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}},
			"roleArn":"arn:aws:iam::123456789012:role/r","tags":[{"tagKey":"k","tagValue":"v"}],
			"batchInferenceJobConfig":{"itemExplorationConfig":{"explorationWeight":"0.3"},"rankingInfluence":{"POPULARITY":0.5}},
			"batchInferenceJobMode":"BATCH_INFERENCE","themeGenerationConfig":{"fieldsForThemeGeneration":{"itemName":"TITLE"}}}`,
		"DescribeBatchInferenceJob": `{"batchInferenceJobArn":"arn:aws:personalize:us-east-1:123456789012:batch-inference-job/bi-1"}`,
		"ListBatchInferenceJobs": `{"solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd",
			"nextToken":"t","maxResults":10}`,
		"CreateBatchSegmentJob": `{"jobName":"bs-1","solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd",
			"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/f-1","numResults":10,
			"jobInput":{"s3DataSource":{"path":"s3://b/in/items.json","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}},
			"jobOutput":{"s3DataDestination":{"path":"s3://b/out/","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k"}},
			"roleArn":"arn:aws:iam::123456789012:role/r","tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeBatchSegmentJob": `{"batchSegmentJobArn":"arn:aws:personalize:us-east-1:123456789012:batch-segment-job/bs-1"}`,
		"ListBatchSegmentJobs": `{"solutionVersionArn":"arn:aws:personalize:us-east-1:123456789012:solution/s-1/0123abcd",
			"nextToken":"t","maxResults":10}`,
		"CreateDataDeletionJob": `{"jobName":"dd-1","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1",
			"dataSource":{"dataLocation":"s3://b/forget.csv"},"roleArn":"arn:aws:iam::123456789012:role/r","tags":[{"tagKey":"k","tagValue":"v"}]}`,
		"DescribeDataDeletionJob": `{"dataDeletionJobArn":"arn:aws:personalize:us-east-1:123456789012:data-deletion-job/dd-1"}`,
		"ListDataDeletionJobs":    `{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/dg-1","nextToken":"t","maxResults":10}`,
	},
	PersonalizeEvents: {
		"PutEvents": `{"trackingId":"t","userId":"u","sessionId":"s","eventList":[{"eventId":"e","eventType":"click","eventValue":1.5,
			"itemId":"i","properties":"{}","sentAt":1700000000,"recommendationId":"r","impression":["i"],
			"metricAttribution":{"eventAttributionSource":"src"}}]}`,
		"PutItems":   `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ITEMS","items":[{"itemId":"i","properties":"{}"}]}`,
		"PutUsers":   `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/USERS","users":[{"userId":"u","properties":"{}"}]}`,
		"PutActions": `{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/dg-1/ACTIONS","actions":[{"actionId":"a","properties":"{}"}]}`,
		"PutActionInteractions": `{"trackingId":"t","actionInteractions":[{"actionId":"a","userId":"u","sessionId":"s","timestamp":1700000000,
			"eventType":"Taken","eventId":"e","recommendationId":"r","impression":["a"],"properties":"{}"}]}`,
	},
}

// constraintCase is one input derived from a baseline and the constraint it probes.
type constraintCase struct {
	name       string
	doc        map[string]any
	path       string // AWS's path, e.g. tags.1.member.key
	constraint string // the exact constraint text
	violates   bool
}

func TestBaselinesAreValid(t *testing.T) {
	t.Parallel()
	for svc, ops := range Operations() {
		for _, name := range ops {
			raw, ok := baselines[svc][name]
			require.True(t, ok, "no baseline for %s.%s", svc, name)
			op := Lookup(svc, name)
			in := op.NewInput()
			require.NoError(t, json.Unmarshal([]byte(raw), in))
			require.Empty(t, op.validator.Validate(in), "%s.%s baseline", svc, name)
		}
	}
}

// TestConstraintsFromTheModel derives, from the model data alone, one case just inside and one
// just outside every constraint of every supported operation, and checks the validator's
// verdict and AWS's wording for each.
func TestConstraintsFromTheModel(t *testing.T) {
	t.Parallel()
	total := 0
	for svc, ops := range baselines {
		for name, raw := range ops {
			op := Lookup(svc, name)
			require.NotNil(t, op, "%s.%s", svc, name)
			m := model.Lookup(svc, name)
			var base map[string]any
			require.NoError(t, json.Unmarshal([]byte(raw), &base))
			display := func(p string) string { return p }
			if svc == SageMaker {
				display = sagemakerPattern
			}
			cases := deriveCases(m.Input, base, nil, "", display, nil)
			require.NotEmpty(t, cases)
			for _, c := range cases {
				total++
				t.Run(svc+"."+name+"/"+c.name, func(t *testing.T) {
					in := op.NewInput()
					b, err := json.Marshal(c.doc)
					require.NoError(t, err)
					require.NoError(t, json.Unmarshal(b, in))
					found := false
					for _, v := range op.validator.Validate(in) {
						if v.Path == c.path && v.Constraint == c.constraint {
							found = true
						}
					}
					require.Equal(t, c.violates, found, "%s at %s: %s", map[bool]string{true: "expected", false: "unexpected"}[c.violates], c.path, c.constraint)
				})
			}
		}
	}
	t.Logf("%d derived constraint cases", total)
}

type step = any // a member name (string) or a list index (int)

// deriveCases derives the cases of structure s at path; enclosing are the structures around it,
// so that a structure that contains itself (SearchExpression) is probed once.
func deriveCases(s *model.Shape, base map[string]any, at []step, path string, display func(string) string, enclosing []*model.Shape) []constraintCase {
	if slices.Contains(enclosing, s) {
		return nil
	}
	enclosing = append(slices.Clip(enclosing), s)
	var out []constraintCase
	mutate := func(name string, p string, constraint string, violates bool, f func(doc map[string]any)) {
		doc := clone(base).(map[string]any)
		f(doc)
		out = append(out, constraintCase{name: name, doc: doc, path: p, constraint: constraint, violates: violates})
	}
	req := map[string]bool{}
	for _, r := range s.Required {
		req[r] = true
	}
	for _, member := range s.MemberNames() {
		ms := s.Members[member]
		steps := append(append([]step{}, at...), member)
		p := join(path, lowerFirst(member))
		cur, present := lookup(base, steps)
		if !present {
			panic(fmt.Sprintf("baseline lacks %v", steps))
		}
		if req[member] {
			mutate(p+" missing", p, "Member must not be null", true, func(d map[string]any) { remove(d, steps) })
			mutate(p+" present", p, "Member must not be null", false, func(map[string]any) {})
		}
		switch ms.Type {
		case "structure":
			out = append(out, deriveCases(ms, base, steps, p, display, enclosing)...)
		case "string":
			stringCases(ms, cur.(string), steps, p, display, mutate)
		case "integer":
			if ms.Min != nil {
				c := fmt.Sprintf("Member must have value greater than or equal to %d", *ms.Min)
				mutate(p+" at min", p, c, false, func(d map[string]any) { put(d, steps, *ms.Min) })
				mutate(p+" below min", p, c, true, func(d map[string]any) { put(d, steps, *ms.Min-1) })
			}
			if ms.Max != nil {
				c := fmt.Sprintf("Member must have value less than or equal to %d", *ms.Max)
				mutate(p+" at max", p, c, false, func(d map[string]any) { put(d, steps, *ms.Max) })
				mutate(p+" above max", p, c, true, func(d map[string]any) { put(d, steps, *ms.Max+1) })
			}
		case "double", "float":
			if ms.Min != nil {
				c := fmt.Sprintf("Member must have value greater than or equal to %d", *ms.Min)
				mutate(p+" at min", p, c, false, func(d map[string]any) { put(d, steps, float64(*ms.Min)) })
				mutate(p+" below min", p, c, true, func(d map[string]any) { put(d, steps, float64(*ms.Min)-0.5) })
			}
			if ms.Max != nil {
				c := fmt.Sprintf("Member must have value less than or equal to %d", *ms.Max)
				mutate(p+" at max", p, c, false, func(d map[string]any) { put(d, steps, float64(*ms.Max)) })
				mutate(p+" above max", p, c, true, func(d map[string]any) { put(d, steps, float64(*ms.Max)+0.5) })
			}
		case "list":
			elem := cur.([]any)[0]
			sized := func(n int64) []any {
				l := make([]any, n)
				for i := range l {
					l[i] = clone(elem)
				}
				return l
			}
			if ms.Min != nil && *ms.Min > 0 {
				c := fmt.Sprintf("Member must have length greater than or equal to %d", *ms.Min)
				mutate(p+" at min", p, c, false, func(d map[string]any) { put(d, steps, sized(*ms.Min)) })
				mutate(p+" below min", p, c, true, func(d map[string]any) { put(d, steps, sized(*ms.Min-1)) })
			}
			if ms.Max != nil {
				c := fmt.Sprintf("Member must have length less than or equal to %d", *ms.Max)
				mutate(p+" at max", p, c, false, func(d map[string]any) { put(d, steps, sized(*ms.Max)) })
				mutate(p+" above max", p, c, true, func(d map[string]any) { put(d, steps, sized(*ms.Max+1)) })
			}
			elemSteps := append(append([]step{}, steps...), 0)
			elemPath := p + ".1.member"
			switch ms.Member.Type {
			case "structure":
				out = append(out, deriveCases(ms.Member, base, elemSteps, elemPath, display, enclosing)...)
			case "string":
				stringCases(ms.Member, elem.(string), elemSteps, elemPath, display, mutate)
			}
		case "map":
			first := slices.Sorted(maps.Keys(cur.(map[string]any)))[0]
			sample := cur.(map[string]any)[first] // a valid value, of the map's value type
			sized := func(n int64) map[string]any {
				m := map[string]any{}
				for i := int64(0); i < n; i++ {
					m[fmt.Sprintf("k%d", i)] = clone(sample)
				}
				return m
			}
			if ms.Max != nil {
				c := fmt.Sprintf("Member must have length less than or equal to %d", *ms.Max)
				mutate(p+" at max", p, c, false, func(d map[string]any) { put(d, steps, sized(*ms.Max)) })
				mutate(p+" above max", p, c, true, func(d map[string]any) { put(d, steps, sized(*ms.Max+1)) })
			}
			mapNumberCases(ms, first, steps, p, mutate)
			parts := []struct {
				what  string
				shape *model.Shape
				entry func(s string) map[string]any
			}{
				{"Map keys", ms.Key, func(s string) map[string]any { return map[string]any{s: clone(sample)} }},
				{"Map value", ms.Value, func(s string) map[string]any { return map[string]any{first: s} }},
			}
			if ms.Value.Type == "structure" {
				// A map of structures: its keys as a map of strings' are, and each value's
				// members at <map>.<key>.
				parts = parts[:1]
				out = append(out, deriveCases(ms.Value, base, append(slices.Clip(steps), first), p+"."+first, display, enclosing)...)
			}
			for _, part := range parts {
				if part.shape.Type != "string" || len(part.shape.Enum) > 0 {
					continue // numbers: mapNumberCases; enum keys: no length to probe
				}
				var all []string
				if part.shape.Max != nil {
					all = append(all, fmt.Sprintf("Member must have length less than or equal to %d", *part.shape.Max))
				}
				if part.shape.Min != nil {
					all = append(all, fmt.Sprintf("Member must have length greater than or equal to %d", *part.shape.Min))
				}
				if part.shape.Pattern != "" {
					all = append(all, "Member must satisfy regular expression pattern: "+display(part.shape.Pattern))
				}
				c := part.what + " must satisfy constraint: [" + strings.Join(all, ", ") + "]"
				if part.shape.Max != nil {
					entry := part.entry
					mutate(p+" "+part.what+" at max length", p, c, false, func(d map[string]any) { put(d, steps, entry(strings.Repeat("a", int(*part.shape.Max)))) })
					mutate(p+" "+part.what+" too long", p, c, true, func(d map[string]any) { put(d, steps, entry(strings.Repeat("a", int(*part.shape.Max)+1))) })
				}
			}
		}
	}
	return out
}

// mapNumberCases probes the bounds of a map's numeric values: AWS's "Map value must satisfy
// constraint" lists them all when one value breaks one.
func mapNumberCases(ms *model.Shape, key string, steps []step, p string, mutate func(name, path, constraint string, violates bool, f func(map[string]any))) {
	v := ms.Value
	if v.Type != "double" && v.Type != "float" || v.Min == nil && v.Max == nil {
		return
	}
	var all []string
	if v.Max != nil {
		all = append(all, fmt.Sprintf("Member must have value less than or equal to %d", *v.Max))
	}
	if v.Min != nil {
		all = append(all, fmt.Sprintf("Member must have value greater than or equal to %d", *v.Min))
	}
	c := "Map value must satisfy constraint: [" + strings.Join(all, ", ") + "]"
	set := func(x float64) func(d map[string]any) {
		return func(d map[string]any) { put(d, steps, map[string]any{key: x}) }
	}
	if v.Max != nil {
		mutate(p+" value at max", p, c, false, set(float64(*v.Max)))
		mutate(p+" value above max", p, c, true, set(float64(*v.Max)+0.5))
	}
	if v.Min != nil {
		mutate(p+" value at min", p, c, false, set(float64(*v.Min)))
		mutate(p+" value below min", p, c, true, set(float64(*v.Min)-0.5))
	}
}

// stringCases probes a string's length, pattern and enum constraints.
func stringCases(s *model.Shape, cur string, steps []step, p string, display func(string) string,
	mutate func(name, path, constraint string, violates bool, f func(map[string]any))) {
	set := func(v string) func(d map[string]any) { return func(d map[string]any) { put(d, steps, v) } }
	if s.Min != nil && *s.Min > 0 {
		c := fmt.Sprintf("Member must have length greater than or equal to %d", *s.Min)
		mutate(p+" at min length", p, c, false, set(sized(cur, int(*s.Min))))
		mutate(p+" below min length", p, c, true, set(sized(cur, int(*s.Min)-1)))
	}
	if s.Max != nil {
		c := fmt.Sprintf("Member must have length less than or equal to %d", *s.Max)
		mutate(p+" at max length", p, c, false, set(sized(cur, int(*s.Max))))
		mutate(p+" above max length", p, c, true, set(sized(cur, int(*s.Max)+1)))
	}
	if s.Pattern != "" {
		c := "Member must satisfy regular expression pattern: " + display(s.Pattern)
		mutate(p+" matching pattern", p, c, false, set(cur))
		bad, ok := nonMatching(s)
		if !ok {
			panic("no string breaks " + s.Pattern)
		}
		mutate(p+" breaking pattern", p, c, true, set(bad))
	}
	if len(s.Enum) > 0 {
		c := "Member must satisfy enum value set: [" + strings.Join(s.Enum, ", ") + "]"
		for _, v := range s.Enum {
			mutate(p+" enum "+v, p, c, false, set(v))
		}
		mutate(p+" not in enum", p, c, true, set("NotAValue"))
	}
}

// sized pads cur with 'a' (or cuts it) to n characters.
func sized(cur string, n int) string {
	if r := []rune(cur); len(r) >= n {
		return string(r[:n])
	}
	return cur + strings.Repeat("a", n-utf8.RuneCountInString(cur))
}

// nonMatching finds a value within the length bounds that the pattern refuses.
func nonMatching(s *model.Shape) (string, bool) {
	re := model.RegexpFor(s.Pattern)
	for _, c := range []string{"-", "a_b", "a\nb", "a b!", "é\x00", "\u2028", "ü", "arn:bad"} {
		n := int64(utf8.RuneCountInString(c))
		if (s.Min != nil && n < *s.Min) || (s.Max != nil && n > *s.Max) {
			continue
		}
		if !re.MatchString(c) {
			return c, true
		}
	}
	return "", false
}

func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = clone(e)
		}
		return l
	}
	return v
}

func lookup(doc any, steps []step) (any, bool) {
	cur := doc
	for _, s := range steps {
		switch k := s.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			if cur, ok = m[k]; !ok {
				return nil, false
			}
		case int:
			l, ok := cur.([]any)
			if !ok || k >= len(l) {
				return nil, false
			}
			cur = l[k]
		}
	}
	return cur, true
}

func put(doc map[string]any, steps []step, v any) {
	parent, _ := lookup(doc, steps[:len(steps)-1])
	switch k := steps[len(steps)-1].(type) {
	case string:
		parent.(map[string]any)[k] = v
	case int:
		parent.([]any)[k] = v
	}
}

func remove(doc map[string]any, steps []step) {
	parent, _ := lookup(doc, steps[:len(steps)-1])
	delete(parent.(map[string]any), steps[len(steps)-1].(string))
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

func join(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}

func TestValidationMessages(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		op   *Op
		doc  string
		want string
	}{
		{"missing name", OpDescribeAction, `{}`,
			"1 validation error detected: Value null at 'actionName' failed to satisfy constraint: Member must not be null"},
		{"bad name", OpCreateAction, `{"ActionName":"my_action","Source":{"SourceUri":"s"},"ActionType":"t"}`,
			"1 validation error detected: Value 'my_action' at 'actionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}"},
		{"two errors on one member", OpCreateAction, `{"ActionName":"` + strings.Repeat("a", 120) + `_","Source":{"SourceUri":"s"},"ActionType":"t"}`,
			"2 validation errors detected: Value '" + strings.Repeat("a", 120) + "_' at 'actionName' failed to satisfy constraint: Member must have length less than or equal to 120; " +
				"Value '" + strings.Repeat("a", 120) + "_' at 'actionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}"},
		{"nested tag", OpAddTags, `{"ResourceArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a","Tags":[{"Key":"ok","Value":"v"},{"Key":"b@d!","Value":"v"}]}`,
			"1 validation error detected: Value 'b@d!' at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)"},
		{"enum", OpListActions, `{"SortOrder":"Up"}`,
			"1 validation error detected: Value 'Up' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]"},
		{"range", OpListActions, `{"MaxResults":0}`,
			"1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"empty list", OpDeleteTags, `{"ResourceArn":"arn:aws:sagemaker:us-east-1:123456789012:action/a","TagKeys":[]}`,
			"1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"list of sensitive structures", OpPutEvents, `{"trackingId":"t","sessionId":"s","eventList":[]}`,
			"1 validation error detected: Value at 'eventList' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"sensitive member", OpPutEvents, `{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1,"itemId":""}]}`,
			"1 validation error detected: Value at 'eventList.1.member.itemId' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"arn pattern", OpListTags, `{"ResourceArn":""}`,
			"1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+"},
		{"a map of structures, in key order", OpCreateTrialComponent, `{"TrialComponentName":"c","InputArtifacts":{"b":{"Value":"v","MediaType":"csv"},"a":{}}}`,
			"2 validation errors detected: Value null at 'inputArtifacts.a.value' failed to satisfy constraint: Member must not be null; " +
				"Value 'csv' at 'inputArtifacts.b.mediaType' failed to satisfy constraint: Member must satisfy regular expression pattern: [-\\w]+\\/[-\\w+]+"},
		{"a sub-expression inside a sub-expression", OpSearch, `{"Resource":"Experiment","SearchExpression":{"SubExpressions":[{"SubExpressions":[{"Filters":[{"Name":""}]}]}]}}`,
			"2 validation errors detected: Value '' at 'searchExpression.subExpressions.1.member.subExpressions.1.member.filters.1.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
				"Value '' at 'searchExpression.subExpressions.1.member.subExpressions.1.member.filters.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: .+"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := c.op.NewInput()
			require.NoError(t, json.Unmarshal([]byte(c.doc), in))
			vs := c.op.validator.Validate(in)
			require.NotEmpty(t, vs)
			require.Equal(t, c.want, model.Message(vs))
		})
	}
}

// The engine implements exactly the catalogue's operations (the generated bindings make it so;
// this holds them to it if the bindings are ever edited by hand).
func TestEveryOperationIsDefined(t *testing.T) {
	t.Parallel()
	got := Operations()
	for _, ops := range got {
		sort.Strings(ops)
	}
	require.Equal(t, catalog.Names(), got)
}
