// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_VERSION_HPP
#define ZHSCAN_VERSION_HPP

// CMake and Meson read these three lines to set the project version.
#define ZHSCAN_VERSION_MAJOR 0
#define ZHSCAN_VERSION_MINOR 1
#define ZHSCAN_VERSION_PATCH 0

#define ZHSCAN_STRINGIFY_IMPL(x) #x
#define ZHSCAN_STRINGIFY(x) ZHSCAN_STRINGIFY_IMPL(x)
/** The version as a string literal, "MAJOR.MINOR.PATCH". */
#define ZHSCAN_VERSION                                                        \
  ZHSCAN_STRINGIFY(ZHSCAN_VERSION_MAJOR)                                      \
  "." ZHSCAN_STRINGIFY(ZHSCAN_VERSION_MINOR) "." ZHSCAN_STRINGIFY(ZHSCAN_VERSION_PATCH)

namespace zhscan {

/** Library version, the same numbers as the ZHSCAN_VERSION_* macros. */
struct version_info {
  int major;
  int minor;
  int patch;
};

/** The version of the headers in use. */
inline constexpr version_info version{ZHSCAN_VERSION_MAJOR, ZHSCAN_VERSION_MINOR,
                                      ZHSCAN_VERSION_PATCH};

}  // namespace zhscan

#endif  // ZHSCAN_VERSION_HPP
