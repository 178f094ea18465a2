#!/bin/sh
# Runs, literally, the shell block of a quick start in a scratch copy of the scenarios, with the built programs
# first on PATH: a quick start that no longer works fails here.
#   run_quickstart.sh SOURCE_DIR BUILD_DIR DOC.md
# The whole block runs under one Xvfb, and the block's own `xvfb-run` calls use it (a shim drops xvfb-run's options
# and runs the command): one X server per test, as for the other display tests, whatever the block contains.
set -eu
src=$1 build=$2 doc=$3
real_xvfb_run=$(command -v xvfb-run || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/scenarios" "$src/examples" "$work/"
mkdir -p "$work/out" "$work/bin"
sed -n '/^```sh$/,/^```$/p' "$doc" | sed '/^```/d' > "$work/commands.sh"
[ -s "$work/commands.sh" ] || { echo "run_quickstart.sh: no sh block in $doc" >&2; exit 1; }
cat > "$work/bin/xvfb-run" <<'SHIM'
#!/bin/sh
# xvfb-run inside a quick start: the outer Xvfb is already there; drop xvfb-run's own options and run the command.
while [ $# -gt 0 ]; do
  case "$1" in
    -a|--auto-servernum) shift ;;
    -s|-n|-f|-e|-p|--server-args|--server-num|--auth-file|--error-file|--xauth-protocol) shift 2 ;;
    *) break ;;
  esac
done
exec "$@"
SHIM
chmod +x "$work/bin/xvfb-run"
cd "$work"
if grep -q 'xvfb-run' commands.sh; then
  [ -n "$real_xvfb_run" ] || { echo "run_quickstart.sh: xvfb-run is not installed" >&2; exit 1; }
  PATH="$work/bin:$build/engine:$build/viz:$PATH" "$real_xvfb_run" -a -s "-screen 0 1600x900x24" sh -eux commands.sh
else
  PATH="$build/engine:$build/viz:$PATH" sh -eux commands.sh
fi
