// The vanishing-derivative pre-certificate of docs/math.md §4:
//   eta(w) = sum_i [ alpha_i K(w.w_i*) + arcsin(w.w_i*) (beta_i.w) / (2 pi) ],  beta_i ⟂ w_i*,
// with (alpha, beta) fixed by eta(w_j*) = sign(a_j*) and a zero tangential gradient at
// every w_j*. Everything lives in the r-dimensional span of the teacher directions:
// a unit w in R^d enters only through y = Q^T w, a point of the closed unit ball of R^r.
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>

#include <Eigen/Dense>

#include "core/kernels.hpp"
#include "core/network.hpp"

namespace zg {

/// The certificate in span coordinates.
template <class T>
struct Certificate {
  Mat<T> basis;  ///< Q: d x r, orthonormal columns spanning {w_i*}
  Mat<T> U;      ///< r x m*: u_i = Q^T w_i*, unit
  Vec<T> signs;  ///< s_i = sign(a_i*)
  Vec<T> alpha;  ///< m*
  Mat<T> beta;   ///< r x m*: beta_i, orthogonal to u_i
  T condition;   ///< 2-norm condition number of the interpolation system
  Eigen::Index dim() const { return basis.rows(); }
  Eigen::Index rank() const { return basis.cols(); }
  Eigen::Index width() const { return U.cols(); }
  /// The domain of docs/math.md §4: the unit sphere of the span when d = r, its ball when d > r.
  bool domain_is_ball() const { return dim() > rank(); }
};

/// Thrown when the interpolation system is singular (a degenerate teacher).
class SingularCertificate : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

// An orthonormal basis of the orthogonal complement of unit u in R^r (r x (r-1)), from the
// Householder reflection that maps e_1 to +-u. Exact up to rounding: O(r eps).
template <class T>
Mat<T> complement_basis(const Vec<T>& u) {
  const Eigen::Index r = u.size();
  Mat<T> m(r, 1);
  m.col(0) = u;
  Eigen::HouseholderQR<Mat<T>> qr(m);
  const Mat<T> q = qr.householderQ() * Mat<T>::Identity(r, r);
  return q.rightCols(r - 1);
}

// K and the beta factor of one teacher term at cosine rho.
template <class T>
struct TermData {
  AngleData<T> angle;
  T K;
};

}  // namespace detail

/// eta(y) for y in the closed unit ball of R^r (span coordinates).
/// Guarantee: estimate, absolute error O(m* r eps (|alpha| + |beta|)); an enclosure for
/// intervals (cosines are clamped/intersected with [-1, 1], docs/math.md §2).
template <class T>
T certificate_value(const Certificate<T>& c, const Vec<T>& y) {
  T eta(0);
  const T two_pi = 2 * pi<T>();
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    const AngleData<T> g = angle_from_cosine<T>(T(c.U.col(i).dot(y)));
    eta += c.alpha(i) * relu_ge2_kernel(g) + g.asin_rho * T(c.beta.col(i).dot(y)) / two_pi;
  }
  return eta;
}

/// The Euclidean gradient of y -> eta(y) in R^r, for y with |y.u_i| < 1 for every i
/// (the beta term's derivative has a removable 0/0 at y = +-u_i; use
/// certificate_tangential_gradient_at_teacher there).
///   grad = sum_i [ (alpha_i K'(rho_i) + (beta_i.y) / (2 pi sqrt(1 - rho_i^2))) u_i + arcsin(rho_i) beta_i / (2 pi) ].
/// Guarantee: estimate; relative error O(eps / (1 - rho_i^2)) near a teacher direction.
template <class T>
Vec<T> certificate_gradient(const Certificate<T>& c, const Vec<T>& y) {
  Vec<T> grad = Vec<T>::Zero(c.rank());
  const T two_pi = 2 * pi<T>();
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    const AngleData<T> g = angle_from_cosine<T>(T(c.U.col(i).dot(y)));
    const T along_u = c.alpha(i) * relu_ge2_kernel_d1(g) + T(c.beta.col(i).dot(y)) / (two_pi * g.sin_theta);
    grad += along_u * c.U.col(i) + (g.asin_rho / two_pi) * c.beta.col(i);
  }
  return grad;
}

