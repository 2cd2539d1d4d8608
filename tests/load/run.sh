#!/usr/bin/env bash
# Load run of `provenance serve` on loopback with wrk (Debian's package): a steady run within the
# service's limits, then a flood past them to show 429s instead of growth. Prints wrk's report and
# the server's peak RSS. Usage: bash tests/load/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
port=5181
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
dotnet build src/Provenance.Cli -c Release -nologo -v q >/dev/null

run() {
  local label="$1" connections="$2" concurrency="$3" queue="$4"
  dotnet src/Provenance.Cli/bin/Release/net10.0/provenance.dll serve --urls "http://127.0.0.1:$port" \
    --max-concurrency "$concurrency" --queue-limit "$queue" --log-format json >/tmp/provenance-load.log 2>&1 &
  local server=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
  # Warm-up: the first requests compile the rules' expressions.
  wrk -t1 -c2 -d3s -s tests/load/check.lua "http://127.0.0.1:$port" >/dev/null
  echo "== $label: $connections connections, $concurrency checks at once, queue $queue, ${seconds}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s tests/load/check.lua "http://127.0.0.1:$port"
  echo "server peak RSS: $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
  kill -TERM "$server"; wait "$server" || true
}

run steady 8 2 64
run flood 256 2 16
