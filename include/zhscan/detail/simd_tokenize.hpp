// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_SIMD_TOKENIZE_HPP
#define ZHSCAN_DETAIL_SIMD_TOKENIZE_HPP

#include <cstddef>
#include <cstdint>

#include "char_class.hpp"
#include "cpu.hpp"
#include "simd_utf8.hpp"
#include "simd_scalar.hpp"
#include "simd_tokenize_neon.hpp"

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


#if ZHSCAN_X86_SIMD

/**
 * Software prefetch, once per 64 input bytes: the input 4 KiB ahead and the offsets column
 * 512 bytes ahead (for writing). Without it a 64 MiB input ran at 45% of the in-cache
 * speed (the hardware prefetchers of the VMs measured do not keep up with the two streams).
 */
ZHSCAN_ALWAYS_INLINE void tokenize_prefetch(const char* in, const std::size_t* out) noexcept {
  __builtin_prefetch(in + 4096, 0, 3);
  __builtin_prefetch(reinterpret_cast<const char*>(out) + 512, 1, 3);
}

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
    tokenize_prefetch(s + i, off + count);
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

/** 32 copies of each byte value, so the AVX2 kernel's constants are memory operands. */
struct splat_table {
  alignas(32) std::uint8_t v[256][32];
};
constexpr splat_table make_splat_table() noexcept {
  splat_table t{};
  for (int b = 0; b < 256; ++b)
    for (int i = 0; i < 32; ++i) t.v[b][i] = static_cast<std::uint8_t>(b);
  return t;
}
inline constexpr splat_table splat_bytes = make_splat_table();

/**
 * The byte `b` in every lane, loaded from splat_bytes: GCC otherwise rebuilds each
 * _mm256_set1_epi8 constant in the loop (mov, vmovd, vpbroadcastb) when registers run out.
 */
ZHSCAN_TARGET_AVX2 ZHSCAN_ALWAYS_INLINE __m256i splat_avx2(unsigned b) noexcept {
  // Hide the known contents, or GCC turns the load back into a broadcast. The barrier is on
  // the table's address (the same in every call), so GCC merges and hoists it: each
  // constant is then one load at a fixed offset, folded into its instruction (no lea).
  const splat_table* t = &splat_bytes;
  __asm__("" : "+r"(t));
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(t->v[b & 0xFFu]));
}

/**
 * Token class of ASCII bytes (any value for bytes >= 0x80) from nibble tables: in rows
 * 2..7 (high nibble) a byte has one of two classes, chosen by whether its low nibble is in
 * the row's set (bit r of in_lo[lo] & row_bit[hi]); row 0 is looked up by the low nibble,
 * row 1 is `other`, 0x7F is fixed up.
 */
