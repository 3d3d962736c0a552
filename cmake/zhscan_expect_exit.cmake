# SPDX-License-Identifier: MIT
# cmake -DCOMMAND=<prog;arg;...> -DEXPECT_EXIT=<n> -P zhscan_expect_exit.cmake
# Runs COMMAND and fails unless it exits with status EXPECT_EXIT (a crash is never a pass).
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${rc}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit status ${EXPECT_EXIT}, got '${rc}'\nstdout: ${out}\nstderr: ${err}")
endif()
string(STRIP "${err}" err)
if(err MATCHES "\n")
  message(FATAL_ERROR "expected one line on stderr, got:\n${err}")
endif()
message(STATUS "exit status ${rc} as expected; stderr: ${err}")
