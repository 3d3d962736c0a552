// SPDX-License-Identifier: MIT
// SIMD prefilter of the outline-marker scanner (detail/marker_scan.hpp).
#ifndef ZHSCAN_DETAIL_MARKER_SIMD_HPP
#define ZHSCAN_DETAIL_MARKER_SIMD_HPP

#include <cstddef>
#include <cstdint>

#include "cpu.hpp"
#include "marker_chars.hpp"

#if ZHSCAN_X86_SIMD
#include <immintrin.h>
#endif
#if ZHSCAN_NEON_SIMD
#include <arm_neon.h>
#endif

/**
 * Positions the scalar scanner must look at, computed for a whole block at once:
 *
 *   (trigger lead & !after_word) | enclosed lead
 *
 *   trigger lead  ASCII 1-9 followed within three digits by '.', ')', a space or tab, or a
 *                 lead byte E3/EF (dunhao, full-width stop or parenthesis); '(' and '['; an ASCII
 *                 letter followed by '.', ')' or a non-ASCII byte, or two Roman-ish letters
 *                 (ii., iv.); a lead byte E4..E9 (CJK ideographs; the AVX-512 kernel keeps
 *                 only those passing han_trigger_lut, a superset of the Han numerals, di,
 *                 qi, shou, zui, zai and Heavenly Stems); EF + BC/BD (full-width
 *                 parenthesis, digits, letters)
 *   after_word    the previous byte is an ASCII letter or digit, or the previous three bytes
 *                 are a CJK ideograph (lead E4..E9 + two continuation bytes); the scalar
 *                 check adds "a dot before a digit or letter"
 *   enclosed lead E2 + 81..9F (not 90), E3 + 88..8A (Roman, circled, parenthesized and
 *                 full-stop numerals), and the bracket openers of bracket_styles outside
 *                 EF BC/BD (marker_opener_patterns, generated from data/marker_styles.tsv:
 *                 today E3 80 + 90 / 94), which may follow a word
 *
 * Every test is a superset of the scalar one (and the word exclusion a subset), so the mask
 * is a superset of the positions the scalar loop examines; each position is then checked
 * by the same scalar code (after_word, trigger table, continuation bytes), so the SIMD and
 * scalar paths report the same candidates (checked by the tests and the fuzz harness).
 * The AVX-512 kernel classifies bytes with nibble tables (vpshufb) and the Han triggers
 * with three 64-entry vpermb tables, in the vector domain, and forms masks only at the end
 * (no mask-register spills). Blocks dense in candidates but without any text byte are
 * skipped as a whole (see scan_blocks_*).
 */
namespace zhscan {
namespace detail {
namespace mk {

#if ZHSCAN_X86_SIMD

#define ZHSCAN_MARKER_TARGET_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt"), always_inline))
#define ZHSCAN_MARKER_KERNEL_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))
#define ZHSCAN_MARKER_TARGET_AVX512 \
  __attribute__((target("avx512f,avx512bw,avx512vbmi,bmi,bmi2,popcnt"), always_inline))
#define ZHSCAN_MARKER_KERNEL_AVX512 \
  __attribute__((target("avx512f,avx512bw,avx512vbmi,bmi,bmi2,popcnt")))

/** The byte tables of text_lut for one group half (0: groups 0-7, 1: groups 8-15). */
struct text_lut_bytes {
  alignas(64) unsigned char t[3][2][64];
};

constexpr text_lut_bytes make_text_lut_bytes() noexcept {
  text_lut_bytes r{};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 64; ++i) {
      r.t[k][0][i] = static_cast<unsigned char>(text_lut.t[k][i] & 0xFF);
      r.t[k][1][i] = static_cast<unsigned char>(text_lut.t[k][i] >> 8);
    }
  return r;
}

inline constexpr text_lut_bytes text_lut_b = make_text_lut_bytes();

constexpr text_lut_bytes make_trigger_lut_bytes() noexcept {
  text_lut_bytes r{};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 64; ++i) {
      r.t[k][0][i] = static_cast<unsigned char>(han_trigger_lut.t[k][i] & 0xFF);
      r.t[k][1][i] = static_cast<unsigned char>(han_trigger_lut.t[k][i] >> 8);
    }
  return r;
}

inline constexpr text_lut_bytes trigger_lut_b = make_trigger_lut_bytes();

/** Lanes where the three-byte lookup of `lut` has a common bin (any byte values). */
ZHSCAN_MARKER_TARGET_AVX512 inline __mmask64 lut3_avx512(__m512i v0, __m512i v1, __m512i v2,
                                                         const text_lut_bytes& lut) noexcept {
  const __m512i g = _mm512_and_si512(
      _mm512_and_si512(_mm512_maskz_permutexvar_epi8(~0ULL, v0, _mm512_load_si512(lut.t[0][0])),
                       _mm512_maskz_permutexvar_epi8(~0ULL, v1, _mm512_load_si512(lut.t[1][0]))),
      _mm512_maskz_permutexvar_epi8(~0ULL, v2, _mm512_load_si512(lut.t[2][0])));
  const __m512i h = _mm512_and_si512(
      _mm512_and_si512(_mm512_maskz_permutexvar_epi8(~0ULL, v0, _mm512_load_si512(lut.t[0][1])),
                       _mm512_maskz_permutexvar_epi8(~0ULL, v1, _mm512_load_si512(lut.t[1][1]))),
      _mm512_maskz_permutexvar_epi8(~0ULL, v2, _mm512_load_si512(lut.t[2][1])));
  const __m512i gh = _mm512_or_si512(g, h);
  return _mm512_test_epi8_mask(gh, gh);
}

ZHSCAN_MARKER_TARGET_AVX2 inline __m256i in_range_avx2(__m256i x, unsigned char lo,
                                                       unsigned char hi) noexcept {
  // x - lo <= hi - lo (unsigned): saturating subtract of the bound gives zero.
  const __m256i d = _mm256_sub_epi8(x, _mm256_set1_epi8(static_cast<char>(lo)));
  return _mm256_cmpeq_epi8(_mm256_subs_epu8(d, _mm256_set1_epi8(static_cast<char>(hi - lo))),
                           _mm256_setzero_si256());
}

ZHSCAN_MARKER_TARGET_AVX2 inline __m256i eq_avx2(__m256i x, unsigned char c) noexcept {
  return _mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(c)));
}

