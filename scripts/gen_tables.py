#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates the constexpr tables of zhscan from the readable data files in data/.

Usage:
  python3 scripts/gen_tables.py           # rewrite the generated headers
  python3 scripts/gen_tables.py --check   # exit 1 when a generated header is stale

Standard library only. Inputs (UTF-8, tab-separated, a header row, one fact per row; see
data/README.md for every column):

  data/numerals.tsv    numeral characters: role, value, financial form, SIMD bucket
  data/units.tsv       the unit lexicon: text, norm, category, multiplier, flags, not_before,
                       base unit, exact factor, offset
  data/word_lists.tsv  the word lists of the metric rules: name, kind, description
  data/words.tsv       their words, in match order (hedges with their meaning)
  data/marker_styles.tsv  outline marker styles: open and close punctuation, numeral system,
                       family, GB/T rank, example

Outputs (pure ASCII: every non-ASCII character is a \\u escape; each file names its source and
is included by a hand-written header inside namespace zhscan::detail):

  include/zhscan/detail/gen_numerals.hpp  numeral_entries[]     (detail/numeral_table.hpp)
  include/zhscan/detail/gen_triggers.hpp  metric_trigger_cps[]  (detail/metric_scan.hpp)
  include/zhscan/detail/gen_units.hpp     unit_table[], unit_bases[] (detail/unit_table.hpp)
  include/zhscan/detail/gen_words.hpp     the word lists        (metric.hpp)
  include/zhscan/detail/gen_marker_styles.hpp  marker_style_traits[], bracket_styles[] and the
                       marker scanner's SIMD opener patterns (detail/marker_chars.hpp)

