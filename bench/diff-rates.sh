#!/usr/bin/env bash
# False alarms and detection of `gauntlet diff` on real runs (issue 14): N runs of scenarios/smoke.yaml (A) and M
# runs of each B variant under bench/ab/ (smoke-slower: about +30% task latency; smoke-wrong: about -5 points of
# accuracy), one after another, then `gauntlet diff` on
#   - every A/A pair (one baseline: the earlier run),
#   - A/A with three baselines: each A run against up to T distinct triples of the other A runs,
#   - every A/B pair (one baseline), and each B run against up to T triples of A runs,
# and prints the share flagged (exit 2) with the targets: A/A at most 5% (one baseline) and 1% (three), A/B at
# least 90%. Every diff's table is kept under OUT/diffs/.
#
#   bench/diff-rates.sh                      # N=10, M=10, T=10, 45 s runs (15 s warm-up): 30 runs (~30 min),
#                                            # then 545 diffs (~1 s each): about 30 minutes in all
#   bench/diff-rates.sh -n 6 -m 5            # the issue's six A runs, 5 B runs each: about 20 minutes
#   bench/diff-rates.sh -n 2 -m 1 -d 20s     # a check of the script itself: 4 short runs and 7 diffs, ~3 min
#   bench/diff-rates.sh -r OUT [-t 30]       # only the diffs, over the runs already in OUT (more triples: -t)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n=10 m=10 triples=10 duration=45s out="" reuse=""
while getopts "n:m:t:d:o:r:" opt; do
  case "$opt" in
    n) n=$OPTARG ;; m) m=$OPTARG ;; t) triples=$OPTARG ;; d) duration=$OPTARG ;; o) out=$OPTARG ;;
    r) reuse=$OPTARG ;;
    *) echo "usage: $0 [-n A_RUNS] [-m B_RUNS] [-t TRIPLES] [-d DURATION] [-o OUT] [-r OUT]" >&2; exit 1 ;;
  esac
done
out=${reuse:-${out:-runs/bench-diff-rates-$(date -u +%Y%m%dT%H%M%SZ)}}
mkdir -p "$out/diffs"
variants=(smoke-slower smoke-wrong)

./gauntlet validate scenarios/smoke.yaml >/dev/null   # builds first, so that the build is not in any run

# One run, bounded in time; a run whose SLOs fail (exit 2) is still a run, one that did not finish is left out.
run() {
  local scenario=$1 dir=$2
  shift 2
  [ -f "$dir/verdict.json" ] && return 0
  rm -rf "$dir"
  local rc=0
  timeout 300 ./gauntlet run "$scenario" --out "$dir" --set "workload.profile[0].constant.duration=$duration" "$@" \
    >"$dir.log" 2>&1 || rc=$?
  if [ "$rc" -gt 3 ] || [ ! -f "$dir/verdict.json" ]; then
    echo "  $dir: exit $rc, left out (see $dir.log)" >&2
    rm -rf "$dir"
    return 0
  fi
  echo "  $dir: exit $rc"
}

if [ -z "$reuse" ]; then
  echo "runs ($duration each) into $out"
  for i in $(seq 1 "$n"); do run scenarios/smoke.yaml "$out/a$i"; done
  for v in "${variants[@]}"; do
    for i in $(seq 1 "$m"); do run "bench/ab/$v.yaml" "$out/$v-$i" --set "faults[0].window.duration=$duration"; done
  done
fi

as=()
for i in $(seq 1 "$n"); do [ -f "$out/a$i/verdict.json" ] && as+=("$out/a$i"); done

# diff NAME BASELINE... CURRENT: sets hit to 1 when flagged (exit 2), 0 when not; any other exit stops the benchmark.
hit=0
diff_one() {
  local name=$1
  shift
  local rc=0
  ./gauntlet diff "$@" >"$out/diffs/$name.txt" 2>&1 || rc=$?
  case "$rc" in
    0) hit=0 ;;
    2) hit=1 ;;
    *) echo "gauntlet diff $* exited $rc: $(tail -3 "$out/diffs/$name.txt")" >&2; exit 1 ;;
  esac
}

