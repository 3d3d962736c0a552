// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_METRIC_SCAN_HPP
#define ZHSCAN_DETAIL_METRIC_SCAN_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../common.hpp"
#include "cpu.hpp"

#if ZHSCAN_X86_SIMD
#include <immintrin.h>
#endif
#if ZHSCAN_NEON_SIMD
#include <arm_neon.h>
#endif

/**
 * Candidate finder of the metric scanner: the next byte where a number can start, that is
 * an ASCII digit, a full-width digit (U+FF10..FF19) or a Chinese numeral character
 * (the "trigger" set below). Everything between two triggers is skipped without decoding.
 *
 * Scalar path: one 64-bit word per 64 code points (the 3-byte UTF-8 range U+0800..U+FFFF
 * indexed by cp >> 6; an 8 KB table) tested per character.
 * Vector paths (chosen at run time, no -march needed; see detail/cpu.hpp): exact trigger
 * masks of 64-byte chunks. Each trigger belongs to one of 8 buckets; a position passes when,
 * for some bucket, each of its three bytes b0 b1 b2 has a value that some trigger of that
 * bucket has at the same place, one bit per bucket, ANDed:
 *  - AVX2: nibbles (five 16-entry lookups: low nibble of b0, whose high nibble must be E;
 *    both nibbles of b1; both of b2), 32 bytes per step;
 *  - AVX-512 (VBMI): the low six bits of b0, b1, b2 (three 64-entry lookups), 64 bytes at once.
 * That is a superset of the triggers, checked exactly with the bitmap; the buckets are chosen
 * so that few other characters pass, because every hit costs a scalar check: a local search
 * over the 3-byte characters of real reports and of generated report text (bench_data.hpp)
 * lets through about 0.1% of the characters of report text with the 64-entry lookups and
 * 0.5% with nibbles (the previous choice: 0.2% and 0.4% on reports, but 5% on the generated
 * text, whose common words hit some buckets).
 */
