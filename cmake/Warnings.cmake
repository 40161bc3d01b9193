# Warnings for our own targets only; -Werror when CI=true or REQUEST_WERROR=ON.
set(_werror OFF)
if("$ENV{CI}" STREQUAL "true")
  set(_werror ON)
endif()
option(REQUEST_WERROR "Treat warnings as errors" ${_werror})

add_library(request_warnings INTERFACE)
target_compile_options(request_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough
  -Wformat=2 -Wmisleading-indentation)
if(REQUEST_WERROR)
  target_compile_options(request_warnings INTERFACE -Werror)
endif()
