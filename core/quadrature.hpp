// Gaussian integrals by double-exponential (tanh-sinh) quadrature at the working
// precision (Boost.Math): the independent route to the Hermite coefficients of docs/math.md §1
// and to the kernel expectations of §2.
#pragma once

#include <cmath>

#include <boost/math/quadrature/tanh_sinh.hpp>

#include "core/hermite.hpp"
#include "core/numeric_types.hpp"

namespace zg {

/// A value with its error estimate and the L1 norm of the integrand (STYLE.md habit 7):
/// l1 / |value| is the condition number that explains a lost digit.
template <class T>
struct Estimate {
  T value;
  T abs_error;
  T l1;
};

/// int_a^b f(z) dz by tanh-sinh quadrature, asked for relative accuracy 1024 eps.
/// Guarantee: estimate. abs_error is Boost's a-posteriori estimate (difference of the last
/// two levels), not a bound; the integrand's own rounding adds O(eps l1).
/// Domain: finite a < b; f finite on (a, b). Points closer than eps^2 (relative) to an
/// endpoint are not sampled.
template <class T, class F>
Estimate<T> integrate_interval(F f, const T& a, const T& b, std::size_t max_levels = 15) {
  const T eps = working_eps<T>();
  // Boost's default closest approach to an endpoint is 4 x the type's smallest normal;
  // MPFR's exponent range makes that overflow the abscissa table, so it is set to eps^2.
  boost::math::quadrature::tanh_sinh<T> integrator(max_levels, T(eps * eps));
  const T tol = 1024 * eps;
  T err(0), l1(0);
  const T v = integrator.integrate(f, a, b, tol, &err, &l1);
  return Estimate<T>{v, err, l1};
}

/// Cut-off Z beyond which int_Z^inf |z|^j |h_k(z)| phi(z) dz (j <= 1) is below eps/1000:
/// by Cramer's inequality |h_k(z)| <= 1.09 e^{z^2/4}, that tail is at most 2 e^{-Z^2/4},
/// so Z = 2 sqrt(ln(1/eps) + 8) suffices for every k.
template <class T>
T gaussian_cutoff() {
  using std::log;
  using std::sqrt;
  return 2 * sqrt(-log(working_eps<T>()) + 8);
}

/// E[g(z) h_k(z)] = int g(z) h_k(z) phi(z) dz over the real line, z ~ N(0, 1), for g with
/// |g(z)| <= A (1 + |z|) (ReLU-like), as the two half lines folded onto [0, Z]:
/// int_0^Z (g(z) h_k(z) + g(-z) h_k(-z)) phi(z) dz. Folding puts a kink of g at 0 on the
/// endpoint, where tanh-sinh converges at its full rate.
/// Guarantee: estimate; truncation below eps A / 500 (gaussian_cutoff); abs_error is the
/// quadrature's convergence estimate plus the rounding of the integrand, 4 (k+1) eps l1.
template <class T, class G>
Estimate<T> gaussian_hermite_projection(G g, unsigned k) {
  using std::exp;
  using std::sqrt;
  const T inv_sqrt_2pi = 1 / sqrt(2 * pi<T>());
  const bool even = (k % 2 == 0);
  auto integrand = [&](const T& z) -> T {
    const T hk = hermite_normalised(k, z);
    const T mz = -z;
    const T folded = even ? (g(z) + g(mz)) * hk : (g(z) - g(mz)) * hk;
    return folded * exp(-z * z / 2) * inv_sqrt_2pi;
  };
  Estimate<T> e = integrate_interval<T>(integrand, T(0), gaussian_cutoff<T>());
  // Boost's estimate measures convergence only. Each sample of h_k carries O(k) rounding
  // errors relative to |h_k|, so the sum carries up to ~4 (k + 1) eps times the L1 norm;
  // for large k the L1 norm far exceeds |value| and this term dominates.
  e.abs_error += T(4 * (k + 1)) * working_eps<T>() * e.l1;
  return e;
}

}  // namespace zg
