// Geometry of stage 1's neurons against the teacher's span (docs/math.md §5 stage 1): an
// orthonormal basis of span{w_i*}, each neuron's out-of-span fraction, and the covering
// radius of the normalised projected neurons on the span's unit sphere up to sign (relu>=2
// is even, so w and -w are one neuron: docs/math.md §1).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include <boost/math/special_functions/erf.hpp>

#include "core/network.hpp"
#include "core/numeric_types.hpp"

namespace zg {

/// Orthonormal basis (d x r columns) of the span of W's columns by modified Gram-Schmidt,
/// twice per column (Kahan-Parlett), in column order; a column whose remainder has norm
/// <= rank_tolerance times its own norm adds nothing, so r is the numerical rank at that
/// tolerance. Guarantee: estimate; columns orthonormal to O(r d eps).
template <class T>
Mat<T> span_basis(const Mat<T>& W, const T& rank_tolerance) {
  std::vector<Vec<T>> axes;
  for (Eigen::Index i = 0; i < W.cols(); ++i) {
    Vec<T> v = W.col(i);
    const T original = v.norm();
    for (int pass = 0; pass < 2; ++pass)
      for (const Vec<T>& q : axes) v -= T(q.dot(v)) * q;
    const T norm = v.norm();
    if (norm > rank_tolerance * original) axes.push_back(v / norm);
  }
  Mat<T> Q(W.rows(), static_cast<Eigen::Index>(axes.size()));
  for (Eigen::Index k = 0; k < Q.cols(); ++k) Q.col(k) = axes[static_cast<std::size_t>(k)];
  return Q;
}

/// |w_j - Q Q^T w_j| / |w_j| for each column (Q orthonormal): the fraction of each neuron's
/// norm outside the span. Zero columns give NaN. Guarantee: estimate, absolute error
/// O(r d eps) (the complement is formed by subtraction, so fractions near eps are noise).
template <class T>
Vec<T> out_of_span_fractions(const Mat<T>& W, const Mat<T>& Q) {
  Vec<T> f(W.cols());
  for (Eigen::Index j = 0; j < W.cols(); ++j) {
    const T norm = W.col(j).norm();
    const Vec<T> rest = W.col(j) - Q * (Q.transpose() * W.col(j));
    f(j) = norm > 0 ? T(rest.norm() / norm) : T(std::numeric_limits<double>::quiet_NaN());
  }
  return f;
}

template <class T>
struct CoverRadius {
  T radius;                  ///< radians, in [0, pi/2]
  Vec<T> worst;              ///< a unit direction of the span (r coordinates) attaining it
  bool exact = false;        ///< true for r <= 2
  std::size_t probes = 0;    ///< probe directions used (r >= 3)
  Eigen::Index neurons = 0;  ///< columns with a nonzero projection
};

namespace detail {

/// The angle between the lines of unit u and v, in [0, pi/2]: 2 atan2(|u - s v|, |u + s v|)
/// with s = sign(u.v), accurate for small angles.
template <class T>
T line_angle(const Vec<T>& u, const Vec<T>& v) {
  using std::atan2;
  const T s = u.dot(v) < 0 ? T(-1) : T(1);
  return 2 * atan2(T((u - s * v).norm()), T((u + s * v).norm()));
}

/// Radical inverse of k in base b (Halton's coordinate), in [0, 1).
inline double radical_inverse(std::uint64_t k, std::uint64_t base) {
  double inv = 1.0 / static_cast<double>(base), f = inv, x = 0;
  for (; k > 0; k /= base, f *= inv) x += f * static_cast<double>(k % base);
  return x;
}

}  // namespace detail

/// Covering radius, up to sign, of the directions of the columns of C (r x m coordinates in
/// an orthonormal basis of the span) on the unit sphere S^{r-1}:
///   R = max_{|u| = 1} min_j angle(u, +-c_j / |c_j|),
/// the smallest eps_0 for which the lines form an eps_0-net. Zero columns are skipped; with
/// none left R = pi/2.
/// Guarantee:
///   r = 1: exact (0).
///   r = 2: exact up to O(eps) in the angles: the lines' angles in [0, pi) are sorted and R is
///          half the largest gap, wrap-around included.
///   r >= 3: an estimate and a LOWER bound: the maximum over `probes` directions of a Halton
///          sequence mapped to the sphere (inverse normal CDF per coordinate, normalised) and
///          folded to one hemisphere. The true R lies in [estimate, estimate + delta], delta
///          the probe set's own covering radius, about (4 / probes)^(1/(r-1)) for r = 3 and
///          shrinking like probes^(-1/(r-1)) in general (stated, not proved).
template <class T>
CoverRadius<T> cover_radius(const Mat<T>& C, std::size_t probes = 20000) {
  using std::atan2;
  const Eigen::Index r = C.rows();
  if (r < 1) throw std::invalid_argument("cover_radius: the span has dimension 0");
  std::vector<Vec<T>> dirs;
  for (Eigen::Index j = 0; j < C.cols(); ++j) {
    const T norm = C.col(j).norm();
    if (norm > 0) dirs.push_back(C.col(j) / norm);
  }
  CoverRadius<T> out{pi<T>() / 2, Vec<T>::Unit(r, 0), r <= 2, 0, static_cast<Eigen::Index>(dirs.size())};
  if (dirs.empty()) return out;
  if (r == 1) {
    out.radius = T(0);
    return out;
  }
  if (r == 2) {
    const T half_turn = pi<T>();
    std::vector<T> angles;
    for (const Vec<T>& v : dirs) {
      T t = atan2(v(1), v(0));  // (-pi, pi]
      if (t < 0) t += half_turn;
      if (!(t < half_turn)) t -= half_turn;
      angles.push_back(t);
    }
    std::sort(angles.begin(), angles.end());
    T gap = angles.front() + half_turn - angles.back(), start = angles.back();
    for (std::size_t k = 1; k < angles.size(); ++k)
      if (angles[k] - angles[k - 1] > gap) gap = angles[k] - angles[k - 1], start = angles[k - 1];
    out.radius = gap / 2;
    const T mid = start + gap / 2;
    using std::cos;
    using std::sin;
    out.worst = Vec<T>(2);
    out.worst << cos(mid), sin(mid);
    return out;
  }
  static const std::uint64_t primes[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};
  if (r > 16) throw std::invalid_argument("cover_radius: span dimensions above 16 are not supported");
  out.radius = T(0);
  out.probes = probes;
  auto probe = [&](std::size_t k) {
    Vec<T> u(r);
    for (Eigen::Index c = 0; c < r; ++c) {
      const double p = detail::radical_inverse(k, primes[c]);
      u(c) = T(std::sqrt(2.0) * boost::math::erf_inv(2 * p - 1));
    }
    return u;
  };
  if constexpr (std::is_same_v<T, double>) {
    // Largest |cosine| per probe from one matrix product per block of probes; the angle is
    // then acos of it, whose loss of accuracy near 0 (~sqrt(eps)) is far below the probe
    // spacing that bounds this estimate anyway.
    Mat<double> V(r, static_cast<Eigen::Index>(dirs.size()));
    for (std::size_t j = 0; j < dirs.size(); ++j) V.col(static_cast<Eigen::Index>(j)) = dirs[j];
    const std::size_t block = 1024;
    Mat<double> P(static_cast<Eigen::Index>(block), r);
    for (std::size_t first = 1; first <= probes; first += block) {
      const std::size_t count = std::min(block, probes + 1 - first);
      for (std::size_t i = 0; i < count; ++i) {
        Vec<double> u = probe(first + i);
        const double norm = u.norm();
        if (norm > 0)
          u /= norm;
        else
          u = V.col(0);  // never drawn (Halton coordinates avoid the centre); a harmless stand-in
        P.row(static_cast<Eigen::Index>(i)) = u.transpose();
      }
      const Mat<double> cosines = P.topRows(static_cast<Eigen::Index>(count)) * V;
      for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(count); ++i) {
        const double nearest = std::acos(std::min(1.0, cosines.row(i).cwiseAbs().maxCoeff()));
        if (nearest > out.radius) out.radius = nearest, out.worst = P.row(i).transpose();
      }
    }
    return out;
  }
  for (std::size_t k = 1; k <= probes; ++k) {
    Vec<T> u = probe(k);
    const T norm = u.norm();
    if (!(norm > 0)) continue;
    u /= norm;
    T nearest = pi<T>() / 2;
    for (const Vec<T>& v : dirs) nearest = std::min(nearest, detail::line_angle<T>(u, v));
    if (nearest > out.radius) out.radius = nearest, out.worst = u;
  }
  return out;
}

}  // namespace zg
