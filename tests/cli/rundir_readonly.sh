#!/bin/sh
# --out in a directory the user cannot write: exit 2 with the advice, before simulating. Root writes anywhere, so as
# root the run is made as 'nobody' (runuser); this covers the rights check. A read-only file system (EROFS) takes the
# same path and is not tested separately.
#   rundir_readonly.sh RICOCHET SCENARIO WORKDIR
set -eu
ricochet=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work/ro"
chmod 755 "$work/ro"
if [ "$(id -u)" -eq 0 ]; then
  # 'nobody' must reach the program and the scenario, which may lie under a directory only root can enter (a
  # checkout made with mktemp -d): copies in a directory everyone can enter.
  shared=$(mktemp -d /tmp/ricochet-readonly.XXXXXX)
  trap 'rm -rf "$shared"' EXIT
  chmod 755 "$shared"
  cp "$ricochet" "$shared/ricochet" && cp -r "$(dirname "$scenario")" "$shared/data" && mkdir -m 755 "$shared/ro"
  chmod -R a+rX "$shared/data"
  set +e
  runuser -u nobody -- "$shared/ricochet" run "$shared/data/$(basename "$scenario")" --quiet --out "$shared/ro"
  status=$?
  exit $status
fi
chmod 555 "$work/ro"
exec "$ricochet" run "$scenario" --quiet --out "$work/ro"
