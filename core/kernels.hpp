// Closed-form kernels of docs/math.md §2: the ReLU arc-cosine kernel kappa, the relu>=2 kernel
// K and its derivatives, and the neuron kernel G(w, v) = |w||v| K(w^.v^) with its gradient.
// Accuracy near |rho| = 1 comes from never forming 1 - rho^2 from a rounded rho: the
// cosine, sine and arcsine of the angle are taken from |u - v| and |u + v|.
#pragma once

#include <cassert>
#include <cmath>
#include <string>

#include "core/network.hpp"
#include "core/numeric_types.hpp"

namespace zg {

/// The angle between two unit vectors, in the three forms the kernels need.
template <class T>
struct AngleData {
  T rho;         ///< cos(theta) = u.v, in [-1, 1]
  T sin_theta;   ///< sqrt(1 - rho^2) >= 0
  T asin_rho;    ///< arcsin(rho) = pi/2 - theta
};

/// Angle data from a cosine given directly (e.g. a decimal typed by a user). rho is
/// clamped to [-1, 1] (intersected with it for intervals).
/// Guarantee: estimate; sin_theta = sqrt((1 - rho)(1 + rho)) has relative error O(eps)
/// given rho (1 - rho is exact by Sterbenz for rho >= 1/2), asin correctly rounded (MPFR).
template <class T>
AngleData<T> angle_from_cosine(const T& rho_in) {
  using std::asin;
  using std::sqrt;
  T rho = rho_in;
  if constexpr (is_interval_v<T>) {
    rho = intersect(rho, Mpi(-1, 1));
  } else {
    if (rho > T(1)) rho = T(1);
    if (rho < T(-1)) rho = T(-1);
  }
  AngleData<T> a{rho, sqrt((1 - rho) * (1 + rho)), asin(rho)};
  if constexpr (is_interval_v<T>) a.sin_theta = intersect(a.sin_theta, Mpi(0, 1));
  return a;
}

/// Angle data of two unit vectors u, v (each normalised by the caller to working
/// precision). With a = |u - v| and b = |u + v|: theta = 2 atan2(a, b),
/// rho = (b^2 - a^2)/4, sin(theta) = a b / 2.
/// Guarantee: estimate; absolute error O(d eps) in theta, so sin_theta keeps its relative
/// accuracy down to theta ~ sqrt(d) eps (a rounded rho would lose it at theta ~ sqrt(eps)).
template <class T, class DerivedU, class DerivedV>
AngleData<T> angle_between_unit(const Eigen::MatrixBase<DerivedU>& u,
                                const Eigen::MatrixBase<DerivedV>& v) {
  using std::atan2;
  using std::sqrt;
  const T a = (u - v).norm();
  const T b = (u + v).norm();
  const T theta = 2 * atan2(a, b);
  AngleData<T> r;
  r.rho = (b * b - a * a) / 4;
  r.sin_theta = a * b / 2;
  r.asin_rho = pi<T>() / 2 - theta;
  return r;
}

/// Angle data of a cosine written as a decimal (e.g. `verify eval kernel --rho`), at the
/// current precision of Mp. The distances 1 - rho and 1 + rho are formed exactly from the
/// text (parse_one_plus_decimal), so nothing inherits the rounding of rho:
///   sin_theta = sqrt((1 - rho)(1 + rho)),
///   asin_rho  = asin(rho) for |rho| <= 1/2, else +-(pi/2 - 2 asin(sqrt((1 -+ rho)/2)))
/// (theta = 2 asin(sqrt((1 - rho)/2)); pi/2 - theta >= pi/6 there, so no cancellation).
/// Guarantee: estimate; rho correctly rounded; sin_theta and asin_rho with relative error
/// O(eps) with respect to the exact decimal, including next to +-1, where a rounded rho
/// gives sin_theta relative error eps / (1 - |rho|). A decimal outside [-1, 1] is clamped
/// (as angle_from_cosine). Throws std::invalid_argument for text that is not a number.
inline AngleData<Mp> angle_from_decimal(const std::string& text) {
  using std::asin;
  using std::sqrt;
  const Mp rho = parse_decimal<Mp>(text);
  // Clamp by the exact distances, not by rho: 1 - 10^-2000 rounds to rho = 1 at 60 digits
  // while its sin_theta ~ 1.4e-1000 is perfectly representable.
  const Mp one_minus = parse_one_plus_decimal(text, -1);
  const Mp one_plus = parse_one_plus_decimal(text, +1);
  if (!(one_minus > 0)) return angle_from_cosine(Mp(1));
  if (!(one_plus > 0)) return angle_from_cosine(Mp(-1));
  AngleData<Mp> a;
  a.rho = rho;
  a.sin_theta = sqrt(one_minus * one_plus);
  if (rho > Mp(1) / 2) {
    a.asin_rho = pi<Mp>() / 2 - 2 * asin(Mp(sqrt(one_minus / 2)));
  } else if (rho < -Mp(1) / 2) {
    a.asin_rho = 2 * asin(Mp(sqrt(one_plus / 2))) - pi<Mp>() / 2;
  } else {
    a.asin_rho = asin(rho);
  }
  return a;
}

namespace detail {

/// sin(phi) - phi cos(phi) = sum_{n>=1} (-1)^(n+1) 2n phi^(2n+1) / (2n+1)! for 0 <= phi <= 2,
/// summed until the first omitted term is below eps times the sum (the terms alternate and
/// decrease for phi <= 2, so that term bounds the tail). The direct form cancels: both of
/// its terms are ~phi while the difference is ~phi^3 / 3.
/// Guarantee: estimate; relative error O(n eps) with n <= 1 + digits / 2 terms, no
/// cancellation (the first term dominates). Iteration cap 100000, asserted.
template <class T>
T sin_minus_phi_cos_series(const T& phi) {
  const T eps = working_eps<T>();
  const T phi2 = phi * phi;
  T power = phi * phi2 / 6;  // phi^(2n+1) / (2n+1)! at n = 1
  T sum = 2 * power;
  for (unsigned n = 2;; ++n) {
    assert(n < 100000 && "sin_minus_phi_cos_series: no convergence");
    power *= phi2 / T((2 * n) * (2 * n + 1));
    const T term = 2 * T(n) * power;
    sum += n % 2 == 0 ? T(-term) : term;
    if (!(term > eps * sum)) return sum;
  }
}

}  // namespace detail

/// kappa(rho) = E[relu(u.x) relu(v.x)] = (sqrt(1 - rho^2) + (pi - arccos rho) rho) / (2 pi)
/// for unit u, v (docs/math.md §2.1), written with pi - arccos rho = pi/2 + arcsin rho.
/// For rho < -1/2, where kappa vanishes like phi^3 / (6 pi) in phi = pi - theta, it is
/// evaluated as (sin phi - phi cos phi) / (2 pi) by the series above, with
/// phi = asin(sin_theta) (phi < pi/3, so asin is well conditioned): no cancellation.
/// Guarantee: estimate; relative error O(eps) relative to the accuracy of g (sin_theta for
/// rho < -1/2; rho and asin_rho elsewhere, where kappa >= 0.054, so this is also an
/// absolute error O(eps)). An enclosure for intervals, by the direct form (wide near -1).
template <class T>
T relu_kernel(const AngleData<T>& g) {
  if constexpr (!is_interval_v<T>) {
    using std::asin;
    if (g.rho < -T(1) / 2) return detail::sin_minus_phi_cos_series(T(asin(g.sin_theta))) / (2 * pi<T>());
  }
  return (g.sin_theta + (pi<T>() / 2 + g.asin_rho) * g.rho) / (2 * pi<T>());
}

/// K(rho) = E[relu>=2(u.x) relu>=2(v.x)] = (rho arcsin rho + sqrt(1 - rho^2) - 1) / (2 pi)
/// (docs/math.md §2), evaluated as (rho arcsin rho - rho^2 / (1 + sqrt(1 - rho^2))) / (2 pi),
/// which has no cancellation: both terms are ~rho^2 and differ by a factor ~2.
/// Guarantee: estimate; relative error O(eps) for every rho in [-1, 1] (including near 0,
/// where K ~ rho^2 / (4 pi)); an enclosure for intervals. K is even, K(0) = 0.
template <class T>
T relu_ge2_kernel(const AngleData<T>& g) {
  const T sqrt_term = g.rho * g.rho / (1 + g.sin_theta);
  return (g.rho * g.asin_rho - sqrt_term) / (2 * pi<T>());
}

/// K'(rho) = arcsin(rho) / (2 pi). Guarantee: estimate, relative error O(eps).
template <class T>
T relu_ge2_kernel_d1(const AngleData<T>& g) {
  return g.asin_rho / (2 * pi<T>());
}

/// K''(rho) = 1 / (2 pi sqrt(1 - rho^2)); +inf at |rho| = 1 (docs/math.md §2: K is C^2 in the
/// angle but K'' is singular in rho there). Guarantee: estimate, relative error O(eps)
/// relative to sin_theta's own accuracy.
template <class T>
T relu_ge2_kernel_d2(const AngleData<T>& g) {
  return 1 / (2 * pi<T>() * g.sin_theta);
}

/// K(1) = 1/4 - 1/(2 pi), the value of a neuron's kernel with itself.
template <class T>
T relu_ge2_kernel_at_one() {
  return T(1) / T(4) - 1 / (2 * pi<T>());
}

/// G(w, v) = E[|w| relu>=2(w^.x) |v| relu>=2(v^.x)] = |w| |v| K(w^.v^) for nonzero w, v
/// (docs/math.md §2, the homogeneous neuron). Guarantee: estimate, relative error O(d eps).
template <class T>
T neuron_kernel(const Vec<T>& w, const Vec<T>& v) {
  const T nw = w.norm();
  const T nv = v.norm();
  const Vec<T> uw = w / nw;
  const Vec<T> uv = v / nv;
  return nw * nv * relu_ge2_kernel(angle_between_unit<T>(uw, uv));
}

/// grad_w G(w, v) = (arcsin(rho) v + |v| (sqrt(1 - rho^2) - 1) w^) / (2 pi)  (docs/math.md §2),
/// with sqrt(1 - rho^2) - 1 = -rho^2 / (1 + sqrt(1 - rho^2)) to avoid cancellation.
/// At v = w it equals K(1) w. Guarantee: estimate, absolute error O(d eps |v|).
template <class T>
Vec<T> neuron_kernel_grad(const Vec<T>& w, const Vec<T>& v) {
  const T nw = w.norm();
  const T nv = v.norm();
  const Vec<T> uw = w / nw;
  const Vec<T> uv = v / nv;
  const AngleData<T> g = angle_between_unit<T>(uw, uv);
  const T s_minus_1 = -(g.rho * g.rho) / (1 + g.sin_theta);
  return (g.asin_rho * v + (nv * s_minus_1) * uw) / (2 * pi<T>());
}

}  // namespace zg
