#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The include layers of the library (run by ctest):

  1. foundation   common.hpp (shared types), decimal.hpp (exact decimals), utf8.hpp (UTF-8),
                  numeral.hpp (numerals): public headers every layer above may use
  2. detail/      internals: include only other detail/ headers, the standard library and
                  the foundation, never a public header above them (list_marker.hpp,
                  metric.hpp, ...), and none of them is included by a foundation header
                  unless it is the foundation's own (detail/numeral_*, simd_utf8, cpu ...)
  3. public       one header per concept, the umbrella zhscan.hpp

and no include cycle anywhere. Also: every part of the marker scanner (detail/marker_*.hpp
defining scanner<Sink> members) is included by marker_scan.hpp only.
"""
import glob
import os
import re
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INC = os.path.join(ROOT, 'include', 'zhscan')
FOUNDATION = {'common.hpp', 'decimal.hpp', 'utf8.hpp', 'numeral.hpp'}


def graph():
    g = {}
    for path in glob.glob(os.path.join(INC, '*.hpp')) + glob.glob(os.path.join(INC, 'detail', '*.hpp')):
        rel = os.path.relpath(path, INC).replace(os.sep, '/')
        with open(path, encoding='utf-8') as f:
            text = f.read()
        d = os.path.dirname(rel)
        g[rel] = [os.path.normpath(os.path.join(d, m)).replace(os.sep, '/')
                  for m in re.findall(r'^#include "([^"]+)"', text, re.M)]
    return g


def reach(g, start):
    seen, todo = set(), [start]
    while todo:
        for n in g.get(todo.pop(), []):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


class Layers(unittest.TestCase):
    def test_detail_includes_only_lower_layers(self):
        g = graph()
        bad = []
        for h, incs in sorted(g.items()):
            if not h.startswith('detail/'):
                continue
            for i in incs:
                if not i.startswith('detail/') and i not in FOUNDATION:
                    bad.append('%s includes %s, a public header above it' % (h, i))
        self.assertEqual(bad, [])

    def test_foundation_includes_only_the_foundation(self):
        g = graph()
        bad = []
        for h in FOUNDATION:
            for i in reach(g, h):
                if not i.startswith('detail/') and i not in FOUNDATION:
                    bad.append('%s reaches %s' % (h, i))
                if i.startswith('detail/') and re.match(r'detail/(marker|metric|unit|gen_units|gen_words|gen_marker)', i):
                    bad.append('%s reaches %s (a layer above numerals)' % (h, i))
        self.assertEqual(bad, [])

    def test_no_cycles(self):
        g = graph()
        self.assertEqual([h for h in g if h in reach(g, h)], [])

    def test_scanner_parts_only_in_marker_scan(self):
        g = graph()
        def text(h):
            with open(os.path.join(INC, h), encoding='utf-8') as f:
                return f.read()
        parts = [h for h in g if h.startswith('detail/marker_') and 'scanner<Sink>::' in text(h)]
        self.assertGreaterEqual(len(parts), 8)
        for p in parts:
            users = [h for h, incs in g.items() if p in incs]
            self.assertEqual(users, ['detail/marker_scan.hpp'], p)


if __name__ == '__main__':
    unittest.main()