/** '.', ')', the lead bytes E3 / EF of the CJK and full-width delimiters, space, tab. */
ZHSCAN_MARKER_TARGET_AVX2 inline __m256i delim_lead_avx2(__m256i x) noexcept {
  return _mm256_or_si256(
      _mm256_or_si256(_mm256_or_si256(eq_avx2(x, '.'), eq_avx2(x, ')')),
                      _mm256_or_si256(eq_avx2(x, 0xE3), eq_avx2(x, 0xEF))),
      _mm256_or_si256(eq_avx2(x, ' '), eq_avx2(x, '\t')));
}

/**
 * A letter starts a Latin/Roman marker only if a delimiter follows it ('.', ')' or a
 * non-ASCII delimiter) or it is a Roman letter followed by another one (ii., iv.).
 */
ZHSCAN_MARKER_TARGET_AVX2 inline __m256i roman_letter_avx2(__m256i x) noexcept {
  const __m256i l = _mm256_or_si256(x, _mm256_set1_epi8(0x20));
  return _mm256_or_si256(_mm256_or_si256(eq_avx2(l, 'i'), eq_avx2(l, 'v')), eq_avx2(l, 'x'));
}

ZHSCAN_MARKER_TARGET_AVX2 inline __m256i letter_follower_avx2(__m256i v0, __m256i vp1) noexcept {
  const __m256i high = _mm256_cmpgt_epi8(_mm256_setzero_si256(), vp1);
  const __m256i delim = _mm256_or_si256(high, _mm256_or_si256(eq_avx2(vp1, '.'), eq_avx2(vp1, ')')));
  return _mm256_or_si256(delim, _mm256_and_si256(roman_letter_avx2(v0), roman_letter_avx2(vp1)));
}


/** Lanes where a bracket opener of marker_opener_patterns starts (b0 b1 b2 = v0 vp1 vp2). */
ZHSCAN_MARKER_TARGET_AVX2 inline __m256i openers_avx2(__m256i v0, __m256i vp1, __m256i vp2) noexcept {
  __m256i m = _mm256_setzero_si256();
  for (const opener_pattern& o : marker_opener_patterns)
    m = _mm256_or_si256(
        m, _mm256_and_si256(_mm256_and_si256(eq_avx2(v0, o.b0), eq_avx2(vp1, o.b1)),
                            eq_avx2(_mm256_or_si256(vp2, _mm256_set1_epi8(static_cast<char>(o.fold))),
                                    o.b2_folded)));
  return m;
}

/** Candidate mask of the 32 positions p .. p+31 (requires p >= 3 and p + 37 <= size). */
ZHSCAN_MARKER_TARGET_AVX2 inline std::uint32_t candidates_avx2(const unsigned char* p) noexcept {
  const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i vp1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i vm1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 1));
  const __m256i vm2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 2));
  const __m256i vm3 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 3));
  const __m256i lower0 = _mm256_or_si256(v0, _mm256_set1_epi8(0x20));
  const __m256i vp2d = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i vp3d = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 3));
  const __m256i digit_ok = _mm256_or_si256(
      delim_lead_avx2(vp1),
      _mm256_and_si256(in_range_avx2(vp1, '0', '9'),
                       _mm256_or_si256(delim_lead_avx2(vp2d),
                                       _mm256_and_si256(in_range_avx2(vp2d, '0', '9'),
                                                        delim_lead_avx2(vp3d)))));
  __m256i trig = _mm256_or_si256(_mm256_and_si256(in_range_avx2(v0, '1', '9'), digit_ok),
                                 _mm256_or_si256(eq_avx2(v0, '('), eq_avx2(v0, '[')));
  trig = _mm256_or_si256(trig, _mm256_and_si256(in_range_avx2(lower0, 'a', 'z'), letter_follower_avx2(v0, vp1)));
  trig = _mm256_or_si256(trig, in_range_avx2(v0, 0xE4, 0xE9));
  trig = _mm256_or_si256(trig, _mm256_and_si256(eq_avx2(v0, 0xEF), in_range_avx2(vp1, 0xBC, 0xBD)));
  const __m256i lower1 = _mm256_or_si256(vm1, _mm256_set1_epi8(0x20));
  __m256i word = _mm256_or_si256(in_range_avx2(vm1, '0', '9'), in_range_avx2(lower1, 'a', 'z'));
  const __m256i cont_mask = _mm256_set1_epi8(static_cast<char>(0xC0));
  const __m256i cont_val = _mm256_set1_epi8(static_cast<char>(0x80));
  const __m256i ideo = _mm256_and_si256(
      in_range_avx2(vm3, 0xE4, 0xE9),
      _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(vm2, cont_mask), cont_val),
                       _mm256_cmpeq_epi8(_mm256_and_si256(vm1, cont_mask), cont_val)));
  word = _mm256_or_si256(word, ideo);
  __m256i encl2 = _mm256_or_si256(eq_avx2(vp1, 0x85), in_range_avx2(vp1, 0x91, 0x93));
  encl2 = _mm256_or_si256(encl2, in_range_avx2(vp1, 0x9D, 0x9E));
  // E3 + 88..8A (enclosed numerals), or a bracket opener of marker_opener_patterns
  // (generated from data/marker_styles.tsv: E3 80 + lenticular 90 / tortoise shell 94 in
  // one compare after setting bit 2)
  const __m256i encl = _mm256_or_si256(
      _mm256_or_si256(_mm256_and_si256(eq_avx2(v0, 0xE2), encl2),
                      _mm256_and_si256(eq_avx2(v0, 0xE3), in_range_avx2(vp1, 0x88, 0x8A))),
      openers_avx2(v0, vp1, vp2d));
  const __m256i m = _mm256_or_si256(_mm256_andnot_si256(word, trig), encl);
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(m));
}

