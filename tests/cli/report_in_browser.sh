#!/bin/sh
# The report of the reference exercise in headless Chromium: it loads offline with no request and no console
# message, key figures and charts are there; a screenshot is kept for people (report.png).
#   report_in_browser.sh RICOCHET SCENARIO WORKDIR
set -eu
ricochet=$1 scenario=$2 work=$3
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (tools/test.sh installs it)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
"$ricochet" run "$scenario" --quiet --report --out "$work/run"
html="$work/run/report.html"
# Nothing to fetch: no src/href pointing elsewhere (the SVG namespace is a name, not a request).
if grep -Eo '(src|href)="[^"#][^"]*"' "$html" | grep -q .; then
  echo "the report refers to external resources" >&2; exit 1
fi
flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --disable-default-apps --user-data-dir=$work/profile
  --enable-logging=stderr --v=0"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$html" > "$work/dom.html" 2> "$work/console.log"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1000,2600 --screenshot="$work/report.png" "file://$html" \
  >/dev/null 2>>"$work/console.log"
for needle in "Chiffres clés" "Activation de la CRAPS" "<svg" "<polyline" "Le chemin d'attaque" "vpn-access"; do
  grep -qF "$needle" "$work/dom.html" || { echo "the loaded page lacks: $needle" >&2; exit 1; }
done
if grep -E "CONSOLE|Uncaught|Refused to|net::ERR" "$work/console.log"; then
  echo "the page logged errors or tried to load something (see above)" >&2; exit 1
fi
[ -s "$work/report.png" ] || { echo "no screenshot" >&2; exit 1; }
echo "report loaded in $browser: key figures and charts present, no request, no console message"
