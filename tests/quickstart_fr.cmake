# The French persona quick starts, run literally like the English ones.
foreach(persona planificateur rssi formateur)
  add_test(NAME "docs: the French ${persona} quick start works as written"
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/docs/run_quickstart.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}
                   ${PROJECT_SOURCE_DIR}/docs/quickstart/fr/${persona}.md)
endforeach()
# Its block runs under an Xvfb of its own, like the English trainer's.
set_tests_properties("docs: the French formateur quick start works as written" PROPERTIES RESOURCE_LOCK xvfb)
