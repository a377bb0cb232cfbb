// Seeded Monte Carlo estimation of Gaussian expectations E[f(x)], x ~ N(0, I_d), with the
// standard error of the mean (docs/math.md §3 "Independent cross-checks"). Samples are drawn as
// doubles from Boost.Random (reproducible across platforms for a seed) and converted
// exactly to T.
#pragma once

#include <cmath>
#include <algorithm>
#include <cstdint>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/network.hpp"

namespace zg {

template <class T>
struct MonteCarloEstimate {
  T mean;
  T std_error;  ///< sample standard deviation / sqrt(n)
  std::uint64_t samples = 0;
};

/// Mean and standard error of batch_values(X) over n samples x ~ N(0, I_d), where
/// batch_values maps a d x b matrix of samples (one per column) to b values. Samples are
/// generated in batches of at most `batch` columns so memory stays bounded.
/// Guarantee: estimate; the error of the mean is statistical, O(std_error), and the
/// accumulation adds O(n eps) relative (pairwise over batches). n >= 2.
template <class T, class BatchFn>
MonteCarloEstimate<T> gaussian_monte_carlo(BatchFn batch_values, Eigen::Index d, std::uint64_t n,
                                           std::uint64_t seed, Eigen::Index batch = 4096) {
  using std::sqrt;
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  // Shifted accumulation (first batch's mean as the shift) keeps the variance accurate
  // when the mean is large compared with the spread.
  T sum(0), sum_sq(0), shift(0);
  bool have_shift = false;
  Mat<T> X(d, batch);
  for (std::uint64_t done = 0; done < n;) {
    const Eigen::Index b = static_cast<Eigen::Index>(std::min<std::uint64_t>(batch, n - done));
    for (Eigen::Index c = 0; c < b; ++c)
      for (Eigen::Index r = 0; r < d; ++r) X(r, c) = T(normal(engine));
    const Vec<T> v = batch_values(X.leftCols(b));
    if (!have_shift) {
      shift = v.sum() / T(b);
      have_shift = true;
    }
    const Vec<T> centred = v.array() - shift;
    sum += centred.sum();
    sum_sq += centred.squaredNorm();
    done += static_cast<std::uint64_t>(b);
  }
  const T nn = T(n);
  const T mean_c = sum / nn;
  T var = (sum_sq - nn * mean_c * mean_c) / (nn - 1);
  if (var < 0) var = 0;
  return MonteCarloEstimate<T>{shift + mean_c, sqrt(var / nn), n};
}

}  // namespace zg
