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

# Every scenario of the library runs as its README says, and shows what the README says it shows.
set(LIB_OUT ${CMAKE_CURRENT_BINARY_DIR}/library)
add_test(NAME "library: the 2026 exercise runs with its report and its chronogramme"
         COMMAND sh -c "rm -rf \"$2\" && mkdir -p \"$2\" && \"$1\" run \"$3\" --out \"$2/exercise\" --report --quiet && test -s \"$2/exercise/report.html\" && \"$1\" msel \"$3\" --out \"$2/chronogramme.xlsx\" && test -s \"$2/chronogramme.xlsx\" && \"$1\" msel \"$3\" --out \"$2/chronogramme.csv\" && grep -q '^finex;21/10 12:00' \"$2/chronogramme.csv\" && grep -q 'craps.activated' \"$2/exercise/journal.jsonl\""
                 sh $<TARGET_FILE:ricochet> ${LIB_OUT}/2026 ${PROJECT_SOURCE_DIR}/scenarios/exercises/exercise-2026.yaml)
add_test(NAME "library: the SaaS vendor scenario puts pressure on emergency departments and pharmacies"
         COMMAND sh -c "mkdir -p \"$2\" && \"$1\" run \"$3\" --out \"$2\" > \"$2/timeline.txt\" && grep -q 'cabinet-pontarlier/primary_care down' \"$2/timeline.txt\" && grep -q 'org.load  *pharmacie-.* overloaded' \"$2/timeline.txt\" && grep -q 'org.load  *ch-.* overloaded' \"$2/timeline.txt\" && grep -q 'cabinet-pontarlier/primary_care up' \"$2/timeline.txt\""
                 sh $<TARGET_FILE:ricochet> ${LIB_OUT}/saas ${PROJECT_SOURCE_DIR}/scenarios/exercises/saas-gp-vendor.yaml)
add_test(NAME "library: the laboratory provider scenario stops the results flow and restores from immutable backups"
         COMMAND sh -c "mkdir -p \"$2\" && \"$1\" run \"$3\" --out \"$2\" > \"$2/timeline.txt\" && grep -q 'delete-backups blocked' \"$2/timeline.txt\" && grep -q 'ch-cote-de-beaune/emergency down  (needs bb-lis' \"$2/timeline.txt\" && grep -q 'bb-lis ok  (restore from bb-backup)' \"$2/timeline.txt\""
                 sh $<TARGET_FILE:ricochet> ${LIB_OUT}/lab ${PROJECT_SOURCE_DIR}/scenarios/exercises/lab-provider.yaml)
add_test(NAME "library: the intrusion contained early never reaches the servers but cuts the partners off"
         COMMAND sh -c "mkdir -p \"$2\" && \"$1\" run \"$3\" --out \"$2\" > \"$2/timeline.txt\" && grep -q 'to-servers blocked' \"$2/timeline.txt\" && ! grep -q 'asset.encrypted' \"$2/timeline.txt\" && grep -q 'ch-morteau/inpatient down  (needs mo-dpi (unreachable))' \"$2/timeline.txt\""
                 sh $<TARGET_FILE:ricochet> ${LIB_OUT}/contained ${PROJECT_SOURCE_DIR}/scenarios/whatif/contained-early.yaml)
add_test(NAME "library: the segmentation scenario runs its variants and MFA on remote access stops the attack"
         COMMAND sh -c "rm -rf \"$2\" && mkdir -p \"$2\" && \"$1\" batch \"$3\" --runs 2 --jobs 2 --variant base --variant no-ght-trust --variant mfa-remote-access --variant immutable-backups --variant partner-hosting-apart --variant all-four --out \"$2/batch\" > /dev/null && \"$1\" run \"$3\" --variant mfa-remote-access --out \"$2/mfa\" > \"$2/mfa.txt\" && ! grep -q 'asset.encrypted' \"$2/mfa.txt\""
                 sh $<TARGET_FILE:ricochet> ${LIB_OUT}/segmentation ${PROJECT_SOURCE_DIR}/scenarios/whatif/segmentation.yaml)
