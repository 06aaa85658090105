#!/usr/bin/env bash
# Side by side, same machine, same run: the shared load generator (../shared/bench/loadgen)
# against cmd/awsfake (SageMaker.CreateAction) and against moto's server
# (SageMaker.CreateExperiment, the closest operation moto has), at 1 and 8 workers. Prints
# requests/s, p50 and p99 latency, errors, and each server's CPU time per request read from
# /proc/PID/stat, then the throughput ratio.
#
# usage: bench/side-by-side.sh [REQUESTS]      (default 3000 per run; every run is bounded)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
# The shared load generator sits beside the checkout; a clone elsewhere finds the workplace's.
shared=${SHARED_BENCH:-}
for candidate in ../shared/bench /work/shared/bench; do
	[ -z "$shared" ] && [ -d "$candidate/loadgen" ] && shared=$candidate
done
[ -n "$shared" ] || { echo "SKIP: no load generator (set SHARED_BENCH, or put ../shared/bench beside the checkout)"; exit 0; }
python3 -c 'import moto' 2>/dev/null || { echo "SKIP: moto is not installed"; exit 0; }

tmp=$(mktemp -d)
trap 'kill "${moto_pid:-}" "${fake_pid:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
(cd "$shared/loadgen" && go build -o "$tmp/loadgen" .)
go build -o "$tmp/awsfake" ./cmd/awsfake

# The load creates more actions than AWS's quota of 3,000 allows: lift it.
"$tmp/awsfake" -addr 127.0.0.1:0 -clock manual -quota actions=0 >"$tmp/fake.out" 2>"$tmp/fake.log" &
fake_pid=$!
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$tmp/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 100); do
	[ -s "$tmp/fake.out" ] && curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/" && break
	sleep 0.1
done
fake_url=$(head -n 1 "$tmp/fake.out")
moto_url="http://127.0.0.1:$port"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

run() { # name pid url target body workers
	local before after json
	before=$(ticks "$2")
	json=$("$tmp/loadgen" -mode load -url "$3/" -target "$4" -body "$5" -c "$6" -n "$n" -warmup 100 -duration 120s)
	after=$(ticks "$2")
	python3 - "$1" "$6" "$json" "$before" "$after" "$hz" "$n" <<'PY'
import json, sys
name, workers, d, before, after, hz, n = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
# The warm-up requests are served too; count them in the CPU share.
cpu_us = (after - before) * 1e6 / hz / (n + 100)
print(f'{name:<8} {workers:<7} {round(d["throughput_rps"]):>10} {round(d["latency_ok"]["p50_us"]):>9} '
      f'{round(d["latency_ok"]["p99_us"]):>9} {d["errors"]:>7} {cpu_us:>14.1f}')
if name == "awsfake" and d["errors"]:
    sys.exit(f"awsfake answered {d['errors']} requests with errors: {d.get('first_error')}")
PY
	echo "$json" >"$tmp/$1-$6.json"
}

printf '%-8s %-7s %10s %9s %9s %7s %14s\n' server workers 'req/s' 'p50_us' 'p99_us' errors 'cpu_us/req'
for c in 1 8; do
	run moto "$moto_pid" "$moto_url" SageMaker.CreateExperiment '{"ExperimentName":"lg-{{run}}-{{i}}"}' "$c"
	run awsfake "$fake_pid" "$fake_url" SageMaker.CreateAction '{"ActionName":"lg-{{run}}-{{i}}","ActionType":"bench","Source":{"SourceUri":"s3://bench/model"}}' "$c"
	python3 - "$tmp/moto-$c.json" "$tmp/awsfake-$c.json" "$c" <<'PY'
import json, sys
m, f = (json.load(open(p)) for p in sys.argv[1:3])
print(f"ratio awsfake/moto at {sys.argv[3]} workers: {f['throughput_rps'] / m['throughput_rps']:.1f}x")
PY
done

# No create may be lost: page through every action and compare with the creates the load
# generator saw succeed (its warm-up requests, 100 per run, are not in its count).
ok=$(python3 -c 'import json,sys; print(sum(json.load(open(p))["ok"] for p in sys.argv[1:]))' "$tmp"/awsfake-*.json)
listed=$("$tmp/loadgen" -mode page -url "$fake_url/" -target SageMaker.ListActions -body '{"MaxResults":100}' \
	-items-field ActionSummaries -duration 60s | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"])')
expected=$((ok + 200))
echo "creates acknowledged: $expected, actions listed: $listed"
[ "$listed" -eq "$expected" ] || { echo "LOST OR DUPLICATED CREATES"; exit 1; }
