#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of scripts/gen_tables.py: malformed data rows stop it with `file:line: reason`, and
the committed data files generate the committed headers. Run by ctest and meson test:

    python3 tests/test_gen_tables.py
"""
import contextlib
import io
import os
import shutil
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))
import gen_tables  # noqa: E402

DATA = os.path.join(ROOT, 'data')


class Malformed(unittest.TestCase):
    """Each test copies data/ to a temporary folder, breaks one row and runs the generator."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='zhscan_gen_')
        self.data = os.path.join(self.tmp, 'data')
        self.out = os.path.join(self.tmp, 'out')
        shutil.copytree(DATA, self.data)
        os.mkdir(self.out)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_gen(self, *extra):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = gen_tables.main(['--data', self.data, '--out', self.out] + list(extra))
        return code, err.getvalue()

    def append(self, name, raw):
        with open(os.path.join(self.data, name), 'ab') as f:
            f.write(raw)

    def line_count(self, name):
        with open(os.path.join(self.data, name), 'rb') as f:
            return f.read().count(b'\n')

    def replace(self, name, old, new):
        path = os.path.join(self.data, name)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text.replace(old, new, 1))
        return text[:text.index(old)].count('\n') + 1  # line of the change

    def assert_fails(self, name, line, reason_part):
        code, err = self.run_gen()
        self.assertEqual(code, 2, err)
        self.assertIn('%s:%d: ' % (os.path.join(self.data, name), line), err)
        self.assertIn(reason_part, err)
        self.assertEqual(os.listdir(self.out), [], 'nothing is written when a row is malformed')

    def test_clean_copy_generates(self):
        self.assertEqual(self.run_gen()[0], 0)
        self.assertEqual(sorted(os.listdir(self.out)),
                         ['gen_marker_styles.hpp', 'gen_numerals.hpp', 'gen_triggers.hpp', 'gen_units.hpp',
                          'gen_words.hpp'])

    def test_unknown_category(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '光年\t光年\tastronomy\t1\t\t\tm\t9460730472580800\t\tlight year\n'.encode())
        self.assert_fails('units.tsv', n, "unknown category 'astronomy'")

    def test_unknown_flag(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '光年\t光年\tlength\t1\tcosmic\t\tm\t9460730472580800\t\tlight year\n'.encode())
        self.assert_fails('units.tsv', n, "unknown flag 'cosmic'")

    def test_unit_twice_with_different_meanings(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '公斤\t公斤\tmass\t1\t\t\tkg\t2\t\twrong factor\n'.encode())
        self.assert_fails('units.tsv', n, 'listed twice (first at line')
        code, err = self.run_gen()
        self.assertIn('with different meanings', err)

    def test_unit_twice_identical(self):
        path = os.path.join(self.data, 'units.tsv')
        with open(path, encoding='utf-8') as f:
            row = [l for l in f.read().split('\n') if l.startswith('公斤\t')][0]
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', (row + '\n').encode())
        self.assert_fails('units.tsv', n, 'listed twice')

    def test_wrong_column_count(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '光年\t光年\tlength\n'.encode())
        self.assert_fails('units.tsv', n, '3 columns, expected 10')

    def test_invalid_utf8(self):
        n = self.line_count('words.tsv') + 1
        self.append('words.tsv', b'hedges_before\t\xe7\xba\tabout\tcut character\n')
        self.assert_fails('words.tsv', n, 'invalid UTF-8')

    def test_bad_factor(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '光年\t光年\tlength\t1\t\t\tm\tabout 9.46e15\t\tlight year\n'.encode())
        self.assert_fails('units.tsv', n, 'factor must be a positive exact decimal')

    def test_base_that_does_not_fit_the_category(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '光年\t光年\tlength\t1\t\t\tkg\t1\t\tlight year\n'.encode())
        self.assert_fails('units.tsv', n, "base 'kg' does not fit category length")

    def test_norm_rows_disagree(self):
        # 千克 and 公斤 are separate norms; a second spelling of 公斤 with another factor is not
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '公觔\t公斤\tmass\t1\t\t\tkg\t1000\t\tvariant spelling, wrong factor\n'.encode())
        self.assert_fails('units.tsv', n, 'rows with norm 公斤 disagree on the base conversion')

    def test_not_before_four_byte(self):
        n = self.line_count('units.tsv') + 1
        self.append('units.tsv', '光年\t光年\tlength\t1\t\t\U00020000\tm\t1\t\tlight year\n'.encode())
        self.assert_fails('units.tsv', n, 'not_before lists 3-byte (CJK) characters only')

    def test_new_digit_gets_a_collision_free_hash(self):
        # 仨 collides with the hash in use: the generator chooses new parameters
        self.append('numerals.tsv', '仨\tdigit\t3\tno\t5\tsa, three\n'.encode())
        self.assertEqual(self.run_gen()[0], 0)
        with open(os.path.join(self.out, 'gen_numerals.hpp'), encoding='ascii') as f:
            text = f.read()
        import re
        bits = int(re.search(r'numeral_hash_bits = (\d+);', text).group(1))
        mult = int(re.search(r'numeral_hash_multiplier = 0x([0-9A-F]+)u;', text).group(1), 16)
        self.assertNotEqual((bits, mult), gen_tables.NUMERAL_HASH)
        keys = [int(m, 16) for m in re.findall(r"\{U'\\u([0-9A-F]{4})'", text)]
        self.assertIn(0x4EE8, keys)
        slots = {((gen_tables.utf8_key3(chr(k)) * mult) & 0xFFFFFFFF) >> (32 - bits) for k in keys}
        self.assertEqual(len(slots), len(keys))

    def test_unknown_role(self):
        n = self.line_count('numerals.tsv') + 1
        self.append('numerals.tsv', '俩\tpair\t2\tno\t\tlia\n'.encode())
        self.assert_fails('numerals.tsv', n, "unknown role 'pair'")

    def test_digit_twice_with_different_values(self):
        n = self.line_count('numerals.tsv') + 1
        self.append('numerals.tsv', '叄\tdigit\t4\tyes\t3\tdifferent value\n'.encode())
        self.assert_fails('numerals.tsv', n, 'with different meanings')

    def test_digit_value_out_of_range(self):
        n = self.line_count('numerals.tsv') + 1
        self.append('numerals.tsv', '俩\tdigit\t12\tno\t3\tlia\n'.encode())
        self.assert_fails('numerals.tsv', n, 'value 12 is not a digit value')

    def test_trigger_needs_bucket(self):
        n = self.line_count('numerals.tsv') + 1
        self.append('numerals.tsv', '俩\tliang\t2\tno\t\tlia\n'.encode())
        self.assert_fails('numerals.tsv', n, 'simd_bucket must be 0..7')

    def test_unknown_hedge_meaning(self):
        n = self.line_count('words.tsv') + 1
        self.append('words.tsv', 'hedges_before\t差不多\tsomewhat\t\n'.encode())
        self.assert_fails('words.tsv', n, "unknown meaning 'somewhat'")

    def test_hedge_twice_with_different_meanings(self):
        n = self.line_count('words.tsv') + 1
        self.append('words.tsv', 'hedges_before\t约\tat_most\tcontradicts the first row\n'.encode())
        self.assert_fails('words.tsv', n, 'with different meanings')

    def test_unknown_list(self):
        n = self.line_count('words.tsv') + 1
        self.append('words.tsv', 'no_such_list\t的\t\t\n'.encode())
        self.assert_fails('words.tsv', n, "unknown list 'no_such_list'")

    def test_char_list_holds_single_characters(self):
        n = self.line_count('words.tsv') + 1
        self.append('words.tsv', 'level_cps\t自治区\t\t\n'.encode())
        self.assert_fails('words.tsv', n, 'holds single characters')

    def test_unknown_list_kind(self):
        line = self.replace('word_lists.tsv', 'week_words\twords\t', 'week_words\tphrases\t')
        self.assert_fails('word_lists.tsv', line, "unknown kind 'phrases'")

    def test_crlf(self):
        n = self.line_count('words.tsv') + 1
        self.append('words.tsv', 'week_words\t礼拜天\t\t\r\n'.encode())
        self.assert_fails('words.tsv', n, 'carriage return')


    # --- data/marker_styles.tsv ---

    def style_row(self, style, open_, close, numerals, family, rank, example, note='test row'):
        n = self.line_count('marker_styles.tsv') + 1
        self.append('marker_styles.tsv', ('\t'.join([style, open_, close, numerals, family, rank, example, note]) +
                                          '\n').encode())
        return n

    def test_marker_unknown_style(self):
        n = self.style_row('bracket_double', '〖', '〗', 'han', '-', '-', '〖一〗 〖二〗')
        self.assert_fails('marker_styles.tsv', n, "unknown style 'bracket_double'")

    def test_marker_unknown_numeral_system(self):
        n = self.style_row('han_dun', '', '．', 'hebrew', '-', '1', '一． 二．')
        self.assert_fails('marker_styles.tsv', n, "unknown numeral system 'hebrew'")

    def test_marker_rows_of_a_style_disagree(self):
        n = self.style_row('arabic_dot', '', '。', 'arabic', 'arabic_paren', '3', '1。 2。')
        self.assert_fails('marker_styles.tsv', n, 'rows of style arabic_dot disagree on family or rank')

    def test_marker_bad_rank(self):
        n = self.style_row('han_dun', '', '．', 'han', '-', '7', '一． 二．')
        self.assert_fails('marker_styles.tsv', n, 'rank must be 0..5')

    def test_marker_inline_rank_on_a_heading_style(self):
        n = self.style_row('chapter', '第', '回', 'han', '-', 'inline', '第一回 第二回')
        self.assert_fails('marker_styles.tsv', n, 'rank inline goes with the run-in styles')

    def test_marker_row_twice(self):
        n = self.style_row('bracket_han', '【', '】', 'han', '-', '-', '【一】 【二】')
        self.assert_fails('marker_styles.tsv', n, 'listed twice (first at line')

    def test_marker_ascii_opener_the_prefilters_do_not_test(self):
        n = self.style_row('bracket_arabic', '<', '>', 'arabic', '-', '-', '<1> <2>')
        self.assert_fails('marker_styles.tsv', n, "ASCII opener '<'")

    def test_marker_ideograph_opener(self):
        n = self.style_row('bracket_han', '之', '】', 'han', '-', '-', '之一】 之二】')
        self.assert_fails('marker_styles.tsv', n, 'is an ideograph')

    def test_marker_opener_with_two_closers(self):
        n = self.style_row('bracket_arabic', '【', '〗', 'arabic', '-', '-', '【1〗 【2〗')
        self.assert_fails('marker_styles.tsv', n, 'opener 【 closes with 】')

    def test_marker_example_needs_two_markers(self):
        n = self.style_row('bracket_han', '〖', '〗', 'han', '-', '-', '〖一〗')
        self.assert_fails('marker_styles.tsv', n, 'example must be the first two markers')

    def test_marker_every_style_has_a_row(self):
        path = os.path.join(self.data, 'marker_styles.tsv')
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        kept = [l for l in lines if not l.startswith('circled_han\t')]
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(kept))
        self.assert_fails('marker_styles.tsv', len([l for l in kept if l]), 'no row for style circled_han')

    def test_marker_new_bracket_row_reaches_the_simd_patterns(self):
        # 〖 (E3 80 96) joins the E3 80 group: the fold grows so that one compare covers it
        self.style_row('bracket_han', '〖', '〗', 'han', '-', '-', '〖一〗 〖二〗')
        self.assertEqual(self.run_gen()[0], 0)
        with open(os.path.join(self.out, 'gen_marker_styles.hpp'), encoding='ascii') as f:
            text = f.read()
        self.assertIn("{U'\\u3016', U'\\u3017', true, false}", text)
        import re
        pats = re.findall(r'\{0x([0-9A-F]{2}), 0x([0-9A-F]{2}), 0x([0-9A-F]{2}), 0x([0-9A-F]{2})\},', text)
        for third in (0x90, 0x94, 0x96):
            self.assertTrue(any(int(a, 16) == 0xE3 and int(b, 16) == 0x80 and (third | int(f, 16)) == int(v, 16)
                                for a, b, f, v in pats), hex(third))

