// SPDX-License-Identifier: MIT
// Umbrella header: includes every public zhscan header.
#ifndef ZHSCAN_ZHSCAN_HPP
#define ZHSCAN_ZHSCAN_HPP

#include "version.hpp"
#include "common.hpp"
#include "utf8.hpp"
#include "tokenize.hpp"
#include "decimal.hpp"
#include "numeral.hpp"
#include "list_marker.hpp"
#include "outline.hpp"
#include "metric.hpp"
#include "base_unit.hpp"
#include "section.hpp"
#include "chunk.hpp"
#include "change.hpp"
#include "stream.hpp"

#endif  // ZHSCAN_ZHSCAN_HPP
