#!/bin/sh
# Crash-safe outputs: `ricochet run`, `msel` and `report` are killed with SIGKILL at many points while they rewrite
# outputs that already exist; each time, every output must be byte for byte one of the two complete versions
# (the old one or the new one), never a partial file, and nothing but hidden temporary files may be left beside.
# The run's directory as a whole is either one complete run (its manifest names the version of every output) or has
# no manifest (and `report` refuses it).
# The complete versions are produced first and parsed whole (JSON lines, JSON, CSV, XLSX, HTML). Half the kills fall
# at random points of the command's run, half while it writes; the delays come from a fixed seed, so the sequence
# of kill points is the same on every run (where they fall depends on the machine's speed: the test prints how many
# kills found each version, and how many temporary files kills while writing left).
#   kill_outputs.sh RICOCHET SCENARIO WORKDIR [KILLS]
set -eu
ricochet=$1 scenario=$2 work=$3 kills=${4:-40}
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# The two complete versions of each output, and how long producing one takes (timed on the second, warm, one).
"$ricochet" run "$scenario" --quiet --report --lang fr --out good-a > /dev/null
start=$(now_ms)
"$ricochet" run "$scenario" --quiet --report --lang en --seed 7 --out good-b > /dev/null
run_ms=$(($(now_ms) - start))
"$ricochet" msel "$scenario" --lang fr --out good-a.csv 2> /dev/null
start=$(now_ms)
"$ricochet" msel "$scenario" --lang en --out good-b.csv 2> /dev/null
msel_ms=$(($(now_ms) - start))
"$ricochet" msel "$scenario" --lang fr --out good-a.xlsx 2> /dev/null
"$ricochet" msel "$scenario" --lang en --out good-b.xlsx 2> /dev/null
"$ricochet" report good-a --lang fr --out good-a.html
start=$(now_ms)
"$ricochet" report good-a --lang en --out good-b.html
report_ms=$(($(now_ms) - start))
python3 - <<'EOF'
import csv, io, json, sys, zipfile
for v in ("a", "b"):
    d = f"good-{v}"
    for n, line in enumerate(open(f"{d}/journal.jsonl", encoding="utf-8"), 1):
        json.loads(line)
    for name in ("summary.json", "region.json"):
        json.load(open(f"{d}/{name}", encoding="utf-8"))
    rows = list(csv.reader(open(f"{d}/care.csv", encoding="utf-8")))
    assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows), f"{d}/care.csv: ragged rows"
    for name in (f"{d}/report.html", f"good-{v}.html"):
        assert open(name, encoding="utf-8").read().rstrip().endswith("</html>"), f"{name}: not a whole page"
    rows = list(csv.reader(io.StringIO(open(f"good-{v}.csv", encoding="utf-8-sig").read()), delimiter=";"))
    assert len(rows) > 1, f"good-{v}.csv: no injects"
    with zipfile.ZipFile(f"good-{v}.xlsx") as z:
        assert z.testzip() is None and "xl/worksheets/sheet1.xml" in z.namelist(), f"good-{v}.xlsx: broken"
for name in ("journal.jsonl", "summary.json", "report.html"):
    assert open(f"good-a/{name}", "rb").read() != open(f"good-b/{name}", "rb").read(), f"{name}: a and b are alike"
print("the complete versions parse whole")
EOF
echo "one run takes $run_ms ms, msel $msel_ms ms, report $report_ms ms"

# Kill points: fractions in [0, 1.2) of the command's duration, from a fixed seed.
awk -v n="$kills" 'BEGIN { srand(20261122); for (i = 0; i < 3 * n; i++) printf "%.4f\n", 1.2 * rand() }' > fractions.txt