ZHSCAN_MARKER_TARGET_AVX512 inline __mmask64 in_range_avx512(__m512i x, unsigned char lo,
                                                             unsigned char hi) noexcept {
  return _mm512_cmple_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8(static_cast<char>(lo))),
                                _mm512_set1_epi8(static_cast<char>(hi - lo)));
}

ZHSCAN_MARKER_TARGET_AVX512 inline __mmask64 eq_avx512(__m512i x, unsigned char c) noexcept {
  return _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(static_cast<char>(c)));
}





/**
 * Nibble tables of the AVX-512 kernel: class = hi[byte >> 4] & lo[byte & 15].
 *   v0 (the candidate byte): b0 digit 1-9, b1 '(' or '[', b2 letter A-O a-o, b3 letter P-Z p-z,
 *     b4 lead E4..E9, b5 lead EF, b6 lead E2, b7 lead E3.
 *   v+1 (the next byte), bits aligned with v0's: b2 '.' or ')', b3 any byte >= 0x80 (the
 *     letter followers, tested apart with the Roman-ish letter pairs), b5 BC..BD (after EF),
 *     b6 81..9F except 90 (after E2), b7 88..8A (after E3).
 *   previous bytes: b0 digit 0-9, b1 letter A-O a-o, b2 letter P-Z p-z, b3 continuation
 *     byte, b4 lead E4..E9.
 *   digit follower: b0 '.' ')' space tab or lead E3/EF, b1 digit 0-9.
 *   Roman-ish letters: high nibble 4-7 with low 6/8/9 (superset of i v x I V X).
 */
struct nibble_tables {
  alignas(16) unsigned char v0_hi[16], v0_lo[16], v1_hi[16], v1_lo[16], w_hi[16], w_lo[16],
      d_hi[16], d_lo[16], r_hi[16], r_lo[16];
};

constexpr nibble_tables make_nibble_tables() noexcept {
  nibble_tables t{};
  // v0
  t.v0_hi[2] = 0x02; t.v0_hi[3] = 0x01; t.v0_hi[4] = 0x04; t.v0_hi[5] = 0x08 | 0x02;
  t.v0_hi[6] = 0x04; t.v0_hi[7] = 0x08; t.v0_hi[0xE] = 0xF0;
  for (int lo = 0; lo < 16; ++lo) {
    unsigned char c = 0;
    if (lo >= 1 && lo <= 9) c |= 0x01;
    if (lo == 8 || lo == 0xB) c |= 0x02;  // '(' 28, '[' 5B (and 2B, 58: the scalar drops them)
    if (lo >= 1) c |= 0x04;
    if (lo <= 0xA) c |= 0x08;
    if (lo >= 4 && lo <= 9) c |= 0x10;
    if (lo == 0xF) c |= 0x20;
    if (lo == 2) c |= 0x40;
    if (lo == 3) c |= 0x80;
    t.v0_lo[lo] = c;
  }
  // v+1
  for (int hi = 0; hi < 16; ++hi) {
    unsigned char c = 0;
    if (hi == 2) c |= 0x04;
    if (hi >= 8) c |= 0x08;
    if (hi == 0xB) c |= 0x20;
    if (hi == 8 || hi == 9) c |= 0x40;
    if (hi == 8) c |= 0x80;
    t.v1_hi[hi] = c;
  }
  for (int lo = 0; lo < 16; ++lo) {
    unsigned char c = 0x08;
    if (lo == 9 || lo == 0xE) c |= 0x04;
    if (lo == 0xC || lo == 0xD) c |= 0x20;
    if (lo != 0) c |= 0x40;
    if (lo >= 8 && lo <= 0xA) c |= 0x80;
    t.v1_lo[lo] = c;
  }
  // previous bytes
  t.w_hi[3] = 0x01; t.w_hi[4] = 0x02; t.w_hi[5] = 0x04; t.w_hi[6] = 0x02; t.w_hi[7] = 0x04;
  t.w_hi[8] = 0x08; t.w_hi[9] = 0x08; t.w_hi[0xA] = 0x08; t.w_hi[0xB] = 0x08; t.w_hi[0xE] = 0x10;
  for (int lo = 0; lo < 16; ++lo) {
    unsigned char c = 0x08;
    if (lo <= 9) c |= 0x01;
    if (lo >= 1) c |= 0x02;
    if (lo <= 0xA) c |= 0x04;
    if (lo >= 4 && lo <= 9) c |= 0x10;
    t.w_lo[lo] = c;
  }
  // digit follower: '.' 2E, ')' 29, ' ' 20, '\t' 09, E3, EF; digits 30-39
  t.d_hi[0] = 0x01; t.d_hi[2] = 0x01; t.d_hi[3] = 0x02; t.d_hi[0xE] = 0x01;
  for (int lo = 0; lo < 16; ++lo) {
    unsigned char c = 0;
    if (lo <= 9) c |= 0x02;
    t.d_lo[lo] = c;
  }
  // The follower bytes (09; 20 29 2E; E3 EF) are not separable by nibbles: take the
  // superset high 0/2/E x low 0/3/9/E/F (it only adds positions the scalar check drops).
  t.d_lo[0x9] |= 0x01;
  t.d_lo[0x0] |= 0x01;
  t.d_lo[0xE] |= 0x01;
  t.d_lo[0x3] |= 0x01;
  t.d_lo[0xF] |= 0x01;
  // Roman-ish letters (a superset of i v x I V X): high 4-7, low 6/8/9
  for (int hi = 4; hi <= 7; ++hi) t.r_hi[hi] = 0x01;
  t.r_lo[6] = t.r_lo[8] = t.r_lo[9] = 0x01;
  return t;
}

