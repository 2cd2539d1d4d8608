#!/usr/bin/env bash
# Whole-process comparison on one generated corpus, each tool run in turn on the same files:
#   provenance  check with the default packs, JSON report to a file
#   textlint    one rule applying the packs' expressions (patterns.mjs) to each document, in one
#               process (textlint-run.mjs)
#   ripgrep     the same expressions (PCRE2), counting matches per file
#   cat         reading every file to /dev/null: the floor
# Prints wall time, CPU time and peak RSS per tool, and each tool's ratio to provenance.
#
# Usage: bash tests/bench/compare.sh [COUNT] [FORMATS] [SEED]   (defaults: 20000 txt 1)
# CORPUS=real measures real articles instead of generated ones: the BuzzFeed-Webis development
# articles (FORMATS txt) or the saved test pages (FORMATS html), repeated to COUNT files
# (`real-corpus`; the development articles come from ../shared/data beside the repository).
# PROVENANCE_TOOL=dist/provenance/provenance measures that published build of the tool (README,
# "Install") instead of the plain Release build.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-20000}
formats=${2:-txt}
seed=${3:-1}
work=${TMPDIR:-/tmp}/provenance-compare
kind=${CORPUS:-generated}
case $kind in
  generated) corpus=$work/corpus-$count-${formats//,/-}-$seed ;;
  real)
    [[ $formats == txt || $formats == html ]] || { echo "compare.sh: CORPUS=real takes FORMATS txt or html" >&2; exit 2; }
    corpus=$work/real-$count-$formats ;;
  *) echo "compare.sh: CORPUS is 'generated' or 'real', not '$kind'" >&2; exit 2 ;;
esac
mkdir -p "$work"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# A fresh machine has no package lists: apt-get cannot find either package before an update.
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v /usr/bin/time >/dev/null || missing+=(time)
if ((${#missing[@]})); then
  sudo_if_needed apt-get update -qq
  sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null
fi
(cd "$root/tests/bench" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

dotnet build -c Release -v q -nologo "$root/tests/Provenance.Benchmarks" >/dev/null
if [ -n "${PROVENANCE_TOOL:-}" ]; then
  tool=("$(realpath "$PROVENANCE_TOOL")")
else
  dotnet build -c Release -v q -nologo "$root/src/Provenance.Cli" >/dev/null
  tool=(dotnet "$root/src/Provenance.Cli/bin/Release/net10.0/provenance.dll")
fi
if [ ! -d "$corpus" ]; then
  if [ "$kind" = real ]; then
    dotnet "$root/tests/Provenance.Benchmarks/bin/Release/net10.0/Provenance.Benchmarks.dll" real-corpus --out "$corpus" --count "$count" --formats "$formats"
  else
    dotnet "$root/tests/Provenance.Benchmarks/bin/Release/net10.0/Provenance.Benchmarks.dll" corpus --out "$corpus" --count "$count" --seed "$seed" --formats "$formats"
  fi
fi

node "$root/tests/bench/patterns.mjs" pcre >"$work/patterns.pcre"
# ripgrep joins its expressions into one, and PCRE2 compiles at most 64 KB of pattern: the packs'
# expressions are grouped into as few files as compile, and ripgrep reads the corpus once per group.
rm -f "$work"/patterns-*.pcre
group=1
while IFS= read -r expression; do
  file=$work/patterns-$group.pcre
  { if [ -f "$file" ]; then cat "$file"; fi; printf '%s\n' "$expression"; } >"$work/candidate.pcre"
  rg -P --no-config -q -f "$work/candidate.pcre" /dev/null 2>/dev/null && compiled=0 || compiled=$?
  if [ -s "$file" ] && [ "$compiled" -eq 2 ]; then
    group=$((group + 1))
    file=$work/patterns-$group.pcre
  fi
  printf '%s\n' "$expression" >>"$file"
done <"$work/patterns.pcre"
node "$root/tests/bench/patterns.mjs" json >"$work/patterns.json"
export PROVENANCE_PATTERNS="$work/patterns.json"
bytes=$(du -sb "$corpus" | cut -f1)

# Warm the page cache so every tool reads from memory, as the first would not.
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null

measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
}

# The last line of time's file: a tool that exits non-zero (textlint on finding anything) gets a line before it.
times_of() { tail -n 1 "$work/$1.time"; }

rm -f "$work"/*.time
measure cat bash -c "find '$corpus' -type f -print0 | xargs -0 cat >/dev/null"
measure ripgrep bash -c 'for f in "$1"/patterns-*.pcre; do rg -P --no-config --count-matches -f "$f" "$2"; done' _ "$work" "$corpus"
measure provenance "${tool[@]}" check "$corpus" --format "json=$work/provenance.json"
textlint_extensions=$(echo "${formats//,/ }" | tr ' ' '\n' | grep -E '^(txt|md)$' | paste -sd, || true)
if [ -n "$textlint_extensions" ]; then
  # textlint finds its configuration and the rule package from the folder it runs in.
  (cd "$root/tests/bench" && measure textlint node textlint-run.mjs "$corpus" "$textlint_extensions")
fi

read -r pw _ <<<"$(times_of provenance)"
printf '%s %s articles (%s), %.1f MB, seed %s: %s; provenance: %s\n' "$count" "$kind" "$formats" "$(echo "$bytes / 1048576" | bc -l)" "$seed" "$corpus" "${tool[*]}"
printf '%-11s %9s %9s %10s %12s %16s\n' tool "wall s" "cpu s" "peak MB" "articles/s" "wall vs provenance"
for name in provenance textlint ripgrep cat; do
  [ -f "$work/$name.time" ] || continue
  read -r wall user sys rss <<<"$(times_of "$name")"
  printf '%-11s %9.2f %9.2f %10.0f %12.0f %15.2fx\n' "$name" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
    "$(echo "$count / $wall" | bc -l)" "$(echo "$wall / $pw" | bc -l)"
done
echo "matches: ripgrep $(awk -F: '{s += $NF} END {print s + 0}' "$work/ripgrep.out")," \
  "textlint $(cat "$work/textlint.out" 2>/dev/null || echo -)," \
  "provenance $(node -e 'const r = require(process.argv[1]).summary.findings; console.log(r.error + r.warning + r.info)' "$work/provenance.json") findings"
rm -f "$work"/*.out "$work/provenance.json"
