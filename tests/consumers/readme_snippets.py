#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that the README's integration snippets are copied from files CI builds.

usage: readme_snippets.py README.md

A fenced code block preceded by a line `<!-- from PATH -->` (PATH relative to the
repository root) must appear in PATH line for line (trailing blanks ignored), as one
contiguous run of lines. Every consumer project listed in REQUIRED must be quoted at least
once, so a snippet cannot silently drop out of the README either. Exit status 1 on any
mismatch, with the first line that differs.
"""
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REQUIRED = [
    'tests/consumers/fetchcontent/CMakeLists.txt',
    'tests/consumers/add_subdirectory/CMakeLists.txt',
    'tests/consumers/find_package/CMakeLists.txt',
    'tests/consumers/meson/meson.build',
    'tests/consumers/meson/subprojects/zhscan.wrap',
    'tests/consumers/api_example.cpp',
]
MARK = re.compile(r'^<!--\s*from\s+(\S+)\s*-->\s*$')
FENCE = re.compile(r'^(```+|~~~+)')


def snippets(readme_lines):
    """Yields (README line number, source path, block lines) for each marked block."""
    i = 0
    n = len(readme_lines)
    while i < n:
        m = MARK.match(readme_lines[i])
        i += 1
        if not m:
            continue
        mark_line = i
        while i < n and not readme_lines[i].strip():
            i += 1
        f = FENCE.match(readme_lines[i]) if i < n else None
        if not f:
            raise SystemExit('README.md:%d: "<!-- from %s -->" is not followed by a code block'
                             % (mark_line, m.group(1)))
        fence = f.group(1)
        i += 1
        block = []
        while i < n and not readme_lines[i].startswith(fence):
            block.append(readme_lines[i].rstrip())
            i += 1
        i += 1
        yield mark_line, m.group(1), block


def find_run(block, lines):
    """Index in `lines` where `block` occurs contiguously, or -1 (and the best partial)."""
    best = (0, 0)
    for start in range(len(lines)):
        k = 0
        while k < len(block) and start + k < len(lines) and lines[start + k] == block[k]:
            k += 1
        if k == len(block):
            return start, None
        best = max(best, (k, start))
    return -1, best


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding='utf-8') as f:
        readme = f.read().splitlines()
    errors = []
    quoted = set()
    count = 0
    for line_no, path, block in snippets(readme):
        count += 1
        full = os.path.join(REPO, path)
        if not os.path.isfile(full):
            errors.append('README.md:%d: %s does not exist' % (line_no, path))
            continue
        if not any(block):
            errors.append('README.md:%d: empty snippet' % line_no)
            continue
        with open(full, encoding='utf-8') as f:
            lines = [l.rstrip() for l in f.read().splitlines()]
        start, best = find_run(block, lines)
        if start < 0:
            k, at = best
            errors.append('README.md:%d: snippet not found in %s: its line %d %r differs '
                          '(best match from %s:%d)' % (line_no, path, k + 1, block[k] if k < len(block) else '',
                                                       path, at + 1))
            continue
        quoted.add(path)
        print('  README.md:%d = %s:%d-%d' % (line_no, path, start + 1, start + len(block)))
    for path in REQUIRED:
        if path not in quoted:
            errors.append('README.md quotes nothing from %s' % path)
    for e in errors:
        print('FAIL', e)
    print('%d README snippet(s) checked, %d error(s)' % (count, len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