inline constexpr nibble_tables nibble_lut = make_nibble_tables();

/** The nibble tables replicated to 64 bytes (vpshufb looks up within each 16-byte lane). */
struct nibble_tables_512 {
  alignas(64) unsigned char v0_hi[64], v0_lo[64], v1_hi[64], v1_lo[64], w_hi[64], w_lo[64],
      d_hi[64], d_lo[64], r_hi[64], r_lo[64];
};

constexpr nibble_tables_512 replicate(const nibble_tables& t) noexcept {
  nibble_tables_512 r{};
  for (int i = 0; i < 64; ++i) {
    r.v0_hi[i] = t.v0_hi[i % 16];
    r.v0_lo[i] = t.v0_lo[i % 16];
    r.v1_hi[i] = t.v1_hi[i % 16];
    r.v1_lo[i] = t.v1_lo[i % 16];
    r.w_hi[i] = t.w_hi[i % 16];
    r.w_lo[i] = t.w_lo[i % 16];
    r.d_hi[i] = t.d_hi[i % 16];
    r.d_lo[i] = t.d_lo[i % 16];
    r.r_hi[i] = t.r_hi[i % 16];
    r.r_lo[i] = t.r_lo[i % 16];
  }
  return r;
}

inline constexpr nibble_tables_512 nibble_lut_512 = replicate(nibble_lut);

ZHSCAN_MARKER_TARGET_AVX512 inline __m512i classify_avx512(__m512i x, const unsigned char* hi,
                                                          const unsigned char* lo) noexcept {
  const __m512i mask = _mm512_set1_epi8(0x0F);
  const __m512i th = _mm512_load_si512(hi);
  const __m512i tl = _mm512_load_si512(lo);
  const __m512i h = _mm512_and_si512(_mm512_srli_epi16(x, 4), mask);
  const __m512i l = _mm512_and_si512(x, mask);
  return _mm512_and_si512(_mm512_shuffle_epi8(th, h), _mm512_shuffle_epi8(tl, l));
}

