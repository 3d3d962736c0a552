// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_VERSION_HPP
#define ZHSCAN_VERSION_HPP

/** Major, minor and patch version numbers (CMake and Meson read these three lines). */
#define ZHSCAN_VERSION_MAJOR 0
#define ZHSCAN_VERSION_MINOR 1
#define ZHSCAN_VERSION_PATCH 0

/** Helpers that turn a macro's value into a string literal. */
#define ZHSCAN_STRINGIFY_IMPL(x) #x
#define ZHSCAN_STRINGIFY(x) ZHSCAN_STRINGIFY_IMPL(x)
/** The version as a string literal, "MAJOR.MINOR.PATCH". */
#define ZHSCAN_VERSION                                                        \
  ZHSCAN_STRINGIFY(ZHSCAN_VERSION_MAJOR)                                      \
  "." ZHSCAN_STRINGIFY(ZHSCAN_VERSION_MINOR) "." ZHSCAN_STRINGIFY(ZHSCAN_VERSION_PATCH)

namespace zhscan {

/** Library version, the same numbers as the ZHSCAN_VERSION_* macros. */
struct version_info {
  int major;  ///< incompatible API changes
  int minor;  ///< compatible additions
  int patch;  ///< fixes
};

/** The version of the headers in use. */
inline constexpr version_info version{ZHSCAN_VERSION_MAJOR, ZHSCAN_VERSION_MINOR,
                                      ZHSCAN_VERSION_PATCH};

}  // namespace zhscan

#endif  // ZHSCAN_VERSION_HPP
