// Probabilists' Hermite polynomials He_n and their normalised form h_n = He_n / sqrt(n!)
// (docs/math.md §1), by the three-term recurrence. h_n is orthonormal under N(0, 1).
#pragma once

#include <cmath>
#include <vector>

namespace zg {
namespace detail {

// He_{k+1} = z He_k - k He_{k-1}; forward recurrence, stable for the dominant solution.
template <class T>
T hermite_he_recurrence(unsigned n, const T& z) {
  T prev(1);
  if (n == 0) return prev;
  T cur = z;
  for (unsigned k = 1; k < n; ++k) {
    T next = z * cur - T(k) * prev;
    prev = cur;
    cur = next;
  }
  return cur;
}

// h_{k+1} = (z h_k - sqrt(k) h_{k-1}) / sqrt(k+1): the same recurrence scaled so no
// factorial is ever formed (no overflow in double for large n).
template <class T>
void hermite_normalised_recurrence(unsigned n, const T& z, std::vector<T>& out) {
  using std::sqrt;
  out.resize(n + 1);
  out[0] = T(1);
  if (n == 0) return;
  out[1] = z;
  for (unsigned k = 1; k < n; ++k) {
    const T sk = sqrt(T(k));
    const T sk1 = sqrt(T(k + 1));
    out[k + 1] = (z * out[k] - sk * out[k - 1]) / sk1;
  }
}

}  // namespace detail

/// He_n(z), probabilists' convention (He_2 = z^2 - 1).
/// Guarantee: estimate; a rounded evaluation with relative error O(n eps) away from the
/// roots of He_n (relative error unbounded near a root, absolute error O(n eps max|terms|)).
/// Exact for integer z while the values fit in the significand.
/// Domain: every finite z; every n (cost O(n)).
template <class T>
T hermite_he(unsigned n, const T& z) {
  return detail::hermite_he_recurrence(n, z);
}

/// h_0(z), ..., h_n(z) with h_k = He_k / sqrt(k!).
/// Guarantee: estimate, as hermite_he (relative error O(n eps) away from roots).
template <class T>
std::vector<T> hermite_normalised_all(unsigned n, const T& z) {
  std::vector<T> out;
  detail::hermite_normalised_recurrence(n, z, out);
  return out;
}

/// h_n(z) = He_n(z) / sqrt(n!). Guarantee as hermite_normalised_all.
template <class T>
T hermite_normalised(unsigned n, const T& z) {
  std::vector<T> out;
  detail::hermite_normalised_recurrence(n, z, out);
  return out[n];
}

}  // namespace zg
