// SPDX-License-Identifier: MIT
// Include shim: the tests build against Catch2 v3 when it is installed and against
// Debian 12's Catch2 2.13 otherwise. Both link a library that provides main().
#ifndef ZHSCAN_TESTS_CATCH_HPP
#define ZHSCAN_TESTS_CATCH_HPP

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif

namespace zhscan_test {
#if __has_include(<catch2/catch_test_macros.hpp>)
using approx = Catch::Approx;
#else
using approx = Catch::Detail::Approx;
#endif
}  // namespace zhscan_test

#endif  // ZHSCAN_TESTS_CATCH_HPP
