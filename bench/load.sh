#!/usr/bin/env bash
# Load test: serves a data directory of ITEMS generated agenda items on
# loopback and drives it with CLIENTS concurrent clients for DURATION,
# mixing searches, facet clicks and item pages, in two modes one after the
# other against the same server (see bench/loadtest):
#
#   closed loop    clients never pause: a saturation test; requests/s is
#                  the server's capacity, latency mostly queueing
#   person-like    each client pauses THINK (uniform in [THINK/2, 3·THINK/2])
#                  between requests, as people reading the pages do
#
# Each reports requests/s, p50/p99 latency (per kind too), errors and the
# server's CPU time per request (goal: 0 errors, p99 < 100 ms at 100k
# items). The load generator runs on the same machine as the server.
#
#   bash bench/load.sh [-items 100000] [-clients 50] [-duration 30s] [-think 1s]
#                      [-mode both|closed|think] [-cpuprofile FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
items=100000 clients=50 duration=30s think=1s mode=both profile=
while [ $# -gt 0 ]; do
  case "$1" in
    -items) items=$2; shift 2;;
    -clients) clients=$2; shift 2;;
    -duration) duration=$2; shift 2;;
    -think) think=$2; shift 2;;
    -mode) mode=$2; shift 2;;
    -cpuprofile) profile=$2; shift 2;;
    *) echo "usage: bench/load.sh [-items N] [-clients N] [-duration D] [-think D] [-mode both|closed|think] [-cpuprofile FILE]" >&2; exit 2;;
  esac
done
case "$mode" in both|closed|think) ;; *) echo "load.sh: -mode is both, closed or think" >&2; exit 2;; esac
work=${REFERAT_BENCH_DIR:-/tmp/referat-searchbench}
mkdir -p "$work"
go build -o "$work/referat" ./cmd/referat
go build -o "$work/loadtest" ./bench/loadtest
# searchbench leaves a data directory of generated items at $work/$items
# (the same bench/bench.sh measures; made once, then reused).
go run ./bench/searchbench -items "$items" -dir "$work" -build-only
port=$((20000 + RANDOM % 20000))
# The profile (if asked for) is written when serve shuts down on SIGTERM.
REFERAT_CPUPROFILE=$profile "$work/referat" serve --data "$work/$items" --addr "127.0.0.1:$port" --sample "" 2>"$work/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
load() { "$work/loadtest" -url "http://127.0.0.1:$port" -clients "$clients" -duration "$duration" -pid "$pid" "$@"; }
status=0
if [ "$mode" != think ]; then load -think 0 || status=1; fi
if [ "$mode" != closed ]; then
  [ "$mode" = both ] && echo
  load -think "$think" || status=1
fi
exit $status
