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

# 4. Daylight saving, one rule in core for every caller: the chronogramme importer, on a copy of injects.yaml moved
# to the spring-forward night (Europe/Paris, 29 March 2026, 02:00 -> 03:00; the start 22:00 CET).
set(HOSTILE_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data/hostile)
set(IMPORT_DST sh -c "rm -rf \"$1\" && mkdir -p \"$1\" && cp -r \"$2\"/. \"$1\"/ && sed -i 's/^start: .*/start: 2026-03-28 22:00/' \"$1/injects.yaml\" && \"$0\" msel \"$1/injects.yaml\" --import \"$3\" && grep -A1 '^    - id: \"h' \"$1/injects.yaml\"")
add_test(NAME "hostile: an imported time of day that daylight saving skips is the end of the gap"
         COMMAND ${RUN_CHECK} --exit 0 -- ${IMPORT_DST} $<TARGET_FILE:ricochet> ${HOSTILE_OUT}/dst-time-of-day ${SIM_DATA}
                 ${HOSTILE_DATA}/dst-time-of-day.csv)
set_tests_properties("hostile: an imported time of day that daylight saving skips is the end of the gap"
                     PROPERTIES PASS_REGULAR_EXPRESSION "    - id: \"h1\"\n      at: T\\+14400s\n")
add_test(NAME "hostile: an imported date and time that daylight saving skips is an error with the real times"
         COMMAND ${RUN_CHECK} --exit 2 -- ${IMPORT_DST} $<TARGET_FILE:ricochet> ${HOSTILE_OUT}/dst-date-time ${SIM_DATA}
                 ${HOSTILE_DATA}/dst-date-time.csv)
set_tests_properties("hostile: an imported date and time that daylight saving skips is an error with the real times"
                     PROPERTIES PASS_REGULAR_EXPRESSION
                     "dst-date-time.csv:3:2: error: '29/03 02:30': '2026-03-29 02:30' does not exist in Europe/Paris \\(clocks go from 02:00 straight to 03:00 that day\\); did you mean 03:30 or 01:30\\?\n")
# The same rule for `why --at` (the baseline took the skipped time silently).
add_test(NAME "hostile: why --at a date-time that daylight saving skips is an error with the real times"
         COMMAND ${RUN_CHECK} --exit 2 --cwd ${SIM_DATA} -- sh -c "rm -rf \"$1\" && \"$0\" run dst-spring-forward.yaml --quiet --out \"$1\" && \"$0\" why \"$1\" app1 --at '2026-03-29 02:30'"
                 $<TARGET_FILE:ricochet> ${HOSTILE_OUT}/dst-why)
set_tests_properties("hostile: why --at a date-time that daylight saving skips is an error with the real times"
                     PROPERTIES PASS_REGULAR_EXPRESSION
                     "^error: --at: '2026-03-29 02:30' does not exist in Europe/Paris \\(clocks go from 02:00 straight to 03:00 that day\\); did you mean 03:30 or 01:30\\?\n$")
