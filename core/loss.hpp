// Population loss of a relu>=2 student against a relu>=2 teacher and its full gradient,
// in closed form (docs/math.md §3). Neurons are homogeneous: neuron j contributes
// a_j |w_j| relu>=2(w_j^.x), the order->=2 part of a_j relu(w_j.x).
#pragma once

#include <cmath>
#include <type_traits>

#include "core/kernels.hpp"
#include "core/loss_double.hpp"
#include "core/loss_mp.hpp"
#include "core/network.hpp"

namespace zg {

/// Pairwise angle data between the columns of two weight matrices, and the columns'
/// norms and directions. Built once, used by the loss and the gradient.
template <class T>
struct PairTable {
  Mat<T> rho, sin_theta, asin_rho;  ///< rows: neurons of the first net; columns: second
};

template <class T>
struct UnitColumns {
  Mat<T> dirs;   ///< d x m, unit columns
  Vec<T> norms;  ///< m
};

/// Splits W into norms and unit directions. Throws std::invalid_argument on a zero column
/// (its direction, and so the neuron's homogeneous form, is undefined).
template <class T>
UnitColumns<T> unit_columns(const Mat<T>& W) {
  UnitColumns<T> u{Mat<T>(W.rows(), W.cols()), Vec<T>(W.cols())};
  for (Eigen::Index j = 0; j < W.cols(); ++j) {
    u.norms(j) = W.col(j).norm();
    if (!(u.norms(j) > 0)) throw std::invalid_argument("zero weight vector in column " + std::to_string(j));
    u.dirs.col(j) = W.col(j) / u.norms(j);
  }
  return u;
}

/// Angle data from a matrix of cosines computed by one matrix product (Eigen's GEMM): the
/// fast path for double, where near-parallel pairs lose relative accuracy in sin(theta)
/// (about sqrt(eps) at theta ~ sqrt(eps)); verdicts are re-evaluated in MPFR.
inline PairTable<double> pair_table_from_cosines(const Mat<double>& cosines) {
  const Eigen::Index rows = cosines.rows(), cols = cosines.cols();
  PairTable<double> p{cosines.cwiseMax(-1.0).cwiseMin(1.0), Mat<double>(rows, cols), Mat<double>(rows, cols)};
  for (Eigen::Index k = 0; k < cols; ++k)
    for (Eigen::Index j = 0; j < rows; ++j) {
      const double rho = p.rho(j, k);
      p.sin_theta(j, k) = std::sqrt((1 - rho) * (1 + rho));
      p.asin_rho(j, k) = std::asin(rho);
    }
  return p;
}

template <class T>
PairTable<T> pair_table(const Mat<T>& U, const Mat<T>& V) {
  if constexpr (std::is_same_v<T, double>) {
    return pair_table_from_cosines(U.transpose() * V);
  }
  PairTable<T> p{Mat<T>(U.cols(), V.cols()), Mat<T>(U.cols(), V.cols()), Mat<T>(U.cols(), V.cols())};
  for (Eigen::Index j = 0; j < U.cols(); ++j)
    for (Eigen::Index k = 0; k < V.cols(); ++k) {
      const AngleData<T> g = angle_between_unit<T>(U.col(j), V.col(k));
      p.rho(j, k) = g.rho;
      p.sin_theta(j, k) = g.sin_theta;
      p.asin_rho(j, k) = g.asin_rho;
    }
  return p;
}

/// pair_table(U, U), computing each unordered pair once (the table is symmetric).
template <class T>
PairTable<T> self_pair_table(const Mat<T>& U) {
  if constexpr (std::is_same_v<T, double>) {
    Mat<double> cosines = U.transpose() * U;
    cosines.diagonal().setOnes();  // exact on the diagonal: a neuron with itself
    return pair_table_from_cosines(cosines);
  }
  const Eigen::Index m = U.cols();
  PairTable<T> p{Mat<T>(m, m), Mat<T>(m, m), Mat<T>(m, m)};
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index k = j; k < m; ++k) {
      const AngleData<T> g = angle_between_unit<T>(U.col(j), U.col(k));
      p.rho(j, k) = p.rho(k, j) = g.rho;
      p.sin_theta(j, k) = p.sin_theta(k, j) = g.sin_theta;
      p.asin_rho(j, k) = p.asin_rho(k, j) = g.asin_rho;
    }
  return p;
}