/** Candidate mask of the 64 positions p .. p+63 (requires p >= 3 and p + 67 <= size). */
ZHSCAN_MARKER_TARGET_AVX512 inline std::uint64_t candidates_avx512(const unsigned char* p) noexcept {
  const nibble_tables_512& t = nibble_lut_512;
  const __m512i v0 = _mm512_loadu_si512(p);
  const __m512i vp1 = _mm512_loadu_si512(p + 1);
  const __m512i vp2 = _mm512_loadu_si512(p + 2);
  const __m512i vp3 = _mm512_loadu_si512(p + 3);
  const __m512i vm1 = _mm512_loadu_si512(p - 1);
  const __m512i vm2 = _mm512_loadu_si512(p - 2);
  const __m512i vm3 = _mm512_loadu_si512(p - 3);
  const __m512i c0 = classify_avx512(v0, t.v0_hi, t.v0_lo);
  const __m512i c1 = classify_avx512(vp1, t.v1_hi, t.v1_lo);
  // letters: '.' or ')' (b2) or a byte >= 0x80 (b3) next, or two Roman-ish letters
  const __mmask64 letter = _mm512_test_epi8_mask(c0, _mm512_set1_epi8(0x0C)) &
                           (_mm512_test_epi8_mask(c1, _mm512_set1_epi8(0x0C)) |
                            (_mm512_test_epi8_mask(classify_avx512(v0, t.r_hi, t.r_lo), _mm512_set1_epi8(1)) &
                             _mm512_test_epi8_mask(classify_avx512(vp1, t.r_hi, t.r_lo), _mm512_set1_epi8(1))));
  // digits: a delimiter within three digits (b0 of the digit-follower class)
  const __m512i d1 = classify_avx512(vp1, t.d_hi, t.d_lo);
  const __m512i d2 = classify_avx512(vp2, t.d_hi, t.d_lo);
  const __m512i d3 = classify_avx512(vp3, t.d_hi, t.d_lo);
  const __m512i x2 = _mm512_or_si512(d2, _mm512_and_si512(_mm512_srli_epi16(d2, 1), d3));
  const __m512i x1 = _mm512_or_si512(d1, _mm512_and_si512(_mm512_srli_epi16(d1, 1), x2));
  // Han triggers: the three-byte bin test, 1 in bit 4 when it passes
  const __m512i g = _mm512_and_si512(
      _mm512_and_si512(_mm512_maskz_permutexvar_epi8(~0ULL, v0, _mm512_load_si512(trigger_lut_b.t[0][0])),
                       _mm512_maskz_permutexvar_epi8(~0ULL, vp1, _mm512_load_si512(trigger_lut_b.t[1][0]))),
      _mm512_maskz_permutexvar_epi8(~0ULL, vp2, _mm512_load_si512(trigger_lut_b.t[2][0])));
  const __m512i h = _mm512_and_si512(
      _mm512_and_si512(_mm512_maskz_permutexvar_epi8(~0ULL, v0, _mm512_load_si512(trigger_lut_b.t[0][1])),
                       _mm512_maskz_permutexvar_epi8(~0ULL, vp1, _mm512_load_si512(trigger_lut_b.t[1][1]))),
      _mm512_maskz_permutexvar_epi8(~0ULL, vp2, _mm512_load_si512(trigger_lut_b.t[2][1])));
  const __m512i han = _mm512_slli_epi16(_mm512_min_epu8(_mm512_or_si512(g, h), _mm512_set1_epi8(1)), 4);
  // condition bits: b0 digit follower, b1 always, b4 Han bins, the rest from c1
  const __m512i cond = _mm512_ternarylogic_epi32(
      c1, _mm512_and_si512(x1, _mm512_set1_epi8(0x01)), _mm512_or_si512(han, _mm512_set1_epi8(0x02)),
      0xFE);  // c1 | digit | (han | 2)
  const __m512i f = _mm512_and_si512(c0, cond);
  // the previous character is a word character: ASCII letter or digit, or an ideograph
  const __m512i w1 = classify_avx512(vm1, t.w_hi, t.w_lo);
  const __m512i w2 = classify_avx512(vm2, t.w_hi, t.w_lo);
  const __m512i w3 = classify_avx512(vm3, t.w_hi, t.w_lo);
  const __m512i ideo = _mm512_ternarylogic_epi32(_mm512_srli_epi16(w3, 1), w2, w1, 0x80);  // and
  const __mmask64 is_word =
      _mm512_test_epi8_mask(w1, _mm512_set1_epi8(0x07)) | _mm512_test_epi8_mask(ideo, _mm512_set1_epi8(0x08));
  // a bracket opener of marker_opener_patterns (generated from data/marker_styles.tsv; E3
  // 80 + lenticular / tortoise shell): may follow a word, like the enclosed numerals (the
  // scalar left-context test decides)
  __mmask64 bracket = 0;
  for (const opener_pattern& o : marker_opener_patterns)
    bracket |= _mm512_mask_cmpeq_epi8_mask(
        _mm512_mask_cmpeq_epi8_mask(eq_avx512(v0, o.b0), vp1, _mm512_set1_epi8(static_cast<char>(o.b1))),
        _mm512_or_si512(vp2, _mm512_set1_epi8(static_cast<char>(o.fold))),
        _mm512_set1_epi8(static_cast<char>(o.b2_folded)));
  return ((_mm512_test_epi8_mask(f, _mm512_set1_epi8(0x33)) | letter) & ~is_word) |
         _mm512_test_epi8_mask(f, _mm512_set1_epi8(static_cast<char>(0xC0))) | bracket;
}

/** text_byte() of the 64 positions p .. p+63 (requires p + 66 <= size). */
ZHSCAN_MARKER_TARGET_AVX512 inline std::uint64_t text_avx512(const unsigned char* p) noexcept {
  const __m512i v0 = _mm512_loadu_si512(p);
  const __m512i v1 = _mm512_loadu_si512(p + 1);
  const __m512i v2 = _mm512_loadu_si512(p + 2);
  const __m512i cont_mask = _mm512_set1_epi8(static_cast<char>(0xC0));
  const __m512i cont_val = _mm512_set1_epi8(static_cast<char>(0x80));
  const __mmask64 conts = _mm512_cmpeq_epi8_mask(_mm512_and_si512(v1, cont_mask), cont_val) &
                          _mm512_cmpeq_epi8_mask(_mm512_and_si512(v2, cont_mask), cont_val);
  const __mmask64 marker_ideo = lut3_avx512(v0, v1, v2, text_lut_b);
  const __mmask64 ideo = in_range_avx512(v0, 0xE4, 0xE9) & conts & ~marker_ideo;
  const __mmask64 letter = in_range_avx512(_mm512_or_si512(v0, _mm512_set1_epi8(0x20)), 'a', 'z');
  const __mmask64 four = in_range_avx512(v0, 0xF0, 0xF4);
  const __mmask64 fw = eq_avx512(v0, 0xEF) & conts &
                       ((eq_avx512(v1, 0xBC) & in_range_avx512(v2, 0xA1, 0xBA)) |
                        (eq_avx512(v1, 0xBD) & in_range_avx512(v2, 0x81, 0x9A)));
  return ideo | letter | four | fw;
}

/** 64-entry byte lookup with AVX2 (four pshufb tables selected by index bits 4 and 5). */
ZHSCAN_MARKER_TARGET_AVX2 inline __m256i lookup64_avx2(__m256i idx, const unsigned char* t) noexcept {
  const __m256i lo = _mm256_and_si256(idx, _mm256_set1_epi8(0x0F));
  const __m256i t0 = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t)));
  const __m256i t1 = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t + 16)));
  const __m256i t2 = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t + 32)));
  const __m256i t3 = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t + 48)));
  const __m256i b4 = _mm256_slli_epi16(idx, 3);  // bit 4 -> bit 7 (blendv reads bit 7)
  const __m256i b5 = _mm256_slli_epi16(idx, 2);  // bit 5 -> bit 7
  const __m256i r01 = _mm256_blendv_epi8(_mm256_shuffle_epi8(t0, lo), _mm256_shuffle_epi8(t1, lo), b4);
  const __m256i r23 = _mm256_blendv_epi8(_mm256_shuffle_epi8(t2, lo), _mm256_shuffle_epi8(t3, lo), b4);
  return _mm256_blendv_epi8(r01, r23, b5);
}

