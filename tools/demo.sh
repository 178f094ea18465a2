#!/bin/sh
# The main job on the bundled reference scenario: install, build, validate, simulate (timeline on the terminal,
# journal, summary and care series in out/exercise-2026/), explain why the hosted partner lost its patient
# record, and write the chronogramme of injects.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
scenario=scenarios/exercises/exercise-2026.yaml
./build/engine/ricochet validate "$scenario"
./build/engine/ricochet run "$scenario" --out out/exercise-2026
./build/engine/ricochet why out/exercise-2026 mo-dpi --at "2026-10-18 06:00"
./build/engine/ricochet msel "$scenario" --out out/exercise-2026/chronogramme.csv
