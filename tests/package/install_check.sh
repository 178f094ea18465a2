#!/bin/sh
# The Debian package as a user gets it: built with CPack from BUILD_DIR, installed with apt, the demo's steps run
# from PATH in a directory outside the checkout on the installed scenario library, the man pages and the bash
# completion checked, then removed with apt, leaving none of its files behind.
#   sh tests/package/install_check.sh [BUILD_DIR]      (as root or with sudo; installs help2man, dpkg-dev, file)
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${1:-build}
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
fail() { echo "package check: FAILED: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' ricochet 2>/dev/null | grep -q "install ok installed"; then
  fail "a ricochet package is already installed here; remove it first (apt-get purge ricochet)"
fi
# help2man makes the man pages; dpkg-shlibdeps (dpkg-dev) and file find the shared libraries' packages.
need=""
for p in help2man dpkg-dev file; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

cmake -S . -B "$build" >/dev/null # finds help2man if it was just installed
rm -f "$build"/ricochet_*.deb
cmake --build "$build" --target package >/dev/null
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb="$root/$build/ricochet_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb after 'cmake --build $build --target package' (found: $(ls "$build"/*.deb 2>/dev/null))"
echo "package check: built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB)"
commit=$("$build/engine/ricochet" --version | sed -n 's/.*(commit \(.*\))$/\1/p')

work=$(mktemp -d /tmp/ricochet-package.XXXXXX)
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ricochet >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
installed=1
dpkg -L ricochet | sort > "$work/files.txt"
echo "package check: installed, $(wc -l < "$work/files.txt") paths"

# The programs and the library, from PATH, outside the checkout.
cd "$work"
[ "$(command -v ricochet)" = /usr/bin/ricochet ] || fail "ricochet is not /usr/bin/ricochet on PATH"
[ "$(command -v ricochet-view)" = /usr/bin/ricochet-view ] || fail "ricochet-view is not on PATH"
[ "$(ricochet --version)" = "ricochet $version (commit $commit)" ] || fail "ricochet --version: '$(ricochet --version)'"
[ "$(ricochet-view --version)" = "ricochet-view $version (commit $commit)" ] || fail "ricochet-view --version"
lib=/usr/share/ricochet
scenario=$lib/scenarios/exercises/exercise-2026.yaml
ricochet validate "$scenario" $lib/scenarios/regions/*.yaml $lib/scenarios/whatif/*.yaml
ricochet run "$scenario" --quiet --out out/exercise-2026
[ -s out/exercise-2026/journal.jsonl ] && [ -s out/exercise-2026/summary.json ] || fail "run wrote no journal/summary"
ricochet why out/exercise-2026 mo-dpi --at "2026-10-18 06:00" > why.txt
grep -q "mo-dpi" why.txt || fail "why does not explain mo-dpi: $(cat why.txt)"
ricochet msel "$scenario" --out chronogramme.csv
[ "$(wc -l < chronogramme.csv)" -gt 20 ] || fail "the chronogramme has fewer than 20 lines"
ricochet run $lib/examples/01-pivot-hosting/scenario.yaml --quiet --out out/example-01
cmp out/example-01/journal.jsonl $lib/examples/01-pivot-hosting/expected-journal.jsonl ||
  fail "the installed example 01 does not give its expected journal"

# Man pages (from --help: they name every subcommand) and bash completion (from --help too).
for page in ricochet ricochet-view; do
  [ -f /usr/share/man/man1/$page.1.gz ] || fail "no man page for $page"
done
for sub in validate run why msel batch merge analyze; do
  zcat /usr/share/man/man1/ricochet.1.gz | grep -q "^\.SS $sub\$" || fail "the man page has no section for '$sub'"
done
complete_words() { # PROGRAM WORDS...: what bash completion proposes for the last word
  bash -c '. /usr/share/bash-completion/completions/$1; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
           case $1 in ricochet) _ricochet ;; *) _ricochet_view ;; esac; echo "${COMPREPLY[*]}"' sh "$@"
}
[ "$(complete_words ricochet ricochet ms)" = "msel" ] || fail "completion of 'ricochet ms': '$(complete_words ricochet ricochet ms)'"
[ "$(complete_words ricochet ricochet msel --la)" = "--lang" ] || fail "completion of 'ricochet msel --la'"
[ "$(complete_words ricochet ricochet msel --lang '')" = "fr en" ] || fail "completion of 'ricochet msel --lang'"
[ "$(complete_words ricochet-view ricochet-view --rep)" = "--replay" ] || fail "completion of 'ricochet-view --rep'"
echo "package check: validate, run, why, msel, the example, man pages and completion work from PATH in $work"

# Removal leaves none of the package's files (directories it shares with others, like /usr/bin, stay).
cd /
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ricochet >/dev/null
installed=0
if dpkg-query -W -f='${Status}' ricochet 2>/dev/null | grep -q "installed"; then fail "dpkg still lists ricochet"; fi
left=$(while read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then echo "$path"; fi
  case $path in /usr/share/ricochet*|/usr/share/doc/ricochet*) if [ -d "$path" ]; then echo "$path"; fi ;; esac
done < "$work/files.txt")
[ -z "$left" ] || fail "left after removal: $left"
echo "package check: removed, nothing left behind"
