# Reliability: resource limits on inputs, fuzzing regressions, killed runs, determinism across processes.

# Resource limits: huge files, endless files, chronogramme rows, cells, zip bombs (inputs generated at run time).
# The nesting and alias bombs are small files in data/invalid/, checked by the catalogue unit test.
add_test(NAME "reliability: input limits answer huge and hostile files with one clear error"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/input_limits.sh $<TARGET_FILE:ricochet>
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/sim ${CMAKE_CURRENT_BINARY_DIR}/input-limits)
