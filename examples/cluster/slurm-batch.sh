#!/bin/bash
# A large what-if sweep on a Slurm cluster: one array task per shard, then one merge.
#   sbatch --array=1-50 examples/cluster/slurm-batch.sh scenarios/exercises/exercise-2026.yaml sweep
#   (when all tasks are done)  ricochet merge sweep/shard-* --out sweep/all
# Every task runs the same seeds it would run in one big batch: the merged result is identical to
# 'ricochet batch --runs 100000' on one machine. GNU parallel over ssh works the same way (one shard per job).
#SBATCH --job-name=ricochet-sweep
#SBATCH --cpus-per-task=4
#SBATCH --time=01:00:00
set -euo pipefail
scenario=$1 out=$2
shards=${SLURM_ARRAY_TASK_COUNT:-50}
ricochet batch "$scenario" --runs 100000 --jobs "${SLURM_CPUS_PER_TASK:-4}" \
  --variant base --variant offline-backups --variant segmented --variant hardened-identity \
  --shard "${SLURM_ARRAY_TASK_ID}/${shards}" --out "$out/shard-${SLURM_ARRAY_TASK_ID}" --resume
