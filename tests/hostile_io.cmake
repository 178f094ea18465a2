# Defects found under hostile files given to the commands (actions files, chronogrammes): each test failed before its fix.

# Each case of cli/hostile_io.sh is one defect (or one family of hostile files): see the script for what it checks.
set(HOSTILE_IO ${CMAKE_CURRENT_SOURCE_DIR}/cli/hostile_io.sh)
foreach(case_and_name
    "actions-files|an actions file that is a device, a directory, a pipe or too large is refused; a BOM is accepted"
    "actions-times|a decision at an infinite, huge or late time is refused at its position"
    "why-times|why --at with an infinite or huge time is refused"
    "csv-injection|chronogramme cells that a spreadsheet takes for formulas are guarded and round-trip"
    "xlsx-text|XLSX export refuses what a cell cannot hold and import decodes the OOXML escapes"
    "extensions|chronogramme extensions are read in any case and others refused"
    "import-strict|chronogramme import refuses unclosed quotes, bad clock times and out-of-scenario times at their cell"
    "own-hostile|chronogramme import answers hostile CSV and XLSX files clearly"
    "xlsx-kill|a stopped or killed XLSX export leaves nothing in TMPDIR")
  string(REPLACE "|" ";" parts "${case_and_name}")
  list(GET parts 0 case)
  list(GET parts 1 name)
  add_test(NAME "hostile io: ${name}"
           COMMAND ${HOSTILE_IO} $<TARGET_FILE:ricochet> ${CMAKE_CURRENT_SOURCE_DIR}/data
                   ${CMAKE_CURRENT_BINARY_DIR}/hostile-io/${case} ${case})
endforeach()

# The cell text rules behind them (formula guard, OOXML escapes), as properties.
target_sources(ricochet_unit_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/unit/io/cell_text_test.cpp)