/// Gram matrix G_jk = |u_j| |v_k| K(rho_jk).
template <class T>
Mat<T> neuron_gram(const PairTable<T>& p, const Vec<T>& norms_u, const Vec<T>& norms_v) {
  Mat<T> G(p.rho.rows(), p.rho.cols());
  for (Eigen::Index j = 0; j < G.rows(); ++j)
    for (Eigen::Index k = 0; k < G.cols(); ++k)
      G(j, k) = norms_u(j) * norms_v(k) *
                relu_ge2_kernel(AngleData<T>{p.rho(j, k), p.sin_theta(j, k), p.asin_rho(j, k)});
  return G;
}

template <class T>
struct LossGradient {
  T loss;
  Vec<T> grad_a;  ///< dL/da, length m
  Mat<T> grad_W;  ///< dL/dW, d x m
  /// Euclidean norm of the full gradient (dL/da, dL/dW).
  T norm() const {
    using std::sqrt;
    return sqrt(grad_a.squaredNorm() + grad_W.squaredNorm());
  }
};

/// L = E[(f_student - f_teacher)^2] (docs/math.md §3) without the gradient.
/// Guarantee: estimate; absolute error O((m + m*)^2 d eps max|a|^2 |w|^2): L is a difference
/// of O(1) terms, so a loss of 1e-30 is resolved only when eps is well below 1e-30.
/// T = double goes to detail::population_loss_double (core/loss_double.hpp): one matrix
/// product for the cosines and one fused pass, with the same error bound; T = Mp to
/// detail::population_loss_mp (core/loss_mp.hpp, Arb arithmetic, the same bound).
template <class T>
T population_loss(const Network<T>& student, const Network<T>& teacher) {
  if constexpr (std::is_same_v<T, double>) {
    return detail::population_loss_double(student, teacher);
  } else if constexpr (std::is_same_v<T, Mp>) {
    return detail::population_loss_mp(student, teacher);
  } else {
    const UnitColumns<T> s = unit_columns(student.W);
    const UnitColumns<T> t = unit_columns(teacher.W);
    const Mat<T> Gss = neuron_gram(self_pair_table(s.dirs), s.norms, s.norms);
    const Mat<T> Gst = neuron_gram(pair_table(s.dirs, t.dirs), s.norms, t.norms);
    const Mat<T> Gtt = neuron_gram(self_pair_table(t.dirs), t.norms, t.norms);
    const T ss = student.a.dot(Gss * student.a);
    const T st = student.a.dot(Gst * teacher.a);
    const T tt = teacher.a.dot(Gtt * teacher.a);
    return ss - 2 * st + tt;
  }
}

