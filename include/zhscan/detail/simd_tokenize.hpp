// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_SIMD_TOKENIZE_HPP
#define ZHSCAN_DETAIL_SIMD_TOKENIZE_HPP

#include <cstddef>
#include <cstdint>

#include "char_class.hpp"
#include "cpu.hpp"
#include "simd_utf8.hpp"
#include "simd_scalar.hpp"

/**
 * SIMD tokenizer kernels, selected at run time (detail/cpu.hpp): AVX-512 (VBMI/VBMI2) on
 * 64-byte blocks and AVX2 on 32-byte blocks (described at tokenize_avx2).
 *
 * AVX-512, per 64-byte block:
 *  1. Structure check with bit masks: every 2-byte lead C2..DF is followed by one
 *     continuation byte, every 3-byte lead E1..EF (not ED) by two, and every continuation
 *     byte belongs to such a lead (or to the character that spilled over from the previous
 *     block). Those sequences are well-formed whatever the continuation values. A block
 *     with any other lead (C0 C1 E0 ED F0..FF: overlongs, surrogates, 4-byte sequences) or a
 *     structure error is handed to the scalar tokenizer, which also validates.
 *  2. Class of each character at its lead byte, from 64-entry vpermb tables built at
 *     compile time from the same class table as the scalar path: ASCII by byte; 2-byte and
 *     3-byte leads E2 E3 E4 EF by their 64-code-point "page" (lead + 2nd byte), which is
 *     either uniform (one class) or has a third-level table (Latin-1, General Punctuation,
 *     Letterlike/Number Forms, Enclosed Alphanumerics, CJK Symbols and Punctuation,
 *     Halfwidth and Fullwidth Forms); leads E5..E9 are Han. Characters left unresolved
 *     (other scripts) are classified one by one with the scalar table.
 *  3. Token starts: the lead-byte classes are compressed (vpcompressb) into character
 *     order, compared with their predecessor (run classes merge), expanded back to byte
 *     positions (pdep); LF after CR is not a start. The kinds of the starts are compressed
 *     straight into the kinds array, offsets come from iterating the set bits.
 * The kernel produces exactly the scalar tokens (tested on the corpus, random and
 * adversarial bytes, and by the fuzzer).
 */
