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
  exec runuser -u nobody -- "$ricochet" run "$scenario" --quiet --out "$work/ro"
fi
chmod 555 "$work/ro"
exec "$ricochet" run "$scenario" --quiet --out "$work/ro"
