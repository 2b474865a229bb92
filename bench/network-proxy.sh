#!/usr/bin/env bash
# Round-trip latency (p50/p99 of 64-byte messages) and bulk throughput (GB/s) of the embedded Toxiproxy-compatible
# proxy with no toxics, measured in one run against a direct loopback connection and socat as a reference proxy.
# Goal (issue 4): p50 added over direct <= 100 µs, throughput >= 1 GB/s.  Usage: bench/network-proxy.sh [rounds]
# Extra JVM options go in JAVA_OPTS (JAVA_OPTS=-Dgauntlet.toxiproxy.transport=nio measures NIO), extra Maven
# options in MVN_ARGS (MVN_ARGS=-o builds offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-3}"
command -v socat >/dev/null || { apt-get update -q && apt-get install -y -q socat; }

# No install: the reactor build puts scenarios/target/classes on the classpath it writes.
./mvnw -q -B ${MVN_ARGS:-} -pl fault-injectors -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="fault-injectors/target/test-classes:fault-injectors/target/classes:$(cat fault-injectors/target/bench.cp)"
# Bounded: each route gets at most 8 s of round trips and 8 s of download per round.
timeout $((120 + rounds * 60)) java -Xms512m -Xmx1g ${JAVA_OPTS:-} -cp "$cp" \
  dev.gauntlet.faults.network.ToxiproxyBenchmark "$(command -v socat)" "$rounds"
