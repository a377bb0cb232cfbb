// The three stages on the empirical loss of n Gaussian samples (issue 5, "finite
// samples"): the paper analyses the population loss; this measures how many samples the
// algorithm needs, with the exact population loss of the result as its test error.
#pragma once

#include <cstdint>
#include <functional>

#include "core/stage_three.hpp"

namespace zg {

struct SampleChainOptions {
  long samples = 1000;     ///< n
  long batch_size = 0;     ///< 0: full batch; else mini-batches of this size in stage 3
  int pairs = 32;          ///< stage 1's symmetric pairs (width 2 pairs)
  double init_scale = 1e-3;
  double step = 1;         ///< stage 1's eta (weight decay 1/eta)
  double ridge = 1e-6;     ///< stage 2's ridge
  LambdaSchedule schedule{1e-2, 0.5, 5};
  double horizon = 10;     ///< each epoch's time budget, in units of 1/lambda_k
  std::uint64_t seed = 1;  ///< samples and initial directions
};

struct SampleChainResult {
  double train_loss = 0;     ///< L_n at the end (double)
  double test_error = 0;     ///< population loss L at the end, closed form (double)
  double stage2_test_error = 0;
  double max_angle_deg = 0;  ///< largest angle of a neuron of mass >= 1e-3 sum |a_i*| to its nearest line +-w_i*
  double far_mass = 0;       ///< mass farther than 10 degrees from every line
  long steps = 0;
  double seconds = 0;
};

/// Stage 1 (one step of the empirical gradient with weight decay 1/eta from symmetric
/// pairs), stage 2 (the empirical ridge solve, rebalanced), stage 3 (epochs of descent on
/// the empirical L_lambda, full batch or mini-batches). Every epoch runs its whole time
/// budget with every step accepted: the empirical loss is only piecewise smooth (each
/// sample's ReLU kink), so the halving safeguard would judge kinks, and its optimum is
/// unknown. `progress`, when set, hears each finished epoch. Deterministic per options.
SampleChainResult run_sample_chain(const Network<double>& teacher, const SampleChainOptions& options,
                                   const std::function<void(const EpochRecord&)>& progress = {});

}  // namespace zg
