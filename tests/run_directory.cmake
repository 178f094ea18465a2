# Run directories consistent as a whole and locked; command-line values checked: each test failed before its fix.
set(RD ${CMAKE_CURRENT_BINARY_DIR}/run-directory)
set(RD_SIM ${CMAKE_CURRENT_SOURCE_DIR}/data/sim)
set(RD_EXERCISE ${PROJECT_SOURCE_DIR}/scenarios/exercises/exercise-2026.yaml)
set(RICOCHET $<TARGET_FILE:ricochet>)
file(MAKE_DIRECTORY ${RD})

# rd_check(NAME EXIT REGEX COMMAND...): the command exits EXIT and its output matches REGEX.
function(rd_check name exit_code regex)
  add_test(NAME "rundir: ${name}" COMMAND ${RUN_CHECK} --exit ${exit_code} -- ${ARGN})
  set_tests_properties("rundir: ${name}" PROPERTIES PASS_REGULAR_EXPRESSION "${regex}")
endfunction()

# 1. A directory holds one whole run or is refused; one writer at a time.
add_test(NAME "rundir: a journal of another run beside the rest is refused by report why and attack-layer"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/rundir_mix.sh ${RICOCHET} ${RD_SIM}/exponential.yaml ${RD}/mix)
add_test(NAME "rundir: a full disk midway leaves the directory refused as a whole not a mix of two runs"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/rundir_full_disk.sh ${RICOCHET} ${RD_EXERCISE} ${RD}/full-disk)
set_tests_properties("rundir: a full disk midway leaves the directory refused as a whole not a mix of two runs"
                     PROPERTIES SKIP_RETURN_CODE 77)
# The lock is held by flock(1) for the whole of the second run: no timing involved.
rd_check("a second run in a directory another run is writing is refused" 2
         "^${RD}/locked: error: another run is writing there; wait for it to end, or choose another --out\n$"
         sh -c "rm -rf ${RD}/locked && mkdir -p ${RD}/locked && flock ${RD}/locked/.ricochet.lock ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/locked")
rd_check("report does not write over a file of a run" 2
         "summary.json: error: this file belongs to the run in .*/own (its manifest names it); choose another --out\n$"
         sh -c "rm -rf ${RD}/own && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/own && ${RICOCHET} report ${RD}/own --out ${RD}/own/summary.json")
rd_check("a new run without --report removes the old run's report" 0 "^gone\n$"
         sh -c "rm -rf ${RD}/stale && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --report --out ${RD}/stale && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --seed 7 --out ${RD}/stale && test ! -e ${RD}/stale/report.html && echo gone")

# 2. Places that cannot be written and engine flags: exit 2 saying what to change.
file(WRITE ${RD}/a-file "")
rd_check("--out naming a file exits 2" 2 "a-file: error: --out names a file, not a directory; choose another --out\n$"
         ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/a-file)
rd_check("--out inside a file exits 2" 2
         "a-file/run: error: cannot create the directory: Not a directory \\(a part of the path is a file, not a directory\\)\n$"
         ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/a-file/run)
rd_check("--out under /proc exits 2" 2
         "^/proc/ricochet-run: error: cannot create the directory: No such file or directory \\(its directory does not exist\\)\n$"
         ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out /proc/ricochet-run)
rd_check("--out a dangling symbolic link exits 2" 2
         "dangling: error: --out is a symbolic link to '.*/nowhere', which does not exist; create it or choose another --out\n$"
         sh -c "ln -sfn ${RD}/nowhere ${RD}/dangling && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/dangling")
rd_check("--out a symbolic link to a directory writes the run there" 0 "^complete\n$"
         sh -c "rm -rf ${RD}/linked-target ${RD}/linked && mkdir ${RD}/linked-target && ln -s ${RD}/linked-target ${RD}/linked && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/linked && ${RICOCHET} why ${RD}/linked-target phish > /dev/null && echo complete")
rd_check("report --out a directory exits 2" 2
         "report-dir: error: cannot replace: Is a directory \\(it is a directory: name a file\\)\n$"
         sh -c "rm -rf ${RD}/report-run ${RD}/report-dir && mkdir ${RD}/report-dir && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/report-run && ${RICOCHET} report ${RD}/report-run --out ${RD}/report-dir")
rd_check("--out in a directory the user cannot write exits 2" 2
         "ro: error: cannot write in the directory: Permission denied \\(choose a place you can write to\\)\n$"
         ${CMAKE_CURRENT_SOURCE_DIR}/cli/rundir_readonly.sh ${RICOCHET} ${RD_SIM}/exponential.yaml ${RD}/readonly)