/// The tangential gradient of eta on the sphere at the teacher direction u_j, i.e.
/// (I - u_j u_j^T) grad eta(u_j), with the i = j term taken at its limit beta_j / 4
/// (docs/math.md §4). Guarantee: estimate, absolute error O(m* r eps (|alpha| + |beta|) / min_i sin angle(u_i, u_j)).
template <class T>
Vec<T> certificate_tangential_gradient_at_teacher(const Certificate<T>& c, Eigen::Index j) {
  const Vec<T> uj = c.U.col(j);
  Vec<T> grad = c.beta.col(j) / 4;
  const T two_pi = 2 * pi<T>();
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    if (i == j) continue;
    const AngleData<T> g = angle_from_cosine<T>(T(c.U.col(i).dot(uj)));
    const T along_u = c.alpha(i) * relu_ge2_kernel_d1(g) + T(c.beta.col(i).dot(uj)) / (two_pi * g.sin_theta);
    grad += along_u * c.U.col(i) + (g.asin_rho / two_pi) * c.beta.col(i);
  }
  return grad - T(uj.dot(grad)) * uj;
}

/// delta(y) = min_i min(angle(y, u_i), angle(y, -u_i)) = min_i arccos|y.u_i| for |y| <= 1
/// (docs/math.md §4; for an interior point of the ball y.u_i is the cosine for the unit w it
/// stands for). Guarantee: estimate, absolute error O(sqrt(eps)) near a teacher direction
/// when computed from a rounded cosine; exact cosines give O(eps / delta).
template <class T>
T certificate_delta(const Certificate<T>& c, const Vec<T>& y) {
  using std::abs;
  using std::acos;
  T best = pi<T>();
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    T rho = abs(T(c.U.col(i).dot(y)));
    if (rho > 1) rho = 1;
    const T angle = acos(rho);
    if (angle < best) best = angle;
  }
  return best;
}

/// Builds the pre-certificate for a teacher with unit columns (docs/math.md §4). The span's
/// rank r counts the directions whose part orthogonal to the earlier ones exceeds
/// rank_tolerance (the basis starts at w_1*).
/// Unknowns: alpha (m*) and beta_i = B_i gamma_i with B_i a basis of u_i's complement
/// (m* (r - 1)); equations: eta(u_j) = s_j (m*) and B_j^T grad eta(u_j) = 0 (m* (r - 1)).
/// Solved by full-pivoting LU at working precision; condition from the singular values.
/// Guarantee: estimate; the residuals are measured afterwards by the D1 check.
/// Throws SingularCertificate when the system is singular to working precision.
template <class T>
Certificate<T> build_precertificate(const Network<T>& teacher, const T& rank_tolerance) {
  using std::abs;
  const Eigen::Index m = teacher.width();
  Certificate<T> c;
  // Span basis by modified Gram-Schmidt over the teacher directions in their order, so the
  // first axis is w_1* and, for a planar teacher, span angles are angles from w_1* towards
  // w_2*. A direction whose remainder is below rank_tolerance adds nothing (rank r).
  std::vector<Vec<T>> axes;
  for (Eigen::Index i = 0; i < m; ++i) {
    Vec<T> v = teacher.W.col(i);
    for (int pass = 0; pass < 2; ++pass)  // twice is enough (Kahan-Parlett)
      for (const Vec<T>& q : axes) v -= T(q.dot(v)) * q;
    const T norm = v.norm();
    if (norm > rank_tolerance) axes.push_back(v / norm);
  }
  const Eigen::Index r = static_cast<Eigen::Index>(axes.size());
  c.basis.resize(teacher.dim(), r);
  for (Eigen::Index k = 0; k < r; ++k) c.basis.col(k) = axes[static_cast<std::size_t>(k)];
  c.U = c.basis.transpose() * teacher.W;
  for (Eigen::Index i = 0; i < m; ++i) c.U.col(i) /= c.U.col(i).norm();  // unit to working precision
  c.signs.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) c.signs(i) = teacher.a(i) < 0 ? T(-1) : T(1);

  std::vector<Mat<T>> B(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < m; ++i) B[static_cast<std::size_t>(i)] = detail::complement_basis<T>(c.U.col(i));

  // Column layout: alpha_0..alpha_{m-1}, then gamma_i (r - 1 entries each).
  const Eigen::Index n = m * r;
  auto gamma_col = [m, r](Eigen::Index i) { return m + i * (r - 1); };
  Mat<T> A = Mat<T>::Zero(n, n);
  Vec<T> rhs = Vec<T>::Zero(n);
  const T two_pi = 2 * pi<T>();
  for (Eigen::Index j = 0; j < m; ++j) {
    const Vec<T> uj = c.U.col(j);
    const Mat<T>& Bj = B[static_cast<std::size_t>(j)];
    const Eigen::Index tangent_row = m + j * (r - 1);
    rhs(j) = c.signs(j);
    for (Eigen::Index i = 0; i < m; ++i) {
      const Mat<T>& Bi = B[static_cast<std::size_t>(i)];
      if (i == j) {
        // eta(u_j): alpha_j K(1); the beta_j term vanishes (beta_j . u_j = 0).
        A(j, j) = relu_ge2_kernel_at_one<T>();
        // Tangential gradient at u_j of the i = j term: beta_j / 4 = B_j gamma_j / 4.
        A.block(tangent_row, gamma_col(j), r - 1, r - 1) = Mat<T>::Identity(r - 1, r - 1) / 4;
        continue;
      }
      const AngleData<T> g = angle_from_cosine<T>(T(c.U.col(i).dot(uj)));
      // eta(u_j) row: alpha_i K(rho) + arcsin(rho) (B_i gamma_i . u_j) / (2 pi).
      A(j, i) = relu_ge2_kernel(g);
      A.block(j, gamma_col(i), 1, r - 1) = (g.asin_rho / two_pi) * (Bi.transpose() * uj).transpose();
      // Tangential rows: B_j^T [ (alpha_i K'(rho) + (beta_i.u_j) / (2 pi s)) u_i + arcsin(rho) beta_i / (2 pi) ].
      const Vec<T> Bj_ui = Bj.transpose() * c.U.col(i);
      A.block(tangent_row, i, r - 1, 1) = relu_ge2_kernel_d1(g) * Bj_ui;
      A.block(tangent_row, gamma_col(i), r - 1, r - 1) =
          Bj_ui * (Bi.transpose() * uj).transpose() / (two_pi * g.sin_theta) +
          (g.asin_rho / two_pi) * (Bj.transpose() * Bi);
    }
  }
  Eigen::JacobiSVD<Mat<T>> system_svd(A);
  const Vec<T> s = system_svd.singularValues();
  const T smallest = s(s.size() - 1);
  c.condition = smallest > 0 ? T(s(0) / smallest) : T(std::numeric_limits<double>::infinity());
  if (!(smallest > working_eps<T>() * s(0) * T(n)))
    throw SingularCertificate("the interpolation system is singular to working precision (condition " +
                              to_decimal(c.condition, 3) + "): the teacher directions are degenerate");
  const Vec<T> x = A.fullPivLu().solve(rhs);
  c.alpha = x.head(m);
  c.beta.resize(r, m);
  for (Eigen::Index i = 0; i < m; ++i)
    c.beta.col(i) = B[static_cast<std::size_t>(i)] * x.segment(gamma_col(i), r - 1);
  return c;
}

}  // namespace zg

