# A sharded sweep on a real single-node Slurm cluster started by the test.
add_test(NAME "cluster: a Slurm array of 4 shards merges to the aggregate of one batch"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cluster/slurm_sweep.sh $<TARGET_FILE:ricochet>
                 ${PROJECT_SOURCE_DIR}/examples/cluster/slurm-batch.sh
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/sim/exponential.yaml same)
# 77: munge or Slurm is not installed, or the test is not root (the reason is printed). The timeout only guards
# against a daemon that hangs; the test itself waits at most a minute for each daemon.
set_tests_properties("cluster: a Slurm array of 4 shards merges to the aggregate of one batch"
                     PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
