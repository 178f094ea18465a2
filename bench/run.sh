#!/bin/sh
# Whole-process measurements for docs/performance.md: each figure is the median of several runs of a process,
# timed with /usr/bin/time -v (wall clock, peak resident memory). SimGrid allows one engine per process, so a run
# is a process, not a Google Benchmark iteration (in-process costs: build-bench/bench/ricochet_bench).
#
#   sh bench/run.sh [SECTION...]     sections: raw growth reference analyze batch viewer (default: all)
#
# Environment: BUILD (default build-bench, a Release build with -DRICOCHET_BENCH=ON), WORK (scratch directory,
# default /tmp/ricochet-bench), RUNS (runs per figure, default 5), SIZES (organisations, default "100 300 1000
# 3000"), BATCH_RUNS (batches timed, default 3), VIEW_ORGS (organisations drawn by the viewer, default 2000),
# ANALYZE_SIZES (organisations for analyze, default: SIZES).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$here/build-bench}
WORK=${WORK:-/tmp/ricochet-bench}
RUNS=${RUNS:-5}
SIZES=${SIZES:-"100 300 1000 3000"}
BATCH_RUNS=${BATCH_RUNS:-3}
VIEW_ORGS=${VIEW_ORGS:-2000}
ANALYZE_SIZES=${ANALYZE_SIZES:-$SIZES}
ricochet=$BUILD/engine/ricochet
phases=$BUILD/bench/ricochet_bench_run
raw=$BUILD/bench/ricochet_bench_simgrid
view=$BUILD/viz/ricochet-view
exercise=$here/scenarios/exercises/exercise-2026.yaml
mkdir -p "$WORK"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed OUT_PREFIX command...: runs the command under /usr/bin/time -v; appends wall seconds and peak KiB.
timed() {
  prefix=$1; shift
  /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/stdout.txt" 2> "$WORK/stderr.txt" || {
    cat "$WORK/stderr.txt" >&2; echo "bench/run.sh: failed: $*" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' \
    "$WORK/time.txt" >> "$prefix.wall"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt" >> "$prefix.rss"
}

# field NAME FILE: the median of NAME=VALUE over the lines of FILE.
field() { awk -v k="$1=" '{ for (i = 1; i <= NF; i++) if (index($i, k) == 1) print substr($i, length(k) + 1) }' "$2" | median; }

mib() { awk '{ printf "%.0f", $1 / 1024 }'; }

raw_section() {
  echo "## SimGrid raw throughput (median of $RUNS processes, 1,000,000 events each)"
  for mode in sleep timer; do
    : > "$WORK/raw-$mode.txt"
    for i in $(seq "$RUNS"); do "$raw" $mode 1000000 --log=root.thresh:critical >> "$WORK/raw-$mode.txt"; done
    echo "$mode: $(field events_per_s "$WORK/raw-$mode.txt") events/s"
  done
}

# run_row LABEL SCENARIO: whole-process time and memory of 'ricochet run', and the phases of the run.
run_row() {
  label=$1 scenario=$2 key=$WORK/run-$(echo "$1" | tr -c 'a-zA-Z0-9\n' '-')
  rm -f "$key.wall" "$key.rss"; : > "$key.phases"
  for i in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    timed "$key" "$ricochet" run "$scenario" --quiet --out "$WORK/out"
    "$phases" "$scenario" >> "$key.phases"
  done
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" \
    "$(field orgs "$key.phases")" "$(field assets "$key.phases")" "$(median < "$key.wall")" \
    "$(median < "$key.rss" | mib)" "$(field load_ms "$key.phases")" "$(field setup_ms "$key.phases")" \
    "$(field run_ms "$key.phases")" "$(field outputs_ms "$key.phases")" "$(field events "$key.phases")" \
    "$(field events_per_s "$key.phases")" "$(field clock_advances "$key.phases")" "$(field advances_per_s "$key.phases")"
}

run_header() {
  echo "| region | orgs | assets | whole run (s) | peak RSS (MiB) | load (ms) | setup (ms) | simulate (ms) | outputs (ms) | journal events | journal events/s simulating | SimGrid clock advances | advances/s simulating |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
}

generate() { # generate N: region and scenario of N organisations, seed 1
  [ -f "$WORK/gen/s$1.yaml" ] || "$ricochet" generate --orgs "$1" --seed 1 --out "$WORK/gen/r$1.yaml" \
    --scenario "$WORK/gen/s$1.yaml" 2> /dev/null
}

growth_section() {
  echo "## Whole run by size (generated regions, seed 1; median of $RUNS processes)"
  run_header
  for n in $SIZES; do generate "$n"; run_row "generated $n" "$WORK/gen/s$n.yaml"; done
}

reference_section() {
  echo "## Reference exercise (median of $RUNS processes)"
  run_header
  run_row "exercise-2026" "$exercise"
}

analyze_section() {
  echo "## analyze, whole process (median of $RUNS processes)"
  echo "| orgs | wall (s) | peak RSS (MiB) | analysis.json (MB) |"
  echo "|---|---|---|---|"
  for n in $ANALYZE_SIZES; do
    generate "$n"
    rm -f "$WORK/analyze.wall" "$WORK/analyze.rss"
    for i in $(seq "$RUNS"); do timed "$WORK/analyze" "$ricochet" analyze "$WORK/gen/r$n.yaml" --out "$WORK/analysis"; done
    echo "| $n | $(median < "$WORK/analyze.wall") | $(median < "$WORK/analyze.rss" | mib) | $(du -m "$WORK/analysis/analysis.json" | cut -f1) |"
  done
}

batch_section() {
  rm -f "$WORK/batch.wall" "$WORK/batch.rss"
  for i in $(seq "$BATCH_RUNS"); do
    rm -rf "$WORK/batch"
    timed "$WORK/batch" "$ricochet" batch "$exercise" --runs 1000 --jobs 2 --out "$WORK/batch"
  done
  echo "## 1,000-run batch of the exercise, 2 jobs (median of $BATCH_RUNS batches)"
  echo "wall: $(median < "$WORK/batch.wall") s, peak (parent) $(median < "$WORK/batch.rss" | mib) MiB"
}

viewer_section() {
  generate "$VIEW_ORGS"
  dir=$WORK/view-$VIEW_ORGS
  [ -f "$dir/journal.jsonl" ] || "$ricochet" run "$WORK/gen/s$VIEW_ORGS.yaml" --quiet --out "$dir"
  : > "$WORK/view.txt"
  for i in $(seq "$RUNS"); do
    xvfb-run -a -s "-screen 0 1600x900x24" "$view" --replay "$dir" --benchmark 600 >> "$WORK/view.txt"
  done
  echo "## Viewer, $VIEW_ORGS organisations, 1600x900 under Xvfb (median of $RUNS processes, 600 frames each)"
  sed -n 's/.*: \([0-9.]*\) frames per second.*/\1/p' "$WORK/view.txt" | median | sed 's/$/ frames per second/'
  tail -1 "$WORK/view.txt"
}

sections=${*:-raw growth reference analyze batch viewer}
echo "# ricochet benchmarks: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for s in $sections; do
  case $s in
    raw | growth | reference | analyze | batch | viewer) "${s}_section" ;;
    *) echo "bench/run.sh: unknown section '$s' (raw growth reference analyze batch viewer)" >&2; exit 2 ;;
  esac
  echo
done
