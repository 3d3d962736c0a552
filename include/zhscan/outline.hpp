// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_OUTLINE_HPP
#define ZHSCAN_OUTLINE_HPP

#include "common.hpp"

// Placeholder: being written.

#endif  // ZHSCAN_OUTLINE_HPP