namespace detail {
/// The generic (Mp, Mpi) path of population_loss_gradient: one Gram matrix per block from
/// per-pair angle data (kernels.hpp's stable |u - v|, |u + v| forms).
template <class T>
LossGradient<T> population_loss_gradient_generic(const Network<T>& student, const Network<T>& teacher) {
  const UnitColumns<T> s = unit_columns(student.W);
  const UnitColumns<T> t = unit_columns(teacher.W);
  const PairTable<T> pss = self_pair_table(s.dirs);
  const PairTable<T> pst = pair_table(s.dirs, t.dirs);
  const Mat<T> Gss = neuron_gram(pss, s.norms, s.norms);
  const Mat<T> Gst = neuron_gram(pst, s.norms, t.norms);
  const Mat<T> Gtt = neuron_gram(self_pair_table(t.dirs), t.norms, t.norms);

  LossGradient<T> out;
  const Vec<T> Ga = Gss * student.a;
  const Vec<T> Gt = Gst * teacher.a;
  out.loss = student.a.dot(Ga) - 2 * student.a.dot(Gt) + teacher.a.dot(Gtt * teacher.a);
  out.grad_a = 2 * (Ga - Gt);

  // sqrt(1 - rho^2) - 1 = -rho^2 / (1 + sqrt(1 - rho^2)), entrywise.
  auto s_minus_1 = [](const PairTable<T>& p) {
    Mat<T> r(p.rho.rows(), p.rho.cols());
    for (Eigen::Index j = 0; j < r.rows(); ++j)
      for (Eigen::Index k = 0; k < r.cols(); ++k)
        r(j, k) = -(p.rho(j, k) * p.rho(j, k)) / (1 + p.sin_theta(j, k));
    return r;
  };
  // Column j of sum_k a_k arcsin(rho_jk) w_k is W (diag(a) P)_{:, j} with P symmetric.
  const Vec<T> a_norm_s = student.a.cwiseProduct(s.norms);
  const Vec<T> a_norm_t = teacher.a.cwiseProduct(t.norms);
  const Mat<T> along_v = student.W * (student.a.asDiagonal() * pss.asin_rho.transpose()) -
                         teacher.W * (teacher.a.asDiagonal() * pst.asin_rho.transpose());
  const Vec<T> along_w = s_minus_1(pss) * a_norm_s - s_minus_1(pst) * a_norm_t;
  // 2 a_j / (2 pi) = a_j / pi.
  out.grad_W = (along_v + s.dirs * along_w.asDiagonal()) * (student.a / pi<T>()).asDiagonal();
  return out;
}

}  // namespace detail

/// L and its full gradient (docs/math.md §3):
///   dL/da_j = 2 (sum_k a_k G(w_j, w_k) - sum_i a_i* G(w_j, w_i*)),
///   dL/dw_j = 2 a_j (sum_k a_k grad_w G(w_j, w_k) - sum_i a_i* grad_w G(w_j, w_i*)),
/// with grad_w G(w, v) = (arcsin(rho) v + |v| (sqrt(1 - rho^2) - 1) w^) / (2 pi).
/// Guarantee: estimate, absolute error as population_loss for L and O(m d eps) relative to
/// the largest term for the gradient. T = double goes to
/// detail::population_loss_gradient_double (core/loss_double.hpp): O((m + m*)^2 d) in two
/// matrix products and one fused element-wise pass; T = Mp to
/// detail::population_loss_gradient_mp (core/loss_mp.hpp): Arb's arcsine and dot products,
/// the stable angle forms, 3-10x faster than the generic path over Boost's mpfr_float,
/// which stays the path of Mpi and the tests' reference.
template <class T>
LossGradient<T> population_loss_gradient(const Network<T>& student, const Network<T>& teacher) {
  if constexpr (std::is_same_v<T, double>) {
    return detail::population_loss_gradient_double(student, teacher);
  } else if constexpr (std::is_same_v<T, Mp>) {
    return detail::population_loss_gradient_mp(student, teacher);
  } else {
    return detail::population_loss_gradient_generic(student, teacher);
  }
}

/// f(x) = sum_j a_j |w_j| relu>=2(w_j^.x) = sum_j a_j (|w_j.x|/2 - |w_j|/sqrt(2 pi)) for each
/// column x of X (docs/math.md §1 homogeneous form). Returns one value per column.
/// Guarantee: estimate, absolute error O(m d eps max|a_j| |w_j| |x|).
template <class T>
Vec<T> relu_ge2_network_outputs(const Network<T>& net, const Mat<T>& X) {
  using std::sqrt;
  const Mat<T> Z = net.W.transpose() * X;  // m x n
  const Vec<T> norms = net.W.colwise().norm().transpose();
  const T inv_sqrt_2pi = 1 / sqrt(2 * pi<T>());
  const T offset = net.a.dot(norms) * inv_sqrt_2pi;
  Vec<T> out = (net.a.transpose() * Z.cwiseAbs()).transpose() / 2;
  out.array() -= offset;
  return out;
}

}  // namespace zg
