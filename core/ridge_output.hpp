// Stage 2 of the algorithm (docs/math.md §5): with the first layer fixed, the output weights
// minimise the convex ridge objective L(a, W) + ridge |a|^2, solved exactly at working
// precision from the closed-form kernels (§2-§3); then every neuron is rebalanced.
#pragma once

#include "core/empirical_loss.hpp"
#include "core/loss.hpp"
#include "core/network.hpp"

namespace zg {

/// The ridge least-squares solution for a fixed first layer W (d x m) against a teacher.
/// With G_jk = |w_j| |w_k| K(rho_jk) (the student Gram matrix) and
/// b_j = sum_i a_i* |w_j| K(rho(w_j, w_i*)), docs/math.md §3 gives
///   L(a, W) = a^T G a - 2 a^T b + a*^T G* a*,
/// so grad_a (L + ridge |a|^2) = 2 (G a - b) + 2 ridge a = 0 is the linear system
///   (G + ridge I) a = b,
/// symmetric positive definite for ridge > 0 (G is a Gram matrix, so PSD). A weight decay
/// (lambda/2)|a|^2 on the output layer is ridge = lambda/2.
template <class T>
struct RidgeSolution {
  Vec<T> a;             ///< the minimiser; NaN when the solve failed
  Mat<T> gram;          ///< G
  Vec<T> rhs;           ///< b
  T teacher_term;       ///< a*^T G* a* = E[f*^2]
  T loss;               ///< L(a, W) = a^T G a - 2 a^T b + a*^T G* a*
  T residual;           ///< |(G + ridge I) a - b|_inf after refinement
  bool solved = false;  ///< false when the Cholesky factorisation failed (not PD at T's precision)
};

/// Solves (G + ridge I) a = b by Cholesky (LLT) at T's precision, then one step of
/// iterative refinement. Guarantee: estimate; residual O(m eps |G + ridge I| |a|) (checked
/// and returned), error in a O(cond eps) with cond <= (|G| + ridge) / ridge; loss with
/// absolute error O(m^2 eps max(|a|^2 |G|, E[f*^2])). Throws std::invalid_argument for
/// ridge <= 0 or a zero column of W.
template <class T>
RidgeSolution<T> ridge_output(const Mat<T>& W, const Network<T>& teacher, const T& ridge);

/// Every neuron balanced with its mass kept: u_j = a_j |w_j|, then w_j <- sqrt|u_j| w_j^
/// and a_j <- sign(a_j) sqrt|u_j|. The network's function is unchanged (the neuron is
/// a_j |w_j| relu>=2(w_j^.x)). A neuron of zero mass becomes a_j = 0, w_j = 0.
/// Guarantee: estimate, relative error O(d eps) per entry.
template <class T>
Network<T> rebalance(const Network<T>& n);

template <class T>
struct StageTwo {
  Network<T> network;      ///< rebalanced: |a_j| = |w_j|, masses = the ridge solution's
  RidgeSolution<T> ridge;  ///< solved on the unit first layer (W normalised column by column)
};

/// Stage 2: the first layer's directions are kept and its columns normalised, so the ridge
/// acts on the neuron masses u_j = a_j (ridge |u|^2) whatever scale stage 1 left (eta times
/// the initial scale): the ridge solution's meaning does not depend on that arbitrary
/// scale, and after rebalancing only masses and directions define the network. Then
/// ridge_output and rebalance. The loss of the result is ridge.loss (to rounding).
template <class T>
StageTwo<T> stage_two(const Network<T>& after_stage_one, const Network<T>& teacher, const T& ridge);

/// The finite-sample version: the same ridge problem with the expectation replaced by the
/// sample mean. With features phi_j(x_s) = |w_j.x_s|/2 - |w_j|/sqrt(2 pi) (the homogeneous
/// neuron of docs/math.md §1) stacked as Phi (m x n),
///   G = Phi Phi^T / n,  b = Phi y / n,  teacher_term = y.y / n,
/// L_n(a, W) = a^T G a - 2 a^T b + teacher_term, and (G + ridge I) a = b as above.
/// Guarantee: estimate; as ridge_output, with G's entries carrying O(n eps) relative
/// rounding from the sums. Throws std::invalid_argument for ridge <= 0, a zero column of W
/// or a dimension mismatch.
template <class T>
RidgeSolution<T> empirical_ridge_output(const Mat<T>& W, const SampleView<T>& samples, const T& ridge);

/// Stage 2 on the empirical loss: as stage_two, with empirical_ridge_output.
template <class T>
StageTwo<T> empirical_stage_two(const Network<T>& after_stage_one, const SampleView<T>& samples, const T& ridge);

extern template RidgeSolution<double> empirical_ridge_output(const Mat<double>&,
                                                             const SampleView<double>&,
                                                             const double&);
extern template RidgeSolution<Mp> empirical_ridge_output(const Mat<Mp>&, const SampleView<Mp>&, const Mp&);
extern template StageTwo<double> empirical_stage_two(const Network<double>&, const SampleView<double>&, const double&);
extern template StageTwo<Mp> empirical_stage_two(const Network<Mp>&, const SampleView<Mp>&, const Mp&);
extern template RidgeSolution<double> ridge_output(const Mat<double>&, const Network<double>&, const double&);
extern template RidgeSolution<Mp> ridge_output(const Mat<Mp>&, const Network<Mp>&, const Mp&);
extern template Network<double> rebalance(const Network<double>&);
extern template Network<Mp> rebalance(const Network<Mp>&);
extern template StageTwo<double> stage_two(const Network<double>&, const Network<double>&, const double&);
extern template StageTwo<Mp> stage_two(const Network<Mp>&, const Network<Mp>&, const Mp&);

}  // namespace zg
