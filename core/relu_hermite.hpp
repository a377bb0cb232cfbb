// Hermite coefficients of ReLU, c_k = E[relu(z) h_k(z)] (docs/math.md §1), the rigorous
// bracket on the tail sum of c_k^2 used by the Parseval check, and the preprocessed
// activation relu>=2 (orders 0 and 1 removed).
#pragma once

#include <cmath>
#include <vector>

#include "core/numeric_types.hpp"

namespace zg {

/// c_0, ..., c_n: c_0 = 1/sqrt(2 pi), c_1 = 1/2, c_k = 0 for odd k >= 3 and, for even
/// k >= 2, c_k = (-1)^((k-2)/2) (k-3)!! / sqrt(2 pi k!)   (docs/math.md §1 table).
/// Computed by c_2 = 1/sqrt(4 pi), c_{k+2} = -c_k (k-1) / sqrt((k+1)(k+2)), which is the
/// closed form's own ratio, so no factorial is formed.
/// Guarantee: estimate; relative error at most about (3k/2 + 3) eps for c_k (each step
/// adds one multiplication, one division and one rounded square root). Odd k >= 3 exact 0.
template <class T>
std::vector<T> relu_hermite_coefs(unsigned n) {
  using std::sqrt;
  std::vector<T> c(n + 1, T(0));
  const T two_pi = 2 * pi<T>();
  c[0] = 1 / sqrt(two_pi);
  if (n >= 1) c[1] = T(1) / T(2);
  if (n >= 2) c[2] = 1 / sqrt(2 * two_pi);
  for (unsigned k = 2; k + 2 <= n; k += 2)
    c[k + 2] = -c[k] * T(k - 1) / sqrt(T(k + 1) * T(k + 2));
  return c;
}

/// c_k alone; same guarantee as relu_hermite_coefs.
template <class T>
T relu_hermite_coef(unsigned k) {
  return relu_hermite_coefs<T>(k)[k];
}

/// Two-sided bound on the tail  S_>(n) = sum_{k > n} c_k^2  (n >= 2).
/// With M = floor(n/2) and c_{2m}^2 = b_m / (2 pi (2m-1)^2), b_m = binom(2m, m) / 4^m,
/// the classical 1/sqrt(pi (m + 1/2)) <= b_m <= 1/sqrt(pi (m + 1/4)) and integral
/// comparison of the decreasing summands give
///   (M + 3/2)^(-3/2) / (12 pi^(3/2))  <=  S_>(n)  <=  M^(-3/2) / (12 pi^(3/2) (1 - 1/(2M))^2).
/// So the tail decays like n^(-3/2) (docs/math.md §1).
/// Guarantee: the mathematical bracket is rigorous; the returned values are rounded, each
/// with relative error below 10 eps, so callers widen them by that much.
template <class T>
struct TailBracket {
  T lower;
  T upper;
};

template <class T>
TailBracket<T> relu_tail_sq_bracket(unsigned n) {
  using std::pow;
  using std::sqrt;
  const T M = T(n / 2);
  const T p = pi<T>();
  const T denom = 12 * p * sqrt(p);
  const T shrink = 1 - 1 / (2 * M);
  TailBracket<T> b;
  const T lo_base = M + T(3) / T(2);
  b.lower = 1 / (lo_base * sqrt(lo_base) * denom);
  b.upper = 1 / (M * sqrt(M) * denom * shrink * shrink);
  return b;
}

/// relu>=2(z) = relu(z) - c_0 - c_1 z = |z|/2 - 1/sqrt(2 pi)  (docs/math.md §1).
/// Guarantee: estimate, absolute error below 2 eps (1 + |z|). Even in z.
template <class T>
T relu_ge2(const T& z) {
  using std::abs;
  using std::sqrt;
  return abs(z) / 2 - 1 / sqrt(2 * pi<T>());
}

/// relu(z) = max(z, 0). Exact.
template <class T>
T relu(const T& z) {
  return z > 0 ? z : T(0);
}

}  // namespace zg