/** text_byte() of the 32 positions p .. p+31 (requires p + 34 <= size). */
ZHSCAN_MARKER_TARGET_AVX2 inline std::uint32_t text_avx2(const unsigned char* p) noexcept {
  const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i cont_mask = _mm256_set1_epi8(static_cast<char>(0xC0));
  const __m256i cont_val = _mm256_set1_epi8(static_cast<char>(0x80));
  const __m256i conts = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(v1, cont_mask), cont_val),
                                         _mm256_cmpeq_epi8(_mm256_and_si256(v2, cont_mask), cont_val));
  const __m256i g = _mm256_and_si256(
      _mm256_and_si256(lookup64_avx2(v0, text_lut_b.t[0][0]), lookup64_avx2(v1, text_lut_b.t[1][0])),
      lookup64_avx2(v2, text_lut_b.t[2][0]));
  const __m256i h = _mm256_and_si256(
      _mm256_and_si256(lookup64_avx2(v0, text_lut_b.t[0][1]), lookup64_avx2(v1, text_lut_b.t[1][1])),
      lookup64_avx2(v2, text_lut_b.t[2][1]));
  const __m256i marker_ideo = _mm256_xor_si256(
      _mm256_cmpeq_epi8(_mm256_or_si256(g, h), _mm256_setzero_si256()), _mm256_set1_epi8(-1));
  const __m256i ideo = _mm256_andnot_si256(marker_ideo, _mm256_and_si256(in_range_avx2(v0, 0xE4, 0xE9), conts));
  const __m256i letter = in_range_avx2(_mm256_or_si256(v0, _mm256_set1_epi8(0x20)), 'a', 'z');
  const __m256i four = in_range_avx2(v0, 0xF0, 0xF4);
  const __m256i fw = _mm256_and_si256(
      _mm256_and_si256(eq_avx2(v0, 0xEF), conts),
      _mm256_or_si256(_mm256_and_si256(eq_avx2(v1, 0xBC), in_range_avx2(v2, 0xA1, 0xBA)),
                      _mm256_and_si256(eq_avx2(v1, 0xBD), in_range_avx2(v2, 0x81, 0x9A))));
  const __m256i t = _mm256_or_si256(_mm256_or_si256(ideo, letter), _mm256_or_si256(four, fw));
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(t));
}

/**
 * Calls f(pos) for every candidate position in [begin, size) in increasing order, block by
 * block; returns the position where the blocks stopped (the caller scans the rest).
 * Requires begin >= 3; blocks need five bytes of look-ahead beyond themselves. A block
 * with many candidates is skipped when no text byte starts in it or in the next
 * text_window bytes: every candidate in it would be rejected for lack of text (the scalar
 * has_text test, same definition).
 */
template <class F>
ZHSCAN_MARKER_KERNEL_AVX2 std::size_t scan_blocks_avx2(const unsigned char* base, std::size_t begin,
                                                      std::size_t size, F& f) noexcept {
  static_assert(text_window == 64, "the block skip covers two 32-byte blocks of text");
  std::size_t p = begin;
  while (p + 37 <= size) {
    std::uint32_t m = candidates_avx2(base + p);
    if (__builtin_popcount(m) > 3 && p + 32 + 64 + 2 <= size &&
        (text_avx2(base + p) | text_avx2(base + p + 32) | text_avx2(base + p + 64)) == 0)
      m = 0;
    while (m) {
      f(p + static_cast<std::size_t>(__builtin_ctz(m)));
      m &= m - 1;
    }
    p += 32;
  }
  return p;
}

template <class F>
ZHSCAN_MARKER_KERNEL_AVX512 std::size_t scan_blocks_avx512(const unsigned char* base,
                                                          std::size_t begin, std::size_t size,
                                                          F& f) noexcept {
  static_assert(text_window == 64, "the block skip covers one 64-byte block of text");
  std::size_t p = begin;
  while (p + 67 <= size) {
    std::uint64_t m = candidates_avx512(base + p);
    if (__builtin_popcountll(m) > 3 && p + 64 + 64 + 2 <= size &&
        (text_avx512(base + p) | text_avx512(base + p + 64)) == 0)
      m = 0;
    while (m) {
      f(p + static_cast<std::size_t>(__builtin_ctzll(m)));
      m &= m - 1;
    }
    p += 64;
  }
  return p;
}

#endif  // ZHSCAN_X86_SIMD

// ---- NEON (aarch64) ----------------------------------------------------------------------
// A port of the AVX2 candidate and text tests (same supersets), on 64-position blocks of
// four 16-byte vectors; kept apart from the x86 code above.
#if ZHSCAN_NEON_SIMD

#if defined(__clang__)
#define ZHSCAN_MARKER_NEON_UNROLL _Pragma("unroll")
#else
#define ZHSCAN_MARKER_NEON_UNROLL _Pragma("GCC unroll 4")
#endif

ZHSCAN_ALWAYS_INLINE uint8x16_t in_range_neon(uint8x16_t x, unsigned char lo, unsigned char hi) noexcept {
  return vcleq_u8(vsubq_u8(x, vdupq_n_u8(lo)), vdupq_n_u8(static_cast<unsigned char>(hi - lo)));
}

