# REQUEST_SANITIZE=ON builds everything with AddressSanitizer + UndefinedBehaviorSanitizer.
option(REQUEST_SANITIZE "Build with ASan and UBSan" OFF)
if(REQUEST_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12's -Wmaybe-uninitialized gives false positives inside libstdc++
  # (std::regex, std::function) once ASan instruments the code; the normal
  # build keeps the warning.
  target_compile_options(request_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
