// Stage 3: epochs of gradient descent with decreasing weight decay (core/stage_three.hpp).
#include "core/stage_three.hpp"

#include <cmath>

namespace zg {

std::vector<double> LambdaSchedule::lambdas() const {
  std::vector<double> out;
  double lambda = start;
  for (int k = 0; k < epochs; ++k, lambda *= factor) out.push_back(lambda);
  return out;
}

StageThreeRun run_stage_three(const Network<double>& start, const ObjectiveFn& objective, const OptimumFn& optimum,
                              const Mat<double>& teacher_dirs, double teacher_mass, const StageThreeOptions& o,
                              const EpochCallback& on_epoch) {
  StageThreeRun run;
  Network<double> state = start;
  long iterations = 0;
  int epoch = 0;
  for (const double lambda : o.schedule.lambdas()) {
    DescentOptions d;
    d.lambda = lambda;
    d.teacher_mass = teacher_mass;
    d.max_time = o.horizon / lambda;
    d.max_steps = o.max_steps_per_epoch;
    d.mass_floor = o.mass_floor_factor * lambda;
    if (const std::optional<double> best = optimum(lambda)) {
      d.optimum = *best;
      d.gap_tolerance = o.gap_factor * lambda * lambda;
    } else {
      d.grad_tolerance = o.grad_factor * std::pow(lambda, 1.5);
    }
    d.record_every = o.record_every > 0 ? o.record_every : std::max(1L, static_cast<long>(d.max_time / 0.5 / 100));
    d.keep_states = o.keep_states;
    d.stochastic = o.stochastic;
    DescentRun r = gradient_descent(state, objective, teacher_dirs, d);
    for (Network<double>& n : r.states) run.states.push_back(std::move(n));
    EpochRecord e;
    e.epoch = epoch++;
    e.lambda = lambda;
    e.steps = r.steps;
    e.halvings = r.halvings;
    e.first_iteration = iterations;
    e.stop = r.stop;
    e.end = r.trajectory.back();
    for (TrajectoryPoint p : r.trajectory) {
      p.iteration += iterations;
      run.trajectory.push_back(p);
    }
    iterations += e.end.iteration;
    state = r.final_state;
    e.state = state;
    run.epochs.push_back(std::move(e));
    if (on_epoch) on_epoch(run.epochs.back());
  }
  run.final_state = std::move(state);
  return run;
}

}  // namespace zg