namespace zhscan {
namespace detail {

/** Slots a SIMD kernel needs free before it processes one more 64-byte block. */
inline constexpr std::size_t kernel_slack = 80;

#if ZHSCAN_X86_SIMD

/**
 * Writes base + (position of each set bit of m), in order, to out[0..popcount(m)). Byte
 * positions are compressed with vpcompressb and widened eight at a time; stores are whole
 * groups of eight (the caller guarantees 64 slots of slack).
 */
ZHSCAN_TARGET_AVX512 inline void emit_offsets_avx512(std::size_t* out, std::size_t base,
                                                     std::uint64_t m, unsigned n,
                                                     __m512i iota) noexcept {
  const __m512i pos = _mm512_maskz_compress_epi8(m, iota);
  const __m512i b = _mm512_set1_epi64(static_cast<long long>(base));
  __m128i q = _mm512_maskz_extracti32x4_epi32(0xF, pos, 0);
  _mm512_storeu_si512(out, _mm512_add_epi64(_mm512_maskz_cvtepu8_epi64(0xFF, q), b));
  if (ZHSCAN_UNLIKELY(n > 8)) {
    _mm512_storeu_si512(out + 8, _mm512_add_epi64(_mm512_maskz_cvtepu8_epi64(0xFF, _mm_srli_si128(q, 8)), b));
    for (unsigned g = 1; g < 4 && n > 16 * g; ++g) {
      q = g == 1 ? _mm512_maskz_extracti32x4_epi32(0xF, pos, 1)
                 : g == 2 ? _mm512_maskz_extracti32x4_epi32(0xF, pos, 2)
                          : _mm512_maskz_extracti32x4_epi32(0xF, pos, 3);
      _mm512_storeu_si512(out + 16 * g, _mm512_add_epi64(_mm512_maskz_cvtepu8_epi64(0xFF, q), b));
      if (n > 16 * g + 8)
        _mm512_storeu_si512(out + 16 * g + 8,
                            _mm512_add_epi64(_mm512_maskz_cvtepu8_epi64(0xFF, _mm_srli_si128(q, 8)), b));
    }
  }
}

/**
 * AVX-512 kernel: tokenises from `pos` block by block while a whole block plus two bytes
 * of look-ahead remain in the input, the block starts before `stop`, and `kernel_slack`
 * slots remain before `cap`. Leaves `pos`/`st` for the scalar path to finish.
 */
ZHSCAN_TARGET_AVX512 inline void tokenize_avx512(const char* s, std::size_t size,
                                                 std::size_t& pos_io, scan_state& st,
                                                 std::size_t* off, std::uint8_t* kind,
                                                 std::size_t& count_io,
                                                 std::size_t cap,
                                                 std::size_t stop = ~std::size_t{0}) noexcept {
  std::size_t pos = pos_io;
  std::size_t count = count_io;
  if (pos + 66 > size || count + kernel_slack > cap) return;
  const class_page_tables& T = page_tables;
  const __m512i t_ascii_lo = _mm512_load_si512(T.ascii);
  const __m512i t_ascii_hi = _mm512_load_si512(T.ascii + 64);
  const __m512i t_page2 = _mm512_load_si512(T.page2);
  const __m512i t_e2 = _mm512_load_si512(T.page3[2]);
  const __m512i t_e3 = _mm512_load_si512(T.page3[3]);
  const __m512i t_e4 = _mm512_load_si512(T.page3[4]);
  const __m512i t_ef = _mm512_load_si512(T.page3[15]);
  const __m512i t_third2 = _mm512_load_si512(T.third[2]);
  const __m512i t_third6 = _mm512_load_si512(T.third[6]);
  const __m512i t_third7 = _mm512_load_si512(T.third[7]);
  const __m512i t_third8 = _mm512_load_si512(T.third[8]);
  const __m512i iota =
      _mm512_set_epi64(0x3F3E3D3C3B3A3938, 0x3736353433323130, 0x2F2E2D2C2B2A2928,
                       0x2726252423222120, 0x1F1E1D1C1B1A1918, 0x1716151413121110,
                       0x0F0E0D0C0B0A0908, 0x0706050403020100);
  const __m512i idx_prev = _mm512_sub_epi8(iota, _mm512_set1_epi8(1));
  const __m512i c_m64 = _mm512_set1_epi8(-64);
  const __m512i c_space = _mm512_set1_epi8(cc_space);
  __m512i prev_vec = _mm512_set1_epi8(static_cast<char>(st.prev));
  std::uint64_t prev_cr = st.prev_cr ? 1u : 0u;
  std::size_t i = pos;

  while (i + 66 <= size && i < stop && count + kernel_slack <= cap) {
    const std::uint64_t skip = (std::uint64_t{1} << (pos - i)) - 1;  // spilled-over bytes
    const __m512i x = _mm512_loadu_si512(s + i);
    const std::uint64_t high = _mm512_movepi8_mask(x);
    std::uint64_t lead;
    __m512i cls;
    if (high == 0) {
      lead = ~std::uint64_t{0};
      cls = _mm512_permutex2var_epi8(t_ascii_lo, x, t_ascii_hi);
    } else {
      const __m512i x1 = _mm512_loadu_si512(s + i + 1);
      const __m512i x2 = _mm512_loadu_si512(s + i + 2);
      const std::uint64_t cont = _mm512_cmplt_epi8_mask(x, c_m64);
      // Continuation masks of the next two bytes: shifted, plus bytes 64 and 65 (scalar;
      // compares into mask registers all compete for one port).
      const std::uint64_t c64 = (static_cast<unsigned char>(s[i + 64]) & 0xC0u) == 0x80u;
      const std::uint64_t c65 = (static_cast<unsigned char>(s[i + 65]) & 0xC0u) == 0x80u;
      const std::uint64_t cont1 = cont >> 1 | c64 << 63;
      const std::uint64_t cont2 = cont >> 2 | c64 << 62 | c65 << 63;
      const std::uint64_t ge_c2 = _mm512_cmpge_epu8_mask(x, _mm512_set1_epi8(static_cast<char>(0xC2)));
      const std::uint64_t ge_e0 = _mm512_cmpge_epu8_mask(x, _mm512_set1_epi8(static_cast<char>(0xE0)));
      const std::uint64_t ge_f0 = _mm512_cmpge_epu8_mask(x, _mm512_set1_epi8(static_cast<char>(0xF0)));
      const std::uint64_t is_e0 = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(static_cast<char>(0xE0)));
      const std::uint64_t is_ed = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(static_cast<char>(0xED)));
      const std::uint64_t lead2 = ge_c2 & ~ge_e0;
      const std::uint64_t lead3 = ge_e0 & ~ge_f0;
      // C0/C1 are the high bytes that are neither continuations nor >= C2.
      const std::uint64_t rare = ge_f0 | is_e0 | is_ed | (high & ~cont & ~ge_c2);
      const std::uint64_t bad = rare | (lead2 & ~cont1) | (lead3 & ~(cont1 & cont2)) |
                                (cont & ~(skip | lead2 << 1 | lead3 << 1 | lead3 << 2));
      if (bad != 0) {
        // Scalar for the characters that start in this block (it validates them).
        st.prev = static_cast<std::uint8_t>(_mm512_cvtsi512_si32(prev_vec));
        st.prev_cr = prev_cr != 0;
        scalar_scan(s, size, pos, i + 64, st, off, kind, count, cap);
        prev_vec = _mm512_set1_epi8(static_cast<char>(st.prev));
        prev_cr = st.prev_cr ? 1u : 0u;
        i += 64;
        continue;
      }
      lead = ~cont;
      // Page classes.
      __m512i page = _mm512_permutex2var_epi8(t_ascii_lo, x, t_ascii_hi);
      page = _mm512_mask_mov_epi8(page, high, _mm512_set1_epi8(static_cast<char>(page_slow)));
      page = _mm512_mask_permutexvar_epi8(page, lead2, x, t_page2);
      const std::uint64_t l3 = lead3 & lead;
      const std::uint64_t is_e2 = _mm512_mask_cmpeq_epi8_mask(l3, x, _mm512_set1_epi8(static_cast<char>(0xE2)));
      const std::uint64_t is_e3 = _mm512_mask_cmpeq_epi8_mask(l3, x, _mm512_set1_epi8(static_cast<char>(0xE3)));
      const std::uint64_t is_e4 = _mm512_mask_cmpeq_epi8_mask(l3, x, _mm512_set1_epi8(static_cast<char>(0xE4)));
      const std::uint64_t is_ef = _mm512_mask_cmpeq_epi8_mask(l3, x, _mm512_set1_epi8(static_cast<char>(0xEF)));
      const std::uint64_t is_han = _mm512_mask_cmple_epu8_mask(
          l3, _mm512_sub_epi8(x, _mm512_set1_epi8(static_cast<char>(0xE5))), _mm512_set1_epi8(4));
      page = _mm512_mask_permutexvar_epi8(page, is_e2, x1, t_e2);
      page = _mm512_mask_permutexvar_epi8(page, is_e3, x1, t_e3);
      page = _mm512_mask_permutexvar_epi8(page, is_e4, x1, t_e4);
      page = _mm512_mask_permutexvar_epi8(page, is_ef, x1, t_ef);
      page = _mm512_mask_mov_epi8(page, is_han, _mm512_setzero_si512());  // cc_han == 0
      // Third-level tables. The four common in Chinese text (General Punctuation, CJK
      // punctuation, full-width forms) unconditionally, the others when present.
      const std::uint64_t t2 = _mm512_cmpeq_epi8_mask(page, _mm512_set1_epi8(0x42));
      const std::uint64_t t6 = _mm512_cmpeq_epi8_mask(page, _mm512_set1_epi8(0x46));
      const std::uint64_t t7 = _mm512_cmpeq_epi8_mask(page, _mm512_set1_epi8(0x47));
      const std::uint64_t t8 = _mm512_cmpeq_epi8_mask(page, _mm512_set1_epi8(0x48));
      cls = _mm512_mask_permutexvar_epi8(page, t2, x2, t_third2);
      cls = _mm512_mask_permutexvar_epi8(cls, t6, x2, t_third6);
      cls = _mm512_mask_permutexvar_epi8(cls, t7, x2, t_third7);
      cls = _mm512_mask_permutexvar_epi8(cls, t8, x2, t_third8);
      std::uint64_t third = _mm512_mask_cmpeq_epi8_mask(
          lead & ~(t2 | t6 | t7 | t8),
          _mm512_and_si512(page, _mm512_set1_epi8(static_cast<char>(0xC0))),
          _mm512_set1_epi8(0x40));
      while (third) {
        const __m512i tv = _mm512_maskz_permutexvar_epi8(
            ~std::uint64_t{0}, _mm512_set1_epi8(static_cast<char>(_tzcnt_u64(third))),
            page);  // page[j] in every lane
        const int t = _mm512_cvtsi512_si32(tv) & 0x3F;
        const std::uint64_t m = _mm512_mask_cmpeq_epi8_mask(third, page, tv);
        cls = _mm512_mask_permutexvar_epi8(cls, m, t < 2 ? x1 : x2, _mm512_load_si512(T.third[t]));
        third &= ~m;
      }
      // Characters no table resolves: the scalar classifier, one by one.
      std::uint64_t slow = _mm512_mask_cmpge_epu8_mask(lead, cls, _mm512_set1_epi8(0x40));
      if (slow) {
        alignas(64) std::uint8_t tmp[64];
        _mm512_store_si512(tmp, cls);
        while (slow) {
          const unsigned j = static_cast<unsigned>(_tzcnt_u64(slow));
          slow = _blsr_u64(slow);
          tmp[j] = class_of(utf8::decode(s + i + j, s + size).cp);
        }
        cls = _mm512_load_si512(tmp);
      }
      lead &= ~skip;
    }
    // Token starts.
    const __m512i k = _mm512_maskz_compress_epi8(lead, cls);
    const __m512i kprev = _mm512_mask_permutexvar_epi8(prev_vec, ~std::uint64_t{1}, idx_prev, k);
    const std::uint64_t merge_k =
        _mm512_cmpeq_epi8_mask(k, kprev) & _mm512_cmple_epu8_mask(k, c_space);
    const std::uint64_t lf = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\n'));
    const std::uint64_t cr = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\r'));
    const std::uint64_t start = _pdep_u64(~merge_k, lead) & ~(lf & (cr << 1 | prev_cr));
    const unsigned nlead = static_cast<unsigned>(_mm_popcnt_u64(lead));
    prev_vec = _mm512_maskz_permutexvar_epi8(~std::uint64_t{0}, _mm512_set1_epi8(static_cast<char>(nlead - 1)), k);
    prev_cr = cr >> 63;
    _mm512_storeu_si512(kind + count, _mm512_maskz_compress_epi8(start, cls));
    const unsigned nstart = static_cast<unsigned>(_mm_popcnt_u64(start));
    emit_offsets_avx512(off + count, i, start, nstart, iota);
    count += nstart;
    // Next character start: the last lead's character may spill into the next block.
    const std::size_t last = 63 - static_cast<std::size_t>(_lzcnt_u64(lead));
    const auto b = static_cast<unsigned char>(s[i + last]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
    pos = i + last + len;
    i += 64;
  }
  st.prev = static_cast<std::uint8_t>(_mm512_cvtsi512_si32(prev_vec));
  st.prev_cr = prev_cr != 0;
  pos_io = pos;
  count_io = count;
}

/** Token class of ASCII bytes (any value for bytes >= 0x80), without table lookups. */
ZHSCAN_TARGET_AVX2 inline __m256i ascii_class_avx2(__m256i x) noexcept {
  const __m256i ctl = _mm256_setr_epi8(
      cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other,
      cc_space, cc_newline, cc_space, cc_space, cc_newline, cc_other, cc_other, cc_other,
      cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_space,
      cc_newline, cc_space, cc_space, cc_newline, cc_other, cc_other);
  __m256i cls = _mm256_set1_epi8(cc_punct);
  cls = _mm256_blendv_epi8(cls, _mm256_set1_epi8(cc_other), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), x));
  cls = _mm256_blendv_epi8(cls, _mm256_shuffle_epi8(ctl, x), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x10), x));
  cls = _mm256_blendv_epi8(cls, _mm256_set1_epi8(cc_space), _mm256_cmpeq_epi8(x, _mm256_set1_epi8(0x20)));
  cls = _mm256_blendv_epi8(cls, _mm256_set1_epi8(cc_other), _mm256_cmpeq_epi8(x, _mm256_set1_epi8(0x7F)));
  const __m256i l = _mm256_sub_epi8(_mm256_or_si256(x, _mm256_set1_epi8(0x20)), _mm256_set1_epi8('a'));
  cls = _mm256_blendv_epi8(cls, _mm256_set1_epi8(cc_ascii_letter),
                           _mm256_cmpeq_epi8(_mm256_min_epu8(l, _mm256_set1_epi8(25)), l));
  const __m256i d = _mm256_sub_epi8(x, _mm256_set1_epi8('0'));
  cls = _mm256_blendv_epi8(cls, _mm256_set1_epi8(cc_ascii_digit),
                           _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(9)), d));
  return cls;
}

