// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_CPU_HPP
#define ZHSCAN_DETAIL_CPU_HPP

#include <cstdint>

/**
 * Run-time CPU feature detection for the SIMD paths.
 *
 * The SIMD kernels are compiled with `__attribute__((target(...)))`, so consumers never
 * need -march; they run only when `__builtin_cpu_supports` reports the features (GCC's
 * and Clang's runtime also check that the OS saves the AVX/AVX-512 register state).
 * Define ZHSCAN_NO_SIMD to compile the scalar paths only.
 */
#if !defined(ZHSCAN_NO_SIMD) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ZHSCAN_X86_SIMD 1
#else
#define ZHSCAN_X86_SIMD 0
#endif

/**
 * ARM NEON kernels: NEON (Advanced SIMD) is part of the aarch64 baseline, so they are
 * selected at compile time (no run-time check).
 */
#if !defined(ZHSCAN_NO_SIMD) && defined(__aarch64__) && defined(__ARM_NEON) && \
    (defined(__GNUC__) || defined(__clang__))
#define ZHSCAN_NEON_SIMD 1
#else
#define ZHSCAN_NEON_SIMD 0
#endif

namespace zhscan {

/** Instruction-set levels of the bulk kernels, in increasing order. */
enum class simd_level : std::uint8_t {
  scalar = 0,  ///< portable C++ (always available; the reference)
  avx2 = 1,    ///< AVX2 + BMI1/2 (Haswell and later)
  avx512 = 2,  ///< AVX-512 F/BW/VL/VBMI/VBMI2 + BMI2 (Ice Lake and later)
  neon = 3,    ///< ARM NEON on aarch64 (the only level above scalar there)
  best = 255,  ///< request: the highest level this CPU supports
};

namespace detail {

inline simd_level detect_simd_level() noexcept {
#if ZHSCAN_X86_SIMD
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi") &&
      __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("bmi2"))
    return simd_level::avx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
      __builtin_cpu_supports("bmi2"))
    return simd_level::avx2;
#endif
#if ZHSCAN_NEON_SIMD
  return simd_level::neon;
#endif
  return simd_level::scalar;
}

}  // namespace detail

/** The highest SIMD level usable on this CPU (detected once). No throw, no alloc. */
inline simd_level supported_simd_level() noexcept {
  static const simd_level level = detail::detect_simd_level();
  return level;
}

namespace detail {
/** `requested` clamped to what the CPU supports (`best` = the CPU's level). */
inline simd_level effective_simd_level(simd_level requested) noexcept {
  const simd_level have = supported_simd_level();
  return static_cast<std::uint8_t>(requested) < static_cast<std::uint8_t>(have) ? requested
                                                                                 : have;
}
}  // namespace detail

}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_CPU_HPP
