#!/usr/bin/env bash
# Capacity benchmark (issue 2): 5,000 tasks/min for 2 minutes against the reference agent on this machine.
# Prints the verdict (achieved rate, latency percentiles) and the CPU and memory the harness and agent used
# (the agent is the harness's child, so its CPU is included in the totals).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -q && apt-get install -y -q time; }
./gauntlet validate scenarios/steady-5k.yaml >/dev/null   # builds first, so the build is not timed
out="runs/bench-steady-5k-$(date -u +%Y%m%dT%H%M%SZ)"
/usr/bin/time -f 'cpu: %U s user + %S s system over %e s wall (%P of one core); max RSS %M KB' \
  ./gauntlet run scenarios/steady-5k.yaml --out "$out" 2>&1 | grep -vE '^(>|=|-)' || true
python3 - "$out/verdict.json" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
m = v["metrics"]
print(f"tasks {v['tasks']}  achieved_rate {m['achieved_rate']:.4f}  "
      f"p50 {m['latency.p50']*1000:.0f} ms  p95 {m['latency.p95']*1000:.0f} ms  p99 {m['latency.p99']*1000:.0f} ms  "
      f"max {m['latency.max']*1000:.0f} ms  success {m['success_rate']:.4f}")
PY
