#!/bin/sh
# A damaged run record in a batch (cut short, or well-formed JSON that is not a record of this run) is an input
# error for --resume, compare and merge: exit 2 naming the file and what to do, never an internal error.
#   batch_damaged.sh RICOCHET SCENARIO WORKDIR
set -eu
ricochet=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$ricochet" batch "$scenario" --runs 4 --out b > /dev/null
cp b/runs/base/000001.json good.json
advice="delete it, then complete the batch with 'ricochet batch ... --resume'"
# damaged CONTENT WHY: each command exits 2 with "b/runs/base/000001.json: error: damaged run record (WHY...); advice".
damaged() {
  printf '%s' "$1" > b/runs/base/000001.json
  for command in "batch $scenario --runs 4 --resume --out b" "compare b" "merge b --out merged"; do
    status=0
    # shellcheck disable=SC2086
    "$ricochet" $command > /dev/null 2> err.txt || status=$?
    [ $status -eq 2 ] || fail "'$command' on a record '$1': exit $status, expected 2 ($(cat err.txt))"
    grep -q "^b/runs/base/000001.json: error: damaged run record ($2.*); $advice\$" err.txt ||
      fail "'$command' said: $(cat err.txt)"
  done
  echo "refused by --resume, compare and merge: $(cat err.txt)"
}
damaged "$(head -c 20 good.json)" "not valid JSON"
damaged '{"index": "x"}' "its index is not 1"
damaged '[]' "not an object"
damaged '{"index": 1, "seed": 101, "variant": "base", "kpis": 3}' "no kpis"
damaged '{"index": 1, "seed": 101, "variant": "base"}' "no kpis"
damaged '{"index": 99, "seed": 199, "variant": "base"}' "its index is not 1"
cp good.json b/runs/base/000001.json
"$ricochet" compare b > /dev/null || fail "the repaired batch is refused"
echo '[]' > b/batch.json
status=0
"$ricochet" compare b > /dev/null 2> err.txt || status=$?
[ $status -eq 2 ] || fail "a damaged batch.json: exit $status, expected 2"
grep -qx "b/batch.json: error: damaged batch description (not a ricochet batch); run the batch again in a new --out" err.txt || fail "said: $(cat err.txt)"
echo "a damaged batch description is refused: $(cat err.txt)"
