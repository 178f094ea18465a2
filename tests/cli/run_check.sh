#!/bin/sh
# Runs a command and checks its exit status, optionally its standard output.
#   run_check.sh --exit N [--stdout-file EXPECTED] [--stdout-contains TEXT] [--cwd DIR]
#                [--same-file ACTUAL EXPECTED]... -- command args...
# Prints the command's output so that CTest can match it too.
set -u
want_exit=0 expected="" contains="" cwd="" same_files=""
while [ $# -gt 0 ]; do
  case "$1" in
    --exit) want_exit=$2; shift 2 ;;
    --stdout-file) expected=$2; shift 2 ;;
    --stdout-contains) contains=$2; shift 2 ;;
    --cwd) cwd=$2; shift 2 ;;
    --same-file) same_files="$same_files $2:$3"; shift 3 ;;
    --) shift; break ;;
    *) echo "run_check.sh: unknown option $1" >&2; exit 99 ;;
  esac
done
[ -n "$cwd" ] && cd "$cwd"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$@" >"$out" 2>"$err"
status=$?
cat "$out"; cat "$err" >&2
if [ "$status" -ne "$want_exit" ]; then
  echo "run_check.sh: exit status $status, expected $want_exit" >&2; exit 1
fi
if [ -n "$expected" ] && ! diff -u "$expected" "$out" >&2; then
  echo "run_check.sh: standard output differs from $expected" >&2; exit 1
fi
for pair in $same_files; do
  if ! diff -u "${pair#*:}" "${pair%%:*}" >&2; then
    echo "run_check.sh: ${pair%%:*} differs from ${pair#*:}" >&2; exit 1
  fi
done
if [ -n "$contains" ] && ! grep -qF -- "$contains" "$out"; then
  echo "run_check.sh: standard output does not contain: $contains" >&2; exit 1
fi
exit 0
