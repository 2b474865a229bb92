#!/usr/bin/env bash
# Evaluation benchmark (issue 5): generates a run directory of 1,000,000 task records (plus ~1.2 M ledger lines and
# three outages) once, then evaluates it and writes verdict.json, junit.xml and summary.md (not report.html) in a
# JVM whose heap is capped at 512 MB. Goal: <= 10 s.  Usage: bench/evaluate-1m.sh [run-dir] [tasks]
# Extra Maven options go in MVN_ARGS (MVN_ARGS=-o builds offline); the run directory is kept for reruns.
# JAVA_OPTS=-Dbench.trajectories=true (with a run directory of its own) also expects every item's scripted tool calls
# as a trajectory with arguments and writes each call's arguments to the ledger, so that the evaluation joins them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-target/evaluate-1m}"; tasks="${2:-1000000}"

# No install: the reactor build puts scenarios/target/classes on the classpath it writes.
./mvnw -q -B ${MVN_ARGS:-} -pl reports -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="reports/target/test-classes:reports/target/classes:$(cat reports/target/bench.cp)"
mkdir -p "$dir"
if [ ! -f "$dir/records.jsonl" ]; then  # generating is not what is measured, so it gets its own JVM
  java -Xmx2g ${JAVA_OPTS:-} -cp "$cp" dev.gauntlet.reports.EvaluationBenchmark "$dir" "$tasks" | head -1
fi
start=$(date +%s.%N)
java -Xmx512m ${JAVA_OPTS:-} -cp "$cp" dev.gauntlet.reports.EvaluationBenchmark "$dir" "$tasks"
echo "JVM start to exit: $(echo "$(date +%s.%N) - $start" | bc) s (-Xmx512m)"
