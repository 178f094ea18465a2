#!/bin/sh
# Imports a chronogramme into a copy of the test scenario injects.yaml, as a user would, and prints the imported
# injects' stimuli, so that a test can check the exact errors (exit 2) or the exact texts imported.
#   import_copy.sh RICOCHET SIM_DATA_DIR WORKDIR CHRONOGRAMME
set -u
ricochet=$1 data=$2 work=$3 chronogramme=$4
rm -rf "$work" && mkdir -p "$work" && cp -r "$data"/. "$work"/ || exit 99
"$ricochet" msel "$work/injects.yaml" --import "$chronogramme" || exit $?
grep -A1 '^      stimulus:$' "$work/injects.yaml"
