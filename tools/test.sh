#!/bin/sh
# Install, build, run the whole test suite.
set -eu
cd "$(dirname "$0")/.."
# The suite also opens the HTML report in a headless browser, draws the viewer's frames under Xvfb and starts a
# single-node Slurm cluster (tests/cluster/slurm_sweep.sh).
RICOCHET_TESTS=ON RICOCHET_EXTRA_PACKAGES="chromium xvfb xauth python3 python3-yaml unzip munge slurmctld slurmd slurm-client" sh tools/setup.sh
cd build
ctest --output-on-failure -j"$(nproc)"
