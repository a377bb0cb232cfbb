// Reference implementations of the population loss and its gradient (docs/math.md §3) as a
// user would write them without this project, for bench/loss_bench.cpp to time beside
// core/loss.hpp in one binary: naive Eigen in double (whole Gram-sized matrices,
// element-wise array expressions, std::asin per entry), and plain loops over Boost's
// mpfr_float (variable precision, et_off: zg::Mp) with MPFR's asin. Not used by `verify`.
#pragma once

#include <cmath>

#include "core/loss.hpp"

namespace zg::bench {

/// Naive Eigen, double: C = U^T U over student and teacher together (n = m + m*), the
/// kernels entry by entry as array expressions, two matrix-vector products for y and z and
/// one matrix product back for the gradient. Guarantee: estimate, as
/// population_loss_gradient<double> (without the stable s_minus_1 form: absolute error
/// O(eps) in K instead of relative).
inline LossGradient<double> naive_eigen_loss_gradient(const Network<double>& student, const Network<double>& teacher) {
  const Eigen::Index m = student.width(), ms = teacher.width(), n = m + ms;
  Mat<double> W(student.dim(), n);
  W << student.W, teacher.W;
  Vec<double> c(n);
  c << student.a, -teacher.a;
  const Vec<double> norms = W.colwise().norm().transpose();
  const Mat<double> U = W * norms.cwiseInverse().asDiagonal();
  const Eigen::ArrayXXd rho = (U.transpose() * U).array().min(1.0).max(-1.0);
  const Eigen::ArrayXXd A = rho.asin();
  const Eigen::ArrayXXd S = (1 - rho.square()).sqrt() - 1;
  const Mat<double> K = (rho * A + S).matrix();  // 2 pi K(rho)
  const Vec<double> mass = c.cwiseProduct(norms);
  const Vec<double> y = K * mass;
  const Vec<double> z = S.matrix() * mass;
  LossGradient<double> out;
  out.loss = mass.dot(y) / (2 * pi<double>());
  out.grad_a = norms.head(m).cwiseProduct(y.head(m)) / pi<double>();
  const Mat<double> along_v = (W * c.asDiagonal()) * A.matrix().leftCols(m);
  out.grad_W = (along_v + U.leftCols(m) * z.head(m).asDiagonal()) * (student.a / pi<double>()).asDiagonal();
  return out;
}

/// Plain loops over Boost mpfr_float (zg::Mp, et_off) at the current default precision:
/// per pair one dot product for the cosine, MPFR's asin and sqrt, the sums by scalar
/// accumulation, the gradient's product as a triple loop. Guarantee: estimate; near
/// |rho| = 1 the rounded cosine costs half the digits of sin(theta) (the project's stable
/// |u - v|, |u + v| forms avoid that).
inline LossGradient<Mp> plain_loop_mpfr_loss_gradient(const Network<Mp>& student, const Network<Mp>& teacher) {
  using std::asin;
  using std::sqrt;
  const Eigen::Index m = student.width(), ms = teacher.width(), n = m + ms, d = student.dim();
  Mat<Mp> U(d, n), CW(d, n);
  Vec<Mp> norms(n), mass(n), y(n), z(n);
  for (Eigen::Index p = 0; p < n; ++p) {
    const bool is_student = p < m;
    const Mp cp = is_student ? student.a(p) : Mp(-teacher.a(p - m));
    Mp sq = 0;
    for (Eigen::Index i = 0; i < d; ++i) {
      const Mp w = is_student ? student.W(i, p) : teacher.W(i, p - m);
      sq += w * w;
      CW(i, p) = cp * w;
    }
    norms(p) = sqrt(sq);
    for (Eigen::Index i = 0; i < d; ++i) U(i, p) = (is_student ? student.W(i, p) : teacher.W(i, p - m)) / norms(p);
    mass(p) = cp * norms(p);
    y(p) = 0;
    z(p) = 0;
  }
  const Mp half_pi = pi<Mp>() / 2;
  Mat<Mp> A(n, n);
  for (Eigen::Index p = 0; p < n; ++p)
    for (Eigen::Index q = 0; q <= p; ++q) {
      Mp rho = 0;
      for (Eigen::Index i = 0; i < d; ++i) rho += U(i, p) * U(i, q);
      if (p == q) rho = 1;
      if (rho > 1) rho = 1;
      if (rho < -1) rho = -1;
      const Mp a = p == q ? half_pi : Mp(asin(rho));
      const Mp s = sqrt((1 - rho) * (1 + rho)) - 1;
      const Mp k = rho * a + s;
      A(p, q) = a;
      A(q, p) = a;
      y(p) += k * mass(q);
      z(p) += s * mass(q);
      if (p != q) {
        y(q) += k * mass(p);
        z(q) += s * mass(p);
      }
    }
  LossGradient<Mp> out;
  out.grad_a.resize(m);
  out.grad_W.resize(d, m);
  Mp loss = 0;
  for (Eigen::Index p = 0; p < n; ++p) loss += mass(p) * y(p);
  out.loss = loss / (2 * pi<Mp>());
  const Mp inv_pi = 1 / pi<Mp>();
  for (Eigen::Index j = 0; j < m; ++j) {
    out.grad_a(j) = norms(j) * y(j) * inv_pi;
    for (Eigen::Index i = 0; i < d; ++i) {
      Mp acc = 0;
      for (Eigen::Index q = 0; q < n; ++q) acc += CW(i, q) * A(q, j);
      out.grad_W(i, j) = (acc + z(j) * U(i, j)) * student.a(j) * inv_pi;
    }
  }
  return out;
}

}  // namespace zg::bench