# tally OUTPUT GOOD_A GOOD_B: OUTPUT must be one of the two complete versions; counts which.
tally() {
  [ -f "$1" ] || fail "$1 is missing after a kill"
  if cmp -s "$1" "$2"; then
    seen_a=$((seen_a + 1))
  elif cmp -s "$1" "$3"; then
    seen_b=$((seen_b + 1))
  else
    fail "$1 is neither complete version ($(wc -c < "$1") bytes)"
  fi
}
# leftovers DIR NAMES...: only the named outputs and hidden temporary files of theirs are in DIR.
leftovers() {
  dir=$1; shift
  for f in $(ls -A "$dir"); do
    ok=no
    for name in "$@"; do
      case "$f" in "$name" | ".$name.tmp-"??????) ok=yes ;; esac
    done
    [ $ok = yes ] || fail "$dir/$f is not an output nor a temporary file of one"
  done
}
# temporaries: how many temporary files (kills while writing) are in the directories given.
temporaries() { ls -A "$@" | grep -c '^\..*\.tmp-......$' || true; }
# kill_at FRACTION DURATION_MS WATCH COMMAND...: starts the command and kills it with SIGKILL. Odd kills fall at
# FRACTION x DURATION; even ones while it writes: once a file of the directory WATCH changes (a temporary file, or
# an output written in place), after FRACTION x 20 ms (writes take milliseconds: random points seldom hit them).
kills_done=0
mkdir -p marks
kill_at() {
  fraction=$1 duration=$2 watch=$3; shift 3
  kills_done=$((kills_done + 1))
  touch marks/start
  "$@" > /dev/null 2>&1 &
  pid=$!
  if [ $((kills_done % 2)) -eq 1 ]; then
    sleep "$(awk -v f="$fraction" -v d="$duration" 'BEGIN { printf "%.3f", f * d / 1000 }')"
  else
    while kill -0 $pid 2> /dev/null && [ -z "$(find "$watch" -maxdepth 1 -type f -newer marks/start)" ]; do
      sleep 0.002
    done
    sleep "$(awk -v f="$fraction" 'BEGIN { printf "%.3f", f * 0.02 }')"
  fi
  kill -KILL $pid 2> /dev/null || true
  wait $pid 2> /dev/null || true
}

outputs="journal.jsonl care.csv region.json summary.json report.html"
cp -r good-a run-out
seen_a=0 seen_b=0 i=0 whole=0 unfinished=0
for fraction in $(sed -n "1,${kills}p" fractions.txt); do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then args="--lang en --seed 7"; else args="--lang fr"; fi
  kill_at "$fraction" "$run_ms" run-out "$ricochet" run "$scenario" --quiet --report $args --out run-out
  for f in $outputs; do
    tally run-out/$f good-a/$f good-b/$f
  done
  # The directory as a whole: with a manifest, every output is of the run it names; without, it is unfinished.
  if [ -f run-out/manifest.json ]; then
    if cmp -s run-out/manifest.json good-a/manifest.json; then version=a
    elif cmp -s run-out/manifest.json good-b/manifest.json; then version=b
    else fail "run-out/manifest.json is neither complete version"; fi
    for f in $outputs; do
      cmp -s run-out/$f good-$version/$f || fail "run-out/$f is not of the run its manifest names ($version)"
    done
    whole=$((whole + 1))
  else
    unfinished=$((unfinished + 1))
  fi
  leftovers run-out $outputs manifest.json .ricochet.lock
done
echo "run: $kills kills, outputs found old/new: $seen_a a, $seen_b b; directory whole $whole times, unfinished $unfinished"
if [ -f run-out/manifest.json ]; then
  "$ricochet" report run-out --out run-out.html || fail "a complete run's directory cannot be reported on"
else
  "$ricochet" report run-out --out run-out.html 2> refused.txt && fail "an unfinished run's directory was reported on"
  grep -q "run-out is not a complete run: it has no manifest.json" refused.txt || fail "unexpected: $(cat refused.txt)"
  rm refused.txt
  "$ricochet" run "$scenario" --quiet --report --out run-out > /dev/null
  "$ricochet" report run-out --out run-out.html || fail "a run again in a killed run's directory cannot be reported on"
fi

for ext in csv xlsx; do
  cp good-a.$ext msel-out.$ext
  seen_a=0 seen_b=0 i=0
  for fraction in $(sed -n "$((kills + 1)),$((2 * kills))p" fractions.txt); do
    i=$((i + 1))
    if [ $((i % 2)) -eq 1 ]; then lang=en; else lang=fr; fi
    kill_at "$fraction" "$msel_ms" . "$ricochet" msel "$scenario" --lang $lang --out msel-out.$ext
    tally msel-out.$ext good-a.$ext good-b.$ext
  done
  echo "msel $ext: $kills kills, file found old/new: $seen_a a, $seen_b b"
done

cp good-a.html report-out.html
seen_a=0 seen_b=0 i=0
for fraction in $(sed -n "$((2 * kills + 1)),$((3 * kills))p" fractions.txt); do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then lang=en; else lang=fr; fi
  kill_at "$fraction" "$report_ms" . "$ricochet" report good-a --lang $lang --out report-out.html
  tally report-out.html good-a.html good-b.html
done
echo "report: $kills kills, file found old/new: $seen_a a, $seen_b b"
leftovers . marks good-a good-b good-a.csv good-b.csv good-a.xlsx good-b.xlsx good-a.html good-b.html fractions.txt run-out \
  run-out.html msel-out.csv msel-out.xlsx report-out.html
echo "no partial output after $((4 * kills)) kills; $(temporaries run-out .) temporary files left by kills while writing"
