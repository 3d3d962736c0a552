// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_SIMD_TOKENIZE_NEON_HPP
#define ZHSCAN_DETAIL_SIMD_TOKENIZE_NEON_HPP

#include <cstddef>
#include <cstdint>

#include "char_class.hpp"
#include "cpu.hpp"
#include "simd_scalar.hpp"

#if ZHSCAN_NEON_SIMD
#include <arm_neon.h>
#endif

/**
 * The NEON tokenizer kernel (aarch64, where NEON is baseline: selected at compile time).
 *
 * 64-byte blocks of four 16-byte vectors; masks of a whole block are 64-bit integers made
 * with the pairwise-add "movemask" (neon_mask64). Per block:
 *  1. All ASCII (vmaxv < 0x80): classes from the 128-entry ASCII table with two 64-entry
 *     table lookups (tbl/tbx on four registers).
 *  2. Otherwise a structure check in the vector domain, as the x86 kernels: every lead
 *     C2..DF is followed by a continuation byte, every lead E1..EF (not ED) by two (loads at
 *     +1 and +2), every continuation byte follows a lead one or two bytes back (or spilled
 *     over from the previous block, `skip`); any other lead (C0 C1 E0 ED F0..FF) or error
 *     hands the block to the scalar tokenizer, which also validates. Classes: ASCII from the
 *     table, Han by lead byte (E5..E9; E4 except U+4DC0..4DFF; E3 with 2nd byte >= 90), the
 *     four punctuation pages of Chinese text (U+2000, U+3000, U+FF00, U+FF40) from their
 *     64-entry third-level tables (one tbl each), every other character by the scalar
 *     classifier.
 *  3. A character starts a token unless its class equals the class of the lead 1-3 bytes
 *     back (chosen by the continuation masks) and is a run class, or it is LF after CR.
 *     Starts are written by iterating the set bits of the 64-bit start mask in unrolled
 *     groups of eight (the slack covers the overshoot).
 * Produces exactly the scalar tokens (tests compare every path with scalar under qemu).
 */
