#!/bin/bash
# A large what-if sweep on a Slurm cluster: one array task per shard, then one merge.
#   sbatch --array=1-50 examples/cluster/slurm-batch.sh scenarios/exercises/exercise-2026.yaml sweep
#   (when all tasks are done)  ricochet merge sweep/shard-* --out sweep/all
# Every task runs the same seeds it would run in one big batch: the merged result is identical to
# 'ricochet batch --runs 100000' with the same variants on one machine. GNU parallel over ssh works the same way
# (one shard per job). sbatch passes the environment on, so these variables set the sweep:
#   RICOCHET_RUNS      runs per variant (100000)
#   RICOCHET_VARIANTS  variants, space-separated, the first is the baseline
#                      ("base offline-backups segmented hardened-identity")
#   RICOCHET_SEED      first seed (the scenario's)
#   RICOCHET_JOBS      runs at once in a task (the task's CPUs: --cpus-per-task, 4 below)
#   RICOCHET_SHARDS    number of shards (the array's size); set it when resubmitting only some tasks,
#                      e.g. RICOCHET_SHARDS=50 sbatch --array=7,12 ...
# A task that was interrupted resumes where it stopped when it runs again (--resume).
#SBATCH --job-name=ricochet-sweep
#SBATCH --cpus-per-task=4
#SBATCH --time=01:00:00
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: sbatch --array=1-M $0 SCENARIO OUT_DIR" >&2
  exit 2
fi
scenario=$1 out=$2
task=${SLURM_ARRAY_TASK_ID:?"not an array task: submit with sbatch --array=1-M"}
# Shard K of M is array task K: the array must be 1-M, unless RICOCHET_SHARDS says M.
if [ -n "${RICOCHET_SHARDS:-}" ]; then
  shards=$RICOCHET_SHARDS
elif [ "${SLURM_ARRAY_TASK_MIN:-}" = 1 ] && [ "${SLURM_ARRAY_TASK_MAX:-}" = "${SLURM_ARRAY_TASK_COUNT:-}" ]; then
  shards=$SLURM_ARRAY_TASK_COUNT
else
  echo "the array is not 1-M (tasks ${SLURM_ARRAY_TASK_MIN:-?}..${SLURM_ARRAY_TASK_MAX:-?}," \
       "${SLURM_ARRAY_TASK_COUNT:-?} of them): set RICOCHET_SHARDS to the number of shards" >&2
  exit 2
fi
variants=()
for v in ${RICOCHET_VARIANTS:-base offline-backups segmented hardened-identity}; do
  variants+=(--variant "$v")
done
seed=()
if [ -n "${RICOCHET_SEED:-}" ]; then
  seed=(--seed "$RICOCHET_SEED")
fi
ricochet batch "$scenario" --runs "${RICOCHET_RUNS:-100000}" --jobs "${RICOCHET_JOBS:-${SLURM_CPUS_PER_TASK:-4}}" \
  "${variants[@]}" ${seed[@]+"${seed[@]}"} --shard "$task/$shards" --out "$out/shard-$task" --resume
