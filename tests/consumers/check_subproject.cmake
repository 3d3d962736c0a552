# SPDX-License-Identifier: MIT
# Included before zhscan is added (FetchContent or add_subdirectory): records the global
# settings. zhscan_check_subproject(<zhscan source dir>), called after, fails the configure
# when zhscan defined anything but its INTERFACE library, registered tests, turned on its
# own options or changed a global setting.
set(_zhscan_check_flags "${CMAKE_CXX_FLAGS}")
set(_zhscan_check_build_type "${CMAKE_BUILD_TYPE}")

function(zhscan_check_subproject zhscan_dir)
  if(NOT TARGET zhscan::zhscan)
    message(FATAL_ERROR "zhscan::zhscan is not defined")
  endif()
  # Targets zhscan defines when it is the top-level project: none may exist here.
  foreach(t zhscan_tests zhscan_cli zhscan_bench zhscan_noexcept_test zhscan_noexcept_test_cxx20
            zhscan_odr_test zhscan_fuzz_seeds fuzz_utf8 fuzz_tokenize fuzz_numeral
            fuzz_list_marker fuzz_metric)
    if(TARGET ${t})
      message(FATAL_ERROR "zhscan as a subproject defined its own target '${t}'")
    endif()
  endforeach()
  # The same, whatever future targets are called: zhscan's folder holds only `zhscan`
  # and has no subfolders (tests/, bench/, fuzz/, examples/ were not added).
  get_property(_targets DIRECTORY "${zhscan_dir}" PROPERTY BUILDSYSTEM_TARGETS)
  if(NOT _targets STREQUAL "zhscan")
    message(FATAL_ERROR "zhscan as a subproject defined targets '${_targets}' (expected only 'zhscan')")
  endif()
  get_property(_subdirs DIRECTORY "${zhscan_dir}" PROPERTY SUBDIRECTORIES)
  if(_subdirs)
    message(FATAL_ERROR "zhscan as a subproject added subdirectories: ${_subdirs}")
  endif()
  get_property(_tests DIRECTORY "${zhscan_dir}" PROPERTY TESTS)
  if(_tests)
    message(FATAL_ERROR "zhscan as a subproject registered tests: ${_tests}")
  endif()
  foreach(opt ZHSCAN_BUILD_TESTS ZHSCAN_BUILD_EXAMPLES ZHSCAN_BUILD_BENCH ZHSCAN_BUILD_FUZZ
              ZHSCAN_INSTALL ZHSCAN_WERROR)
    if(${opt})
      message(FATAL_ERROR "zhscan as a subproject has ${opt}=ON")
    endif()
  endforeach()
  # No global flags, standard or build type forced on the consumer.
  if(NOT "${CMAKE_CXX_FLAGS}" STREQUAL "${_zhscan_check_flags}")
    message(FATAL_ERROR "zhscan changed CMAKE_CXX_FLAGS to '${CMAKE_CXX_FLAGS}'")
  endif()
  if(NOT "${CMAKE_BUILD_TYPE}" STREQUAL "${_zhscan_check_build_type}")
    message(FATAL_ERROR "zhscan changed CMAKE_BUILD_TYPE to '${CMAKE_BUILD_TYPE}'")
  endif()
  if(DEFINED CMAKE_CXX_STANDARD)
    message(FATAL_ERROR "zhscan set CMAKE_CXX_STANDARD=${CMAKE_CXX_STANDARD}")
  endif()
  # C++17 comes through the target's usage requirements, nothing else.
  get_target_property(_features zhscan INTERFACE_COMPILE_FEATURES)
  get_target_property(_options zhscan INTERFACE_COMPILE_OPTIONS)
  get_target_property(_defs zhscan INTERFACE_COMPILE_DEFINITIONS)
  if(NOT _features STREQUAL "cxx_std_17" OR _options OR _defs)
    message(FATAL_ERROR "zhscan::zhscan carries features '${_features}', options '${_options}', "
                        "definitions '${_defs}' (expected cxx_std_17 only)")
  endif()
  message(STATUS "zhscan subproject check: only the INTERFACE target zhscan::zhscan, no tests, "
                 "no global flags")
endfunction()
