# Defects found under hostile scenario input: each test failed before its fix.

# 1. The scenario ends during an encryption: run, msel and batch end cleanly (they aborted in SimGrid).
set(HOSTILE_OUT ${CMAKE_CURRENT_BINARY_DIR}/hostile)
set(SIM_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data/sim)
add_test(NAME "hostile: run ends cleanly during an encryption and journals it unfinished"
         COMMAND ${RUN_CHECK} --exit 0 --cwd ${SIM_DATA} -- sh -c "rm -rf \"$1\" && \"$0\" run encryption-cut.yaml --out \"$1\" --quiet && grep -F '\"kind\":\"attack.effect\",\"subject\":\"app1\",\"state\":\"unfinished\",\"cause\":6,\"details\":{\"action\":\"encrypt\",\"asset\":\"app1\",\"bytes\":1000000000000.0,\"bytes_done\":360000000000.0,\"duration_s\":3600.0,\"reason\":\"the scenario ended\",\"step\":\"encrypt\",\"technique\":\"T1486\"}' \"$1/journal.jsonl\""
                 $<TARGET_FILE:ricochet> ${HOSTILE_OUT}/encryption-cut-run)
add_test(NAME "hostile: msel ends cleanly when the scenario ends during an encryption"
         COMMAND ${RUN_CHECK} --exit 0 --cwd ${SIM_DATA} -- sh -c "mkdir -p \"$1\" && \"$0\" msel encryption-cut.yaml --out \"$1/msel.csv\""
                 $<TARGET_FILE:ricochet> ${HOSTILE_OUT}/encryption-cut-msel)
set_tests_properties("hostile: msel ends cleanly when the scenario ends during an encryption"
                     PROPERTIES PASS_REGULAR_EXPRESSION "Wrote .*/msel.csv")
add_test(NAME "hostile: batch completes when its runs end during an encryption"
         COMMAND ${RUN_CHECK} --exit 0 --cwd ${SIM_DATA} -- sh -c "rm -rf \"$1\" && \"$0\" batch encryption-cut.yaml --runs 3 --jobs 2 --out \"$1\""
                 $<TARGET_FILE:ricochet> ${HOSTILE_OUT}/encryption-cut-batch)
