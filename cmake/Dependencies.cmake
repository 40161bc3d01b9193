# Every dependency comes from a Debian 12 package; a missing one names the package.
include(FindPkgConfig)

macro(request_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "request needs ${what}: install the Debian package '${package}' "
                        "(apt-get install ${package}), or run .ci/install-deps")
  endif()
endmacro()

find_package(nlohmann_json 3.10 QUIET)
request_require(nlohmann_json_FOUND "nlohmann/json" nlohmann-json3-dev)
find_package(fmt QUIET)
request_require(fmt_FOUND "fmt" libfmt-dev)
find_package(CLI11 QUIET)
request_require(CLI11_FOUND "CLI11" libcli11-dev)
find_package(yaml-cpp QUIET)
request_require(yaml-cpp_FOUND "yaml-cpp" libyaml-cpp-dev)
find_package(PkgConfig QUIET)
request_require(PKG_CONFIG_FOUND "pkg-config" pkg-config)
pkg_check_modules(LIBGIT2 QUIET IMPORTED_TARGET libgit2>=1.1)
request_require(LIBGIT2_FOUND "libgit2" libgit2-dev)
pkg_check_modules(LIBARCHIVE QUIET IMPORTED_TARGET libarchive)
request_require(LIBARCHIVE_FOUND "libarchive" libarchive-dev)
pkg_check_modules(LIBCRYPTO QUIET IMPORTED_TARGET libcrypto>=3)
request_require(LIBCRYPTO_FOUND "OpenSSL libcrypto (SHA-256)" libssl-dev)
find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp)
request_require(VALIJSON_INCLUDE_DIR "valijson (JSON Schema validator)" libvalijson-dev)
find_package(Threads REQUIRED)

add_library(request_deps_private INTERFACE)
target_link_libraries(request_deps_private INTERFACE
  PkgConfig::LIBGIT2 PkgConfig::LIBARCHIVE PkgConfig::LIBCRYPTO yaml-cpp Threads::Threads)
target_include_directories(request_deps_private SYSTEM INTERFACE ${VALIJSON_INCLUDE_DIR})

message(STATUS "request dependencies: nlohmann_json ${nlohmann_json_VERSION}, fmt ${fmt_VERSION}, "
               "CLI11 ${CLI11_VERSION}, yaml-cpp ${yaml-cpp_VERSION}, libgit2 ${LIBGIT2_VERSION}, "
               "libarchive ${LIBARCHIVE_VERSION}, libcrypto ${LIBCRYPTO_VERSION}, valijson (${VALIJSON_INCLUDE_DIR})")
