#!/usr/bin/env bash
# Pre-release gate: runs one scenario and turns Gauntlet's exit code into a CI decision.
#   ci/gate.sh scenarios/provider-outage.yaml [--set path=value ...]
# Writes the run to $GAUNTLET_RUN_DIR (default runs/gate) and appends summary.md to $GITHUB_STEP_SUMMARY when set.
# Exit codes (docs/ci.md): 0 passed, 1 invalid input, 2 an SLO failed, 3 unresolved, 4 target or harness failed.
# $GAUNTLET runs another gauntlet launcher (default: the one beside this script).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gauntlet="${GAUNTLET:-$here/gauntlet}"
scenario="${1:?usage: ci/gate.sh SCENARIO [--set path=value ...]}"
shift
run_dir="${GAUNTLET_RUN_DIR:-runs/gate}"
rm -rf "$run_dir"

"$gauntlet" run "$scenario" --out "$run_dir" "$@"
code=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$run_dir/summary.md" ]; then
  cat "$run_dir/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi

case "$code" in
  0) echo "gate: passed" ;;
  1) echo "gate: the scenario or its dataset is invalid (see the problems above)" ;;
  2) echo "gate: an SLO failed (the table above says which and by how much); see $run_dir/report.html" ;;
  3) echo "gate: unresolved: no SLO failed but one could not be judged; treat as a failure or rerun" ;;
  4) echo "gate: the target never became ready or the harness failed; see $run_dir/agent.log" ;;
  *) echo "gate: unexpected exit code $code" ;;
esac
exit "$code"
