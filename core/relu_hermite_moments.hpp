// The Hermite projections of ReLU by Gaussian half-moments in exact integer arithmetic
// (docs/math.md §1): a route to c_k = E[relu(z) h_k(z)] independent of the closed form's
// ratio recurrence and of quadrature, and as cheap at 1000 digits as at 16.
//
// With He_k(z) = sum_j a_{k,j} z^j (integer a_{k,j}, He_{k+1} = z He_k - k He_{k-1}) and
// the half-moments M_n = int_0^inf z^n phi(z) dz, M_0 = 1/2, M_1 = 1/sqrt(2 pi),
// M_n = (n - 1) M_{n-2}, i.e. M_n = (n-1)!!/2 for even n and (n-1)!!/sqrt(2 pi) for odd n:
//
//   E[relu(z) He_k(z)] = sum_j a_{k,j} M_{j+1} = A_k / 2 + B_k / sqrt(2 pi),
//   A_k = sum_{j odd} a_{k,j} j!!,   B_k = sum_{j even} a_{k,j} j!!   (0!! = 1).
//
// For relu>=2(z) = |z|/2 - 1/sqrt(2 pi), E[|z| z^j] = 2 M_{j+1} for even j and 0 for odd
// j, and E[He_k] = [k = 0], so E[relu>=2(z) He_k(z)] = (B_k - [k = 0]) / sqrt(2 pi).
#pragma once

#include <utility>
#include <vector>

#include <boost/multiprecision/gmp.hpp>

#include "core/numeric_types.hpp"

namespace zg {

/// E[relu(z) He_k(z)] = rational_part / 2 + over_sqrt_2pi / sqrt(2 pi), both integers.
struct ReluHalfMoments {
  boost::multiprecision::mpz_int rational_part;  // A_k
  boost::multiprecision::mpz_int over_sqrt_2pi;  // B_k
  boost::multiprecision::mpz_int factorial;      // k!, for h_k = He_k / sqrt(k!)
};

/// A_k, B_k and k! for k = 0..n.
/// Guarantee: exact (integer arithmetic; cost O(n^2) integer operations).
inline std::vector<ReluHalfMoments> relu_half_moments(unsigned n) {
  using boost::multiprecision::mpz_int;
  std::vector<ReluHalfMoments> out(n + 1);
  // j!! for j = 0..n (0!! = 1!! = 1).
  std::vector<mpz_int> double_factorial(n + 1);
  for (unsigned j = 0; j <= n; ++j) double_factorial[j] = j < 2 ? mpz_int(1) : mpz_int(j) * double_factorial[j - 2];
  std::vector<mpz_int> previous, current{mpz_int(1)};  // coefficients of He_{k-1}, He_k
  mpz_int factorial(1);
  for (unsigned k = 0; k <= n; ++k) {
    if (k > 0) factorial *= k;
    ReluHalfMoments& m = out[k];
    for (unsigned j = 0; j < current.size(); ++j) {
      if (current[j] == 0) continue;
      (j % 2 == 1 ? m.rational_part : m.over_sqrt_2pi) += current[j] * double_factorial[j];
    }
    m.factorial = factorial;
    // He_{k+1} = z He_k - k He_{k-1}.
    std::vector<mpz_int> next(current.size() + 1);
    for (unsigned j = 0; j < current.size(); ++j) next[j + 1] = current[j];
    for (unsigned j = 0; j < previous.size(); ++j) next[j] -= mpz_int(k) * previous[j];
    previous = std::move(current);
    current = std::move(next);
  }
  return out;
}

/// An exact integer at the working precision of T (one rounding, none below 2^p).
template <class T>
T from_integer(const boost::multiprecision::mpz_int& z) {
  if constexpr (std::is_same_v<T, double>) {
    return z.template convert_to<double>();
  } else {
    T x;
    mpfr_set_z(x.backend().data(), z.backend().data(), MPFR_RNDN);
    return x;
  }
}

namespace detail {

// (A / 2 + B / sqrt(2 pi)) / sqrt(k!) for k = 0..n, with (A, B) = parts(k, moments of k).
template <class T, class Parts>
std::vector<T> normalised_projections(unsigned n, Parts parts) {
  using std::sqrt;
  const T sqrt_2pi = sqrt(2 * pi<T>());
  const std::vector<ReluHalfMoments> moments = relu_half_moments(n);
  std::vector<T> c;
  c.reserve(n + 1);
  for (unsigned k = 0; k <= n; ++k) {
    const auto [a, b] = parts(k, moments[k]);
    c.push_back((from_integer<T>(a) / 2 + from_integer<T>(b) / sqrt_2pi) / sqrt(from_integer<T>(moments[k].factorial)));
  }
  return c;
}

}  // namespace detail

/// c_k = E[relu(z) h_k(z)] for k = 0..n by the half-moments above.
/// Guarantee: rounded; A_k, B_k and k! are exact, and each value is (A/2 + B/sqrt(2 pi))
/// / sqrt(k!) with at most 8 roundings (3 conversions, pi and sqrt(2 pi), B / sqrt(2 pi),
/// sqrt(k!), the last division; the sum is exact since one of its terms is 0): relative
/// error below 10 eps. A_k B_k = 0 for every k by parity (z He_k is even or odd).
template <class T>
std::vector<T> relu_hermite_coefs_by_moments(unsigned n) {
  return detail::normalised_projections<T>(
      n, [](unsigned, const ReluHalfMoments& m) { return std::pair(m.rational_part, m.over_sqrt_2pi); });
}

/// E[relu>=2(z) h_k(z)] = (B_k - [k = 0]) / sqrt(2 pi k!) for k = 0..n by the same
/// half-moments. Guarantee as above.
template <class T>
std::vector<T> relu_ge2_hermite_coefs_by_moments(unsigned n) {
  return detail::normalised_projections<T>(n, [](unsigned k, const ReluHalfMoments& m) {
    return std::pair(boost::multiprecision::mpz_int(0),
                     boost::multiprecision::mpz_int(m.over_sqrt_2pi - (k == 0 ? 1 : 0)));
  });
}

}  // namespace zg