# Up to T distinct triples of the runs given, one "x y z" a line: (i, i+s, i+2s) around the list for s = 1, 2, ….
triples_of() {
  python3 - "$triples" "$@" <<'PY'
import sys
limit, runs = int(sys.argv[1]), sys.argv[2:]
k, seen = len(runs), []
for s in range(1, k):
    for i in range(k):
        t = tuple(sorted({i, (i + s) % k, (i + 2 * s) % k}))
        if len(t) == 3 and t not in seen:
            seen.append(t)
for t in seen[:limit]:
    print(" ".join(runs[j] for j in t))
PY
}

report() {
  local label=$1 flagged=$2 total=$3 target=$4
  if [ "$total" -eq 0 ]; then
    printf '%-34s  no pairs (too few runs)\n' "$label"
  else
    printf '%-34s  %3d of %3d flagged  %5.1f%%   target %s\n' "$label" "$flagged" "$total" \
      "$(awk -v f="$flagged" -v t="$total" 'BEGIN { print 100 * f / t }')" "$target"
  fi
}

flagged=0 total=0
for ((i = 0; i < ${#as[@]}; i++)); do
  for ((j = i + 1; j < ${#as[@]}; j++)); do
    diff_one "aa1-$((i + 1))-$((j + 1))" "${as[i]}" "${as[j]}"
    flagged=$((flagged + hit)); total=$((total + 1))
  done
done
aa1=("A/A, one baseline" "$flagged" "$total" "<= 5%")

flagged=0 total=0
for ((j = 0; j < ${#as[@]}; j++)); do
  others=()
  for ((i = 0; i < ${#as[@]}; i++)); do [ "$i" -ne "$j" ] && others+=("${as[i]}"); done
  while read -r x y z; do
    [ -z "$x" ] && continue
    diff_one "aa3-$((j + 1))-$total" --baseline "$x" --baseline "$y" --baseline "$z" "${as[j]}"
    flagged=$((flagged + hit)); total=$((total + 1))
  done < <(triples_of "${others[@]}")
done
aa3=("A/A, three baselines" "$flagged" "$total" "<= 1%")

ab=()
for v in "${variants[@]}"; do
  f1=0 t1=0 f3=0 t3=0
  for b in "$out/$v"-*; do
    [ -f "$b/verdict.json" ] || continue
    for a in "${as[@]}"; do
      diff_one "ab1-$(basename "$b")-$(basename "$a")" "$a" "$b"
      f1=$((f1 + hit)); t1=$((t1 + 1))
    done
    while read -r x y z; do
      [ -z "$x" ] && continue
      diff_one "ab3-$(basename "$b")-$t3" --baseline "$x" --baseline "$y" --baseline "$z" "$b"
      f3=$((f3 + hit)); t3=$((t3 + 1))
    done < <(triples_of "${as[@]}")
  done
  ab+=("A/B $v, one baseline" "$f1" "$t1" ">= 90%" "A/B $v, three baselines" "$f3" "$t3" ">= 90%")
done

echo
echo "gauntlet diff on $out (default tolerance; runs of $duration)"
report "${aa1[@]}"
report "${aa3[@]}"
for ((i = 0; i < ${#ab[@]}; i += 4)); do report "${ab[@]:i:4}"; done
echo
echo "metrics flagged (rows decided REGRESSION, over all diffs):"
grep -h "REGRESSION$" "$out"/diffs/*.txt 2>/dev/null | awk '{print "  " $1}' | sort | uniq -c || true
echo
python3 - "$out" "${variants[@]}" <<'PY'
import glob, json, os, statistics, sys
out, variants = sys.argv[1], sys.argv[2:]
def runs(pattern):
    return [json.load(open(f))["metrics"] for f in sorted(glob.glob(os.path.join(out, pattern, "verdict.json")))]
def show(name, ms):
    if not ms:
        return
    p50 = statistics.mean(m["latency.p50"] for m in ms) * 1000
    p95 = statistics.mean(m["latency.p95"] for m in ms) * 1000
    acc = statistics.mean(m["accuracy"] for m in ms if m["accuracy"] is not None)
    print(f"  {name:14s} {len(ms):2d} runs  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  accuracy {acc:.3f}")
print("what the runs measured (means):")
show("smoke (A)", runs("a[0-9]*"))
for v in variants:
    show(v, runs(v + "-*"))
PY
