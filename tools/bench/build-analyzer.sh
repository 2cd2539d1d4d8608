#!/bin/bash
# The build analyzer in a content project of real articles, as docs/benchmarks.md measures it:
# one article edited before each build, so the project compiles again. Builds through the
# compiler server (a user's default; this machine turns it off in its environment), then in a
# separate compiler process, then with the analyzers off.
# usage: tools/bench/build-analyzer.sh DIR [COUNT] [ROUNDS]   (from the repository's root)
set -euo pipefail
DIR=$1; COUNT=${2:-795}; ROUNDS=${3:-3}
REPO=$(pwd)
mkdir -p "$DIR"
if [ ! -d "$DIR/articles" ]; then
  dotnet run -c Release --project tests/Provenance.Benchmarks -- real-corpus --out "$DIR/articles" --count "$COUNT" > /dev/null
fi
cat > "$DIR/bench.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <WarningsAsErrors>AD0001;PRV0010</WarningsAsErrors>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <ProduceReferenceAssembly>false</ProduceReferenceAssembly>
  </PropertyGroup>
  <Import Project="$REPO/src/Provenance.Analyzers/build/Provenance.Analyzers.Local.targets" />
</Project>
PROJ
cd "$DIR"
edit() { echo " edited" >> "$(find articles -type f | shuf -n 1)"; }
analyzer() { grep -A3 "Time (s)    %   Analyzer" "$1" | grep "Provenance.Analyzers, Version" | tail -1 | awk '{print $1 " s analyzer"}'; }
dotnet build -c Release > /dev/null   # the analyzer's projects built, the content project once
dotnet build-server shutdown > /dev/null 2>&1 || true
for i in $(seq 1 "$ROUNDS"); do
  edit
  /usr/bin/time -f "server       %e s wall" env UseSharedCompilation=true dotnet build -c Release -p:UseSharedCompilation=true -p:ReportAnalyzer=true -v:detailed > build.log 2> time.log
  echo "$(tail -1 time.log), $(analyzer build.log)"
done
for i in $(seq 1 "$ROUNDS"); do
  edit
  /usr/bin/time -f "separate     %e s wall" env UseSharedCompilation=false dotnet build -c Release -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:detailed > build.log 2> time.log
  echo "$(tail -1 time.log), $(analyzer build.log)"
done
for i in $(seq 1 "$ROUNDS"); do
  edit
  /usr/bin/time -f "no analyzers %e s wall" env UseSharedCompilation=true dotnet build -c Release -p:UseSharedCompilation=true -p:RunAnalyzers=false > build.log 2> time.log
  tail -1 time.log
done
dotnet build-server shutdown > /dev/null 2>&1 || true