ZHSCAN_ALWAYS_INLINE uint8x16_t eq_neon(uint8x16_t x, unsigned char c) noexcept {
  return vceqq_u8(x, vdupq_n_u8(c));
}

ZHSCAN_ALWAYS_INLINE uint8x16_t delim_lead_neon(uint8x16_t x) noexcept {
  return vorrq_u8(vorrq_u8(vorrq_u8(eq_neon(x, '.'), eq_neon(x, ')')),
                           vorrq_u8(eq_neon(x, 0xE3), eq_neon(x, 0xEF))),
                  vorrq_u8(eq_neon(x, ' '), eq_neon(x, '\t')));
}

ZHSCAN_ALWAYS_INLINE uint8x16_t roman_letter_neon(uint8x16_t x) noexcept {
  const uint8x16_t l = vorrq_u8(x, vdupq_n_u8(0x20));
  return vorrq_u8(vorrq_u8(eq_neon(l, 'i'), eq_neon(l, 'v')), eq_neon(l, 'x'));
}

/** Bit j of the result: lane j of a, 16 + j of b, 32 + j of c, 48 + j of d (0x00/0xFF lanes). */
ZHSCAN_ALWAYS_INLINE std::uint64_t mask64_neon(uint8x16_t a, uint8x16_t b, uint8x16_t c,
                                               uint8x16_t d) noexcept {
  alignas(16) static constexpr std::uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128,
                                                           1, 2, 4, 8, 16, 32, 64, 128};
  const uint8x16_t w = vld1q_u8(weights);
  uint8x16_t s0 = vpaddq_u8(vandq_u8(a, w), vandq_u8(b, w));
  const uint8x16_t s1 = vpaddq_u8(vandq_u8(c, w), vandq_u8(d, w));
  s0 = vpaddq_u8(s0, s1);
  s0 = vpaddq_u8(s0, s0);
  return vgetq_lane_u64(vreinterpretq_u64_u8(s0), 0);
}

/** candidates_avx2 for the 16 positions p .. p+15 (as 0xFF lanes; p >= 3, p + 19 <= size). */
ZHSCAN_ALWAYS_INLINE uint8x16_t candidates16_neon(const unsigned char* p) noexcept {
  const uint8x16_t v0 = vld1q_u8(p);
  const uint8x16_t vp1 = vld1q_u8(p + 1);
  const uint8x16_t vm1 = vld1q_u8(p - 1);
  const uint8x16_t vm2 = vld1q_u8(p - 2);
  const uint8x16_t vm3 = vld1q_u8(p - 3);
  const uint8x16_t vp2 = vld1q_u8(p + 2);
  const uint8x16_t vp3 = vld1q_u8(p + 3);
  const uint8x16_t lower0 = vorrq_u8(v0, vdupq_n_u8(0x20));
  const uint8x16_t digit_ok = vorrq_u8(
      delim_lead_neon(vp1),
      vandq_u8(in_range_neon(vp1, '0', '9'),
               vorrq_u8(delim_lead_neon(vp2), vandq_u8(in_range_neon(vp2, '0', '9'), delim_lead_neon(vp3)))));
  uint8x16_t trig = vorrq_u8(vandq_u8(in_range_neon(v0, '1', '9'), digit_ok),
                             vorrq_u8(eq_neon(v0, '('), eq_neon(v0, '[')));
  const uint8x16_t letter_follower =
      vorrq_u8(vorrq_u8(vcgeq_u8(vp1, vdupq_n_u8(0x80)), vorrq_u8(eq_neon(vp1, '.'), eq_neon(vp1, ')'))),
               vandq_u8(roman_letter_neon(v0), roman_letter_neon(vp1)));
  trig = vorrq_u8(trig, vandq_u8(in_range_neon(lower0, 'a', 'z'), letter_follower));
  trig = vorrq_u8(trig, in_range_neon(v0, 0xE4, 0xE9));
  trig = vorrq_u8(trig, vandq_u8(eq_neon(v0, 0xEF), in_range_neon(vp1, 0xBC, 0xBD)));
  const uint8x16_t lower1 = vorrq_u8(vm1, vdupq_n_u8(0x20));
  uint8x16_t word = vorrq_u8(in_range_neon(vm1, '0', '9'), in_range_neon(lower1, 'a', 'z'));
  const uint8x16_t cont_mask = vdupq_n_u8(0xC0);
  const uint8x16_t cont_val = vdupq_n_u8(0x80);
  const uint8x16_t ideo = vandq_u8(in_range_neon(vm3, 0xE4, 0xE9),
                                   vandq_u8(vceqq_u8(vandq_u8(vm2, cont_mask), cont_val),
                                            vceqq_u8(vandq_u8(vm1, cont_mask), cont_val)));
  word = vorrq_u8(word, ideo);
  uint8x16_t encl2 = vorrq_u8(eq_neon(vp1, 0x85), in_range_neon(vp1, 0x91, 0x93));
  encl2 = vorrq_u8(encl2, in_range_neon(vp1, 0x9D, 0x9E));
  const uint8x16_t e3 = vorrq_u8(
      in_range_neon(vp1, 0x88, 0x8A),
      vandq_u8(eq_neon(vp1, 0x80),
               eq_neon(vorrq_u8(vp2, vdupq_n_u8(bracket_e3_fold)), bracket_e3_byte)));
  const uint8x16_t encl = vorrq_u8(vandq_u8(eq_neon(v0, 0xE2), encl2), vandq_u8(eq_neon(v0, 0xE3), e3));
  return vorrq_u8(vbicq_u8(trig, word), encl);
}

