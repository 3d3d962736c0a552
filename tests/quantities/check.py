#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs `zhscan metrics` over tests/quantities/cases.tsv and checks every case.

cases.tsv columns (tab-separated, '#' lines and blank lines ignored):
  text       a sentence (written for this file)
  span       the metric's text as zhscan should report it
  value      the value in the written unit: a decimal, or LOW..HIGH for a range,
             or A:B:... for a ratio (all its terms: the "terms" field)
  unit       the normalised unit ("unit" field), "-" for null
  base_value the amount in the base unit ("base_value", or LOW..HIGH from "base_low" and
             "base_high"), "-" for null
  base_unit  "base_unit", "-" for null
  approx     "approx", "-" for null
  status     "ok" (must pass), "gap" (a known gap of issue 10: reported, not failed; the
             check fails when a gap case passes, so that the file is updated), or "none":
             no metric may overlap `span` (the other columns are "-")
Also checks the field order of every line: base_value, base_low, base_high, base_unit come
right after change_from.
Every *.tsv file of this folder is read (or the files given with --cases). A line of three
columns (text, value, status) is a numeral case instead: `zhscan number` must read the
whole text as `value` (a decimal, compared exactly, or p/q for a fraction that does not
terminate, compared to 15 significant digits); numerals.tsv holds them.
Exit status 0 when every "ok" case passes.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(v):
    if v is None:
        return '-'
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


def describe(m):
    if m.get('terms') is not None:  # every term of a ratio (8.3:41.4:50.3)
        value = ':'.join(fmt(x) for x in m['terms'])
    elif m['ratio'] is not None:
        value = ':'.join(fmt(x) for x in m['ratio'])
    elif m['value'] is not None:
        value = fmt(m['value'])
    else:
        value = '%s..%s' % (fmt(m['low']), fmt(m['high']))
    if m['base_value'] is not None:
        base = fmt(m['base_value'])
    elif m['base_low'] is not None:
        base = '%s..%s' % (fmt(m['base_low']), fmt(m['base_high']))
    else:
        base = '-'
    return [m['text'], value, fmt(m['unit']), base, fmt(m['base_unit']), fmt(m['approx'])]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--zhscan', required=True)
    ap.add_argument('--cases', nargs='*', default=sorted(glob.glob(os.path.join(HERE, '*.tsv'))))
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args()
    cases = []
    numerals = []
    for path in args.cases:
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                cols = line.split('\t')
                if len(cols) == 3 and cols[2] in ('ok', 'gap'):
                    numerals.append(('%s:%d' % (os.path.basename(path), n), cols))
                    continue
                if len(cols) != 8 or cols[7] not in ('ok', 'gap', 'none'):
                    print('%s:%d: expected 8 columns ending in ok/gap/none (or 3 ending in ok/gap)' % (path, n))
                    return 1
                cases.append(('%s:%d' % (os.path.basename(path), n), cols))
    nfail = check_numerals(args, numerals)
    # one run: the cases as one JSON Lines batch
    batch = ''.join(json.dumps({'id': str(n), 'text': c[0]}, ensure_ascii=False) + '\n' for n, c in cases)
    r = subprocess.run([args.zhscan, 'metrics', '--batch'], input=batch.encode('utf-8'),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        print('zhscan metrics --batch: exit status %d: %s' % (r.returncode, r.stderr.decode()))
        return 1
    out = {}
    order = ['change_from', 'base_value', 'base_low', 'base_high', 'base_unit']
    for line in r.stdout.decode('utf-8').splitlines():
        rec = json.loads(line, parse_float=str, parse_int=str)  # numbers as printed
        out[rec['id']] = rec['metrics']
        for m in rec['metrics']:
            keys = list(m.keys())
            i = keys.index('change_from')
            if keys[i:i + 5] != order:
                print('field order: %s' % keys)
                return 1
    ok = fail = gap = gap_passed = 0
    for n, c in cases:
        want = c[1:7]
        if c[7] == 'none':
            start = c[0].find(c[1])
            end = start + len(c[1])
            hits = [m['text'] for m in out.get(str(n), [])
                    if int(m['start']) < len(c[0][:end].encode()) and int(m['end']) > len(c[0][:start].encode())]
            if start < 0 or hits:
                fail += 1
                print('FAIL line %s: %s: no metric expected over %s, got %s' % (n, c[0], c[1], hits))
            else:
                ok += 1
            continue
        got = None
        for m in out.get(str(n), []):
            d = describe(m)
            if d[0] == c[1]:
                got = d
        good = got is not None and got[1:] == want[1:]
        if c[7] == 'ok':
            if good:
                ok += 1
            else:
                fail += 1
                print('FAIL line %s: %s\n  want %s\n  got  %s' % (n, c[0], want, got))
        else:
            gap += 1
            if good:
                gap_passed += 1
                print('GAP PASSES line %s (mark it ok): %s' % (n, c[0]))
            elif args.verbose:
                print('gap line %s: %s\n  want %s\n  got  %s' % (n, c[0], want, got))
    print('quantities: %d ok cases pass, %d fail; %d known gaps (%d now pass)' % (ok, fail, gap, gap_passed))
    if ok < 100:
        print('quantities: fewer than 100 passing cases: is cases.tsv complete?')
        return 1
    return 1 if fail or gap_passed or nfail else 0


def same_number(got, want):
    """`got` as printed by zhscan equals `want` (a decimal exactly, or p/q to 15 digits)."""
    from decimal import Decimal
    from fractions import Fraction
    g = Fraction(Decimal(got))
    if '/' in want:
        w = Fraction(want)
        return abs(g - w) <= abs(w) * Fraction(1, 10**15)
    return g == Fraction(Decimal(want))


def check_numerals(args, numerals):
    """Runs `zhscan number` over the numeral cases; returns the number of failures."""
    if not numerals:
        return 0
    text = ''.join(c[0] + '\n' for _, c in numerals)
    r = subprocess.run([args.zhscan, 'number'], input=text.encode('utf-8'),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = [json.loads(l, parse_float=str, parse_int=str) for l in r.stdout.decode('utf-8').splitlines()]
    if r.returncode != 0 or len(out) != len(numerals):
        print('zhscan number: exit status %d, %d lines for %d' % (r.returncode, len(out), len(numerals)))
        return 1
    ok = fail = gap = gap_passed = 0
    for (n, c), rec in zip(numerals, out):
        good = 'value' in rec and same_number(rec['value'], c[1])
        got = rec.get('value', rec.get('error'))
        if c[2] == 'ok':
            if good:
                ok += 1
            else:
                fail += 1
                print('FAIL numeral %s: %s: want %s, got %s' % (n, c[0], c[1], got))
        else:
            gap += 1
            if good:
                gap_passed += 1
                print('GAP PASSES numeral %s (mark it ok): %s' % (n, c[0]))
            elif args.verbose:
                print('gap numeral %s: %s: want %s, got %s' % (n, c[0], c[1], got))
    print('numerals: %d ok cases pass, %d fail; %d known gaps (%d now pass)' % (ok, fail, gap, gap_passed))
    return fail + gap_passed


if __name__ == '__main__':
    sys.exit(main())