namespace zhscan {
namespace detail {

/** A trigger code point and its bucket in the AVX2 filter (0..7, a performance choice only:
 *  any assignment is correct, this one lets few non-triggers through). */
struct metric_trigger {
  char32_t cp;
  std::uint8_t bucket;
};

/** Code points that can start or continue a number (besides the ASCII digits): every numeral
 *  character of data/numerals.tsv whose role starts or continues a number, with its bucket
 *  (generated: edit the data file and run scripts/gen_tables.py). */
#include "gen_triggers.hpp"

struct trigger_bitmap {
  std::uint64_t bits[1024];
};

constexpr trigger_bitmap make_trigger_bitmap() noexcept {
  trigger_bitmap t{};
  for (const metric_trigger& c : metric_trigger_cps)
    t.bits[c.cp >> 6] |= std::uint64_t(1) << (c.cp & 63);
  return t;
}

inline constexpr trigger_bitmap metric_triggers = make_trigger_bitmap();

/** True when the 3 bytes at `p` (lead E0..EF, caller checked 3 bytes remain) are a trigger. */
ZHSCAN_ALWAYS_INLINE bool is_trigger3(const unsigned char* p) noexcept {
  const unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  return (p[1] & 0xC0u) == 0x80u && (p[2] & 0xC0u) == 0x80u &&
         ((metric_triggers.bits[cp >> 6] >> (cp & 63)) & 1u);
}

/** Scalar search for the next trigger in [p, end); returns end when there is none. */
inline const char* next_trigger_scalar(const char* p, const char* end) noexcept {
  auto* s = reinterpret_cast<const unsigned char*>(p);
  auto* const e = reinterpret_cast<const unsigned char*>(end);
  while (s < e) {
    const unsigned b = *s;
    if (b < 0x80u) {
      if (b - '0' < 10u) return reinterpret_cast<const char*>(s);
      ++s;
    } else if ((b & 0xF0u) == 0xE0u) {
      if (e - s >= 3 && is_trigger3(s)) return reinterpret_cast<const char*>(s);
      // step over the whole character when it is well formed, else one byte
      s += (e - s >= 3 && (s[1] & 0xC0u) == 0x80u && (s[2] & 0xC0u) == 0x80u) ? 3 : 1;
    } else {
      ++s;
    }
  }
  return end;
}

constexpr bool trigger_buckets_valid() noexcept {
  for (const metric_trigger& c : metric_trigger_cps)
    if (c.bucket > 7 || c.cp < 0x800 || c.cp > 0xFFFF) return false;
  return true;
}
static_assert(trigger_buckets_valid(), "metric triggers: 3-byte code points, buckets 0..7");

#if ZHSCAN_X86_SIMD || ZHSCAN_NEON_SIMD
/** Removes from `m` (filter bits of the 3-byte leads among the 64 bytes at p, readable up
 *  to p + 66) the positions that are no trigger. */
inline std::uint64_t exact_trigger_bits(const char* p, std::uint64_t m) noexcept {
  // Branch-free per bit: on report text many filter hits can be no trigger, in no
  // predictable order, so a test-and-branch (is_trigger3's &&) would mispredict on them.
  std::uint64_t keep = 0;
  for (std::uint64_t t = m; t; t &= t - 1) {
    const unsigned i = static_cast<unsigned>(__builtin_ctzll(t));
    const auto* s = reinterpret_cast<const unsigned char*>(p + i);
    const unsigned cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    const unsigned cont = static_cast<unsigned>((s[1] & 0xC0u) == 0x80u) &
                          static_cast<unsigned>((s[2] & 0xC0u) == 0x80u);
    const auto bit = static_cast<unsigned>(metric_triggers.bits[cp >> 6] >> (cp & 63)) & cont & 1u;
    keep |= std::uint64_t(bit) << i;
  }
  return keep;
}
#endif

#if ZHSCAN_X86_SIMD
/**
 * Nibble tables of the AVX2 filter, one bit per bucket: for each of the five nibbles
 * (low nibble of b0, whose high nibble must be E; both nibbles of b1; both of b2), the
 * buckets having a trigger with that nibble value there.
 */
struct avx2_filter_tables {
  unsigned char b0_lo[16];
  unsigned char b1_hi[16];
  unsigned char b1_lo[16];
  unsigned char b2_hi[16];
  unsigned char b2_lo[16];
};
constexpr avx2_filter_tables make_filter_tables() noexcept {
  avx2_filter_tables t{};
  for (const metric_trigger& c : metric_trigger_cps) {
    const auto bit = static_cast<unsigned char>(1u << c.bucket);
    const unsigned b1 = 0x80u | ((c.cp >> 6) & 0x3Fu);
    const unsigned b2 = 0x80u | (c.cp & 0x3Fu);
    t.b0_lo[(c.cp >> 12) & 0x0Fu] |= bit;
    t.b1_hi[b1 >> 4] |= bit;
    t.b1_lo[b1 & 0x0Fu] |= bit;
    t.b2_hi[b2 >> 4] |= bit;
    t.b2_lo[b2 & 0x0Fu] |= bit;
  }
  return t;
}
inline constexpr avx2_filter_tables metric_filter = make_filter_tables();

/** 64-entry tables of the AVX-512 filter: the buckets by the low six bits of b0 (a lead
 *  E0..EF, checked apart), of b1 and of b2. */
struct avx512_filter_tables {
  alignas(64) unsigned char b0[64];
  alignas(64) unsigned char b1[64];
  alignas(64) unsigned char b2[64];
};
constexpr avx512_filter_tables make_filter_tables_512() noexcept {
  avx512_filter_tables t{};
  for (const metric_trigger& c : metric_trigger_cps) {
    const auto bit = static_cast<unsigned char>(1u << c.bucket);
    t.b0[0x20u | ((c.cp >> 12) & 0x0Fu)] |= bit;  // E0..EF & 0x3F
    t.b1[(c.cp >> 6) & 0x3Fu] |= bit;
    t.b2[c.cp & 0x3Fu] |= bit;
  }
  return t;
}
inline constexpr avx512_filter_tables metric_filter_512 = make_filter_tables_512();

#define ZHSCAN_METRIC_TARGET_AVX2 __attribute__((target("avx2,bmi")))
#define ZHSCAN_METRIC_TARGET_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi,bmi")))

ZHSCAN_METRIC_TARGET_AVX2 inline __m256i nibble_table(const unsigned char* t) noexcept {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t)));
}

/** Filter bits of the 32 bytes at `p` (34 bytes readable): `digits` gets the ASCII digits,
 *  the result the positions whose bytes pass the bucket filter (a superset of the 3-byte
 *  triggers). */
