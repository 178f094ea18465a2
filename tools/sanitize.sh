#!/bin/sh
# Builds ricochet with AddressSanitizer and UndefinedBehaviorSanitizer in a build directory of its own and runs the
# whole test suite there (docs/sanitizers.md).
#   sh tools/sanitize.sh [BUILD_DIR [CTEST_ARGS...]]
# BUILD_DIR defaults to build-asan (relative to the repository); CTEST_ARGS select a part, e.g. -R 'sim: '.
# Two parallel jobs at most (RICOCHET_SANITIZE_JOBS to change it): sanitized code is slow and the tests fork.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${1:-build-asan}
if [ $# -gt 0 ]; then shift; fi
jobs=${RICOCHET_SANITIZE_JOBS:-2}
start=$(date +%s)

cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRICOCHET_SANITIZE=address,undefined >/dev/null
cmake --build "$dir" -j"$jobs"
built=$(date +%s)

# halt_on_error: the first finding fails its test. Leaks are checked; the suppressions name third-party code only.
ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
ASAN_OPTIONS="$ASAN_OPTIONS:detect_stack_use_after_return=1:print_summary=1"
LSAN_OPTIONS="suppressions=$root/tools/sanitizers/lsan.supp:print_suppressions=0"
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:print_summary=1"
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

status=0
(cd "$dir" && ctest --output-on-failure -j"$jobs" "$@") || status=$?
end=$(date +%s)
echo "sanitize: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
exit "$status"
