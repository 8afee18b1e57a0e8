# `cmake --install`: the command, the library (its stage archives and public headers), the fonts
# and templates, and a CMake package (find_package(factline)) with factline_add_chart.
# The installed factline finds its data in ../share/factline (api/factline.hpp, data_dir()).
include(CMakePackageConfigHelpers)

set(FACTLINE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/factline)
set_target_properties(factline_cli PROPERTIES EXPORT_NAME cli)

# Every stage archive the library is made of, and the interface targets around them.
set(factline_exported factline factline_warnings)
foreach(stage core calendar model load import scale text scene placement layout render api)
  list(APPEND factline_exported factline_${stage})
  set_target_properties(factline_${stage} PROPERTIES EXPORT_NAME ${stage})
endforeach()
install(TARGETS factline_cli ${factline_exported} EXPORT factlineTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT factlineTargets NAMESPACE factline:: DESTINATION ${FACTLINE_CMAKE_DIR})

# The public headers: api/factline.hpp and what it includes.
foreach(header api/factline.hpp core/diagnostic.hpp core/color.hpp core/geometry.hpp model/theme.hpp render/render.hpp scene/scene.hpp
               scene/detail_report.hpp
               text/shaped_text.hpp)
  get_filename_component(dir ${header} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/src/${header} DESTINATION ${FACTLINE_INSTALL_INCLUDEDIR}/${dir})
endforeach()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/fonts ${PROJECT_SOURCE_DIR}/templates
        DESTINATION ${CMAKE_INSTALL_DATADIR}/factline)
install(FILES ${PROJECT_SOURCE_DIR}/docs/factline.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/scripts/completion/factline.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME factline)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/factlineConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/factlineConfig.cmake
                              INSTALL_DESTINATION ${FACTLINE_CMAKE_DIR} PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/factlineConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/factlineConfig.cmake ${PROJECT_BINARY_DIR}/factlineConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FactlineChart.cmake
        DESTINATION ${FACTLINE_CMAKE_DIR})
