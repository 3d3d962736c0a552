// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_LIST_MARKER_HPP
#define ZHSCAN_LIST_MARKER_HPP

#include "common.hpp"

// Placeholder: being written.

#endif  // ZHSCAN_LIST_MARKER_HPP
