#!/usr/bin/env bash
# Starts cmd/awsfake on a free loopback port with a manual clock and drives it with clients
# nobody here wrote: boto3 and the AWS CLI. Skips, saying why, where they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null || ! python3 -c 'import boto3' 2>/dev/null; then
	echo "SKIP: conformance needs python3 with boto3"
	exit 0
fi
if ! command -v aws >/dev/null; then
	echo "SKIP (AWS CLI tests): no aws command"
	export AWSFAKE_NO_CLI=1
fi

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/awsfake" ./cmd/awsfake
mkdir -p "$work/objects" # what import jobs read; the Personalize training tests write it
export AWSFAKE_OBJECTS="$work/objects"
"$work/awsfake" -addr 127.0.0.1:0 -clock manual -seed 1 -objects "$work/objects" >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 100); do
	[ -s "$work/out" ] && break
	sleep 0.1
done
url=$(head -n 1 "$work/out")
[ -n "$url" ] || { echo "the server printed no URL"; cat "$work/err"; exit 1; }
echo "server at $url"

export AWSFAKE_URL="$url"
timeout 600 python3 -m unittest discover -s conformance/python -p 'test_*.py' -v

# README's Python snippets run as pasted, against this server: the standard-library one must
# show its injected fault with its message and then the action; the boto3 one lists actions.
python3 - "$work" <<'PY'
import re, sys
readme = open("README.md").read()
for i, block in enumerate(re.findall(r"```python\n(.*?)```", readme, re.S)):
    open(f"{sys.argv[1]}/readme_{i}.py", "w").write(block)
PY
out=$(timeout 60 python3 "$work/readme_0.py")
echo "$out"
grep -q "'message': 'injected: slow down'" <<<"$out" || { echo "README's Python snippet did not show the injected fault's message"; exit 1; }
grep -q "action/a1" <<<"$out" || { echo "README's Python snippet did not create its action"; exit 1; }
grep -q "\['injected: slow down', 'ok'\]" <<<"$out" || { echo "README's Python snippet did not read the call log"; exit 1; }
out=$(timeout 60 python3 "$work/readme_1.py")
echo "$out"
grep -q "'a2'" <<<"$out" || { echo "README's boto3 snippet did not list its action"; exit 1; }
echo "README's Python snippets ran as pasted"

# Graceful shutdown: SIGTERM ends the server with status 0.
kill -TERM "$pid"
wait "$pid"
echo "server stopped cleanly"

# A server that checks signatures, against botocore's own signer.
"$work/awsfake" -addr 127.0.0.1:0 -credentials AKIDEXAMPLE:secret-one >"$work/out2" 2>"$work/err2" &
pid=$!
for _ in $(seq 1 100); do
	[ -s "$work/out2" ] && break
	sleep 0.1
done
AWSFAKE_URL=$(head -n 1 "$work/out2") timeout 120 python3 - <<'PY'
import os, boto3, botocore
from botocore.config import Config
def sm(secret):
    return boto3.client("sagemaker", endpoint_url=os.environ["AWSFAKE_URL"], region_name="eu-west-1",
                        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key=secret,
                        config=Config(retries={"max_attempts": 0}))
arn = sm("secret-one").create_action(ActionName="signed", ActionType="t", Source={"SourceUri": "s3://x y/ü"})["ActionArn"]
assert arn == "arn:aws:sagemaker:eu-west-1:123456789012:action/signed", arn
try:
    sm("wrong").list_actions()
    raise SystemExit("a wrong secret was accepted")
except botocore.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "InvalidSignatureException", e.response
print("signature checks: botocore's signatures verify, a wrong secret is refused")
PY
kill -TERM "$pid"
wait "$pid"
