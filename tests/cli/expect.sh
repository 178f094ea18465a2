# Shared by the shell tests of hostile inputs (sourced): fail, a memory bound, and expect_error.
fail() { echo "FAIL: $*" >&2; exit 1; }
# The memory bound: 2 GiB of address space; AddressSanitizer reserves terabytes of shadow address space at start,
# so a sanitized build is bounded on resident memory by the sanitizer itself instead. Needs $ricochet.
if ldd "$ricochet" 2>/dev/null | grep -q libasan; then
  bound() { ASAN_OPTIONS="${ASAN_OPTIONS:-}:hard_rss_limit_mb=2048" "$@"; }
else
  bound() { ulimit -v 2097152; "$@"; }
fi
# expect_error EXPECTED-LINE COMMAND...: exit 2 and the exact line on standard error, under 2 GiB and 60 s.
expect_error() {
  expected=$1; shift
  set +e
  ( bound timeout 60 "$@" ) > out.txt 2> err.txt
  rc=$?
  set -e
  [ $rc -eq 2 ] || { cat err.txt >&2; fail "exit $rc instead of 2: $*"; }
  grep -qxF -- "$expected" err.txt || { cat err.txt >&2; fail "expected the line: $expected"; }
  echo "ok: $expected"
}