namespace zhscan {
namespace detail {

#if ZHSCAN_NEON_SIMD

// The loops over the four vectors of a block must be unrolled (GCC keeps the arrays of
// vectors on the stack otherwise).
#if defined(__clang__)
#define ZHSCAN_NEON_UNROLL _Pragma("unroll")
#else
#define ZHSCAN_NEON_UNROLL _Pragma("GCC unroll 8")
#endif

alignas(16) inline constexpr std::uint8_t neon_bit_weights[16] = {1, 2, 4, 8, 16, 32, 64, 128,
                                                                  1, 2, 4, 8, 16, 32, 64, 128};

/** Bit j of the result: lane j of the 0x00/0xFF vector a, b (16 + j), c (32 + j), d (48 + j). */
ZHSCAN_ALWAYS_INLINE std::uint64_t neon_mask64(uint8x16_t a, uint8x16_t b, uint8x16_t c,
                                               uint8x16_t d) noexcept {
  const uint8x16_t w = vld1q_u8(neon_bit_weights);
  uint8x16_t s0 = vpaddq_u8(vandq_u8(a, w), vandq_u8(b, w));
  const uint8x16_t s1 = vpaddq_u8(vandq_u8(c, w), vandq_u8(d, w));
  s0 = vpaddq_u8(s0, s1);
  s0 = vpaddq_u8(s0, s0);
  return vgetq_lane_u64(vreinterpretq_u64_u8(s0), 0);
}

/** Bit-reversed x (rbit). */
ZHSCAN_ALWAYS_INLINE std::uint64_t neon_rbit64(std::uint64_t x) noexcept {
  __asm__("rbit %0, %1" : "=r"(x) : "r"(x));
  return x;
}

/** Leading zeros of x, 64 for 0 (clz; the builtin leaves 0 undefined). */
ZHSCAN_ALWAYS_INLINE unsigned neon_clz64(std::uint64_t x) noexcept {
  std::uint64_t r;
  __asm__("clz %0, %1" : "=r"(r) : "r"(x));
  return static_cast<unsigned>(r);
}

/** Continuation bytes (80..BF) of x as 0xFF lanes. */
ZHSCAN_ALWAYS_INLINE uint8x16_t neon_cont(uint8x16_t x) noexcept {
  return vcltq_s8(vreinterpretq_s8_u8(x), vdupq_n_s8(-64));
}

/** Table t (64 bytes) as four registers for vqtbl4q_u8. */
ZHSCAN_ALWAYS_INLINE uint8x16x4_t neon_table64(const std::uint8_t* t) noexcept {
  uint8x16x4_t r;
  r.val[0] = vld1q_u8(t);
  r.val[1] = vld1q_u8(t + 16);
  r.val[2] = vld1q_u8(t + 32);
  r.val[3] = vld1q_u8(t + 48);
  return r;
}

/**
 * NEON kernel; same contract as tokenize_avx2 (a whole block plus two bytes of look-ahead,
 * `kernel_slack` free slots per block; leaves pos/st for the scalar path to finish).
 */
inline void tokenize_neon(const char* s, std::size_t size, std::size_t& pos_io, scan_state& st,
                          std::size_t* off, std::uint8_t* kind, std::size_t& count_io,
                          std::size_t cap, std::size_t stop = ~std::size_t{0}) noexcept {
  std::size_t pos = pos_io;
  std::size_t count = count_io;
  if (pos + 66 > size || count + kernel_slack > cap) return;
  const auto* const u = reinterpret_cast<const std::uint8_t*>(s);
  const class_page_tables& T = page_tables;
  const uint8x16x4_t t_ascii_lo = neon_table64(T.ascii);
  const uint8x16x4_t t_ascii_hi = neon_table64(T.ascii + 64);
  const uint8x16_t c40 = vdupq_n_u8(0x40);
  // The previous block's last vector of bytes, of classes and of continuation lanes (after a
  // scalar step: CR or nothing, the previous class, no continuation).
  std::uint8_t prev_class = st.prev;
  bool prev_cr = st.prev_cr;
  uint8x16_t prev_x = vdupq_n_u8(prev_cr ? '\r' : 0);
  uint8x16_t prev_cls = vdupq_n_u8(prev_class);
  uint8x16_t prev_cont = vdupq_n_u8(0);
  alignas(16) std::uint8_t cbuf[80] = {};
  std::size_t i = pos;
  while (i + 66 <= size && i < stop && count + kernel_slack <= cap) {
    const std::size_t sk = pos - i;  // bytes of the previous character in this block (0..3)
    const std::uint64_t skip = (std::uint64_t{1} << sk) - 1;
    uint8x16_t x[4], cls[4], cont[4];
    ZHSCAN_NEON_UNROLL
    for (int k = 0; k < 4; ++k) x[k] = vld1q_u8(u + i + 16 * k);
    const uint8x16_t any = vorrq_u8(vorrq_u8(x[0], x[1]), vorrq_u8(x[2], x[3]));
    if (vmaxvq_u8(any) < 0x80) {
      ZHSCAN_NEON_UNROLL
      for (int k = 0; k < 4; ++k) {
        cls[k] = vqtbx4q_u8(vqtbl4q_u8(t_ascii_lo, x[k]), t_ascii_hi, vsubq_u8(x[k], c40));
        cont[k] = vdupq_n_u8(0);
      }
    } else {
      uint8x16_t x1[4], x2[4], unres[4];
      uint8x16_t bad = vdupq_n_u8(0), orphan_any = vdupq_n_u8(0), orphan[4], unres_any = vdupq_n_u8(0);
      ZHSCAN_NEON_UNROLL
      for (int k = 0; k < 4; ++k) {
        x1[k] = vld1q_u8(u + i + 16 * k + 1);
        x2[k] = vld1q_u8(u + i + 16 * k + 2);
        const uint8x16_t xp = k ? x[k - 1] : prev_x;
        cont[k] = neon_cont(x[k]);
        const uint8x16_t ge_c0 = vcgeq_u8(x[k], vdupq_n_u8(0xC0));
        const uint8x16_t ge_e0 = vcgeq_u8(x[k], vdupq_n_u8(0xE0));
        // Leads not handled here: C0 C1 E0 ED F0..FF.
        const uint8x16_t rare = vorrq_u8(
            vorrq_u8(vcgeq_u8(x[k], vdupq_n_u8(0xF0)), vceqq_u8(x[k], vdupq_n_u8(0xE0))),
            vorrq_u8(vceqq_u8(x[k], vdupq_n_u8(0xED)),
                     vceqq_u8(vandq_u8(x[k], vdupq_n_u8(0xFE)), vdupq_n_u8(0xC0))));
        bad = vorrq_u8(bad, vorrq_u8(rare, vorrq_u8(vbicq_u8(ge_c0, neon_cont(x1[k])),
                                                    vbicq_u8(ge_e0, neon_cont(x2[k])))));
        // A continuation byte needs a lead (C2..EF) one byte back or a 3-byte lead two back.
        const uint8x16_t follow = vorrq_u8(vcgeq_u8(vextq_u8(xp, x[k], 15), vdupq_n_u8(0xC0)),
                                           vcgeq_u8(vextq_u8(xp, x[k], 14), vdupq_n_u8(0xE0)));
        orphan[k] = vbicq_u8(cont[k], follow);
        orphan_any = vorrq_u8(orphan_any, orphan[k]);
        // Classes: ASCII table (0 = han for every byte >= 0x80), Han leads resolved here.
        cls[k] = vqtbx4q_u8(vqtbl4q_u8(t_ascii_lo, x[k]), t_ascii_hi, vsubq_u8(x[k], c40));
        const uint8x16_t han_main = vcleq_u8(vsubq_u8(x[k], vdupq_n_u8(0xE5)), vdupq_n_u8(4));
        const uint8x16_t han_e4 =
            vbicq_u8(vceqq_u8(x[k], vdupq_n_u8(0xE4)), vceqq_u8(x1[k], vdupq_n_u8(0xB7)));
        const uint8x16_t han_e3 =
            vandq_u8(vceqq_u8(x[k], vdupq_n_u8(0xE3)), vcgeq_u8(x1[k], vdupq_n_u8(0x90)));
        unres[k] = vbicq_u8(ge_c0, vorrq_u8(han_main, vorrq_u8(han_e4, han_e3)));
        unres_any = vorrq_u8(unres_any, unres[k]);
      }
      if (vmaxvq_u8(vorrq_u8(bad, orphan_any)) != 0) {
        const bool is_bad = vmaxvq_u8(bad) != 0 || sk >= 3 ||
                            (neon_mask64(orphan[0], orphan[1], orphan[2], orphan[3]) & ~skip) != 0;
        if (is_bad) {
          // Scalar for the characters that start in this block (it validates them).
          st.prev = prev_class;
          st.prev_cr = prev_cr;
          scalar_scan(s, size, pos, i + 64, st, off, kind, count, cap);
          prev_class = st.prev;
          prev_cr = st.prev_cr;
          prev_x = vdupq_n_u8(prev_cr ? '\r' : 0);
          prev_cls = vdupq_n_u8(prev_class);
          prev_cont = vdupq_n_u8(0);
          i += 64;
          continue;
        }
      }
      if (vmaxvq_u8(unres_any) != 0) {
        // The four punctuation pages of Chinese text, from their third-level tables.
        const uint8x16_t c3f = vdupq_n_u8(0x3F);
        const std::uint8_t pages[4][3] = {{0xE2, 0x80, 2}, {0xE3, 0x80, 6}, {0xEF, 0xBC, 7}, {0xEF, 0xBD, 8}};
        for (int t = 0; t < 4; ++t) {
          const uint8x16x4_t tab = neon_table64(T.third[pages[t][2]]);
          const uint8x16_t b0 = vdupq_n_u8(pages[t][0]), b1 = vdupq_n_u8(pages[t][1]);
          ZHSCAN_NEON_UNROLL
          for (int k = 0; k < 4; ++k) {
            const uint8x16_t m = vandq_u8(vceqq_u8(x[k], b0), vceqq_u8(x1[k], b1));
            cls[k] = vbslq_u8(m, vqtbl4q_u8(tab, vandq_u8(x2[k], c3f)), cls[k]);
            unres[k] = vbicq_u8(unres[k], m);
          }
        }
        std::uint64_t slow = neon_mask64(unres[0], unres[1], unres[2], unres[3]);
        if (slow != 0) {
          ZHSCAN_NEON_UNROLL
          for (int k = 0; k < 4; ++k) vst1q_u8(cbuf + 16 * k, cls[k]);
          do {
            const unsigned j = static_cast<unsigned>(__builtin_ctzll(slow));
            slow &= slow - 1;
            const char* c = s + i + j;
            const utf8::decoded d = utf8::decode(c, s + size);
            cbuf[j] = class_of_sequence(c, d.length, d.cp);
          } while (slow != 0);
          ZHSCAN_NEON_UNROLL
          for (int k = 0; k < 4; ++k) cls[k] = vld1q_u8(cbuf + 16 * k);
        }
      }
    }
    // Token starts: not a continuation, not (same class as the character before and a run
    // class), not LF after CR. The character before a lead is the lead 1, 2 or 3 bytes back.
    uint8x16_t nstart[4];
    ZHSCAN_NEON_UNROLL
    for (int k = 0; k < 4; ++k) {
      const uint8x16_t xp = k ? x[k - 1] : prev_x;
      const uint8x16_t cp = k ? cls[k - 1] : prev_cls;
      const uint8x16_t kp = k ? cont[k - 1] : prev_cont;
      const uint8x16_t before =
          vbslq_u8(vextq_u8(kp, cont[k], 15),
                   vbslq_u8(vextq_u8(kp, cont[k], 14), vextq_u8(cp, cls[k], 13), vextq_u8(cp, cls[k], 14)),
                   vextq_u8(cp, cls[k], 15));
      const uint8x16_t merge =
          vandq_u8(vceqq_u8(cls[k], before), vcleq_u8(cls[k], vdupq_n_u8(cc_space)));
      const uint8x16_t crlf = vandq_u8(vceqq_u8(x[k], vdupq_n_u8('\n')),
                                       vceqq_u8(vextq_u8(xp, x[k], 15), vdupq_n_u8('\r')));
      nstart[k] = vorrq_u8(cont[k], vorrq_u8(merge, crlf));
      vst1q_u8(cbuf + 16 * k, cls[k]);
    }
    std::uint64_t start = ~neon_mask64(nstart[0], nstart[1], nstart[2], nstart[3]) & ~skip;
    // Emit: unrolled groups of eight. The mask is bit-reversed once, so each start is a
    // count of leading zeros (64 for an exhausted mask: slot 64 of cbuf, a dummy) and its
    // bit is cleared with one shift and xor.
    const unsigned n = static_cast<unsigned>(__builtin_popcountll(start));
    std::size_t* o = off + count;
    std::uint8_t* kd = kind + count;
    std::uint64_t rev = neon_rbit64(start);
    for (unsigned g = 0;;) {
      ZHSCAN_NEON_UNROLL
      for (unsigned k = 0; k < 8; ++k) {
        const unsigned j = neon_clz64(rev);
        rev ^= (std::uint64_t{1} << 63) >> (j & 63);
        o[g + k] = i + j;
        kd[g + k] = cbuf[j];
      }
      g += 8;
      if (ZHSCAN_LIKELY(g >= n)) break;
    }
    count += n;
    // The last character of the block: its lead is one of the last three bytes.
    std::size_t last = 63;
    while ((u[i + last] & 0xC0u) == 0x80u) --last;
    const std::uint8_t b = u[i + last];
    prev_class = cbuf[last];
    prev_cr = u[i + 63] == '\r';
    prev_x = x[3];
    prev_cls = cls[3];
    prev_cont = cont[3];
    pos = i + last + (b < 0x80 ? 1 : b < 0xE0 ? 2 : 3);
    i += 64;
  }
  st.prev = prev_class;
  st.prev_cr = prev_cr;
  pos_io = pos;
  count_io = count;
}

#endif  // ZHSCAN_NEON_SIMD

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_SIMD_TOKENIZE_NEON_HPP
