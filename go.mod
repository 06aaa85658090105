module github.com/awsfake/awsfake

go 1.26

require (
	github.com/aws/aws-sdk-go-v2 v1.47.7
	github.com/aws/aws-sdk-go-v2/service/personalize v1.30.0
	github.com/aws/aws-sdk-go-v2/service/personalizeevents v1.34.8
	github.com/aws/aws-sdk-go-v2/service/personalizeruntime v1.36.0
	github.com/aws/aws-sdk-go-v2/service/sagemaker v1.287.0
	github.com/aws/smithy-go v1.28.8
	github.com/benbjohnson/clock v1.3.5
	github.com/go-json-experiment/json v1.27.2
	github.com/google/go-cmp v0.7.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.5.10 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.8.10 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
