#!/bin/bash
# A sharded sweep on a real single-node Slurm cluster. The test starts munged, slurmctld and slurmd (Debian's
# packages munge, slurmctld, slurmd, slurm-client) with its own key, configuration, ports and directories in a
# temporary directory, submits examples/cluster/slurm-batch.sh as an array of 4 shards, merges them as documented and
# checks that the merged aggregate.json, aggregate.csv, compare.json and compare.csv, and every run record, are
# byte-identical to the same batch on one machine. Every daemon it started is stopped and must be gone at the end.
# Exit 77 (skipped) when a program is missing or the test is not root (slurmd starts job steps as their user).
#   slurm_sweep.sh RICOCHET SLURM_BATCH_SCRIPT SCENARIO VARIANT...
set -euo pipefail
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }

for program in munged mungekey munge unmunge slurmctld slurmd sbatch sinfo squeue scancel; do
  command -v "$program" > /dev/null ||
    skip "$program is not installed (Debian packages: munge slurmctld slurmd slurm-client)"
done
[ "$(id -u)" = 0 ] || skip "not root: slurmd must run as root to start the array's job steps"

ricochet=$(realpath "$1") job_script=$(realpath "$2") scenario=$(realpath "$3")
shift 3
variants="base $*" runs=40 shards=4 seed=7

# A Slurm environment around the test (a CI job inside Slurm) must not leak into this cluster's commands.
for name in $(compgen -e); do
  case $name in SLURM_* | SBATCH_* | SQUEUE_* | SINFO_* | SCANCEL_*) unset "$name" ;; esac
done

