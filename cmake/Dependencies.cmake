# Every dependency is a Debian 12 package; scripts/deps.sh installs them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pangocairo>=1.50 pangoft2>=1.50)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo>=1.16 cairo-svg cairo-pdf)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
# libyaml reads fact files (load); yaml-cpp only writes them (import, its emitter).
pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
find_package(ZLIB REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
find_package(yaml-cpp REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(doctest REQUIRED)
find_package(Threads REQUIRED)
# libcsv (Debian's libcsv-dev) has no CMake or pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY NAMES csv REQUIRED)
add_library(csv::csv UNKNOWN IMPORTED)
set_target_properties(csv::csv PROPERTIES IMPORTED_LOCATION "${CSV_LIBRARY}"
                                          INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")