ZHSCAN_METRIC_TARGET_AVX2 inline std::uint32_t filter32_avx2(const char* p, __m256i b0_lo,
                                                             __m256i b1_hi, __m256i b1_lo,
                                                             __m256i b2_hi, __m256i b2_lo,
                                                             std::uint32_t& digits) noexcept {
  const __m256i nib = _mm256_set1_epi8(0x0F);
  const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  // ASCII digits: (b - '0') <= 9 unsigned
  const __m256i d = _mm256_sub_epi8(v0, _mm256_set1_epi8('0'));
  const __m256i digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(9)), d);
  // 3-byte characters: the bucket bits of the five nibbles, ANDed
  const __m256i is_e = _mm256_cmpeq_epi8(_mm256_and_si256(v0, _mm256_set1_epi8(static_cast<char>(0xF0))),
                                         _mm256_set1_epi8(static_cast<char>(0xE0)));
  __m256i cls = _mm256_and_si256(_mm256_shuffle_epi8(b0_lo, _mm256_and_si256(v0, nib)), is_e);
  cls = _mm256_and_si256(cls, _mm256_shuffle_epi8(b1_hi, _mm256_and_si256(_mm256_srli_epi16(v1, 4), nib)));
  cls = _mm256_and_si256(cls, _mm256_shuffle_epi8(b1_lo, _mm256_and_si256(v1, nib)));
  cls = _mm256_and_si256(cls, _mm256_shuffle_epi8(b2_hi, _mm256_and_si256(_mm256_srli_epi16(v2, 4), nib)));
  cls = _mm256_and_si256(cls, _mm256_shuffle_epi8(b2_lo, _mm256_and_si256(v2, nib)));
  const auto none = static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(cls, _mm256_setzero_si256())));
  digits = static_cast<std::uint32_t>(_mm256_movemask_epi8(digit));
  return ~none;
}

/** Exact trigger bits of the 128 bytes at `p` (130 bytes readable): bit i of mask[k] set
 *  when p + 64 * k + i starts a trigger. */
ZHSCAN_METRIC_TARGET_AVX2 inline void trigger_masks_avx2(const char* p,
                                                         std::uint64_t (&mask)[2]) noexcept {
  const __m256i b0_lo = nibble_table(metric_filter.b0_lo);
  const __m256i b1_hi = nibble_table(metric_filter.b1_hi);
  const __m256i b1_lo = nibble_table(metric_filter.b1_lo);
  const __m256i b2_hi = nibble_table(metric_filter.b2_hi);
  const __m256i b2_lo = nibble_table(metric_filter.b2_lo);
  for (int k = 0; k < 2; ++k, p += 64) {
    std::uint32_t d_lo, d_hi;
    const std::uint64_t lo = filter32_avx2(p, b0_lo, b1_hi, b1_lo, b2_hi, b2_lo, d_lo);
    const std::uint64_t hi = filter32_avx2(p + 32, b0_lo, b1_hi, b1_lo, b2_hi, b2_lo, d_hi);
    mask[k] = (d_lo | (std::uint64_t(d_hi) << 32)) | exact_trigger_bits(p, lo | (hi << 32));
  }
}

/** Filter bits of the 32 bytes at `p` with AVX-512 VL/VBMI on 256-bit vectors (no 512-bit
 *  instructions: they would lower the clock of the scalar code around them): `digits` gets
 *  the ASCII digits, the result the 3-byte leads passing the 64-entry bucket lookups. */
ZHSCAN_METRIC_TARGET_AVX512 inline std::uint32_t filter32_avx512(
    const char* p, __m256i t0_lo, __m256i t0_hi, __m256i t1_lo, __m256i t1_hi, __m256i t2_lo,
    __m256i t2_hi, std::uint32_t& digits) noexcept {
  const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  digits = _mm256_cmple_epu8_mask(_mm256_sub_epi8(v0, _mm256_set1_epi8('0')), _mm256_set1_epi8(9));
  const __mmask32 lead = _mm256_cmpeq_epi8_mask(_mm256_and_si256(v0, _mm256_set1_epi8(static_cast<char>(0xF0))),
                                                _mm256_set1_epi8(static_cast<char>(0xE0)));
  // vpermi2b: a 64-entry lookup by the low six bits of each byte
  const __m256i c0 = _mm256_permutex2var_epi8(t0_lo, v0, t0_hi);
  const __m256i c1 = _mm256_permutex2var_epi8(t1_lo, v1, t1_hi);
  const __m256i c2 = _mm256_permutex2var_epi8(t2_lo, v2, t2_hi);
  const __m256i cls = _mm256_ternarylogic_epi32(c0, c1, c2, 0x80);  // c0 & c1 & c2
  return _mm256_mask_test_epi8_mask(lead, cls, cls);
}

