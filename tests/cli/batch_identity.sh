#!/bin/sh
# A batch is identified by its inputs (a digest of the scenario and region files), not by the path typed: the same
# batch run from two working directories gives the same bytes, --resume takes ./scenario.yaml for scenario.yaml,
# shards run from two copies of the inputs merge into exactly the one-machine batch, and shards of other inputs are
# refused.
#   batch_identity.sh RICOCHET SCENARIO_DIR SCENARIO_FILE WORKDIR   (SCENARIO_FILE relative to SCENARIO_DIR)
set -eu
ricochet=$1 data=$2 file=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
batch() { "$ricochet" batch "$@" --runs 6 --variant base --variant same > /dev/null 2>&1; }
for copy in copy1 copy2; do cp -r "$data" $copy; done

(cd copy1 && batch "$file" --out ../here)
(cd copy1 && batch "./$file" --resume --out ../here) || fail "--resume refused ./$file for $file"
(cd copy1/regions && batch "../$file" --out ../../there)
for f in aggregate.json aggregate.csv compare.json compare.csv; do
  cmp here/$f there/$f || fail "$f depends on the working directory"
done
echo "the same batch from two working directories: identical aggregate and comparison"

(cd copy1 && batch "$file" --shard 1/2 --out ../shard1)
(cd copy2 && batch "$file" --shard 2/2 --out ../shard2)
"$ricochet" merge shard1 shard2 --out merged > /dev/null || fail "shards of the same inputs in two places do not merge"
for f in aggregate.json aggregate.csv compare.json compare.csv; do
  cmp here/$f merged/$f || fail "$f of the merged shards differs from the one-machine batch"
done
echo "shards run from two copies of the inputs merge into the one-machine batch, byte for byte"

echo "# changed" >> copy2/regions/clinic.yaml
(cd copy2 && batch "$file" --shard 2/2 --out ../other)
status=0
"$ricochet" merge shard1 other --out refused 2> err.txt > /dev/null || status=$?
cat err.txt
[ $status -eq 2 ] || fail "shards of other inputs: exit $status, expected 2"
grep -qx "other/batch.json: error: not the same batch as shard1 (its inputs differ; inputs, variants, runs, seed and shards must match)" err.txt || fail "unexpected message"
[ ! -e refused ] || fail "a refused merge wrote its output directory"
status=0
(cd copy2 && batch "$file" --resume --out ../here) || status=$?
[ $status -eq 2 ] || fail "--resume with other inputs: exit $status, expected 2"
echo "shards and resumes of other inputs are refused"