/** A third-level table as four 16-byte rows, each replicated in both 128-bit lanes. */
struct lane_table64 {
  alignas(32) std::uint8_t row[4][32];
};
constexpr lane_table64 make_lane_table64(int t) noexcept {
  lane_table64 r{};
  for (int i = 0; i < 128; ++i) r.row[i / 32][i % 32] = page_tables.third[t][(i / 32) * 16 + (i % 16)];
  return r;
}
// General Punctuation 2000.., CJK punctuation 3000.., full-width forms FF00.., FF40..
inline constexpr lane_table64 lane_third[4] = {make_lane_table64(2), make_lane_table64(6),
                                               make_lane_table64(7), make_lane_table64(8)};

/**
 * For the characters whose lead and 2nd byte are `b0`/`b1`, replaces their class in `cls`
 * by table[3rd byte & 63] (four vpshufb and three blends emulate a 64-entry lookup).
 * Returns the lead-position mask of those characters.
 */
ZHSCAN_TARGET_AVX2 inline std::uint32_t apply_third_avx2(__m256i& cls, __m256i x, __m256i x1,
                                                         __m256i x2, unsigned char b0,
                                                         unsigned char b1,
                                                         const lane_table64& t) noexcept {
  const __m256i m = _mm256_and_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(b0))),
                                     _mm256_cmpeq_epi8(x1, _mm256_set1_epi8(static_cast<char>(b1))));
  const std::uint32_t bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(m));
  if (bits == 0) return 0;
  const __m256i lo = _mm256_and_si256(x2, _mm256_set1_epi8(0x0F));
  const __m256i sel4 = _mm256_slli_epi16(x2, 3);  // bit 4 of each byte -> its bit 7
  const __m256i sel5 = _mm256_slli_epi16(x2, 2);  // bit 5 -> bit 7
  const __m256i* rows = reinterpret_cast<const __m256i*>(t.row);
  const __m256i r01 = _mm256_blendv_epi8(_mm256_shuffle_epi8(_mm256_load_si256(rows), lo),
                                         _mm256_shuffle_epi8(_mm256_load_si256(rows + 1), lo), sel4);
  const __m256i r23 = _mm256_blendv_epi8(_mm256_shuffle_epi8(_mm256_load_si256(rows + 2), lo),
                                         _mm256_shuffle_epi8(_mm256_load_si256(rows + 3), lo), sel4);
  cls = _mm256_blendv_epi8(cls, _mm256_blendv_epi8(r01, r23, sel5), m);
  return bits;
}