/** Same as trigger_masks_avx2 with AVX-512 VL/VBMI. */
ZHSCAN_METRIC_TARGET_AVX512 inline void trigger_masks_avx512(const char* p,
                                                             std::uint64_t (&mask)[2]) noexcept {
  const auto* t = &metric_filter_512;
  const __m256i t0_lo = _mm256_load_si256(reinterpret_cast<const __m256i*>(t->b0));
  const __m256i t0_hi = _mm256_load_si256(reinterpret_cast<const __m256i*>(t->b0 + 32));
  const __m256i t1_lo = _mm256_load_si256(reinterpret_cast<const __m256i*>(t->b1));
  const __m256i t1_hi = _mm256_load_si256(reinterpret_cast<const __m256i*>(t->b1 + 32));
  const __m256i t2_lo = _mm256_load_si256(reinterpret_cast<const __m256i*>(t->b2));
  const __m256i t2_hi = _mm256_load_si256(reinterpret_cast<const __m256i*>(t->b2 + 32));
  for (int k = 0; k < 2; ++k, p += 64) {
    std::uint32_t d_lo, d_hi;
    const std::uint64_t lo = filter32_avx512(p, t0_lo, t0_hi, t1_lo, t1_hi, t2_lo, t2_hi, d_lo);
    const std::uint64_t hi = filter32_avx512(p + 32, t0_lo, t0_hi, t1_lo, t1_hi, t2_lo, t2_hi, d_hi);
    mask[k] = (d_lo | (std::uint64_t(d_hi) << 32)) | exact_trigger_bits(p, lo | (hi << 32));
  }
}
#endif  // ZHSCAN_X86_SIMD

#if ZHSCAN_NEON_SIMD
/** The AVX-512 filter's 64-entry bucket tables (by the low six bits of b0, b1, b2), for
 *  four-register tbl lookups on aarch64. */
struct neon_filter_tables {
  alignas(16) unsigned char b[3][64];
};
constexpr neon_filter_tables make_filter_tables_neon() noexcept {
  neon_filter_tables t{};
  for (const metric_trigger& c : metric_trigger_cps) {
    const auto bit = static_cast<unsigned char>(1u << c.bucket);
    t.b[0][0x20u | ((c.cp >> 12) & 0x0Fu)] |= bit;  // E0..EF & 0x3F
    t.b[1][(c.cp >> 6) & 0x3Fu] |= bit;
    t.b[2][c.cp & 0x3Fu] |= bit;
  }
  return t;
}
inline constexpr neon_filter_tables metric_filter_neon = make_filter_tables_neon();

/** trigger_masks_avx512 on NEON: exact trigger bits of the 128 bytes at `p` (130 readable). */
inline void trigger_masks_neon(const char* p, std::uint64_t (&mask)[2]) noexcept {
  uint8x16x4_t t[3];
  for (int k = 0; k < 3; ++k)
    for (int q = 0; q < 4; ++q) t[k].val[q] = vld1q_u8(metric_filter_neon.b[k] + 16 * q);
  alignas(16) static constexpr std::uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128,
                                                           1, 2, 4, 8, 16, 32, 64, 128};
  const uint8x16_t w = vld1q_u8(weights);
  const uint8x16_t c3f = vdupq_n_u8(0x3F);
  const auto* u = reinterpret_cast<const std::uint8_t*>(p);
  for (int h = 0; h < 2; ++h, u += 64) {
    uint8x16_t dig[4], fil[4];
#if defined(__clang__)
#pragma unroll
#else
#pragma GCC unroll 4
#endif
    for (int k = 0; k < 4; ++k) {
      const uint8x16_t v0 = vld1q_u8(u + 16 * k);
      const uint8x16_t v1 = vld1q_u8(u + 16 * k + 1);
      const uint8x16_t v2 = vld1q_u8(u + 16 * k + 2);
      dig[k] = vandq_u8(vcleq_u8(vsubq_u8(v0, vdupq_n_u8('0')), vdupq_n_u8(9)), w);
      const uint8x16_t lead = vceqq_u8(vandq_u8(v0, vdupq_n_u8(0xF0)), vdupq_n_u8(0xE0));
      const uint8x16_t cls = vandq_u8(vandq_u8(vqtbl4q_u8(t[0], vandq_u8(v0, c3f)), vqtbl4q_u8(t[1], vandq_u8(v1, c3f))),
                                      vqtbl4q_u8(t[2], vandq_u8(v2, c3f)));
      fil[k] = vandq_u8(vandq_u8(vtstq_u8(cls, cls), lead), w);
    }
    // movemask: pairwise sums of the weighted lanes
    const uint8x16_t d = vpaddq_u8(vpaddq_u8(dig[0], dig[1]), vpaddq_u8(dig[2], dig[3]));
    const uint8x16_t f = vpaddq_u8(vpaddq_u8(fil[0], fil[1]), vpaddq_u8(fil[2], fil[3]));
    const uint8x16_t df = vpaddq_u8(d, f);  // bytes 0-7: digit mask, 8-15: filter mask
    const std::uint64_t digits = vgetq_lane_u64(vreinterpretq_u64_u8(df), 0);
    const std::uint64_t filter = vgetq_lane_u64(vreinterpretq_u64_u8(df), 1);
    mask[h] = digits | exact_trigger_bits(reinterpret_cast<const char*>(u), filter);
  }
}
#endif  // ZHSCAN_NEON_SIMD