A malformed row stops the generator with `file:line: reason` and exit status 2.
"""
import argparse
import fractions
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --- vocabularies the C++ code defines (keep in step with the headers named) --------------

# zhscan::unit_category (detail/unit_table.hpp)
CATEGORIES = ['currency', 'area', 'length', 'mass', 'volume', 'duration', 'data_size', 'multiple',
              'percent', 'score', 'count', 'person', 'ratio', 'rate', 'other']
# zhscan::detail::unit_flag (detail/unit_table.hpp), without the u_ prefix
FLAGS = ['magnitude', 'latin', 'arabic_only', 'han_guard', 'year', 'date', 'ordinal', 'grade', 'big',
         'medal', 'cheng', 'fen', 'time_part', 'no_yi', 'denominator_only', 'tael', 'temp', 'money']
# base units a category may convert to (empty base: no conversion); count and person take
# the counted noun, other takes anything
CATEGORY_BASES = {
    'currency': re.compile(r'^[A-Z]{3}$'), 'area': re.compile(r'^m2$'), 'length': re.compile(r'^m$'),
    'mass': re.compile(r'^kg$'), 'volume': re.compile(r'^m3$'), 'duration': re.compile(r'^(s|month)$'),
    'data_size': re.compile(r'^(B|B/s)$'), 'multiple': re.compile(r'^x$'),
    'percent': re.compile(r'^(%|pp)$'),
}
# zhscan::detail::numeral_kind (detail/numeral_table.hpp) plus the roles handled in code:
# arabic (arabic_digit_at), ji (detail/metric_number.hpp), word (a trigger of the metric scanner that
# starts a quantity word without a numeral: fan of fan fan, metric.hpp), none (documented non-numerals)
TABLE_ROLES = ['digit', 'liang', 'tens', 'small_unit', 'big_unit', 'point', 'half', 'minus', 'circle']
ROLES = TABLE_ROLES + ['arabic', 'ji', 'word', 'none']
# roles that start or continue a number in the metric scanner (its trigger set)
TRIGGER_ROLES = {'arabic', 'digit', 'liang', 'tens', 'small_unit', 'big_unit', 'ji', 'word'}
ROLE_VALUES = {'digit': range(0, 10), 'arabic': range(0, 10), 'liang': [2], 'tens': [2, 3, 4],
               'small_unit': [1, 2, 3], 'big_unit': [4, 8], 'point': [0], 'half': [0], 'minus': [0],
               'circle': [0], 'ji': [0], 'word': [0]}
# the characters detail/metric_number.hpp recognises as ji by their bytes
JI_CHARS = {'\u51e0', '\u5e7e'}
# zhscan::approximation (metric.hpp)
APPROX = ['none', 'about', 'more_than', 'less_than', 'at_least', 'at_most', 'nearly']
LIST_KINDS = ['words', 'hedges', 'chars']


class DataError(Exception):
    pass


def fail(path, line, reason):
    shown = path
    if os.path.isabs(path) and os.path.commonpath([path, ROOT]) == ROOT:
        shown = os.path.relpath(path, ROOT)
    raise DataError('%s:%d: %s' % (shown, line, reason))


def read_tsv(path, columns):
    """Rows of a TSV file as (line number, dict); checks UTF-8, the header and column counts."""
    try:
        with open(path, 'rb') as f:
            raw = f.read()
    except OSError as e:
        raise DataError('%s:0: cannot read: %s' % (path, e.strerror))
    rows = []
    lines = raw.split(b'\n')
    if lines and lines[-1] == b'':
        lines.pop()
    for n, b in enumerate(lines, 1):
        try:
            text = b.decode('utf-8')
        except UnicodeDecodeError as e:
            fail(path, n, 'invalid UTF-8 (byte %d)' % (e.start + 1))
        if text.startswith('\ufeff'):
            fail(path, n, 'byte order mark: save the file as UTF-8 without BOM')
        if '\r' in text:
            fail(path, n, 'carriage return: use LF line endings')
        fields = text.split('\t')
        if n == 1:
            if fields != columns:
                fail(path, n, 'header must be: %s' % '\t'.join(columns))
            continue
        if text.strip() == '':
            fail(path, n, 'empty line')
        if len(fields) != len(columns):
            fail(path, n, '%d columns, expected %d (%s)' % (len(fields), len(columns), ', '.join(columns)))
        for c, v in zip(columns, fields):
            if v != v.strip():
                fail(path, n, 'column %s has leading or trailing spaces' % c)
        rows.append((n, dict(zip(columns, fields))))
    if not lines:
        fail(path, 1, 'empty file (a header row is required)')
    return rows


# --- C++ rendering --------------------------------------------------------------------------

def cpp_escape(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if ch in '"\\':
            out.append('\\' + ch)
        elif 0x20 <= cp < 0x7F:
            out.append(ch)
        elif cp <= 0xFFFF:
            out.append('\\u%04X' % cp)
        else:
            out.append('\\U%08X' % cp)
    return ''.join(out)


def cpp_str(s):
    return '"%s"' % cpp_escape(s)


def cpp_u32(s):
    return 'U"%s"' % cpp_escape(s)


def ascii_comment(s):
    """A note as an ASCII comment: non-ASCII characters as U+XXXX."""
    return ''.join(ch if 0x20 <= ord(ch) < 0x7F else 'U+%04X' % ord(ch) for ch in s).replace('*/', '* /')


def header(name, source, included_by, what):
    guard = 'ZHSCAN_DETAIL_%s_HPP' % name.upper()
    return ['// SPDX-License-Identifier: MIT\n',
            '// GENERATED by scripts/gen_tables.py from %s: do not edit. Edit the data file and run\n' % source,
            '//   python3 scripts/gen_tables.py\n',
            '// (the test suite fails while this file is stale: gen_tables.py --check).\n',
            '// %s\n' % what,
            '// Included by %s inside namespace zhscan::detail, after the types it uses.\n' % included_by,
            '#ifndef %s\n' % guard, '#define %s\n' % guard, '\n'], '\n#endif  // %s\n' % guard


def utf8_len(ch):
    return len(ch.encode('utf-8'))


# --- numbers --------------------------------------------------------------------------------

DECIMAL = re.compile(r'^[0-9]+(\.[0-9]+)?$')


def parse_decimal(s):
    if not DECIMAL.match(s):
        return None
    return fractions.Fraction(s)


def parse_factor(s):
    """An exact decimal (0.0254) or a fraction of two decimals (2000/3) as a Fraction."""
    if '/' in s:
        a, _, b = s.partition('/')
        fa, fb = parse_decimal(a), parse_decimal(b)
        if fa is None or fb is None or fb == 0:
            return None
        return fa / fb
    return parse_decimal(s)


def split_factor(f):
    """Fraction -> (num, den, exp10) with num/den * 10^exp10 == f, num and den free of
    factors of ten where possible, both below 2^64."""
    num, den, exp = f.numerator, f.denominator, 0
    while num and num % 10 == 0:
        num //= 10
        exp += 1
    while den % 10 == 0:
        den //= 10
        exp -= 1
    # a denominator made of 2s and 5s only becomes a power of ten
    d = den
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1 and den != 1:
        k = 0
        while (10 ** k) % den:
            k += 1
        num *= 10 ** k // den
        den = 1
        exp -= k
        while num and num % 10 == 0:
            num //= 10
            exp += 1
    return num, den, exp


def cpp_double(f):
    x = float(f)
    if fractions.Fraction(x) != f:
        raise ValueError('not an exact double')
    return repr(x)


# --- numerals -------------------------------------------------------------------------------

NUMERAL_COLS = ['char', 'role', 'value', 'financial', 'simd_bucket', 'note']


def load_numerals(path):
    rows = read_tsv(path, NUMERAL_COLS)
    seen = {}
    out = []
    for n, r in rows:
        ch, role = r['char'], r['role']
        if len(ch) != 1:
            fail(path, n, 'char must be one character, got %r' % ch)
        if role not in ROLES:
            fail(path, n, 'unknown role %r (known: %s)' % (role, ', '.join(ROLES)))
        if not re.match(r'^[0-9]+$', r['value']):
            fail(path, n, 'value must be a non-negative integer, got %r' % r['value'])
        value = int(r['value'])
        if role in ROLE_VALUES and value not in ROLE_VALUES[role]:
            fail(path, n, 'value %d is not a %s value (allowed: %s)' %
                 (value, role, ', '.join(map(str, ROLE_VALUES[role]))))
        if r['financial'] not in ('yes', 'no'):
            fail(path, n, 'financial must be yes or no, got %r' % r['financial'])
        fin = r['financial'] == 'yes'
        bucket = r['simd_bucket']
        needs_bucket = role in TRIGGER_ROLES and not (role == 'arabic' and ord(ch) < 0x80)
        if needs_bucket:
            if not re.match(r'^[0-7]$', bucket):
                fail(path, n, 'a %s character starts numbers in the metric scanner: simd_bucket must be '
                     '0..7 (any value is correct; see CONTRIBUTING.md to pick a fast one)' % role)
        elif bucket != '':
            fail(path, n, 'simd_bucket must be empty for role %s%s' %
                 (role, ' (ASCII digits are tested apart)' if role == 'arabic' else ''))
        if role in TABLE_ROLES:
            b = ch.encode('utf-8')
            if len(b) != 3 or not 0xE2 <= b[0] <= 0xE9:
                fail(path, n, 'numeral characters must be 3-byte UTF-8 with lead byte E2..E9 '
                     '(numeral_info_at rejects other leads)')
        if role == 'arabic':
            if ch != chr(ord('0') + value) and ch != chr(0xFF10 + value):
                fail(path, n, 'an arabic digit must be ASCII 0-9 or full-width U+FF10..FF19 with its value '
                     '(arabic_digit_at decodes those ranges)')
        if role == 'ji' and ch not in JI_CHARS:
            fail(path, n, 'role ji is recognised by its bytes in detail/metric_number.hpp (U+51E0, U+5E7E): '
                 'add the character there first')
        key = ch
        if key in seen:
            pn, pr = seen[key]
            same = (pr['role'], pr['value'], pr['financial']) == (role, r['value'], r['financial'])
            fail(path, n, '%s listed twice (first at line %d)%s' %
                 (ch, pn, '' if same else ' with different meanings'))
        seen[key] = (n, r)
        out.append(dict(char=ch, role=role, value=value, financial=fin,
                        bucket=int(bucket) if bucket else None, note=r['note'], line=n))
    for ch in JI_CHARS:
        if ch not in seen or seen[ch][1]['role'] != 'ji':
            fail(path, len(rows) + 1, 'U+%04X must be listed with role ji' % ord(ch))
    for d in range(10):
        for c in (chr(ord('0') + d), chr(0xFF10 + d)):
            if c not in seen or seen[c][1]['role'] != 'arabic':
                fail(path, len(rows) + 1, '%s must be listed with role arabic' % c)
    return out


# the hash of detail/numeral_table.hpp: slot = (key * multiplier) >> (32 - bits), collision-free
# on the 3-byte keys of numeral_entries; the first parameters are the ones in use before the
# tables were generated, kept while they work
NUMERAL_HASH = (7, 0x57882317)


def utf8_key3(ch):
    b = ch.encode('utf-8')
    return (b[0] << 16) | (b[1] << 8) | b[2]


def numeral_hash(keys):
    """(bits, multiplier) of a collision-free multiplicative hash of `keys`: the current one
    if it still works, else the first found by a deterministic search, 128 slots first."""
    def ok(bits, mult):
        seen = set()
        for k in keys:
            s = ((k * mult) & 0xFFFFFFFF) >> (32 - bits)
            if s in seen:
                return False
            seen.add(s)
        return True
    if ok(*NUMERAL_HASH):
        return NUMERAL_HASH
    for bits in (7, 8, 9):
        if len(keys) > (1 << bits) * 3 // 4:
            continue
        x = 0x2545F491
        for _ in range(300000):
            x = (x * 1103515245 + 12345) & 0xFFFFFFFF
            mult = (x ^ (x >> 13) ^ 0x9E3779B1) | 1
            if ok(bits, mult):
                return bits, mult
    raise DataError('data/numerals.tsv:0: no collision-free hash found for the numeral table')


def gen_numerals(rows, src):
    lines, tail = header('gen_numerals', src, 'detail/numeral_table.hpp',
                         'Every numeral character of parse_number (role none, arabic and ji rows are not here).')
    bits, mult = numeral_hash([utf8_key3(r['char']) for r in rows if r['role'] in TABLE_ROLES])
    lines.append('/** Size (2^bits slots) and multiplier of the numeral hash table, collision-free on the rows below. */\n')
    lines.append('inline constexpr unsigned numeral_hash_bits = %d;\n' % bits)
    lines.append('inline constexpr std::uint32_t numeral_hash_multiplier = 0x%08Xu;\n\n' % mult)
    lines.append('inline constexpr numeral_entry numeral_entries[] = {\n')
    for r in rows:
        if r['role'] not in TABLE_ROLES:
            continue
        lines.append("    {U'\\u%04X', {numeral_kind::%s, %d, %s}},  // %s\n" %
                     (ord(r['char']), r['role'], r['value'], 'true' if r['financial'] else 'false',
                      ascii_comment(r['note'])))
    lines.append('};\n')
    return ''.join(lines) + tail


def gen_triggers(rows, src):
    lines, tail = header('gen_triggers', src, 'detail/metric_scan.hpp',
                         'The metric scanner\'s trigger characters (every numeral character that starts '
                         'or continues a number, 3-byte UTF-8) with their SIMD bucket.')
    lines.append('inline constexpr metric_trigger metric_trigger_cps[] = {\n')
    for r in rows:
        if r['bucket'] is None:
            continue
        lines.append('    {0x%04X, %d},  // %s %s\n' % (ord(r['char']), r['bucket'], r['role'],
                                                     ascii_comment(r['note'])))
    lines.append('};\n')
    lines.append('/** The triggers of role word (no numeral: they start a quantity word, fan of fan fan). */\n')
    lines.append('inline constexpr char32_t metric_word_trigger_cps[] = {\n')
    words = [r for r in rows if r['role'] == 'word']
    for r in words:
        lines.append('    0x%04X,  // %s\n' % (ord(r['char']), ascii_comment(r['note'])))
    if not words:
        lines.append('    0,  // (none)\n')
    lines.append('};\n')
    return ''.join(lines) + tail


# --- units ----------------------------------------------------------------------------------

UNIT_COLS = ['text', 'norm', 'category', 'multiplier', 'flags', 'not_before', 'base', 'factor', 'offset', 'note']


def load_units(path):
    rows = read_tsv(path, UNIT_COLS)
    seen = {}
    norm_factor = {}
    out = []
    for n, r in rows:
        text, norm, cat = r['text'], r['norm'], r['category']
        if text in seen:
            pn, pr = seen[text]
            same = all(pr[c] == r[c] for c in UNIT_COLS if c != 'note')
            fail(path, n, '%s listed twice (first at line %d)%s' %
                 (text, pn, '' if same else ' with different meanings'))
        seen[text] = (n, r)
        if text == '' or norm == '':
            fail(path, n, 'text and norm must not be empty')
        if utf8_len(text[0]) == 4:
            fail(path, n, 'a unit may not start with a 4-byte character (find_unit reads 1-3 byte leads)')
        if cat not in CATEGORIES:
            fail(path, n, 'unknown category %r (known: %s)' % (cat, ', '.join(CATEGORIES)))
        mult = parse_decimal(r['multiplier'])
        if mult is None or mult == 0:
            fail(path, n, 'multiplier must be a positive decimal, got %r' % r['multiplier'])
        try:
            mult_cpp = cpp_double(mult)
        except ValueError:
            fail(path, n, 'multiplier %s is not exact as a double' % r['multiplier'])
        flags = [f for f in r['flags'].split(',')] if r['flags'] else []
        for f in flags:
            if f not in FLAGS:
                fail(path, n, 'unknown flag %r (known: %s)' % (f, ', '.join(FLAGS)))
        if len(set(flags)) != len(flags):
            fail(path, n, 'a flag is listed twice')
        if ('magnitude' in flags) != (mult != 1):
            fail(path, n, 'the magnitude flag goes with a multiplier other than 1, and only there')
        nb = r['not_before']
        for ch in nb:
            if utf8_len(ch) != 3:
                fail(path, n, 'not_before lists 3-byte (CJK) characters only, not %r' % ch)
        if len(set(nb)) != len(nb):
            fail(path, n, 'not_before lists a character twice')
        base, factor_s, offset_s = r['base'], r['factor'], r['offset']
        if norm == '-':
            if base or factor_s or offset_s:
                fail(path, n, 'a non-unit (norm -) has no base, factor or offset')
            vf = None
        else:
            if bool(base) != bool(factor_s):
                fail(path, n, 'base and factor go together (both empty: no conversion)')
            if offset_s and not base:
                fail(path, n, 'offset without a base')
            vf = None
            if base:
                if cat in CATEGORY_BASES and not CATEGORY_BASES[cat].match(base):
                    fail(path, n, 'base %r does not fit category %s' % (base, cat))
                factor = parse_factor(factor_s)
                if factor is None or factor == 0:
                    fail(path, n, 'factor must be a positive exact decimal (0.0254) or fraction (2000/3), '
                         'got %r' % factor_s)
                if offset_s and not re.match(r'^-?[0-9]+$', offset_s):
                    fail(path, n, 'offset must be an integer, got %r' % offset_s)
                # the factor per unit of metric::value (the norm): the value is already
                # multiplied by the multiplier, and by 10 for cheng
                vf = factor / mult / (10 if 'cheng' in flags else 1)
                num, den, exp = split_factor(vf)
                if num >= 2 ** 64 or den >= 2 ** 64 or not -30 <= exp <= 30:
                    fail(path, n, 'factor does not fit num/den * 10^exp in 64 bits')
            if norm in norm_factor:
                pn, pbase, pvf = norm_factor[norm]
                if (pbase, pvf) != (base, vf):
                    fail(path, n, 'rows with norm %s disagree on the base conversion (line %d: %s %s; here: '
                         '%s %s per %s)' % (norm, pn, pbase or '-', pvf if pvf is not None else '-', base or '-',
                                            vf if vf is not None else '-', norm))
            else:
                norm_factor[norm] = (n, base, vf)
        out.append(dict(text=text, norm=norm, cat=cat, mult=mult_cpp, flags=flags, nb=nb, base=base,
                        factor=factor_s, vf=vf, offset=int(offset_s) if offset_s else 0, note=r['note'], line=n))
    out.sort(key=lambda u: u['text'].encode('utf-8'))
    return out


def gen_units(rows, src):
    lines, tail = header('gen_units', src, 'detail/unit_table.hpp',
                         'The unit lexicon, sorted by the UTF-8 bytes of `text`, and its base units.')
    lines.append('inline constexpr unit_entry unit_table[] = {\n')
    for u in rows:
        flags = '|'.join('u_' + f for f in u['flags']) or '0'
        lines.append('    {%s, %s, unit_category::%s, %s, %s, %s},  // %s\n' %
                     (cpp_str(u['text']), cpp_str(u['norm']), u['cat'], u['mult'], flags, cpp_str(u['nb']),
                      ascii_comment(u['note'])))
    lines.append('};\n\n')
    lines.append('/** Base unit of each row of unit_table (same index). */\n')
    lines.append('inline constexpr unit_base unit_bases[] = {\n')
    for u in rows:
        if u['vf'] is None:
            lines.append('    {"", "", 0, 0, 0, 0},  // %s\n' % ascii_comment(u['text']))
            continue
        num, den, exp = split_factor(u['vf'])
        lines.append('    {%s, %s, %du, %du, %d, %d},  // %s\n' %
                     (cpp_str(u['base']), cpp_str(u['factor']), num, den, exp, u['offset'],
                      ascii_comment(u['text'])))
    lines.append('};\n\n')
    # one row per norm with a base (the first in unit_table order), sorted by the norm's bytes:
    # the binary-search index of find_unit_base (base_unit.hpp), as data rather than a
    # compile-time sort
    first = {}
    for i, u in enumerate(rows):
        if u['vf'] is not None and u['norm'] not in first:
            first[u['norm']] = i
    order = sorted(first.items(), key=lambda kv: kv[0].encode('utf-8'))
    lines.append('/** Rows of unit_table with a base unit, one per norm, sorted by the UTF-8 bytes of `norm`. */\n')
    lines.append('inline constexpr std::uint16_t unit_norm_rows[] = {\n')
    for norm, i in order:
        lines.append('    %d,  // %s\n' % (i, ascii_comment(norm)))
    lines.append('};\n')
    return ''.join(lines) + tail


# --- word lists -----------------------------------------------------------------------------

LIST_COLS = ['list', 'kind', 'description']
WORD_COLS = ['list', 'text', 'meaning', 'note']


def keyable_edge(ch):
    return utf8_len(ch) in (1, 3)


def load_words(lists_path, words_path):
    lists = {}
    order = []
    for n, r in read_tsv(lists_path, LIST_COLS):
        name = r['list']
        if not re.match(r'^[a-z_][a-z0-9_]*$', name):
            fail(lists_path, n, 'list name must be a C++ identifier in lower case, got %r' % name)
        if r['kind'] not in LIST_KINDS:
            fail(lists_path, n, 'unknown kind %r (known: %s)' % (r['kind'], ', '.join(LIST_KINDS)))
        if name in lists:
            fail(lists_path, n, 'list %s declared twice' % name)
        lists[name] = dict(kind=r['kind'], description=r['description'], words=[], line=n)
        order.append(name)
    seen = {}
    for n, r in read_tsv(words_path, WORD_COLS):
        name, text, meaning = r['list'], r['text'], r['meaning']
        if name not in lists:
            fail(words_path, n, 'unknown list %r (declare it in %s)' % (name, os.path.basename(lists_path)))
        kind = lists[name]['kind']
        if text == '':
            fail(words_path, n, 'empty text')
        if kind == 'hedges':
            if meaning not in APPROX:
                fail(words_path, n, 'unknown meaning %r for a hedge (known: %s)' % (meaning, ', '.join(APPROX)))
        elif meaning:
            fail(words_path, n, 'meaning is only for hedge lists')
        if kind == 'chars':
            if len(text) != 1:
                fail(words_path, n, 'list %s holds single characters, got %r' % (name, text))
        elif not (keyable_edge(text[0]) and keyable_edge(text[-1])):
            fail(words_path, n, 'a word must start and end with an ASCII or 3-byte character (word_set keys)')
        if name == 'fixed_terms' and any(utf8_len(c) != 3 for c in text):
            fail(words_path, n, 'fixed_terms are made of 3-byte characters only')
        k = (name, text)
        if k in seen:
            pn, pm = seen[k]
            fail(words_path, n, '%s listed twice in %s (first at line %d)%s' %
                 (text, name, pn, '' if pm == meaning else ' with different meanings'))
        seen[k] = (n, meaning)
        lists[name]['words'].append(dict(text=text, meaning=meaning, note=r['note']))
    for name in order:
        if not lists[name]['words']:
            fail(lists_path, lists[name]['line'], 'list %s has no words in %s' % (name, os.path.basename(words_path)))
    return [(name, lists[name]) for name in order]


def wrap_comment(text, width=96):
    words = ascii_comment(text).split()
    lines, cur = [], ''
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + ' ' + w) if cur else w
    if cur:
        lines.append(cur)
    return ['// ' + l + '\n' for l in lines]


def gen_words(lists, src):
    lines, tail = header('gen_words', src, 'metric.hpp',
                         'The word lists of the metric context rules, in match order (first match wins).')
    for name, l in lists:
        lines.extend(wrap_comment(l['description']))
        kind = l['kind']
        if kind == 'chars':
            lines.append('inline constexpr std::u32string_view %s =\n    %s;  // %s\n' %
                         (name, cpp_u32(''.join(w['text'] for w in l['words'])),
                          ascii_comment(' '.join(w['text'] for w in l['words']))[:60] + ' ...'
                          if len(l['words']) > 12 else ascii_comment(' '.join(w['text'] for w in l['words']))))
        elif kind == 'words':
            lines.append('inline constexpr std::string_view %s[] = {\n' % name)
            for w in l['words']:
                lines.append('    %s,%s\n' % (cpp_str(w['text']), ('  // ' + ascii_comment(w['note'])) if w['note'] else ''))
            lines.append('};\n')
        else:
            lines.append('inline constexpr hedge_word %s[] = {\n' % name)
            for w in l['words']:
                lines.append('    {%s, approximation::%s},%s\n' %
                             (cpp_str(w['text']), w['meaning'],
                              ('  // ' + ascii_comment(w['note'])) if w['note'] else ''))
            lines.append('};\n')
        lines.append('\n')
    if lines[-1] == '\n':
        lines.pop()
    return ''.join(lines) + tail


# --- marker styles --------------------------------------------------------------------------

MARKER_COLS = ['style', 'open', 'close', 'numerals', 'family', 'rank', 'example', 'note']
# zhscan::marker_style (detail/marker_types.hpp), in enum order
MARKER_STYLES = ['han_dun', 'paren_han', 'arabic_dot', 'arabic_dun', 'paren_arabic', 'circled', 'roman',
                 'tiangan', 'latin_dot', 'chapter', 'section', 'article', 'clause', 'part', 'enum_shi',
                 'di_comma', 'qi_ordinal', 'seq_word', 'han_bare', 'arabic_paren', 'decimal_outline',
                 'enclosed_paren', 'enclosed_han', 'latin_paren', 'enclosed_stop', 'circled_han', 'han_paren',
                 'paren_roman', 'paren_tiangan', 'bracket_han', 'bracket_arabic']
# the run-in styles (zhscan::is_inline_style): rank `inline`
INLINE_STYLES = {'enum_shi', 'di_comma', 'qi_ordinal', 'seq_word'}
# numeral systems a style row may name (the marker rules read them; han = every Han digit of
# data/numerals.tsv, plain and financial)
MARKER_NUMERALS = ['han', 'arabic', 'circled', 'roman', 'tiangan', 'latin', 'sequence', 'decimal',
                   'enclosed_paren', 'enclosed_han', 'enclosed_stop', 'circled_han']
# the styles whose rows are data the scanner reads: one C++ bracket_styles row per (open,
# close) pair, taking the numeral systems of its rows
BRACKET_STYLES = {'bracket_han': 'han', 'bracket_arabic': 'arabic'}
# ASCII openers the SIMD prefilters test (class '(' or '[' of detail/marker_simd.hpp)
ASCII_OPENERS = '(['


def load_marker_styles(path):
    rows = read_tsv(path, MARKER_COLS)
    out = []
    per_style = {}
    seen = {}
    for n, r in rows:
        st = r['style']
        if st not in MARKER_STYLES:
            fail(path, n, 'unknown style %r (known: %s; a new style is a zhscan::marker_style value first)' %
                 (st, ', '.join(MARKER_STYLES)))
        for col in ('open', 'close'):
            v = r[col]
            if len(v) > 4:
                fail(path, n, '%s punctuation %r is longer than 4 characters' % (col, v))
            if any(c in '\t\n\r' for c in v):
                fail(path, n, '%s punctuation may not hold white space' % col)
        nums = r['numerals']
        if nums not in MARKER_NUMERALS:
            fail(path, n, 'unknown numeral system %r (known: %s)' % (nums, ', '.join(MARKER_NUMERALS)))
        fam = r['family']
        if fam != '-' and not re.match(r'^[a-z_][a-z0-9_]*$', fam):
            fail(path, n, 'family must be a lower-case name or -, got %r' % fam)
        rank = r['rank']
        if rank not in ('-', 'inline') and not re.match(r'^[0-5]$', rank):
            fail(path, n, 'rank must be 0..5 (GB/T 9704 order), - or inline, got %r' % rank)
        if (rank == 'inline') != (st in INLINE_STYLES):
            fail(path, n, 'rank inline goes with the run-in styles (%s) and only there' %
                 ', '.join(sorted(INLINE_STYLES)))
        ex = r['example'].split(' ')
        if len(ex) < 2 or any(e == '' for e in ex):
            fail(path, n, 'example must be the first two markers (or more), one space between them')
        if st in BRACKET_STYLES:
            o, c = r['open'], r['close']
            if len(o) != 1 or len(c) != 1:
                fail(path, n, 'a bracket style has one opening and one closing character')
            if nums != BRACKET_STYLES[st]:
                fail(path, n, '%s takes %s numerals' % (st, BRACKET_STYLES[st]))
            b = o.encode('utf-8')
            if len(b) == 1 and o not in ASCII_OPENERS:
                fail(path, n, 'ASCII opener %r: the SIMD prefilters test only %s among ASCII bytes' %
                     (o, ' '.join(ASCII_OPENERS)))
            if len(b) == 2 or len(b) == 4:
                fail(path, n, 'opener %r: the marker scanner triggers on 1- and 3-byte characters only' % o)
            if len(b) == 3 and 0xE4 <= b[0] <= 0xE9:
                fail(path, n, 'opener %r is an ideograph: brackets are punctuation' % o)
            if ex[0] != o + ex[0][1:-1] + c:
                fail(path, n, 'example %r is not written with the row\'s brackets' % ex[0])
        key = (st, r['open'], r['close'], nums, r['example'])
        if key in seen:
            fail(path, n, 'style %s with %s ... %s and example %s listed twice (first at line %d)' %
                 (st, r['open'] or '-', r['close'] or '-', r['example'], seen[key]))
        seen[key] = n
        if st in per_style:
            pn, pfam, prank = per_style[st]
            if (pfam, prank) != (fam, rank):
                fail(path, n, 'rows of style %s disagree on family or rank (line %d: %s %s; here: %s %s)' %
                     (st, pn, pfam, prank, fam, rank))
        else:
            per_style[st] = (n, fam, rank)
        out.append(dict(style=st, open=r['open'], close=r['close'], numerals=nums, family=fam, rank=rank,
                        example=ex, note=r['note'], line=n))
    missing = [s for s in MARKER_STYLES if s not in per_style]
    if missing:
        fail(path, len(rows) + 1, 'no row for style %s (every zhscan::marker_style has one)' % ', '.join(missing))
    # brackets: one pair per opener
    pairs = {}
    for r in out:
        if r['style'] in BRACKET_STYLES:
            o = r['open']
            if o in pairs and pairs[o]['close'] != r['close']:
                fail(path, r['line'], 'opener %s closes with %s on line %d' % (o, pairs[o]['close'], pairs[o]['line']))
            pairs.setdefault(o, dict(close=r['close'], line=r['line'], han=False, arabic=False, note=r['note']))
            pairs[o][BRACKET_STYLES[r['style']]] = True
    return out, per_style, pairs


def opener_patterns(openers):
    """SIMD tests of the 3-byte openers not covered by the full-width class (EF BC/BD):
    one per (lead, second byte): (b0, b1, fold, byte), matching when (b2 | fold) == byte."""
    groups = {}
    for o in openers:
        b = o.encode('utf-8')
        if len(b) != 3 or (b[0] == 0xEF and b[1] in (0xBC, 0xBD)):
            continue
        groups.setdefault((b[0], b[1]), []).append(b[2])
    pats = []
    for (b0, b1), thirds in sorted(groups.items()):
        fold = 0
        for t in thirds:
            fold |= t ^ thirds[0]
        pats.append((b0, b1, fold, thirds[0] | fold))
    return pats


def gen_marker_styles(rows, per_style, pairs, src):
    lines, tail = header('gen_marker_styles', src, 'detail/marker_chars.hpp',
                         'Outline marker styles: per-style traits, the bracket pairs the scanner reads, '
                         'and the SIMD opener tests.')
    fams = []
    for st in MARKER_STYLES:
        f = per_style[st][1]
        if f != '-' and f not in fams:
            fams.append(f)
    lines.append('/** Traits of each zhscan::marker_style, in enum order: family (0: a family of its own; '
                 'styles of one family\n *  interchange at one level), GB/T 9704 rank (-1: none), run in. */\n')
    lines.append('inline constexpr marker_style_trait marker_style_traits[] = {\n')
    for st in MARKER_STYLES:
        _, f, rank = per_style[st]
        fid = 0 if f == '-' else fams.index(f) + 1
        rk = -1 if rank in ('-', 'inline') else int(rank)
        lines.append('    {marker_style::%s, %d, %d, %s},  // family %s\n' %
                     (st, fid, rk, 'true' if rank == 'inline' else 'false', f))
    lines.append('};\n\n')
    lines.append('/** Bracket pairs of the bracket styles: a numeral of the systems marked true between '
                 'the pair is a marker.\n *  One row per opener; each row is a level key of its own. */\n')
    lines.append('inline constexpr bracket_style bracket_styles[] = {\n')
    for o, p in pairs.items():
        lines.append("    {U'%s', U'%s', %s, %s},  // %s\n" %
                     (cpp_escape(o) if ord(o) >= 0x80 else o, cpp_escape(p['close']) if ord(p['close']) >= 0x80 else p['close'],
                      'true' if p['han'] else 'false', 'true' if p['arabic'] else 'false', ascii_comment(p['note'])))
    lines.append('};\n\n')
    pats = opener_patterns(list(pairs))
    if not pats:
        pats = [(0xFF, 0xFF, 0, 0xFF)]  # never matches valid UTF-8: keeps the array non-empty
    lines.append('/** SIMD tests of the 3-byte openers outside the full-width block EF BC/BD (which the '
                 'prefilters test\n *  as a class): lead b0, second byte b1, and (b2 | fold) == b2_folded. */\n')
    lines.append('inline constexpr opener_pattern marker_opener_patterns[] = {\n')
    for b0, b1, fold, b2 in pats:
        lines.append('    {0x%02X, 0x%02X, 0x%02X, 0x%02X},\n' % (b0, b1, fold, b2))
    lines.append('};\n\n')
    lines.append('/** Every row of the data file (what tests/test_knowledge.cpp walks): style, open and '
                 'close punctuation,\n *  numeral system, example markers (space-separated). */\n')
    lines.append('inline constexpr marker_style_row marker_style_rows[] = {\n')
    for r in rows:
        lines.append('    {marker_style::%s, %s, %s, %s, %s},\n' %
                     (r['style'], cpp_str(r['open']), cpp_str(r['close']), cpp_str(r['numerals']),
                      cpp_str(' '.join(r['example']))))
    lines.append('};\n')
    return ''.join(lines) + tail


# --- SIMD buckets ---------------------------------------------------------------------------

def filter_passes(triggers, freq):
    """How many characters of `freq` ({code point: count}, triggers excluded) pass the
    AVX-512 (64-entry lookups of b0 b1 b2) and the AVX2 (five nibble lookups) filters of
    detail/metric_scan.hpp with `triggers` ({code point: bucket})."""
    t512 = [[set(), set(), set()] for _ in range(8)]
    t2 = [[set() for _ in range(5)] for _ in range(8)]
    for cp, k in triggers.items():
        b = chr(cp).encode('utf-8')
        for i in range(3):
            t512[k][i].add(b[i] & 63)
        for i, v in enumerate((b[0] & 15, b[1] >> 4, b[1] & 15, b[2] >> 4, b[2] & 15)):
            t2[k][i].add(v)
    p512 = p2 = 0
    for cp, n in freq.items():
        if cp in triggers:
            continue
        b = chr(cp).encode('utf-8')
        n6 = (b[0] & 63, b[1] & 63, b[2] & 63)
        nib = (b[0] & 15, b[1] >> 4, b[1] & 15, b[2] >> 4, b[2] & 15)
        if any(all(n6[i] in t512[k][i] for i in range(3)) for k in range(8)):
            p512 += n
        if any(all(nib[i] in t2[k][i] for i in range(5)) for k in range(8)):
            p2 += n
    return p512, p2


def bucket_report(numerals, paths):
    """Prints the filter pass rates on the texts and, per trigger character, a better bucket
    (4 x the AVX-512 passes + the AVX2 passes, holding the other characters fixed)."""
    freq = {}
    for path in paths:
        with open(path, encoding='utf-8', errors='replace') as f:
            for ch in f.read():
                if 0x800 <= ord(ch) <= 0xFFFF:
                    freq[ord(ch)] = freq.get(ord(ch), 0) + 1
    total = sum(freq.values()) or 1
    trig = {ord(r['char']): r['bucket'] for r in numerals if r['bucket'] is not None}
    cost = lambda t: (lambda p: 4 * p[0] + p[1])(filter_passes(t, freq))
    p512, p2 = filter_passes(trig, freq)
    print('%d 3-byte characters; non-triggers passing the filter: AVX-512 %.3f%%, AVX2 %.3f%%' %
          (total, 100.0 * p512 / total, 100.0 * p2 / total))
    base = cost(trig)
    for r in numerals:
        if r['bucket'] is None:
            continue
        cp = ord(r['char'])
        best, best_cost = r['bucket'], base
        for k in range(8):
            t = dict(trig)
            t[cp] = k
            c = cost(t)
            if c < best_cost:
                best, best_cost = k, c
        if best != r['bucket']:
            t = dict(trig)
            t[cp] = best
            q512, q2 = filter_passes(t, freq)
            print('data/numerals.tsv:%d: %s bucket %d -> %d: AVX-512 %.3f%%, AVX2 %.3f%%' %
                  (r['line'], r['char'], r['bucket'], best, 100.0 * q512 / total, 100.0 * q2 / total))


# --- driver ---------------------------------------------------------------------------------

def build(data_dir):
    """{output path relative to the include dir: text}."""
    rel = lambda f: 'data/' + f
    numerals = load_numerals(os.path.join(data_dir, 'numerals.tsv'))
    units = load_units(os.path.join(data_dir, 'units.tsv'))
    words = load_words(os.path.join(data_dir, 'word_lists.tsv'), os.path.join(data_dir, 'words.tsv'))
    markers, per_style, pairs = load_marker_styles(os.path.join(data_dir, 'marker_styles.tsv'))
    return {
        'gen_numerals.hpp': gen_numerals(numerals, rel('numerals.tsv')),
        'gen_triggers.hpp': gen_triggers(numerals, rel('numerals.tsv')),
        'gen_units.hpp': gen_units(units, rel('units.tsv')),
        'gen_words.hpp': gen_words(words, rel('word_lists.tsv') + ' and ' + rel('words.tsv')),
        'gen_marker_styles.hpp': gen_marker_styles(markers, per_style, pairs, rel('marker_styles.tsv')),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--check', action='store_true', help='exit 1 if a generated header is stale')
    ap.add_argument('--data', default=os.path.join(ROOT, 'data'), help='data folder (default: data/)')
    ap.add_argument('--out', default=os.path.join(ROOT, 'include', 'zhscan', 'detail'),
                    help='output folder (default: include/zhscan/detail/)')
    ap.add_argument('--bucket-report', nargs='+', metavar='TEXT',
                    help='print how many characters of the TEXT files pass the metric scanner\'s '
                         'SIMD filters, and better simd_bucket choices; writes nothing')
    a = ap.parse_args(argv)
    if a.bucket_report:
        try:
            bucket_report(load_numerals(os.path.join(a.data, 'numerals.tsv')), a.bucket_report)
        except DataError as e:
            print('gen_tables.py: %s' % e, file=sys.stderr)
            return 2
        return 0
    try:
        files = build(a.data)
    except DataError as e:
        print('gen_tables.py: %s' % e, file=sys.stderr)
        return 2
    stale = []
    for name, text in files.items():
        path = os.path.join(a.out, name)
        try:
            with open(path, encoding='utf-8', newline='') as f:
                current = f.read()
        except OSError:
            current = None
        if current == text:
            continue
        if a.check:
            stale.append(path)
        else:
            with open(path, 'w', encoding='utf-8', newline='\n') as f:
                f.write(text)
            print('wrote %s' % os.path.relpath(path, ROOT))
    if stale:
        for p in stale:
            print('%s is stale: run python3 scripts/gen_tables.py and commit the result' % p, file=sys.stderr)
        return 1
    if a.check:
        print('generated tables are up to date (%d files)' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
