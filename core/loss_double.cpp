// The double fast path of core/loss.hpp (MATH.md §2–§3). The teacher is folded into the
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
///   y_p = sum_q 2 pi K(rho_pq) mass_q,   z_p = sum_q (sqrt(1 - rho_pq^2) - 1) mass_q.
struct GramSums {
  Vec<double> y;
  Vec<double> z;  ///< empty unless the gradient is asked for
};

/// The fused element-wise pass. On entry the lower triangle of C holds the cosines
/// rho_pq = dirs_p . dirs_q (its diagonal and upper triangle are ignored: a neuron with
/// itself has rho = 1 exactly). Each entry below the diagonal is visited once: rho is
/// clamped to [-1, 1], arcsin(rho) computed once and used both for
/// 2 pi K = rho arcsin(rho) + s_minus_1 and (when kGradient) stored in place of rho for the
/// gradient's matrix product, with s_minus_1 = sqrt(1 - rho^2) - 1 = -rho^2 / (1 + sqrt((1 -
/// rho)(1 + rho))) (no cancellation). With kGradient the lower triangle of C holds
/// arcsin(rho) on exit, diagonal pi/2.
template <bool kGradient>
GramSums fused_lower_pass(Mat<double>& C, const Vec<double>& mass) {
  const Eigen::Index n = C.cols();
  const double half_pi = pi<double>() / 2;
  const double k_diag = half_pi - 1;  // 2 pi K(1), exact (Sterbenz)
  GramSums out{Vec<double>::Zero(n), kGradient ? Vec<double>::Zero(n) : Vec<double>()};
  // One column at a time; the scratch columns stay in L1/L2 for m up to a few thousand.
  Eigen::ArrayXd rho(n), asin_scratch(n), s_minus_1(n), k_2pi(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index j0 = k + 1, len = n - j0;
    double* col = C.col(k).data() + j0;
    double* asin_out = kGradient ? col : asin_scratch.data();
    // arcsin is the one call that does not vectorise: a loop of its own, once per entry.
    for (Eigen::Index i = 0; i < len; ++i) {
      const double r = std::min(1.0, std::max(-1.0, col[i]));
      rho[i] = r;
      asin_out[i] = std::asin(r);
    }
    const Eigen::Map<const Eigen::ArrayXd> A(asin_out, len);
    const auto R = rho.head(len);
    auto S = s_minus_1.head(len);
    auto K = k_2pi.head(len);
    S = -R.square() / (1 + ((1 - R) * (1 + R)).sqrt());
    K = R * A + S;
    const double mk = mass(k);
    const auto mass_below = mass.segment(j0, len).array();
    // The entry (j, k) contributes to row j and, by symmetry, to row k.
    out.y.segment(j0, len).array() += K * mk;
    out.y(k) += (K * mass_below).sum() + k_diag * mk;
    if constexpr (kGradient) {
      out.z.segment(j0, len).array() += S * mk;
      out.z(k) += (S * mass_below).sum() - mk;  // s_minus_1(1) = -1
      C(k, k) = half_pi;
    }
  }
  return out;
}

/// Lower triangle of dirs^T dirs: the symmetric product computes half the entries.
Mat<double> lower_cosines(const Mat<double>& dirs) {
  Mat<double> C(dirs.cols(), dirs.cols());
  C.triangularView<Eigen::Lower>() = dirs.transpose() * dirs;
  return C;
}

}  // namespace

double population_loss_double(const Network<double>& student, const Network<double>& teacher) {
  const SignedNeurons n = signed_neurons(student, teacher);
  Mat<double> C = lower_cosines(n.dirs);
  const GramSums g = fused_lower_pass<false>(C, n.mass);
  // L = sum_pq c_p c_q G_pq = mass . y / (2 pi).
  return n.mass.dot(g.y) / (2 * pi<double>());
}

LossGradient<double> population_loss_gradient_double(const Network<double>& student,
                                                     const Network<double>& teacher) {
  const Eigen::Index m = student.width(), ms = teacher.width();
  const SignedNeurons n = signed_neurons(student, teacher);
  Mat<double> C = lower_cosines(n.dirs);
  const GramSums g = fused_lower_pass<true>(C, n.mass);  // C's lower triangle: arcsin(rho)

  LossGradient<double> out;
  out.loss = n.mass.dot(g.y) / (2 * pi<double>());
  // dL/da_j = 2 |w_j| y_j / (2 pi).
  out.grad_a = n.norms.head(m).cwiseProduct(g.y.head(m)) / pi<double>();
  // sum_q c_q arcsin(rho_qj) w_q: student block through the symmetric product on the lower
  // triangle, teacher block (rows m .. m + m* - 1, below the diagonal) directly.
  const Mat<double> student_aw = student.W * student.a.asDiagonal();
  const Mat<double> teacher_aw = teacher.W * teacher.a.asDiagonal();
  Mat<double> along_v(student.dim(), m);
  along_v.noalias() = student_aw * C.topLeftCorner(m, m).selfadjointView<Eigen::Lower>();
  along_v.noalias() -= teacher_aw * C.bottomLeftCorner(ms, m);
  // dL/dw_j = 2 a_j / (2 pi) (along_v_j + z_j w^_j).
  out.grad_W = (along_v + n.dirs.leftCols(m) * g.z.head(m).asDiagonal()) *
               (student.a / pi<double>()).asDiagonal();
  return out;
}

}  // namespace zg::detail
