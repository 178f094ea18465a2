#!/bin/sh
# A run that fills the disk midway over an older complete run: exit 2 saying so, and the directory is refused as a
# whole instead of holding the new journal beside the old summary and care series. The disk is a small tmpfs:
# mounting needs root (or CAP_SYS_ADMIN); without it the test is skipped (exit 77), and says so.
#   rundir_full_disk.sh RICOCHET SCENARIO WORKDIR
set -eu
ricochet=$1 scenario=$2 work=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
if mountpoint -q "$work/disk" 2> /dev/null; then umount "$work/disk"; fi
rm -rf "$work" && mkdir -p "$work/disk" && cd "$work"
"$ricochet" run "$scenario" --quiet --out good > /dev/null
# Room for the old run, the new journal and a little more; not for the new care series.
kb=$(( $(du -sk good | cut -f1) + $(du -k good/journal.jsonl | cut -f1) + 64 ))
mount -t tmpfs -o size=${kb}k tmpfs disk 2> /dev/null || { echo "SKIP: cannot mount a tmpfs here (not root)"; exit 77; }
trap 'umount "$work/disk"' EXIT
cp -r good disk/run
status=0
"$ricochet" run "$scenario" --quiet --seed 7 --out disk/run > /dev/null 2> err.txt || status=$?
cat err.txt
[ $status -eq 2 ] || fail "a full disk exited $status, expected 2"
grep -q "No space left on device (free some space or choose another place)" err.txt || fail "no advice about space"
status=0
"$ricochet" report disk/run --out report.html 2> err.txt || status=$?
cat err.txt
[ $status -eq 2 ] || fail "report on the half-written run exited $status, expected 2"
grep -qx "error: disk/run is not a complete run: it has no manifest.json (the run was interrupted or is still writing, or an older ricochet wrote it); run it again" err.txt || fail "unexpected message"
echo "a full disk leaves a directory refused as a whole, never a mix of two runs"
