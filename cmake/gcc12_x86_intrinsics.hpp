// Pre-included (-include) into every translation unit by CMakeLists.txt when GCC 12 builds
// with VERIFY_NATIVE on x86: GCC's own <immintrin.h>, read once here with
// -Wmaybe-uninitialized and -Wuninitialized off. Its _mm*_undefined_* helpers are written
// `__m256d __Y = __Y;` on purpose (an undefined merge operand under an all-ones mask), and
// once inlined into Eigen's AVX-512 kernels GCC 12 warns about them despite their being
// system headers (GCC bug 105593): "may be used" at -O3 (Release), "is used" at -O2 with
// the sanitizers (scripts/sanitize.sh). The include guard makes Eigen's later
// #include <immintrin.h> a no-op, so the pragmas cover those headers' text and nothing of
// ours, Eigen's or Boost's.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#endif
