#!/usr/bin/env bash
# Load test: serves a data directory of ITEMS generated agenda items on
# loopback and drives it with CLIENTS concurrent clients for DURATION,
# mixing searches, facet clicks and item pages. Reports requests/s,
# p50/p99 latency and errors (goal: 0 errors, p99 < 100 ms at 100k items).
#
#   bash bench/load.sh [-items 100000] [-clients 50] [-duration 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
items=100000 clients=50 duration=30s
while [ $# -gt 0 ]; do
  case "$1" in
    -items) items=$2; shift 2;;
    -clients) clients=$2; shift 2;;
    -duration) duration=$2; shift 2;;
    *) echo "usage: bench/load.sh [-items N] [-clients N] [-duration D]" >&2; exit 2;;
  esac
done
work=${REFERAT_BENCH_DIR:-/tmp/referat-searchbench}
mkdir -p "$work"
go build -o "$work/referat" ./cmd/referat
# searchbench leaves a data directory of generated items at $work/$items
# (the same bench/bench.sh measures; made once, then reused).
go run ./bench/searchbench -items "$items" -dir "$work" -build-only
port=$((20000 + RANDOM % 20000))
"$work/referat" serve --data "$work/$items" --addr "127.0.0.1:$port" --sample "" 2>"$work/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
go run ./bench/loadtest -url "http://127.0.0.1:$port" -clients "$clients" -duration "$duration"
