#!/bin/sh
# Install, build, run the whole test suite.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
cd build
ctest --output-on-failure -j"$(nproc)"