namespace zg {

/// |p|^2 = E[p(x)^2] for the certificate's test function
///   p(x) = sum_i ( alpha_i relu>=2(w_i*.x) + (beta_i.x) relu>=2'(w_i*.x) ),  relu>=2' = sign/2,
/// from E[relu>=2(u.x) relu>=2(v.x)] = K(rho), E[relu>=2(u.x) (b.x) relu>=2'(v.x)] =
/// arcsin(rho)(b.u)/(2 pi) for b orthogonal to v, and, by Stein's lemma,
/// E[x x^T sign(u.x) sign(v.x)] = (2/pi)(arcsin(rho) I + (u v^T + v u^T - rho(u u^T + v v^T)) / sqrt(1 - rho^2)),
/// so E[(b_i.x)(b_l.x) relu>=2'(u.x) relu>=2'(v.x)] = (arcsin(rho) b_i.b_l + (b_i.v)(b_l.u)/sqrt(1 - rho^2)) / (2 pi)
/// (the second part vanishes for i = l). docs/math.md §4 "test-function bound".
/// Guarantee: estimate; relative error O(m*^2 r eps cond) for separated teachers.
template <class T>
T test_function_norm_sq(const Certificate<T>& c) {
  const T two_pi = 2 * pi<T>();
  T sum(0);
  for (Eigen::Index i = 0; i < c.width(); ++i)
    for (Eigen::Index l = 0; l < c.width(); ++l) {
      const Vec<T> ui = c.U.col(i), ul = c.U.col(l), bi = c.beta.col(i), bl = c.beta.col(l);
      if (i == l) {
        sum += c.alpha(i) * c.alpha(i) * relu_ge2_kernel_at_one<T>() + bi.squaredNorm() / 4;
        continue;
      }
      const AngleData<T> g = angle_from_cosine<T>(T(ui.dot(ul)));
      sum += c.alpha(i) * c.alpha(l) * relu_ge2_kernel(g);
      sum += 2 * c.alpha(i) * g.asin_rho * T(bl.dot(ui)) / two_pi;
      sum += (g.asin_rho * T(bi.dot(bl)) + T(bi.dot(ul)) * T(bl.dot(ui)) / g.sin_theta) / two_pi;
    }
  return sum;
}

}  // namespace zg
