#!/bin/bash
# What finding copies adds to a check (issue 33): for each build in turn, `check` and then
# `check --copies` over one corpus, JSON to a file, the corpus read with `cat` first; one line
# per run with wall time, CPU (user+system) and peak RSS. Builds are publish folders holding
# `provenance` (docs/benchmarks.md, "Copies").
#
#   bash tests/bench/copies-cost.sh CORPUS ROUNDS BUILD_DIR [BUILD_DIR...]
set -euo pipefail
corpus=$1; rounds=$2; shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq 1 "$rounds"); do
  find "$corpus" -type f -exec cat {} + > /dev/null
  for b in "$@"; do
    name=$(basename "$b")
    /usr/bin/time -f "$name check %e s wall %U+%S cpu %M KB" "$b/provenance" check "$corpus" --format json="$out/plain.json" --fail-on none > /dev/null 2>> "$out/times"
    tail -1 "$out/times"
    /usr/bin/time -f "$name check--copies %e s wall %U+%S cpu %M KB" "$b/provenance" check "$corpus" --copies --format json="$out/copies.json" --fail-on none > /dev/null 2>> "$out/times"
    tail -1 "$out/times"
  done
done
