# factline_add_chart(<target> INPUT <fact file> OUTPUTS <file>... [OPTIONS <factline render option>...])
#
# Renders a fact file when the build runs, into every OUTPUTS file (format from the extension),
# as a target built by default. INPUT is relative to the current source folder, OUTPUTS to the
# current binary folder. The custom command depends on the fact file and the factline command,
# and, through the depfile that `factline render --depfile` writes, on every data file and
# template the fact file reads: the build re-renders a chart exactly when one of them changed.
# Needs CMake 3.20 (DEPFILE with Makefile generators as with Ninja).
function(factline_add_chart target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "INPUT" "OUTPUTS;OPTIONS")
  if(NOT ARG_INPUT OR NOT ARG_OUTPUTS OR ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "factline_add_chart(${target} INPUT <fact file> OUTPUTS <file>... [OPTIONS ...])"
                        " (unexpected: ${ARG_UNPARSED_ARGUMENTS})")
  endif()
  if(CMAKE_VERSION VERSION_LESS 3.20)
    message(FATAL_ERROR "factline_add_chart needs CMake 3.20 or later (DEPFILE)")
  endif()
  get_filename_component(input "${ARG_INPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  set(outputs "")
  set(render_args "")
  set(folders "")
  foreach(output IN LISTS ARG_OUTPUTS)
    get_filename_component(output "${output}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    get_filename_component(folder "${output}" DIRECTORY)
    list(APPEND outputs "${output}")
    list(APPEND render_args -o "${output}")
    list(APPEND folders "${folder}")
  endforeach()
  list(REMOVE_DUPLICATES folders)
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${target}.factline.d")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${folders}
    COMMAND factline::cli render "${input}" ${render_args} --depfile "${depfile}" ${ARG_OPTIONS}
    DEPENDS "${input}" "$<TARGET_FILE:factline::cli>"
    DEPFILE "${depfile}"
    COMMENT "factline: ${ARG_INPUT}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${outputs})
endfunction()
