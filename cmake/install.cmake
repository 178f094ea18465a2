# What `cmake --install` puts where, and the Debian package built from it by CPack:
#   cmake --build build --target package   ->   build/ricochet_<version>_amd64.deb
# Programs on PATH, the scenario library and examples in share/ricochet, the guides in share/doc/ricochet, man pages
# made from the programs' own --help by help2man, bash completion.
include(GNUInstallDirs)

install(TARGETS ricochet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(RICOCHET_VIEWER)
  install(TARGETS ricochet-view RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(RICOCHET_SHARE ${CMAKE_INSTALL_DATADIR}/ricochet)
install(DIRECTORY scenarios/ DESTINATION ${RICOCHET_SHARE}/scenarios PATTERN __pycache__ EXCLUDE)
# The examples' CMakeLists.txt registers them as tests of this source tree; it means nothing once installed.
install(DIRECTORY examples/ DESTINATION ${RICOCHET_SHARE}/examples PATTERN CMakeLists.txt EXCLUDE)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES tools/completion/ricochet tools/completion/ricochet-view
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# Man pages from --help and --version, so that they cannot drift from the programs. help2man is needed only here.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(MAN_DIR ${PROJECT_BINARY_DIR}/man)
  set(MAN_PAGES ${MAN_DIR}/ricochet.1.gz)
  add_custom_command(OUTPUT ${MAN_DIR}/ricochet.1.gz
    COMMAND sh ${PROJECT_SOURCE_DIR}/tools/manpage.sh $<TARGET_FILE:ricochet> ${MAN_DIR}/ricochet.1
            "regional cyber-crisis exercise simulator for health territories"
    DEPENDS ricochet ${PROJECT_SOURCE_DIR}/tools/manpage.sh VERBATIM)
  if(RICOCHET_VIEWER)
    list(APPEND MAN_PAGES ${MAN_DIR}/ricochet-view.1.gz)
    add_custom_command(OUTPUT ${MAN_DIR}/ricochet-view.1.gz
      COMMAND sh ${PROJECT_SOURCE_DIR}/tools/manpage.sh $<TARGET_FILE:ricochet-view> ${MAN_DIR}/ricochet-view.1
              "live viewer of ricochet's regional cyber-crisis exercises for trainers"
      DEPENDS ricochet-view ${PROJECT_SOURCE_DIR}/tools/manpage.sh VERBATIM)
  endif()
  add_custom_target(ricochet_man ALL DEPENDS ${MAN_PAGES})
  install(FILES ${MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man pages (apt-get install help2man); the package needs them")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ricochet)
set(CPACK_PACKAGE_VENDOR "ricochet")
set(CPACK_PACKAGE_CONTACT "ricochet developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Regional cyber-crisis exercise simulator for health territories")
set(CPACK_PACKAGE_DESCRIPTION "ricochet simulates an attack on a health establishment and its cascade across a \
territory (hospitals, laboratories, imaging, EHPAD, GP practices, regional services) down to care and crisis \
governance, writes the chronogramme of injects, and explains every consequence by its causes. It ships the \
reference region modelled on Bourgogne-Franche-Comte, the 2026 regional exercise and a live viewer for trainers.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # ricochet_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_STRIP_FILES ON) # the build keeps its debug information; the package does not need it
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # the shared libraries' packages, read off the binaries by dpkg-shlibdeps
# Read at run time, not linked: local times (tzdata) and the viewer's default font.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xvfb, graphviz")
include(CPack)
