# A sharded sweep on a real single-node Slurm cluster started by the test.
