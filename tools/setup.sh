#!/bin/sh
# Installs what is missing (Debian 12 packages only), then configures and builds ricochet in ./build.
# Works as root or as a user with sudo. Re-running it is cheap: nothing is installed twice.
# The test suite is built only with RICOCHET_TESTS=ON (tools/test.sh): the main job needs none of its tools.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="cmake ninja-build g++ pkg-config tzdata
  libsimgrid-dev libboost-graph-dev libyaml-cpp-dev catch2 libcli11-dev nlohmann-json3-dev libfmt-dev
  libzip-dev libpugixml-dev libutfcpp-dev libxlsxwriter-dev libkainjow-mustache-dev libxxhash-dev
  libsfml-dev libx11-dev fonts-dejavu-core libgl1-mesa-dri
  ${RICOCHET_EXTRA_PACKAGES:-}"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "ricochet setup: installing$missing"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRICOCHET_WERROR=ON \
  -DRICOCHET_TESTS="${RICOCHET_TESTS:-OFF}" >/dev/null
cmake --build build -j"$(nproc)"
