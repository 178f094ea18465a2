# The scenario library: sizes of the reference region, every scenario runs.

# The reference region holds the sizes and the structure its README claims, and keeps the teaching region's ids
# and structure (the 2026 exercise's attack, playbooks and rules name them).
add_test(NAME "library: the reference region holds its sizes and structure"
         COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/docs/reference_region_check.py $<TARGET_FILE:ricochet>
                 ${PROJECT_SOURCE_DIR}/scenarios/regions/bourgogne-franche-comte.yaml
                 ${PROJECT_SOURCE_DIR}/scenarios/regions/doubs-jura.yaml)
add_test(NAME "library: the reference region validates with no warning"
         COMMAND $<TARGET_FILE:ricochet> validate ${PROJECT_SOURCE_DIR}/scenarios/regions/bourgogne-franche-comte.yaml)
set_tests_properties("library: the reference region validates with no warning" PROPERTIES
                     PASS_REGULAR_EXPRESSION "bourgogne-franche-comte.yaml: ok \\(region, 0 warnings\\)")
# The tool that writes the region still produces a valid region from its tables (hand edits to the committed file
# are allowed, so the two are not compared byte for byte).
add_test(NAME "library: the reference region tool writes a valid region"
         COMMAND sh -c "${PYTHON3} \"$1\" \"$2\" && \"$3\" validate \"$2\"" sh
                 ${PROJECT_SOURCE_DIR}/scenarios/regions/tools/make_reference_region.py
                 ${CMAKE_CURRENT_BINARY_DIR}/reference-region-regenerated.yaml $<TARGET_FILE:ricochet>)
set_tests_properties("library: the reference region tool writes a valid region" PROPERTIES
                     PASS_REGULAR_EXPRESSION "reference-region-regenerated.yaml: ok \\(region, 0 warnings\\)")