/** Bytes of `cur` shifted up by one position, byte 0 taken from byte 31 of `prev`. */
ZHSCAN_TARGET_AVX2 inline __m256i shift_in_avx2(__m256i cur, __m256i prev) noexcept {
  return _mm256_alignr_epi8(cur, _mm256_permute2x128_si256(prev, cur, 0x21), 15);
}

ZHSCAN_TARGET_AVX2 inline std::uint32_t movemask_u32(__m256i v) noexcept {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
}

/**
 * AVX2 kernel, 32-byte blocks; same contract as tokenize_avx512. Structure check as the
 * AVX-512 kernel; classes in vectors for ASCII and Han (leads E5..E9, E4 except U+4DC0..4DFF,
 * E3 90..BF), every other character through the scalar page tables; each continuation byte
 * takes its lead's class (three shift-and-blend steps), so a character starts a token when
 * its class differs from the byte before it (or is not a run class).
 */
ZHSCAN_TARGET_AVX2 inline void tokenize_avx2(const char* s, std::size_t size,
                                             std::size_t& pos_io, scan_state& st,
                                             std::size_t* off, std::uint8_t* kind,
                                             std::size_t& count_io, std::size_t cap,
                                             std::size_t stop = ~std::size_t{0}) noexcept {
  std::size_t pos = pos_io;
  std::size_t count = count_io;
  if (pos + 34 > size || count + kernel_slack > cap) return;
  __m256i prev_f = _mm256_set1_epi8(static_cast<char>(st.prev));
  std::uint32_t prev_cr = st.prev_cr ? 1u : 0u;
  alignas(32) std::uint8_t tmp[32];
  std::size_t i = pos;
  while (i + 34 <= size && i < stop && count + kernel_slack <= cap) {
    const std::uint32_t skip = (std::uint32_t{1} << (pos - i)) - 1u;
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    const std::uint32_t high = movemask_u32(x);
    __m256i cls = ascii_class_avx2(x);
    std::uint32_t lead = ~std::uint32_t{0};
    __m256i cont_v = _mm256_setzero_si256();
    if (high != 0) {
      // bit 7 set and bit 6 clear
      cont_v = _mm256_cmpeq_epi8(_mm256_and_si256(x, _mm256_set1_epi8(static_cast<char>(0xC0))),
                                 _mm256_set1_epi8(static_cast<char>(0x80)));
      const std::uint32_t cont = movemask_u32(cont_v);
      const std::uint32_t c32 = (static_cast<unsigned char>(s[i + 32]) & 0xC0u) == 0x80u;
      const std::uint32_t c33 = (static_cast<unsigned char>(s[i + 33]) & 0xC0u) == 0x80u;
      const std::uint32_t cont1 = cont >> 1 | c32 << 31;
      const std::uint32_t cont2 = cont >> 2 | c32 << 30 | c33 << 31;
      const std::uint32_t ge_c2 = movemask_u32(
          _mm256_cmpeq_epi8(_mm256_max_epu8(x, _mm256_set1_epi8(static_cast<char>(0xC2))), x));
      const std::uint32_t ge_e0 = movemask_u32(
          _mm256_cmpeq_epi8(_mm256_max_epu8(x, _mm256_set1_epi8(static_cast<char>(0xE0))), x));
      const std::uint32_t ge_f0 = movemask_u32(
          _mm256_cmpeq_epi8(_mm256_max_epu8(x, _mm256_set1_epi8(static_cast<char>(0xF0))), x));
      const std::uint32_t is_e0 = movemask_u32(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(0xE0))));
      const std::uint32_t is_ed = movemask_u32(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(0xED))));
      const std::uint32_t lead2 = ge_c2 & ~ge_e0;
      const std::uint32_t lead3 = ge_e0 & ~ge_f0;
      const std::uint32_t rare = ge_f0 | is_e0 | is_ed | (high & ~cont & ~ge_c2);
      const std::uint32_t bad = rare | (lead2 & ~cont1) | (lead3 & ~(cont1 & cont2)) |
                                (cont & ~(skip | lead2 << 1 | lead3 << 1 | lead3 << 2));
      if (bad != 0) {
        st.prev = static_cast<std::uint8_t>(_mm256_extract_epi8(prev_f, 31));
        st.prev_cr = prev_cr != 0;
        scalar_scan(s, size, pos, i + 32, st, off, kind, count, cap);
        prev_f = _mm256_set1_epi8(static_cast<char>(st.prev));
        prev_cr = st.prev_cr ? 1u : 0u;
        i += 32;
        continue;
      }
      lead = ~cont;
      // Han: E5..E9; E4 unless 2nd byte B7 (U+4DC0..4DFF symbols); E3 with 2nd byte >= 90.
      const __m256i x1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 1));
      const __m256i h = _mm256_sub_epi8(x, _mm256_set1_epi8(static_cast<char>(0xE5)));
      const __m256i han_main = _mm256_cmpeq_epi8(_mm256_min_epu8(h, _mm256_set1_epi8(4)), h);
      const __m256i han_e4 = _mm256_andnot_si256(
          _mm256_cmpeq_epi8(x1, _mm256_set1_epi8(static_cast<char>(0xB7))),
          _mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(0xE4))));
      const __m256i han_e3 = _mm256_and_si256(
          _mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(0xE3))),
          _mm256_cmpeq_epi8(_mm256_max_epu8(x1, _mm256_set1_epi8(static_cast<char>(0x90))), x1));
      const __m256i han_v = _mm256_or_si256(han_main, _mm256_or_si256(han_e4, han_e3));
      cls = _mm256_blendv_epi8(cls, _mm256_setzero_si256(), han_v);  // cc_han == 0
      std::uint32_t resolved = movemask_u32(han_v);
      if (lead3 & ~resolved) {
        const __m256i x2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 2));
        resolved |= apply_third_avx2(cls, x, x1, x2, 0xE2, 0x80, lane_third[0]);
        resolved |= apply_third_avx2(cls, x, x1, x2, 0xE3, 0x80, lane_third[1]);
        resolved |= apply_third_avx2(cls, x, x1, x2, 0xEF, 0xBC, lane_third[2]);
        resolved |= apply_third_avx2(cls, x, x1, x2, 0xEF, 0xBD, lane_third[3]);
      }
      std::uint32_t slow = lead & high & ~resolved;
      if (slow != 0) {
        _mm256_store_si256(reinterpret_cast<__m256i*>(tmp), cls);
        do {
          const unsigned j = static_cast<unsigned>(_tzcnt_u32(slow));
          slow = _blsr_u32(slow);
          const char* c = s + i + j;
          const utf8::decoded d = utf8::decode(c, s + size);
          tmp[j] = class_of_sequence(c, d.length, d.cp);
        } while (slow != 0);
        cls = _mm256_load_si256(reinterpret_cast<const __m256i*>(tmp));
      }
      lead &= ~skip;
      // Continuation bytes take the class of their lead (at most three back).
      cls = _mm256_blendv_epi8(cls, shift_in_avx2(cls, prev_f), cont_v);
      cls = _mm256_blendv_epi8(cls, shift_in_avx2(cls, prev_f), cont_v);
      cls = _mm256_blendv_epi8(cls, shift_in_avx2(cls, prev_f), cont_v);
    }
    const __m256i before = shift_in_avx2(cls, prev_f);  // class of the previous byte's char
    const std::uint32_t same = movemask_u32(_mm256_cmpeq_epi8(cls, before));
    const std::uint32_t run = movemask_u32(
        _mm256_cmpeq_epi8(_mm256_min_epu8(cls, _mm256_set1_epi8(cc_space)), cls));
    const std::uint32_t lf = movemask_u32(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('\n')));
    const std::uint32_t cr = movemask_u32(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('\r')));
    std::uint32_t start = lead & ~(same & run) & ~(lf & (cr << 1 | prev_cr));
    prev_cr = cr >> 31;
    prev_f = cls;
    if (start != 0) {
      _mm256_store_si256(reinterpret_cast<__m256i*>(tmp), cls);
      do {
        const unsigned j = static_cast<unsigned>(_tzcnt_u32(start));
        start = _blsr_u32(start);
        off[count] = i + j;
        kind[count] = tmp[j];
        ++count;
      } while (start != 0);
    }
    const std::size_t last = 31 - static_cast<std::size_t>(_lzcnt_u32(lead));
    const auto b = static_cast<unsigned char>(s[i + last]);
    pos = i + last + (b < 0x80 ? 1 : b < 0xE0 ? 2 : 3);
    i += 32;
  }
  st.prev = static_cast<std::uint8_t>(_mm256_extract_epi8(prev_f, 31));
  st.prev_cr = prev_cr != 0;
  pos_io = pos;
  count_io = count;
}

#endif  // ZHSCAN_X86_SIMD

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_SIMD_TOKENIZE_HPP
