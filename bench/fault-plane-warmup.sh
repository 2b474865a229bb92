#!/usr/bin/env bash
# Fault-plane warm-up (issue 14): runs a scenario twice from a cold JVM, once with the fault plane's warm-up skipped
# and once with it, and prints, from each run's ledger, how long the provider mock took to answer its LLM calls
# (last_byte_ms, from arrival), its lateness against the configured pace, and the wait before it took a call up
# (queued_ms), over the first 5 s of the workload and over the rest.
#
#   bench/fault-plane-warmup.sh                          # steady-5k, 2 minutes each (the issue's figures)
#   bench/fault-plane-warmup.sh scenarios/smoke.yaml     # quick
#   DURATION=20s bench/fault-plane-warmup.sh             # steady-5k shortened with --set
#   ROUNDS="0 4 16" bench/fault-plane-warmup.sh          # warm-up rounds to compare (default "0 4": cold, default)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scenario="${1:-scenarios/steady-5k.yaml}"
sets=()
if [[ -n "${DURATION:-}" ]]; then sets=(--set "workload.profile[0].constant.duration=$DURATION"); fi
./gauntlet validate "$scenario" >/dev/null   # builds first, so the build is not timed
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
n=0
for rounds in ${ROUNDS:-0 4}; do
  n=$((n + 1))   # a number of rounds may be given more than once, to repeat it
  out="runs/bench-warmup-$n-$rounds-rounds-$stamp"
  echo "== gauntlet.warmup.rounds=$rounds -> $out"
  GAUNTLET_JAVA_OPTS="-Dgauntlet.warmup.rounds=$rounds" ./gauntlet run "$scenario" "${sets[@]}" --out "$out" 2>&1 \
    | grep -E '^gauntlet: warmed|^verdict:|^harness check' || true
  python3 - "$out" <<'PY'
import json, sys
d = sys.argv[1]
t0 = json.load(open(d + "/run.json"))["started_ms"]
calls = [json.loads(l) for l in open(d + "/ledger.jsonl")]
llm = [c for c in calls if c["kind"] == "llm" and c.get("last_byte_ms", 0) > 0]
def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, max(0, int(q * len(v) + 0.999) - 1))] if v else float("nan")
def late(c):
    return max(0, c["first_byte_ms"] - c.get("paced_first_ms", 0), c["last_byte_ms"] - c.get("paced_last_ms", 0))
for name, part in (("first 5 s", [c for c in llm if c["ts_ms"] - t0 < 5000]),
                   ("after 5 s", [c for c in llm if c["ts_ms"] - t0 >= 5000])):
    answer = [c["last_byte_ms"] for c in part]
    lat = [late(c) for c in part if "paced_last_ms" in c]
    queued = [c.get("queued_ms", 0) for c in part]
    print(f"  {name}: {len(part)} LLM calls  answer p50 {pct(answer,.5)} ms p95 {pct(answer,.95)} ms "
          f"p99 {pct(answer,.99)} ms max {max(answer) if answer else 'n/a'} ms | lateness p99 {pct(lat,.99)} ms "
          f"| queued p99 {pct(queued,.99)} ms")
v = json.load(open(d + "/verdict.json"))
m = v["metrics"]
print(f"  verdict {v['status']}: latency p50 {m['latency.p50']} s p95 {m['latency.p95']} s; "
      + "; ".join(f"{c['name']} {c['status']}" for c in v.get("fault_plane_checks", [])))
PY
done