umask 022
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ricochet-slurm.XXXXXX")
chmod 755 "$tmp" # munged wants its socket's directories searchable by everyone
export SLURM_CONF=$tmp/slurm.conf
socket=$tmp/munge/munge.socket
[ ${#socket} -lt 100 ] || fail "the munge socket path $socket is too long for a Unix socket: set TMPDIR shorter"

daemons=() # "name pid", in start order
logs() {
  for f in "$tmp"/log/*; do
    echo "--- $f" >&2
    tail -n 40 "$f" >&2
  done
}

# Stopped: exited (reaped or zombie) or gone.
stopped() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2> /dev/null | cut -d' ' -f1) || return 0
  [ -z "$state" ] || [ "$state" = Z ]
}

# Processes of this test still alive: their command line or working directory is in the temporary directory.
survivors() {
  local p cmd cwd
  for p in /proc/[0-9]*; do
    [ "${p#/proc/}" != $$ ] || continue
    cmd=$(tr "\0" " " 2> /dev/null < "$p/cmdline") || continue
    cwd=$(readlink "$p/cwd" 2> /dev/null) || cwd=
    case "$cmd|$cwd/" in *"$tmp"/*) stopped "${p#/proc/}" || echo "${p#/proc/} $cmd" ;; esac
  done
}

cleanup() {
  local rc=$? i entry name pid left
  set +e
  trap - EXIT INT TERM
  cd /
  if [ -n "${sbatch_pid:-}" ]; then
    kill -TERM "$sbatch_pid" 2> /dev/null
    wait "$sbatch_pid" 2> /dev/null
  fi
  if [ ${#daemons[@]} -ge 2 ]; then # the controller was started: cancel what is left of the array
    scancel --quiet --user=root > /dev/null 2>&1
    for _ in $(seq 30); do
      [ -z "$(squeue --noheader 2> /dev/null)" ] && break
      sleep 1
    done
  fi
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
    entry=${daemons[i]} name=${entry% *} pid=${entry#* }
    kill -TERM "$pid" 2> /dev/null
    for _ in $(seq 30); do
      stopped "$pid" && break
      sleep 1
    done
    stopped "$pid" || { echo "FAIL: $name ($pid) ignored SIGTERM: killed" >&2; kill -KILL "$pid"; rc=1; }
    wait "$pid" 2> /dev/null
  done
  left=$(survivors)
  if [ -n "$left" ]; then
    echo "FAIL: processes of the test survived its daemons:" >&2
    echo "$left" >&2
    for pid in $(echo "$left" | cut -d' ' -f1); do kill -KILL "$pid" 2> /dev/null; done
    rc=1
  elif [ $rc -ne 77 ]; then
    echo "stopped: ${daemons[*]}; no process of the test left"
  fi
  [ $rc -eq 0 ] || [ $rc -eq 77 ] || logs
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits up to 60 s for a command to succeed (a daemon coming up), else fails with the logs; fails at once when a
# daemon exited.
await() {
  local what=$1 entry
  shift
  for _ in $(seq 60); do
    "$@" > /dev/null 2>&1 && return 0
    for entry in "${daemons[@]}"; do
      stopped "${entry#* }" && fail "${entry% *} exited at start"
    done
    sleep 1
  done
  fail "$what"
}

# A TCP port nobody listens on (the packages' own daemons, if started, use 6817 and 6818).
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 20000))
    [ "$port" != "${1:-}" ] || continue
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return 0; }
  done
  return 1
}
ctld_port=$(free_port) || fail "no free TCP port for slurmctld"
slurmd_port=$(free_port "$ctld_port") || fail "no free TCP port for slurmd"

mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/bin" "$tmp/work"
cd "$tmp"
ln -s "$ricochet" "$tmp/bin/ricochet"

# munge: a key of its own and a socket of its own, not the package's (/etc/munge, /run/munge).
mungekey --create --keyfile="$tmp/munge/munge.key"
munged --foreground --key-file="$tmp/munge/munge.key" --socket="$socket" --pid-file="$tmp/munge/munged.pid" \
  --seed-file="$tmp/munge/munged.seed" > "$tmp/log/munged.log" 2>&1 &
daemons+=("munged $!")
munge_roundtrip() { munge --no-input --socket="$socket" | unmunge --socket="$socket"; }
await "munged did not answer on $socket" munge_roundtrip

# The node is this machine as slurmd sees it, named as 'hostname -s'.
node_line=$(slurmd -C | head -n 1)
node=$(hostname -s)
case "$node_line" in "NodeName=$node "*) ;; *) fail "slurmd -C describes '$node_line', not the host $node" ;; esac
: > "$tmp/plugstack.conf"
# No cgroup: processes are tracked through /proc (proctrack/linuxproc) and tasks are not confined (task/none), so no
# cgroup.conf is read and the test runs where cgroups are not delegated (containers).
cat > "$SLURM_CONF" << EOF
ClusterName=ricochet-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
PlugStackConfig=$tmp/plugstack.conf
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
EnforcePartLimits=ALL
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=sweep Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -f "$SLURM_CONF" > "$tmp/log/slurmctld.log" 2>&1 &
daemons+=("slurmctld $!")
await "slurmctld did not answer on port $ctld_port" sinfo
slurmd -D -f "$SLURM_CONF" > "$tmp/log/slurmd.log" 2>&1 &
daemons+=("slurmd $!")
node_idle() { [ "$(sinfo --noheader --Node --nodes="$node" --format=%T)" = idle ]; }
await "node $node did not become idle: $(sinfo --noheader --Node --format='%N %T %E' 2>&1)" node_idle
echo "cluster up: slurmctld on port $ctld_port, slurmd on port $slurmd_port, node $node ($(sinfo --version))"

# The sweep exactly as documented, with the test's size. The script asks 4 CPUs per task; the command line gives 1
# so that the 4 tasks fit a small node, 2 or more at a time.
cd "$tmp/work"
# In the background, so that an interrupted test cleans up at once.
PATH=$tmp/bin:$PATH RICOCHET_RUNS=$runs RICOCHET_VARIANTS=$variants RICOCHET_SEED=$seed \
  sbatch --array=1-$shards --cpus-per-task=1 --output="$tmp/log/task-%a.log" --wait \
  "$job_script" "$scenario" sweep &
sbatch_pid=$!
wait $sbatch_pid || fail "the array job failed"
sbatch_pid=
for k in $(seq $shards); do
  grep -q "^Shard $k/$shards done" "$tmp/log/task-$k.log" || fail "array task $k did not finish shard $k/$shards"
done
ricochet=$tmp/bin/ricochet
"$ricochet" merge sweep/shard-* --out sweep/all > /dev/null || fail "ricochet merge failed"

variant_options=()
for v in $variants; do variant_options+=(--variant "$v"); done
"$ricochet" batch "$scenario" --runs $runs --seed $seed "${variant_options[@]}" --out whole > /dev/null
for f in aggregate.json aggregate.csv compare.json compare.csv; do
  [ -s "whole/$f" ] || fail "whole/$f is missing or empty"
  cmp "whole/$f" "sweep/all/$f" || fail "$f of the merged shards differs from the batch on one machine"
done
records=0
for f in whole/runs/*/*.json; do
  name=${f#whole/}
  found=()
  for shard in sweep/shard-*; do [ ! -f "$shard/$name" ] || found+=("$shard/$name"); done
  [ ${#found[@]} -eq 1 ] || fail "$name is in ${#found[@]} shards, not in exactly one"
  cmp "$f" "${found[0]}" || fail "$name differs between its shard and the batch on one machine"
  records=$((records + 1))
done
[ $records -eq $((runs * ${#variant_options[@]} / 2)) ] || fail "the batch on one machine holds $records run records"
echo "sweep: $shards array tasks merged; aggregate.json, aggregate.csv, compare.json, compare.csv and $records run" \
  "records identical to the batch on one machine"
