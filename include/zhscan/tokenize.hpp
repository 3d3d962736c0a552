// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_TOKENIZE_HPP
#define ZHSCAN_TOKENIZE_HPP

#include "common.hpp"

// Placeholder: being written.

#endif  // ZHSCAN_TOKENIZE_HPP
