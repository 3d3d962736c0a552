// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_METRIC_HPP
#define ZHSCAN_METRIC_HPP

#include "common.hpp"

// Placeholder: being written.

#endif  // ZHSCAN_METRIC_HPP
