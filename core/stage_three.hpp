// Stage 3 of the algorithm (docs/math.md §5): gradient descent on L_lambda in epochs with a
// decreasing weight decay lambda_{k+1} = factor lambda_k, each epoch running until its
// optimality gap (or, when the optimum is unknown, as for an empirical loss, its gradient)
// is small compared with lambda_k, or its step budget ends.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/gradient_descent.hpp"

namespace zg {

struct LambdaSchedule {
  double start = 1e-2;   ///< lambda_0
  double factor = 0.5;   ///< lambda_{k+1} = factor lambda_k, in (0, 1)
  int epochs = 10;

  /// lambda_0, ..., lambda_{epochs-1}. Guarantee: each lambda_k is start * factor^k with
  /// one rounding per multiplication (k roundings in all).
  std::vector<double> lambdas() const;
};

struct StageThreeOptions {
  LambdaSchedule schedule;
  /// An epoch ends once L_lambda - L_lambda* <= gap_factor lambda_k^2 (when the optimum is
  /// known) or |grad L_lambda| <= grad_factor lambda_k^(3/2) (when it is not: L1 measures
  /// |grad|^2 >= c zeta with c ~ lambda, so this bounds the gap by ~ grad_factor^2 lambda^2).
  double gap_factor = 1e-2;
  double grad_factor = 1e-1;
  /// Each epoch's time budget is horizon / lambda_k (time = sum of steps), capped in steps.
  double horizon = 20;
  long max_steps_per_epoch = 2000000;
  long record_every = 0;  ///< 0: about 100 records per epoch
  double mass_floor_factor = 1;  ///< neurons of mass >= this x lambda_k count in the angles
  bool keep_states = false;      ///< keep the network at every recorded point (for figures)
  bool stochastic = false;       ///< a mini-batch objective: epochs run their whole budget
};

struct EpochRecord;
/// Called after each epoch (progress on a terminal, say); may be empty.
using EpochCallback = std::function<void(const EpochRecord&)>;

/// What one epoch ended with (double: for tables and plots; the caller re-evaluates the
/// final state in MPFR for verdicts).
struct EpochRecord {
  int epoch = 0;
  double lambda = 0;
  long steps = 0, halvings = 0;
  long first_iteration = 0;  ///< iteration count of the whole stage where the epoch began
  DescentStop stop = DescentStop::StepBudget;
  TrajectoryPoint end;       ///< the epoch's last state's record
  Network<double> state;     ///< the network at the epoch's end
};

struct StageThreeRun {
  std::vector<EpochRecord> epochs;
  std::vector<TrajectoryPoint> trajectory;  ///< all epochs, iterations counted across them
  std::vector<Network<double>> states;      ///< the networks at those points, when keep_states
  Network<double> final_state;
};

/// The optimum's objective L_lambda* for a lambda, when it is known (population loss:
/// Newton's optimum, certified global by D3); nullopt for an empirical loss.
using OptimumFn = std::function<std::optional<double>(double lambda)>;

/// Runs the epochs from `start`. Deterministic for fixed inputs.
StageThreeRun run_stage_three(const Network<double>& start, const ObjectiveFn& objective, const OptimumFn& optimum,
                              const Mat<double>& teacher_dirs, double teacher_mass, const StageThreeOptions& options,
                              const EpochCallback& on_epoch = {});

}  // namespace zg