class Committed(unittest.TestCase):
    def test_committed_headers_are_fresh(self):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
            code = gen_tables.main(['--check'])
        self.assertEqual(code, 0, err.getvalue())

    def test_generated_headers_are_ascii(self):
        for name in ('gen_numerals.hpp', 'gen_triggers.hpp', 'gen_units.hpp', 'gen_words.hpp',
                     'gen_marker_styles.hpp'):
            with open(os.path.join(ROOT, 'include', 'zhscan', 'detail', name), 'rb') as f:
                data = f.read()
            self.assertTrue(all(b < 0x80 for b in data), name)
            self.assertIn(b'GENERATED by scripts/gen_tables.py from data/', data)

    def test_factor_split_is_exact(self):
        import fractions
        for s, want in (('0.0254', (254, 1, -4)), ('2000/3', (2, 3, 3)), ('10000', (1, 1, 4)),
                        ('0.5', (5, 1, -1)), ('5/9', (5, 9, 0)), ('0.028349523125', (28349523125, 1, -12))):
            got = gen_tables.split_factor(gen_tables.parse_factor(s))
            self.assertEqual(got, want, s)
            self.assertEqual(fractions.Fraction(got[0], got[1]) * fractions.Fraction(10) ** got[2],
                             gen_tables.parse_factor(s))


if __name__ == '__main__':
    unittest.main()
