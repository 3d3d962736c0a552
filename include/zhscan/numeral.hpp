// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_NUMERAL_HPP
#define ZHSCAN_NUMERAL_HPP

#include "common.hpp"

// Placeholder: being written.

#endif  // ZHSCAN_NUMERAL_HPP
