#!/bin/sh
# Determinism across processes: the same batch with --jobs 1, with --jobs 2 and as two shards merged gives
# byte-identical aggregate and compare files and per-run records; the same run in two processes at once gives
# byte-identical outputs.
#   jobs_determinism.sh RICOCHET SCENARIO VARIANT WORKDIR
set -eu
ricochet=$1 scenario=$2 variant=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
runs=24
batch() { "$ricochet" batch "$scenario" --runs $runs --variant base --variant "$variant" "$@" > /dev/null; }

batch --jobs 1 --out jobs1
batch --jobs 2 --out jobs2
batch --jobs 2 --shard 1/2 --out shard1
batch --jobs 1 --shard 2/2 --out shard2
"$ricochet" merge shard1 shard2 --out merged > /dev/null

records=0
for v in base "$variant"; do
  [ "$(ls jobs1/runs/$v | grep -c '\.json$')" -eq $runs ] || fail "jobs1/runs/$v does not hold $runs records"
  for f in jobs1/runs/$v/*.json; do
    name=${f#jobs1/}
    cmp "$f" "jobs2/$name" || fail "$name differs between --jobs 1 and --jobs 2"
    if [ -f "shard1/$name" ]; then shard=shard1; else shard=shard2; fi
    cmp "$f" "$shard/$name" || fail "$name differs between the whole batch and its shard"
    records=$((records + 1))
  done
done
for f in aggregate.json aggregate.csv compare.json compare.csv; do
  [ -s "jobs1/$f" ] || fail "jobs1/$f is missing or empty"
  cmp "jobs1/$f" "jobs2/$f" || fail "$f differs between --jobs 1 and --jobs 2"
  cmp "jobs1/$f" "merged/$f" || fail "$f differs between the whole batch and its merged shards"
done
echo "batch: $records run records and 4 aggregate/compare files identical for --jobs 1, --jobs 2 and 2 shards merged"

"$ricochet" run "$scenario" --quiet --report --out run1 > /dev/null &
first=$!
"$ricochet" run "$scenario" --quiet --report --out run2 > /dev/null
wait $first || fail "the first of two simultaneous runs failed"
for f in journal.jsonl summary.json care.csv region.json report.html; do
  [ -s "run1/$f" ] || fail "run1/$f is missing or empty"
  cmp "run1/$f" "run2/$f" || fail "$f differs between two processes running the same scenario"
done
echo "run: journal, summary, care, region and report identical from two processes at once"