ZHSCAN_TARGET_AVX2 inline __m256i ascii_class_avx2(__m256i x) noexcept {
  // Bit r: the low nibble is in row r's set (2: {0} space; 3: {0-9} digit; 4, 6: {1-F}
  // letter; 5, 7: {0-A} letter).
  const __m256i in_lo = _mm256_setr_epi8(
      static_cast<char>(0xAC), static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF8),
      static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF8),
      static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF0), 0x50, 0x50, 0x50, 0x50, 0x50,
      static_cast<char>(0xAC), static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF8),
      static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF8),
      static_cast<char>(0xF8), static_cast<char>(0xF8), static_cast<char>(0xF0), 0x50, 0x50, 0x50, 0x50, 0x50);
  const __m256i row_bit = _mm256_setr_epi8(
      0, 0, 0x04, 0x08, 0x10, 0x20, 0x40, static_cast<char>(0x80), 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0x04, 0x08, 0x10, 0x20, 0x40, static_cast<char>(0x80), 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i cls_in = _mm256_setr_epi8(
      cc_other, cc_other, cc_space, cc_ascii_digit, cc_ascii_letter, cc_ascii_letter,
      cc_ascii_letter, cc_ascii_letter, 0, 0, 0, 0, 0, 0, 0, 0,
      cc_other, cc_other, cc_space, cc_ascii_digit, cc_ascii_letter, cc_ascii_letter,
      cc_ascii_letter, cc_ascii_letter, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i cls_out = _mm256_setr_epi8(
      cc_other, cc_other, cc_punct, cc_punct, cc_punct, cc_punct, cc_punct, cc_punct,
      0, 0, 0, 0, 0, 0, 0, 0,
      cc_other, cc_other, cc_punct, cc_punct, cc_punct, cc_punct, cc_punct, cc_punct,
      0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i ctl = _mm256_setr_epi8(
      cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other,
      cc_space, cc_newline, cc_space, cc_space, cc_newline, cc_other, cc_other,
      cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other, cc_other,
      cc_space, cc_newline, cc_space, cc_space, cc_newline, cc_other, cc_other);
  const __m256i lo = _mm256_and_si256(x, splat_avx2(0x0F));
  const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), splat_avx2(0x0F));
  const __m256i out = _mm256_cmpeq_epi8(
      _mm256_and_si256(_mm256_shuffle_epi8(in_lo, lo), _mm256_shuffle_epi8(row_bit, hi)),
      _mm256_setzero_si256());
  __m256i cls = _mm256_blendv_epi8(_mm256_shuffle_epi8(cls_in, hi), _mm256_shuffle_epi8(cls_out, hi), out);
  cls = _mm256_blendv_epi8(cls, _mm256_shuffle_epi8(ctl, lo), _mm256_cmpgt_epi8(splat_avx2(0x10), x));
  return _mm256_blendv_epi8(cls, splat_avx2(cc_other), _mm256_cmpeq_epi8(x, splat_avx2(0x7F)));
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

/** Mask of the bytes whose lead and 2nd byte (`x`, `x1`) are `b0`/`b1`. */
ZHSCAN_TARGET_AVX2 inline __m256i page_mask_avx2(__m256i x, __m256i x1, unsigned char b0,
                                                 unsigned char b1) noexcept {
  return _mm256_and_si256(_mm256_cmpeq_epi8(x, splat_avx2(b0)),
                          _mm256_cmpeq_epi8(x1, splat_avx2(b1)));
}

/**
 * Replaces the class in `cls` by table[3rd byte & 63] where `m` is set: four vpshufb on the
 * low nibble `lo`, blended by bit 4 (`sel4`, moved to bit 7) and bit 5 (`sel5`) of the
 * 3rd byte, emulate a 64-entry lookup.
 */
ZHSCAN_TARGET_AVX2 ZHSCAN_ALWAYS_INLINE __m256i apply_third_avx2(__m256i cls, __m256i m, __m256i lo,
                                                   __m256i sel4, __m256i sel5,
                                                   const lane_table64& t) noexcept {
  const __m256i* rows = reinterpret_cast<const __m256i*>(t.row);
  const __m256i r01 = _mm256_blendv_epi8(_mm256_shuffle_epi8(_mm256_load_si256(rows), lo),
                                         _mm256_shuffle_epi8(_mm256_load_si256(rows + 1), lo), sel4);
  const __m256i r23 = _mm256_blendv_epi8(_mm256_shuffle_epi8(_mm256_load_si256(rows + 2), lo),
                                         _mm256_shuffle_epi8(_mm256_load_si256(rows + 3), lo), sel4);
  return _mm256_blendv_epi8(cls, _mm256_blendv_epi8(r01, r23, sel5), m);
}

/** skip_lanes.v[k]: 0xFF in the first k lanes (k < 4). */
struct skip_lane_table {
  alignas(32) std::uint8_t v[4][32];
};
constexpr skip_lane_table make_skip_lanes() noexcept {
  skip_lane_table t{};
  for (int k = 0; k < 4; ++k)
    for (int i = 0; i < k; ++i) t.v[k][i] = 0xFF;
  return t;
}
inline constexpr skip_lane_table skip_lanes = make_skip_lanes();

/** Byte sign bits of `v` as a 32-bit mask. */
ZHSCAN_TARGET_AVX2 inline std::uint32_t movemask_u32(__m256i v) noexcept {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
}

/**
 * Writes base + (position of each set bit of m) to out[] and cls[position] to kinds[], in
 * order; returns popcount(m). Unrolled groups of eight are written whether or not the tokens
 * exist (the caller guarantees the slack; tzcnt of 0 is 64, so cls needs 65 bytes): no
 * per-token branch to mispredict.
 */
ZHSCAN_TARGET_AVX2 ZHSCAN_ALWAYS_INLINE unsigned emit_starts_avx2(std::size_t* out,
                                                                  std::uint8_t* kinds,
                                                                  std::size_t base,
                                                                  std::uint64_t m,
                                                                  const std::uint8_t* cls) noexcept {
  const unsigned n = static_cast<unsigned>(_mm_popcnt_u64(m));
  for (unsigned g = 0;;) {
    for (unsigned k = 0; k < 8; ++k) {
      const std::size_t j = static_cast<std::size_t>(_tzcnt_u64(m));
      m = _blsr_u64(m);
      out[g + k] = base + j;
      kinds[g + k] = cls[j];
    }
    g += 8;
    if (ZHSCAN_LIKELY(g >= n)) break;
  }
  return n;
}

/**
 * AVX2 kernel, 32-byte blocks; same contract as tokenize_avx512. Structure check as the
 * AVX-512 kernel; classes in vectors for ASCII and Han (leads E5..E9, E4 except U+4DC0..4DFF,
 * E3 90..BF) and the four common punctuation pages (vpshufb tables), every other character
 * through the scalar page tables; a character starts a token when its class differs from
 * the class of the lead 1-3 bytes back (or is not a run class). Starts are emitted in
 * unrolled groups of four.
 */
ZHSCAN_TARGET_AVX2 inline void tokenize_avx2(const char* s, std::size_t size,
                                             std::size_t& pos_io, scan_state& st,
                                             std::size_t* off, std::uint8_t* kind,
                                             std::size_t& count_io, std::size_t cap,
                                             std::size_t stop = ~std::size_t{0}) noexcept {
  std::size_t pos = pos_io;
  std::size_t count = count_io;
  if (pos + 34 > size || count + kernel_slack > cap) return;
  // Lead-byte classes and continuation mask of the previous block (a broadcast class and
  // no continuations after a scalar step); `prev_last` is the last lead's byte index.
  __m256i prev_f = _mm256_set1_epi8(static_cast<char>(st.prev));
  __m256i prev_cont = _mm256_setzero_si256();
  __m256i prev_x = _mm256_setzero_si256();  // the previous block's bytes (none: zeros)
  std::size_t prev_last = 31;
  std::uint32_t prev_cr = st.prev_cr ? 1u : 0u;
  alignas(32) std::uint8_t tmp[32];
  // Token starts are emitted per pair of blocks (fewer, better predicted emission loops):
  // `pend` holds the starts of `half` (0 or 1) blocks from `base`, their classes in `cbuf`.
  alignas(32) std::uint8_t cbuf[128] = {};
  std::uint64_t pend = 0;
  unsigned half = 0;
  std::size_t base = 0;
  std::size_t i = pos;
  while (i + 34 <= size && i < stop && count + kernel_slack <= cap) {
    const std::uint32_t skip = (std::uint32_t{1} << (pos - i)) - 1u;
    if ((i & 32) == 0) tokenize_prefetch(s + i, off + count);
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    const std::uint32_t high = movemask_u32(x);
    __m256i cls = ascii_class_avx2(x);
    std::uint32_t lead = ~std::uint32_t{0};
    __m256i cont_v = _mm256_setzero_si256();
    if (high != 0) {
      __m256i x1, x2;
      // bit 7 set and bit 6 clear
      cont_v = _mm256_cmpeq_epi8(_mm256_and_si256(x, splat_avx2(0xC0)),
                                 splat_avx2(0x80));
      const std::uint32_t cont = movemask_u32(cont_v);
      // Continuation masks of the next two bytes, from the loads at i+1 and i+2 (the loop
      // keeps two bytes of look-ahead inside the input).
      x1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 1));
      x2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 2));
      // Structure check in the vector domain, one test: leads C2..DF need a continuation
      // byte next, leads E1..EF two; every continuation byte needs a lead (C0+) one byte
      // back or a 3-byte lead (E0+) two back (the previous block's bytes in prev_x), or
      // belongs to the character spilled over from a scalar step (skip lanes); C0 C1 E0 ED
      // and F0..FF are left to the scalar.
      const __m256i c1 = _mm256_cmpeq_epi8(_mm256_and_si256(x1, splat_avx2(0xC0)), splat_avx2(0x80));
      const __m256i c2 = _mm256_cmpeq_epi8(_mm256_and_si256(x2, splat_avx2(0xC0)), splat_avx2(0x80));
      const __m256i ge_c0 = _mm256_cmpeq_epi8(_mm256_max_epu8(x, splat_avx2(0xC0)), x);
      const __m256i ge_e0 = _mm256_cmpeq_epi8(_mm256_max_epu8(x, splat_avx2(0xE0)), x);
      const __m256i rare = _mm256_or_si256(
          _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(x, splat_avx2(0xF0)), x),
                          _mm256_cmpeq_epi8(x, splat_avx2(0xE0))),
          _mm256_or_si256(_mm256_cmpeq_epi8(x, splat_avx2(0xED)),
                          _mm256_cmpeq_epi8(_mm256_and_si256(x, splat_avx2(0xFE)), splat_avx2(0xC0))));
      const __m256i px = _mm256_permute2x128_si256(prev_x, x, 0x21);
      const __m256i back1 = _mm256_alignr_epi8(x, px, 15);
      const __m256i back2 = _mm256_alignr_epi8(x, px, 14);
      const __m256i follow = _mm256_or_si256(
          _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(back1, splat_avx2(0xC0)), back1),
                          _mm256_cmpeq_epi8(_mm256_max_epu8(back2, splat_avx2(0xE0)), back2)),
          _mm256_load_si256(reinterpret_cast<const __m256i*>(skip_lanes.v[(pos - i) & 3])));
      const __m256i bad_v = _mm256_or_si256(
          _mm256_or_si256(rare, _mm256_andnot_si256(follow, cont_v)),
          _mm256_or_si256(_mm256_andnot_si256(c1, ge_c0), _mm256_andnot_si256(c2, ge_e0)));
      // skip >> 2: a 4-byte character from a scalar block spills 3 bytes into this one,
      // more than the look-back below reaches; rare, so the scalar takes the block.
      const bool bad = !_mm256_testz_si256(bad_v, bad_v) || (skip >> 2) != 0;
      const std::uint32_t lead3 = movemask_u32(ge_e0);  // 3-byte leads (F0+ are bad above)
      if (bad) {
        if (half != 0) {
          count += emit_starts_avx2(off + count, kind + count, base, pend, cbuf);
          half = 0;
        }
        _mm256_store_si256(reinterpret_cast<__m256i*>(tmp), prev_f);
        st.prev = tmp[prev_last];
        st.prev_cr = prev_cr != 0;
        scalar_scan(s, size, pos, i + 32, st, off, kind, count, cap);
        prev_f = _mm256_set1_epi8(static_cast<char>(st.prev));
        prev_cont = _mm256_setzero_si256();
        prev_x = _mm256_setzero_si256();
        prev_last = 31;
        prev_cr = st.prev_cr ? 1u : 0u;
        i += 32;
        continue;
      }
      lead = ~cont;
      // Han: E5..E9; E4 unless 2nd byte B7 (U+4DC0..4DFF symbols); E3 with 2nd byte >= 90.
      const __m256i h = _mm256_sub_epi8(x, splat_avx2(0xE5));
      const __m256i han_main = _mm256_cmpeq_epi8(_mm256_min_epu8(h, splat_avx2(4)), h);
      const __m256i han_e4 = _mm256_andnot_si256(
          _mm256_cmpeq_epi8(x1, splat_avx2(0xB7)),
          _mm256_cmpeq_epi8(x, splat_avx2(0xE4)));
      const __m256i han_e3 = _mm256_and_si256(
          _mm256_cmpeq_epi8(x, splat_avx2(0xE3)),
          _mm256_cmpeq_epi8(_mm256_max_epu8(x1, splat_avx2(0x90)), x1));
      const __m256i han_v = _mm256_or_si256(han_main, _mm256_or_si256(han_e4, han_e3));
      cls = _mm256_andnot_si256(han_v, cls);  // cc_han == 0
      std::uint32_t resolved = movemask_u32(han_v);
      // The four punctuation pages common in Chinese text (General Punctuation, CJK
      // punctuation, full-width forms). The last three are looked up whether or not the
      // block has them: a per-page branch mispredicts on mixed text (measured: 15% faster
      // on the generated input, 8% slower on the corpus, both still ahead of ICU).
      if (lead3 & ~resolved) {
        const __m256i lo = _mm256_and_si256(x2, splat_avx2(0x0F));
        const __m256i sel4 = _mm256_slli_epi16(x2, 3);  // bit 4 of each byte -> its bit 7
        const __m256i sel5 = _mm256_slli_epi16(x2, 2);  // bit 5 -> bit 7
        const unsigned char pages[4][2] = {{0xE2, 0x80}, {0xE3, 0x80}, {0xEF, 0xBC}, {0xEF, 0xBD}};
        for (int t = 0; t < 4; ++t) {
          const __m256i m = page_mask_avx2(x, x1, pages[t][0], pages[t][1]);
          const std::uint32_t bits = movemask_u32(m);
          if (t == 0 && bits == 0) continue;
          cls = apply_third_avx2(cls, m, lo, sel4, sel5, lane_third[t]);
          resolved |= bits;
        }
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
    }
    // Class of the character before each lead: the lead 1, 2 or 3 bytes back, chosen by
    // whether the bytes 1 and 2 back are continuations. Only lead-byte classes are read,
    // so blocks do not wait on each other (no loop-carried propagation chain).
    const __m256i pc = _mm256_permute2x128_si256(prev_f, cls, 0x21);
    const __m256i pk = _mm256_permute2x128_si256(prev_cont, cont_v, 0x21);
    const __m256i before = _mm256_blendv_epi8(
        _mm256_alignr_epi8(cls, pc, 15),
        _mm256_blendv_epi8(_mm256_alignr_epi8(cls, pc, 14), _mm256_alignr_epi8(cls, pc, 13),
                           _mm256_alignr_epi8(cont_v, pk, 14)),
        _mm256_alignr_epi8(cont_v, pk, 15));
    const std::uint32_t same = movemask_u32(_mm256_cmpeq_epi8(cls, before));
    const std::uint32_t run = movemask_u32(
        _mm256_cmpeq_epi8(_mm256_min_epu8(cls, splat_avx2(cc_space)), cls));
    const std::uint32_t lf = movemask_u32(_mm256_cmpeq_epi8(x, splat_avx2('\n')));
    const std::uint32_t cr = movemask_u32(_mm256_cmpeq_epi8(x, splat_avx2('\r')));
    const std::uint32_t start = lead & ~(same & run) & ~(lf & (cr << 1 | prev_cr));
    prev_cr = cr >> 31;
    prev_f = cls;
    prev_cont = cont_v;
    prev_x = x;
    _mm256_store_si256(reinterpret_cast<__m256i*>(cbuf + 32 * half), cls);
    if (half == 0) {
      base = i;
      pend = start;
      half = 1;
    } else {
      pend |= std::uint64_t{start} << 32;
      count += emit_starts_avx2(off + count, kind + count, base, pend, cbuf);
      half = 0;
    }
    const std::size_t last = 31 - static_cast<std::size_t>(_lzcnt_u32(lead));
    prev_last = last;
    const auto b = static_cast<unsigned char>(s[i + last]);
    pos = i + last + (b < 0x80 ? 1 : b < 0xE0 ? 2 : 3);
    i += 32;
  }
  if (half != 0) count += emit_starts_avx2(off + count, kind + count, base, pend, cbuf);
  _mm256_store_si256(reinterpret_cast<__m256i*>(tmp), prev_f);
  st.prev = tmp[prev_last];
  st.prev_cr = prev_cr != 0;
  pos_io = pos;
  count_io = count;
}

#endif  // ZHSCAN_X86_SIMD

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_SIMD_TOKENIZE_HPP
