# boto3 and the AWS CLI against cmd/awsfake (skips where Python or boto3 is missing).
bash conformance/run.sh
