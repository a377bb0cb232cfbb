// The finite-sample (empirical) loss of docs/math.md §3 and §5 "finite samples":
// L_n(theta) = (1/n) sum_s (f_theta(x_s) - f*(x_s))^2 over n seeded Gaussian samples, with
// the homogeneous neuron a_j |w_j| relu>=2(w_j^.x) = a_j (|w_j.x|/2 - |w_j|/sqrt(2 pi)) of
// §1, and its gradient in one pass over the samples (two matrix products per chunk).
#pragma once

#include <cstdint>
#include <functional>

#include "core/loss.hpp"
#include "core/network.hpp"

namespace zg {

/// Columns [first, first + count) of a sample set: the inputs and the teacher's outputs.
/// Borrowed: valid while the set it came from is alive and unchanged.
template <class T>
struct SampleView {
  Eigen::Ref<const Mat<T>> X;  ///< d x count
  Eigen::Ref<const Vec<T>> y;  ///< count teacher outputs f*(x_s)

  Eigen::Index size() const { return X.cols(); }
};

/// n samples x_s ~ N(0, I_d) (columns of X) and the teacher's outputs y_s = f*(x_s).
template <class T>
struct BasicSampleSet {
  Mat<T> X;  ///< d x n
  Vec<T> y;  ///< n
  std::uint64_t seed = 0;

  Eigen::Index size() const { return X.cols(); }
  Eigen::Index dim() const { return X.rows(); }
  SampleView<T> all() const { return SampleView<T>{X, y}; }
  /// Samples first, ..., first + count - 1 (a mini-batch). Throws std::out_of_range when
  /// the range leaves the set or is empty.
  SampleView<T> batch(Eigen::Index first, Eigen::Index count) const;
  /// The k-th of the consecutive batches of `count` samples, wrapping around the set: batch
  /// k starts at (k count) mod (n - n mod count) so every batch is whole. count in [1, n].
  SampleView<T> cyclic_batch(std::uint64_t k, Eigen::Index count) const;
};

using SampleSet = BasicSampleSet<double>;

/// n samples from a seeded mt19937_64 with boost's normal_distribution<double>, drawn
/// column by column (sample s takes draws s d, ..., s d + d - 1), converted exactly to T;
/// y = f*(X) at T's precision (relu_ge2_network_outputs). Deterministic per seed, and
/// nested: the first n columns for a seed do not depend on how many are drawn in all.
/// Throws std::invalid_argument for n < 1.
template <class T>
BasicSampleSet<T> make_samples(const Network<T>& teacher, Eigen::Index n, std::uint64_t seed);

/// L_n and its full gradient over the samples of a view (docs/math.md §3 with the expectation
/// replaced by the sample mean):
///   r_s = f(x_s) - y_s,  L_n = (1/n) sum_s r_s^2,
///   dL_n/da_j = (1/n) sum_s r_s |w_j.x_s| - (2/(n sqrt(2 pi))) |w_j| sum_s r_s,
///   dL_n/dw_j = (a_j/n) sum_s r_s sign(w_j.x_s) x_s - (2 a_j/(n sqrt(2 pi))) (sum_s r_s) w_j^
/// (sign(0) = 0: the kink is a null set for Gaussian inputs). One pass, in chunks of
/// columns: Z = W^T X_c and X_c (sign(Z) diag(r))^T are the two matrix products.
/// Guarantee: estimate; the sums carry O(d eps + chunk eps) relative rounding per sample
/// term plus O((n / chunk) eps) from accumulating chunks; the statistical error of L_n as an
/// estimate of L is O(n^(-1/2)) (tested). Throws std::invalid_argument on a zero column of
/// W (its direction, so the gradient, is undefined) or a dimension mismatch.
template <class T>
LossGradient<T> empirical_loss_gradient(const Network<T>& student, const SampleView<T>& samples);

/// The full-batch objective, the signature the gradient-descent engine expects.
LossGradient<double> empirical_loss_gradient(const Network<double>& student, const SampleSet& samples);
template <class T>
LossGradient<T> empirical_loss_gradient(const Network<T>& student, const BasicSampleSet<T>& samples) {
  return empirical_loss_gradient(student, samples.all());
}

/// L_n alone (one product and one pass). Guarantee: as empirical_loss_gradient's loss.
template <class T>
T empirical_loss(const Network<T>& student, const SampleView<T>& samples);

/// An objective for core/gradient_descent.hpp (ObjectiveFn): the full batch when
/// batch_size = 0 or >= n; otherwise call k (k = 0, 1, ...) uses cyclic_batch(k, batch_size),
/// so a run is deterministic for a fixed sequence of calls, and two calls at the same
/// point see different batches. `samples` is borrowed and must outlive the function.
std::function<LossGradient<double>(const Network<double>&)> empirical_objective(const SampleSet& samples,
                                                                                long batch_size = 0);

extern template struct BasicSampleSet<double>;
extern template struct BasicSampleSet<Mp>;
extern template BasicSampleSet<double> make_samples(const Network<double>&, Eigen::Index, std::uint64_t);
extern template BasicSampleSet<Mp> make_samples(const Network<Mp>&, Eigen::Index, std::uint64_t);
extern template LossGradient<double> empirical_loss_gradient(const Network<double>&, const SampleView<double>&);
extern template LossGradient<Mp> empirical_loss_gradient(const Network<Mp>&, const SampleView<Mp>&);
extern template double empirical_loss(const Network<double>&, const SampleView<double>&);
extern template Mp empirical_loss(const Network<Mp>&, const SampleView<Mp>&);

}  // namespace zg
