# Reliability: resource limits on inputs, fuzzing regressions, killed runs, determinism across processes.

# Resource limits: huge files, endless files, chronogramme rows, cells, zip bombs (inputs generated at run time).
# The nesting and alias bombs are small files in data/invalid/, checked by the catalogue unit test.
add_test(NAME "reliability: input limits answer huge and hostile files with one clear error"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/input_limits.sh $<TARGET_FILE:ricochet>
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/sim ${CMAKE_CURRENT_BINARY_DIR}/input-limits)

# Fuzzing regressions: each input in data/fuzz/ is what a harness of fuzz/ found (see docs/fuzzing.md), run through
# the command a user would run, with the exact answer it must give now.
set(FUZZ_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data/fuzz)
add_test(NAME "reliability: fuzz regression - a link without ends is reported and not an internal error"
         COMMAND ${RUN_CHECK} --exit 2 --cwd ${FUZZ_DATA} -- $<TARGET_FILE:ricochet> validate link-without-ends.yaml)
set_tests_properties("reliability: fuzz regression - a link without ends is reported and not an internal error"
                     PROPERTIES PASS_REGULAR_EXPRESSION
                     "link-without-ends.yaml:4:3: error: missing required key 'from' in link 'v'\nlink-without-ends.yaml:4:3: error: missing required key 'to' in link 'v'\nlink-without-ends.yaml:4:3: error: missing required key 'flows' in link 'v'\nlink-without-ends.yaml: invalid \\(3 errors\\)")
add_test(NAME "reliability: fuzz regression - a misspelt top-level key makes the scenario invalid"
         COMMAND ${RUN_CHECK} --exit 2 --cwd ${FUZZ_DATA} -- $<TARGET_FILE:ricochet> validate scenario-misspelt-key.yaml)
set_tests_properties("reliability: fuzz regression - a misspelt top-level key makes the scenario invalid"
                     PROPERTIES PASS_REGULAR_EXPRESSION
                     "scenario-misspelt-key.yaml:5:1: error: unknown key 'durtion' in scenario; did you mean 'duration'\\?\nscenario-misspelt-key.yaml: invalid \\(1 error\\)")
set(IMPORT_COPY ${CMAKE_CURRENT_SOURCE_DIR}/cli/import_copy.sh $<TARGET_FILE:ricochet> ${CMAKE_CURRENT_SOURCE_DIR}/data/sim)
add_test(NAME "reliability: fuzz regression - an XLSX cell that is not UTF-8 is refused"
         COMMAND ${RUN_CHECK} --exit 2 --cwd ${FUZZ_DATA} --
                 ${IMPORT_COPY} ${CMAKE_CURRENT_BINARY_DIR}/fuzz-xlsx cell-not-utf8.xlsx)
set_tests_properties("reliability: fuzz regression - an XLSX cell that is not UTF-8 is refused"
                     PROPERTIES PASS_REGULAR_EXPRESSION "^cell-not-utf8.xlsx:2:3: error: this cell is not UTF-8 text\n$")
add_test(NAME "reliability: fuzz regression - a Windows-1252 CSV imports with its accents"
         COMMAND ${RUN_CHECK} --exit 0 --cwd ${FUZZ_DATA} --
                 ${IMPORT_COPY} ${CMAKE_CURRENT_BINARY_DIR}/fuzz-cp1252 chronogramme-cp1252.csv)
set_tests_properties("reliability: fuzz regression - a Windows-1252 CSV imports with its accents"
                     PROPERTIES PASS_REGULAR_EXPRESSION "      stimulus:\n        fr: \"Début de l'exercice – consignes €\"\n")

# Crash-safe outputs and determinism across processes.
add_test(NAME "reliability: outputs killed at random points are the old or the new file never a partial one"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/kill_outputs.sh $<TARGET_FILE:ricochet>
                 ${PROJECT_SOURCE_DIR}/scenarios/exercises/exercise-2026.yaml ${CMAKE_CURRENT_BINARY_DIR}/kill-outputs 40)
add_test(NAME "reliability: batch and run outputs are identical across --jobs values shards and processes"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/jobs_determinism.sh $<TARGET_FILE:ricochet>
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/sim/exponential.yaml same ${CMAKE_CURRENT_BINARY_DIR}/jobs-determinism)
