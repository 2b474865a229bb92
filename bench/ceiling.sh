#!/usr/bin/env bash
# The harness's ceiling (issue 14): bench/ceiling.yaml against a no-op agent (bench/NoopAgent.java, answers at once)
# at rising rates. Per rate it prints the achieved rate (sent by the schedule's end / planned), the send lag p50/p99/max,
# the harness JVM's CPU during the workload (from /proc/<pid>/stat, % of one core), the tasks the agent received and
# the records written. Goal: 60,000 tasks/min with send lag p99 <= 10 ms and every record written.
#   bench/ceiling.sh                          # rates 6000 15000 30000 45000 60000 90000 /min, 20 s each (~5 min)
#   RATES="600" DURATION=5s bench/ceiling.sh  # a quick proof
#   RATES="60000 60000 60000" bench/ceiling.sh  # the goal's rate three times
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rates=${RATES:-"6000 15000 30000 45000 60000 90000"}
duration=${DURATION:-20s}
./gauntlet validate bench/ceiling.yaml >/dev/null   # builds first, so the build is not timed
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java bench/NoopAgent.java "$port" >/dev/null &
agent=$!
trap 'kill "$agent" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/count" >/dev/null && break; sleep 0.2; done
root="runs/bench-ceiling-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$root"
printf '%-11s %-9s %-9s %-9s %-9s %-8s %-10s %-9s %-9s %s\n' rate/min achieved lag_p50 lag_p99 lag_max cpu% received records exit harness
n=0
for rate in $rates; do
  n=$((n + 1))
  name="rate-$rate-$n"   # a rate may be given more than once, to repeat it
  out="$root/$name"
  before=$(curl -fs "http://127.0.0.1:$port/count")
  ./gauntlet run bench/ceiling.yaml --out "$out" --set "target.url=http://127.0.0.1:$port" \
    --set "workload.profile[0].constant.rate=$rate/min" --set "workload.profile[0].constant.duration=$duration" \
    > "$root/$name.log" 2>&1 &
  pid=$!
  # CPU ticks of the harness JVM, once a second, with the wall-clock time: the workload's share is cut out below.
  ( while kill -0 "$pid" 2>/dev/null; do
      t=$(date +%s%3N); s=$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null) || break
      echo "$t $s"; sleep 1
    done ) > "$root/$name.cpu" &
  sampler=$!
  code=0; wait "$pid" || code=$?
  wait "$sampler" 2>/dev/null || true
  after=$(curl -fs "http://127.0.0.1:$port/count")
  python3 - "$out" "$root/$name.cpu" "$rate" "$((after - before))" "$code" "$(getconf CLK_TCK)" <<'PY'
import json, os, sys
out, cpu_file, rate, received, code, hz = sys.argv[1:7]
try:
    v = json.load(open(os.path.join(out, "verdict.json")))
    info = json.load(open(os.path.join(out, "run.json")))
except OSError:
    print(f"{rate:<11} no verdict (exit {code}); see {out}.log"); sys.exit(0)
records = sum(1 for _ in open(os.path.join(out, "records.jsonl")))
samples = [tuple(map(int, l.split())) for l in open(cpu_file) if len(l.split()) == 3]
inside = [s for s in samples if info["started_ms"] <= s[0] <= (info["ended_ms"] or s[0])]
cpu = "n/a"
if len(inside) >= 2:
    (t0, u0, s0), (t1, u1, s1) = inside[0], inside[-1]
    cpu = f"{100 * ((u1 + s1) - (u0 + s0)) / int(hz) / ((t1 - t0) / 1000):.0f}"
h = v["harness"]; lag = h.get("send_lag_ms", {})
achieved = v["metrics"].get("achieved_rate")
print(f"{rate:<11} {achieved if achieved is None else f'{achieved:.4f}':<9} {lag.get('p50', 'n/a')!s:<9} "
      f"{lag.get('p99', 'n/a')!s:<9} {lag.get('max', 'n/a')!s:<9} {cpu:<8} {received:<10} {records:<9} {code:<9} "
      f"{'FELL BEHIND' if h['fell_behind'] else 'kept up'}")
PY
done
echo "run directories: $root"
