#!/bin/bash
# usage: interleave.sh DIR N label=command ...
# Whole runs of several builds over one folder, in turn, under /usr/bin/time (docs/benchmarks.md).
# Each LABEL=COMMAND is a provenance executable; its JSON goes to /tmp/abx-LABEL.json for comparing.
DIR=$1; N=$2; shift 2
cat $(find $DIR -type f) > /dev/null
for i in $(seq 1 $N); do
  for spec in "$@"; do
    label=${spec%%=*}; cmd=${spec#*=}
    /usr/bin/time -f "$label %e s wall %U+%S cpu %M KB" $cmd check $DIR --format json=/tmp/abx-$label.json --fail-on none > /dev/null 2>>/tmp/abx.err
    tail -1 /tmp/abx.err
  done
done