/** Candidate mask of the 64 positions p .. p+63 (requires p >= 3 and p + 67 <= size). */
ZHSCAN_ALWAYS_INLINE std::uint64_t candidates_neon(const unsigned char* p) noexcept {
  uint8x16_t m[4];
  ZHSCAN_MARKER_NEON_UNROLL
  for (int k = 0; k < 4; ++k) m[k] = candidates16_neon(p + 16 * k);
  return mask64_neon(m[0], m[1], m[2], m[3]);
}

/** Any text_byte() among the 16 positions p .. p+15 (as 0xFF lanes; p + 18 <= size). */
ZHSCAN_ALWAYS_INLINE uint8x16_t text16_neon(const unsigned char* p, const uint8x16x4_t (&lut)[3][2]) noexcept {
  const uint8x16_t v0 = vld1q_u8(p);
  const uint8x16_t v1 = vld1q_u8(p + 1);
  const uint8x16_t v2 = vld1q_u8(p + 2);
  const uint8x16_t cont_mask = vdupq_n_u8(0xC0);
  const uint8x16_t cont_val = vdupq_n_u8(0x80);
  const uint8x16_t conts = vandq_u8(vceqq_u8(vandq_u8(v1, cont_mask), cont_val),
                                    vceqq_u8(vandq_u8(v2, cont_mask), cont_val));
  // 64-entry lookups by the low six bits (text_lut), as lookup64_avx2
  const uint8x16_t c3f = vdupq_n_u8(0x3F);
  const uint8x16_t i0 = vandq_u8(v0, c3f), i1 = vandq_u8(v1, c3f), i2 = vandq_u8(v2, c3f);
  const uint8x16_t g = vandq_u8(vandq_u8(vqtbl4q_u8(lut[0][0], i0), vqtbl4q_u8(lut[1][0], i1)),
                                vqtbl4q_u8(lut[2][0], i2));
  const uint8x16_t h = vandq_u8(vandq_u8(vqtbl4q_u8(lut[0][1], i0), vqtbl4q_u8(lut[1][1], i1)),
                                vqtbl4q_u8(lut[2][1], i2));
  const uint8x16_t marker_ideo = vtstq_u8(vorrq_u8(g, h), vorrq_u8(g, h));
  const uint8x16_t ideo = vbicq_u8(vandq_u8(in_range_neon(v0, 0xE4, 0xE9), conts), marker_ideo);
  const uint8x16_t letter = in_range_neon(vorrq_u8(v0, vdupq_n_u8(0x20)), 'a', 'z');
  const uint8x16_t four = in_range_neon(v0, 0xF0, 0xF4);
  const uint8x16_t fw = vandq_u8(vandq_u8(eq_neon(v0, 0xEF), conts),
                                 vorrq_u8(vandq_u8(eq_neon(v1, 0xBC), in_range_neon(v2, 0xA1, 0xBA)),
                                          vandq_u8(eq_neon(v1, 0xBD), in_range_neon(v2, 0x81, 0x9A))));
  return vorrq_u8(vorrq_u8(ideo, letter), vorrq_u8(four, fw));
}

/** text_lut as byte tables (one per group half), for the 64-entry tbl lookups. */
struct text_lut_neon_bytes {
  alignas(16) unsigned char t[3][2][64];
};

constexpr text_lut_neon_bytes make_text_lut_neon() noexcept {
  text_lut_neon_bytes r{};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 64; ++i) {
      r.t[k][0][i] = static_cast<unsigned char>(text_lut.t[k][i] & 0xFF);
      r.t[k][1][i] = static_cast<unsigned char>(text_lut.t[k][i] >> 8);
    }
  return r;
}

inline constexpr text_lut_neon_bytes text_lut_neon = make_text_lut_neon();

/** True when a text_byte() starts at one of the 64 positions p .. p+63 (p + 66 <= size). */
ZHSCAN_ALWAYS_INLINE bool any_text_neon(const unsigned char* p, const uint8x16x4_t (&lut)[3][2]) noexcept {
  uint8x16_t t = vdupq_n_u8(0);
  ZHSCAN_MARKER_NEON_UNROLL
  for (int k = 0; k < 4; ++k) t = vorrq_u8(t, text16_neon(p + 16 * k, lut));
  return vmaxvq_u8(t) != 0;
}

/** scan_blocks_avx512's NEON twin: 64-position blocks, the same block skip. */
template <class F>
std::size_t scan_blocks_neon(const unsigned char* base, std::size_t begin, std::size_t size,
                             F& f) noexcept {
  static_assert(text_window == 64, "the block skip covers one 64-byte block of text");
  uint8x16x4_t lut[3][2];
  for (int k = 0; k < 3; ++k)
    for (int h = 0; h < 2; ++h)
      for (int q = 0; q < 4; ++q) lut[k][h].val[q] = vld1q_u8(text_lut_neon.t[k][h] + 16 * q);
  std::size_t p = begin;
  while (p + 67 <= size) {
    std::uint64_t m = candidates_neon(base + p);
    if (__builtin_popcountll(m) > 3 && p + 64 + 64 + 2 <= size && !any_text_neon(base + p, lut) &&
        !any_text_neon(base + p + 64, lut))
      m = 0;
    while (m) {
      f(p + static_cast<std::size_t>(__builtin_ctzll(m)));
      m &= m - 1;
    }
    p += 64;
  }
  return p;
}

#endif  // ZHSCAN_NEON_SIMD

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_SIMD_HPP
