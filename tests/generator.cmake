# The synthetic region generator (ricochet generate). Its properties (counts, shape, determinism) are unit tests
# (unit/scenario/region_generator_test.cpp); these check the command: files that validate, byte-identical reruns,
# a scenario that runs, input errors.
set(GENERATED ${CMAKE_CURRENT_BINARY_DIR}/generated)
add_test(NAME "generator: regions of several sizes and their scenarios validate without warnings"
         COMMAND sh -c "rm -rf ${GENERATED}/sizes && mkdir -p ${GENERATED}/sizes && for n in 10 150 1000; do $<TARGET_FILE:ricochet> generate --orgs $n --seed 9 --out ${GENERATED}/sizes/r$n.yaml --scenario ${GENERATED}/sizes/s$n.yaml || exit 1; done && $<TARGET_FILE:ricochet> validate ${GENERATED}/sizes/r10.yaml ${GENERATED}/sizes/s10.yaml ${GENERATED}/sizes/r150.yaml ${GENERATED}/sizes/s150.yaml ${GENERATED}/sizes/r1000.yaml ${GENERATED}/sizes/s1000.yaml")
set_tests_properties("generator: regions of several sizes and their scenarios validate without warnings" PROPERTIES
                     PASS_REGULAR_EXPRESSION "r10.yaml: ok \\(region, 0 warnings\\)\n.*s10.yaml: ok \\(scenario, 0 warnings\\)\n.*r150.yaml: ok \\(region, 0 warnings\\)\n.*s150.yaml: ok \\(scenario, 0 warnings\\)\n.*r1000.yaml: ok \\(region, 0 warnings\\)\n.*s1000.yaml: ok \\(scenario, 0 warnings\\)"
                     FAIL_REGULAR_EXPRESSION "error")
add_test(NAME "generator: same size and seed give the same bytes; another seed differs"
         COMMAND sh -c "rm -rf ${GENERATED}/same && mkdir -p ${GENERATED}/same && $<TARGET_FILE:ricochet> generate --orgs 300 --seed 4 --out ${GENERATED}/same/a.yaml && $<TARGET_FILE:ricochet> generate --orgs 300 --seed 4 --out ${GENERATED}/same/b.yaml && $<TARGET_FILE:ricochet> generate --orgs 300 --seed 5 --out ${GENERATED}/same/c.yaml && cmp ${GENERATED}/same/a.yaml ${GENERATED}/same/b.yaml && ! cmp -s ${GENERATED}/same/a.yaml ${GENERATED}/same/c.yaml")
add_test(NAME "generator: the count of organisations and assets is the one asked"
         COMMAND sh -c "rm -rf ${GENERATED}/count && mkdir -p ${GENERATED}/count && $<TARGET_FILE:ricochet> generate --orgs 240 --assets-per-org 12.5 --seed 2 --out ${GENERATED}/count/r.yaml && $<TARGET_FILE:ricochet> describe ${GENERATED}/count/r.yaml")
set_tests_properties("generator: the count of organisations and assets is the one asked" PROPERTIES
                     PASS_REGULAR_EXPRESSION "organisations: 240 \\(.*\n  assets: 3000 \\(")
add_test(NAME "generator: a whole run of the generated scenario"
         COMMAND sh -c "rm -rf ${GENERATED}/run && mkdir -p ${GENERATED}/run && $<TARGET_FILE:ricochet> generate --orgs 60 --seed 1 --out ${GENERATED}/run/regions/r.yaml --scenario ${GENERATED}/run/s.yaml && $<TARGET_FILE:ricochet> run ${GENERATED}/run/s.yaml --quiet --out ${GENERATED}/run/out && grep -q '\"kind\": *\"craps.activated\"' ${GENERATED}/run/out/journal.jsonl")
add_test(NAME "generator: too few organisations exits 2"
         COMMAND ${RUN_CHECK} --exit 2 -- $<TARGET_FILE:ricochet> generate --orgs 3 --out ${GENERATED}/none.yaml)
add_test(NAME "generator: too few assets per organisation exits 2 with the minimum"
         COMMAND ${RUN_CHECK} --exit 2 -- $<TARGET_FILE:ricochet> generate --orgs 100 --assets-per-org 1
                 --out ${GENERATED}/none.yaml)
set_tests_properties("generator: too few assets per organisation exits 2 with the minimum" PROPERTIES
                     PASS_REGULAR_EXPRESSION "error: --assets-per-org 1: 100 assets for 100 organisations, fewer than the [0-9]+ their structure needs \\(at least [0-9.]+ per organisation\\)")
# Found under hostile input: --assets-per-org 1e300 ran without end.
add_test(NAME "generator: an absurd asset count is refused with its bound"
         COMMAND ${RUN_CHECK} --exit 2 -- $<TARGET_FILE:ricochet> generate --orgs 10 --assets-per-org 1e300
                 --out ${GENERATED}/absurd.yaml)
set_tests_properties("generator: an absurd asset count is refused with its bound" PROPERTIES PASS_REGULAR_EXPRESSION
                     "--assets-per-org 1e\\+300 with --orgs 10: 1e\\+301 assets, more than the 1e\\+07 a generated region may have")
