// The double fast path of core/loss.hpp (docs/math.md §2–§3). The teacher is folded into the
// student as m* extra neurons with output weights -a*, so L = c^T G c over one symmetric
// (m + m*) x (m + m*) Gram matrix and every block comes from the same three steps.
#include "core/loss_double.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/loss.hpp"

namespace zg::detail {
namespace {

/// Student and teacher as one signed family of neurons p = 0 .. m + m* - 1.
struct SignedNeurons {
  Mat<double> dirs;  ///< d x (m + m*), unit columns: student's, then teacher's
  Vec<double> norms;  ///< |w_p|
  Vec<double> mass;   ///< c_p |w_p| with c = (a, -a*)
};

SignedNeurons signed_neurons(const Network<double>& student, const Network<double>& teacher) {
  assert(student.dim() == teacher.dim());
  const Eigen::Index m = student.width(), ms = teacher.width();
  const UnitColumns<double> s = unit_columns(student.W);  // throws on a zero column
  const UnitColumns<double> t = unit_columns(teacher.W);
  SignedNeurons n{Mat<double>(student.dim(), m + ms), Vec<double>(m + ms), Vec<double>(m + ms)};
  n.dirs.leftCols(m) = s.dirs;
  n.dirs.rightCols(ms) = t.dirs;
  n.norms.head(m) = s.norms;
  n.norms.tail(ms) = t.norms;
  n.mass.head(m) = student.a.cwiseProduct(s.norms);
  n.mass.tail(ms) = -teacher.a.cwiseProduct(t.norms);
  return n;
}

/// Sums over the Gram matrix that the loss and gradient need, times 2 pi:
///   y_p = sum_q 2 pi K(rho_pq) mass_q,   z_p = sum_q (sqrt(1 - rho_pq^2) - 1) mass_q,
/// and, with the gradient, along_v_p = sum_q c_q arcsin(rho_pq) w_q (a d-vector per p).
struct GramSums {
  Vec<double> y;
  Vec<double> z;        ///< empty unless the gradient is asked for
  Mat<double> along_v;  ///< d x (m + m*); empty unless the gradient is asked for
};

/// Columns per panel: a panel of cosines, (m + m*) x kPanel doubles, stays in L2 (2 MB at
/// m + m* = 2048) while the fused pass and the gradient's products read it, and no
/// Gram-sized matrix is ever allocated (a 32 MB one costs page faults on every call).
constexpr Eigen::Index kPanel = 128;

/// The element-wise kernel of one panel column: for each cosine, clamped to [-1, 1],
/// arcsin(rho), s_minus_1 = sqrt(1 - rho^2) - 1 = -rho^2 / (1 + sqrt((1 - rho)(1 + rho))) (no
/// cancellation) and 2 pi K = rho arcsin(rho) + s_minus_1. One loop without calls or
/// branches, so that it vectorises (this file is compiled with -fno-math-errno: sqrt needs
/// no errno check). asin_out may be `cosines` itself (entry i is read before it is written).
void entry_kernels(const double* cosines, double* asin_out, double* __restrict s_minus_1, double* __restrict k_2pi,
                   Eigen::Index len) {
  for (Eigen::Index i = 0; i < len; ++i) {
    const double r = std::min(1.0, std::max(-1.0, cosines[i]));
    const double a = arcsin_vectorisable(r);
    const double s = -(r * r) / (1 + std::sqrt((1 - r) * (1 + r)));
    s_minus_1[i] = s;
    k_2pi[i] = r * a + s;
    asin_out[i] = a;
  }
}

/// The fused element-wise pass over one panel. B holds the cosines rho_pq for rows
/// p = k0 .. n - 1 and columns q = k0 .. k0 + B.cols() - 1 (row i of B is p = k0 + i). Each
/// entry strictly below the diagonal is visited once by entry_kernels: arcsin(rho) is used
/// both for 2 pi K and (kGradient) stored in place of rho for the gradient's products. A
/// neuron with itself has rho = 1 exactly, whatever the product gave. With kGradient, B
/// holds arcsin(rho) on exit, its top square block mirrored to be symmetric.
template <bool kGradient>
void fused_panel_pass(Eigen::Ref<Mat<double>> B, Eigen::Index k0, const Vec<double>& mass, GramSums& sums) {
  const double half_pi = pi<double>() / 2;
  const double k_diag = half_pi - 1;  // 2 pi K(1), exact (Sterbenz)
  const Eigen::Index rows = B.rows();
  // Scratch columns of at most m + m* entries: they stay in L1.
  Eigen::ArrayXd asin_scratch(rows), s_minus_1(rows), k_2pi(rows);
  for (Eigen::Index c = 0; c < B.cols(); ++c) {
    const Eigen::Index k = k0 + c, i0 = c + 1, len = rows - i0;
    double* col = B.col(c).data() + i0;
    entry_kernels(col, kGradient ? col : asin_scratch.data(), s_minus_1.data(), k_2pi.data(), len);
    const auto S = s_minus_1.head(len);
    const auto K = k_2pi.head(len);
    const double mk = mass(k);
    const auto mass_below = mass.segment(k + 1, len).array();
    // The entry (j, k) contributes to row j and, by symmetry, to row k.
    sums.y.segment(k + 1, len).array() += K * mk;
    sums.y(k) += (K * mass_below).sum() + k_diag * mk;
    if constexpr (kGradient) {
      sums.z.segment(k + 1, len).array() += S * mk;
      sums.z(k) += (S * mass_below).sum() - mk;  // s_minus_1(1) = -1
      B(c, c) = half_pi;
      for (Eigen::Index i = 0; i < c; ++i) B(i, c) = B(c, i);
    }
  }
}

/// Everything the loss and gradient need from the Gram matrix, panel by panel over the
/// lower triangle: per panel one product for the cosines, the fused pass, and (kGradient)
/// two products that add the panel's arcsin block and its transpose into along_v.
/// kElementwise = false skips the element-wise pass and leaves the cosines in place of the
/// arcsines: the same matrix products alone, for population_loss_gradient_products_double.
template <bool kGradient, bool kElementwise = true>
GramSums gram_sums(const SignedNeurons& n, const Mat<double>& scaled_weights) {
  const Eigen::Index total = n.dirs.cols();
  GramSums sums{Vec<double>::Zero(total), Vec<double>(), Mat<double>()};
  if constexpr (kGradient) {
    sums.z = Vec<double>::Zero(total);
    sums.along_v = Mat<double>::Zero(n.dirs.rows(), total);
  }
  Mat<double> panel_storage(total, std::min(kPanel, total));
  for (Eigen::Index k0 = 0; k0 < total; k0 += kPanel) {
    const Eigen::Index width = std::min(kPanel, total - k0), rows = total - k0, below = rows - width;
    Eigen::Ref<Mat<double>> B = panel_storage.topLeftCorner(rows, width);
    // The top square block is computed whole (width^2 / 2 wasted entries) so that the
    // products below see a full symmetric block.
    B.noalias() = n.dirs.rightCols(rows).transpose() * n.dirs.middleCols(k0, width);
    if constexpr (kElementwise) fused_panel_pass<kGradient>(B, k0, n.mass, sums);
    if constexpr (kGradient) {
      // Columns k0 .. k0 + width - 1 of along_v = W_c arcsin(rho), rows k0 .. n - 1 of it
      // from this panel (the rows above come from earlier panels' transposes).
      sums.along_v.middleCols(k0, width).noalias() += scaled_weights.rightCols(rows) * B;
      if (below > 0)
        sums.along_v.rightCols(below).noalias() +=
            scaled_weights.middleCols(k0, width) * B.bottomRows(below).transpose();
    }
  }
  return sums;
}

}  // namespace

double population_loss_double(const Network<double>& student, const Network<double>& teacher) {
  const SignedNeurons n = signed_neurons(student, teacher);
  const GramSums g = gram_sums<false>(n, Mat<double>());
  // L = sum_pq c_p c_q G_pq = mass . y / (2 pi).
  return n.mass.dot(g.y) / (2 * pi<double>());
}

namespace {

/// Column q is c_q w_q, c = (a, -a*).
Mat<double> scaled_weights_of(const Network<double>& student, const Network<double>& teacher) {
  const Eigen::Index m = student.width(), ms = teacher.width();
  Mat<double> scaled_weights(student.dim(), m + ms);
  scaled_weights.leftCols(m) = student.W * student.a.asDiagonal();
  scaled_weights.rightCols(ms) = -(teacher.W * teacher.a.asDiagonal());
  return scaled_weights;
}

}  // namespace

double population_loss_gradient_products_double(const Network<double>& student, const Network<double>& teacher) {
  const SignedNeurons n = signed_neurons(student, teacher);
  const GramSums g = gram_sums<true, false>(n, scaled_weights_of(student, teacher));
  return g.along_v.sum();
}

LossGradient<double> population_loss_gradient_double(const Network<double>& student,
                                                     const Network<double>& teacher) {
  const Eigen::Index m = student.width();
  const SignedNeurons n = signed_neurons(student, teacher);
  const GramSums g = gram_sums<true>(n, scaled_weights_of(student, teacher));

  LossGradient<double> out;
  out.loss = n.mass.dot(g.y) / (2 * pi<double>());
  // dL/da_j = 2 |w_j| y_j / (2 pi).
  out.grad_a = n.norms.head(m).cwiseProduct(g.y.head(m)) / pi<double>();
  // dL/dw_j = 2 a_j / (2 pi) (along_v_j + z_j w^_j).
  out.grad_W = (g.along_v.leftCols(m) + n.dirs.leftCols(m) * g.z.head(m).asDiagonal()) *
               (student.a / pi<double>()).asDiagonal();
  return out;
}

}  // namespace zg::detail
