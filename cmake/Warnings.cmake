# Warnings for our own targets only (third-party headers come in as SYSTEM includes).
add_library(factline_warnings INTERFACE)
target_compile_options(factline_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
if(FACTLINE_WERROR)
  target_compile_options(factline_warnings INTERFACE -Werror)
endif()
if(FACTLINE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
