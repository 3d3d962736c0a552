# SPDX-License-Identifier: MIT
# Helpers for zhscan's own executables (tests, CLI, benchmarks, fuzzers). Everything here
# is set per target: nothing reaches the zhscan::zhscan interface or a consumer's targets.

# Absolute path of the shared corpus as a C string literal for ZHSCAN_SHARED_DIR.
set(ZHSCAN_SHARED_DIR_DEFINITION "ZHSCAN_SHARED_DIR=\"${ZHSCAN_SHARED_DIR}\"")

# zhscan_warnings(<target>): -Wall -Wextra -Wpedantic (+ -Werror with ZHSCAN_WERROR).
function(zhscan_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /utf-8 $<$<BOOL:${ZHSCAN_WERROR}>:/WX>)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                           $<$<BOOL:${ZHSCAN_WERROR}>:-Werror>)
  endif()
endfunction()

# zhscan_sanitize(<target>): applies ZHSCAN_SANITIZE (a comma or semicolon list such as
# "address,undefined") to one target, compile and link. UBSan findings abort the test.
function(zhscan_sanitize target)
  if(NOT ZHSCAN_SANITIZE)
    return()
  endif()
  string(REPLACE ";" "," _list "${ZHSCAN_SANITIZE}")
  if(MSVC)
    target_compile_options(${target} PRIVATE /fsanitize=${_list})
    return()
  endif()
  set(_flags -fsanitize=${_list} -fno-omit-frame-pointer)
  if(_list MATCHES "undefined")
    list(APPEND _flags -fno-sanitize-recover=all)
  endif()
  target_compile_options(${target} PRIVATE ${_flags})
  target_link_options(${target} PRIVATE ${_flags})
endfunction()

# zhscan_executable(<name> SOURCES <src>... [NO_SANITIZE] [SHARED_DIR]): one of our own
# programs, linked to zhscan::zhscan, strict C++17 without extensions, our warnings;
# sanitizers unless NO_SANITIZE; SHARED_DIR adds the ZHSCAN_SHARED_DIR definition.
function(zhscan_executable name)
  cmake_parse_arguments(ARG "NO_SANITIZE;SHARED_DIR" "" "SOURCES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE zhscan::zhscan)
  set_target_properties(${name} PROPERTIES CXX_EXTENSIONS OFF)
  zhscan_warnings(${name})
  if(NOT ARG_NO_SANITIZE)
    zhscan_sanitize(${name})
  endif()
  if(ARG_SHARED_DIR)
    target_compile_definitions(${name} PRIVATE "${ZHSCAN_SHARED_DIR_DEFINITION}")
  endif()
endfunction()
