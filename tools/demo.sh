#!/bin/sh
# The main job on the bundled reference scenario: install, build, then validate and describe it.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
scenario=scenarios/exercises/exercise-2026.yaml
./build/engine/ricochet validate "$scenario"
./build/engine/ricochet describe "$scenario"