/**
 * The trigger search of one left-to-right scan of [begin, end): next(p) is the first
 * trigger at or after p (see the file comment), `end` if none. The vector paths compute
 * exact trigger masks of 128-byte blocks aligned on `begin` and keep the last one, so the
 * next candidates of the same block cost a bit scan, and no byte is filtered twice.
 * Positions must be asked in increasing order. `level` caps the instruction set (every
 * level finds the same triggers on well-formed UTF-8).
 * A trigger found by a vector path may start inside a multi-byte character only when the
 * input is ill-formed; the scanner decodes from there and moves on, which is harmless.
 */
class trigger_cursor {
 public:
  trigger_cursor(const char* begin, const char* end, simd_level level = simd_level::best) noexcept
      : begin_(begin), end_(end), base_(end), level_(effective_simd_level(level)) {}

  /** The first trigger at or after `p` (positions asked in increasing order). */
  ZHSCAN_ALWAYS_INLINE const char* next(const char* p) noexcept {
    // the common case, inlined: the next trigger is in the block already filtered
    if (p >= base_ && p - base_ < 128) {
      if (const char* t = in_block(p)) return t;
      p = base_ + 128;
    }
    return next_block(p);
  }

 private:
  /** The first trigger at or after p (inside the filtered block) in the block, or nullptr. */
  ZHSCAN_ALWAYS_INLINE const char* in_block(const char* p) const noexcept {
    const auto off = static_cast<unsigned>(p - base_);
    if (off < 64) {
      const std::uint64_t m = mask_[0] >> off;  // the bits from p on
      if (m) return p + __builtin_ctzll(m);
    }
    const unsigned off1 = off < 64 ? 0 : off - 64;
    const std::uint64_t m = mask_[1] >> off1;
    return m ? base_ + 64 + off1 + __builtin_ctzll(m) : nullptr;
  }

  /** next(p) when p is past the filtered block: filters the following blocks. */
  const char* next_block(const char* p) noexcept {
#if ZHSCAN_X86_SIMD
    if (level_ != simd_level::scalar) {
      for (;;) {
        const char* block = begin_ + ((p - begin_) & ~std::ptrdiff_t(127));
        if (end_ - block < 130) break;
        base_ = block;
        __builtin_prefetch(block + 1024);  // the scan is too irregular for the hardware prefetcher
        __builtin_prefetch(block + 1088);
        if (level_ == simd_level::avx512) trigger_masks_avx512(block, mask_);
        else trigger_masks_avx2(block, mask_);
        if (const char* t = in_block(p)) return t;
        p = block + 128;
      }
    }
#elif ZHSCAN_NEON_SIMD
    if (level_ != simd_level::scalar) {
      for (;;) {
        const char* block = begin_ + ((p - begin_) & ~std::ptrdiff_t(127));
        if (end_ - block < 130) break;
        base_ = block;
        __builtin_prefetch(block + 1024);
        trigger_masks_neon(block, mask_);
        if (const char* t = in_block(p)) return t;
        p = block + 128;
      }
    }
#endif
    return next_trigger_scalar(p, end_);
  }

  const char* begin_;
  const char* end_;
  const char* base_;  // start of the block whose trigger bits are in mask_ (end_: none yet)
  std::uint64_t mask_[2] = {0, 0};
  simd_level level_;
};

/** First trigger in [p, end) (a one-shot trigger_cursor); `end` if none. */
inline const char* next_trigger(const char* p, const char* end,
                                simd_level level = simd_level::best) noexcept {
  return trigger_cursor(p, end, level).next(p);
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_METRIC_SCAN_HPP
