#!/bin/sh
# A run directory is one run or is refused: a journal of another run beside a summary, care series and region (what a
# kill, a full disk or two runs at once used to leave) is refused by every reader with exit 2 and what to do.
#   rundir_mix.sh RICOCHET SCENARIO WORKDIR
set -eu
ricochet=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$ricochet" run "$scenario" --quiet --out a > /dev/null
"$ricochet" run "$scenario" --quiet --seed 7 --out b > /dev/null
cmp -s a/journal.jsonl b/journal.jsonl && fail "the two seeds give the same journal: no mix to detect"
cp b/journal.jsonl a/journal.jsonl # a's summary, care series and region with b's journal
want="error: a is not a complete run: journal.jsonl does not match its manifest (the run was interrupted or another run wrote here); run it again"
# refused COMMAND...: exit 2 with exactly the message above.
refused() {
  status=0
  "$ricochet" "$@" > out.txt 2> err.txt || status=$?
  [ $status -eq 2 ] || fail "'$*' exited $status, expected 2 ($(cat err.txt))"
  [ "$(cat err.txt)" = "$want" ] || fail "'$*' said: $(cat err.txt)"
  echo "refused: $*"
}
refused report a --out mix.html
refused report b --compare a --out mix.html
refused why a asset
refused attack-layer a --out layer.json
[ ! -e mix.html ] && [ ! -e layer.json ] || fail "a refused directory still produced an output"
# Neither a file removed nor one grown by a byte passes.
"$ricochet" run "$scenario" --quiet --out a > /dev/null
"$ricochet" report a --out whole.html || fail "a complete run is refused"
printf ' ' >> a/care.csv
want="error: a is not a complete run: care.csv does not match its manifest (the run was interrupted or another run wrote here); run it again"
refused report a --out mix.html
rm a/care.csv
want="error: a is not a complete run: care.csv is missing (the run was interrupted or another run wrote here); run it again"
refused report a --out mix.html
rm a/manifest.json
want="error: a is not a complete run: it has no manifest.json (the run was interrupted or is still writing, or an older ricochet wrote it); run it again"
refused why a asset
echo "a directory mixing two runs, or missing a file, is refused by report, why and attack-layer"