# SimGrid flags: only those that leave results unchanged are passed (docs/faq.md). Others aborted the process (an
# unknown model, a stack of 0 bytes, a log file it cannot open), spun (a precision of 0), or silently changed the
# results with no trace in the run (a bandwidth factor): each is refused before the engine starts.
set(RD_FLAGS_ACCEPTED "; ricochet passes SimGrid only --cfg=contexts/factory:raw\\|ucontext\\|boost\\|thread, --cfg=contexts/stack-size:KIB \\(256 to 65536\\) and --log=CATEGORY.threshold:LEVEL \\(trace, debug, verbose, info, warning, error, critical\\)\n$")
foreach(case "cfg|nope:1|not a setting ricochet passes" "cfg|nope|expected --cfg=KEY:VALUE"
             "cfg|host/model:nope|ricochet's timing is its own .*" "cfg|network/model:LV08|ricochet's timing is its own .*"
             "cfg|network/bandwidth-factor:0.001|ricochet's timing is its own .*"
             "cfg|surf/precision:0|ricochet's timing is its own .*" "cfg|contexts/factory:nope|unknown contexts/factory"
             "cfg|contexts/stack-size:0|the stack size is a whole number of KiB from 256 to 65536"
             "cfg|plugin:foo|not a setting ricochet passes" "cfg|tracing:yes|not a setting ricochet passes"
             "log|root.bogus:x|only the threshold of a log category may be set"
             "log|root.app:file:/nonexistent/x|only the threshold of a log category may be set"
             "log|root.thresh:bogus|unknown log level 'bogus'")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 kind)
  list(GET parts 1 flag)
  list(GET parts 2 why)
  rd_check("--${kind}=${flag} is refused before the engine starts" 2 "^error: '--${kind}=${flag}': ${why}${RD_FLAGS_ACCEPTED}"
           ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/cfg --${kind}=${flag})
endforeach()
rd_check("the SimGrid flags that leave results unchanged are passed" 0 "^$"
         ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ${RD}/cfg-ok --cfg=contexts/factory:thread
         --cfg=contexts/stack-size:256 --log=root.threshold:critical)
# An unusable TMPDIR was an internal error (the XLSX export's scratch files went there): no output uses TMPDIR now
# (they are written beside the output), so the export succeeds whatever TMPDIR says.
rd_check("an unusable TMPDIR does not matter" 0 "^Wrote .*tmpdir.xlsx"
         env TMPDIR=/nonexistent ${RICOCHET} msel ${RD_SIM}/injects.yaml --out ${RD}/tmpdir.xlsx)
add_test(NAME "rundir: a damaged batch record is an input error for resume compare and merge"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/batch_damaged.sh ${RICOCHET} ${RD_SIM}/exponential.yaml ${RD}/damaged)

# 3. Values accepted but not meant.
rd_check("a negative seed is refused" 2
         "^--seed: '-1' is not a whole number \\(expected 0 to 18446744073709551615\\)\n"
         ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --seed -1 --out ${RD}/seed)
rd_check("a seed beyond 64 bits is refused" 2
         "^--seed: '18446744073709551616' is out of range \\(expected 0 to 18446744073709551615\\)\n"
         ${RICOCHET} batch ${RD_SIM}/exponential.yaml --runs 2 --seed 18446744073709551616 --out ${RD}/seed)
rd_check("a seed with a leading zero is decimal" 0 "^\"seed\": 10,\n$"
         sh -c "rm -rf ${RD}/seed010 && ${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --seed 010 --out ${RD}/seed010 && grep -o '\"seed\": [0-9]*,' ${RD}/seed010/summary.json")
rd_check("a shard count beyond 32 bits is refused" 2
         "^error: --shard expects K/M with 1 <= K <= M \\(e.g. 2/8\\), found '1/4294967297': M '4294967297' is out of range \\(expected 1 to 4\\), at most --runs shards\n$"
         ${RICOCHET} batch ${RD_SIM}/exponential.yaml --runs 4 --shard 1/4294967297 --out ${RD}/shard)
rd_check("--jobs 0 is refused" 2
         "^--jobs: '0' is out of range \\(expected 1 to 1024\\); omit --jobs to use every core\n"
         ${RICOCHET} batch ${RD_SIM}/exponential.yaml --runs 2 --jobs 0 --out ${RD}/jobs)
rd_check("a negative --jobs is refused" 2
         "^--jobs: '-1' is not a whole number \\(expected 1 to 1024\\); omit --jobs to use every core\n"
         ${RICOCHET} batch ${RD_SIM}/exponential.yaml --runs 2 --jobs -1 --out ${RD}/jobs)
rd_check("a variant given twice is refused" 2 "^error: --variant 'base' is given twice; give each variant once\n$"
         ${RICOCHET} batch ${RD_SIM}/exponential.yaml --runs 2 --variant base --variant base --out ${RD}/twice)
# (CMake drops empty arguments: the empty strings go through sh.)
rd_check("an empty --out is refused" 2 "^--out: is empty: name a directory\n"
         sh -c "${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --out ''")
rd_check("an empty --variant is refused" 2 "^--variant: is empty: name an id\n"
         sh -c "${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --variant '' --out ${RD}/empty")
rd_check("an empty --actions is refused" 2 "^--actions: is empty: name a file\n"
         sh -c "${RICOCHET} run ${RD_SIM}/exponential.yaml --quiet --actions '' --out ${RD}/empty")
rd_check("an empty graph --out is refused" 2 "^--out: is empty: name a file\n"
         sh -c "${RICOCHET} graph ${RD_SIM}/exponential.yaml --out ''")

# 4. A batch is its inputs, wherever it runs.
add_test(NAME "rundir: a batch is identified by its inputs not by the path typed nor where it ran"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/batch_identity.sh ${RICOCHET} ${RD_SIM} exponential.yaml ${RD}/identity)
