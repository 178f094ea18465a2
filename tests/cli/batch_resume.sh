#!/bin/sh
# kill -9 in the middle of a batch, then --resume: the same aggregate as an uninterrupted batch, no partial file.
#   batch_resume.sh RICOCHET SCENARIO WORKDIR
set -eu
ricochet=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
"$ricochet" batch "$scenario" --runs 3000 --jobs 2 --out "$work/whole" > /dev/null
"$ricochet" batch "$scenario" --runs 3000 --jobs 2 --out "$work/killed" > /dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
done_before=$(ls "$work/killed/runs/base" | grep -c '^[0-9]' || true)
echo "killed after $done_before runs"
for f in "$work"/killed/runs/base/[0-9]*.json; do
  grep -q '"index"' "$f" || { echo "partial file: $f" >&2; exit 1; }
done
"$ricochet" batch "$scenario" --runs 3000 --jobs 2 --resume --out "$work/killed" > /dev/null
cmp "$work/whole/aggregate.json" "$work/killed/aggregate.json"
if ls -a "$work/killed/runs/base" | grep -q '^\.[^.]'; then echo "temporary files left" >&2; exit 1; fi
[ "$done_before" -lt 3000 ] || echo "note: the batch finished before the kill; resume had nothing to do"
echo "resumed batch identical to the uninterrupted one"
