// The double gradient-descent engine (core/gradient_descent.hpp).
#include "core/gradient_descent.hpp"

#include <algorithm>

namespace zg {

const char* to_string(DescentStop s) {
  switch (s) {
    case DescentStop::GapReached: return "gap below tolerance";
    case DescentStop::GradientSmall: return "gradient below tolerance";
    case DescentStop::StepBudget: return "step or time budget spent";
    case DescentStop::Stalled: return "step halved below 1e-12 of its cap";
    case DescentStop::NonFinite: return "non-finite objective or gradient";
  }
  return "?";
}

double smoothness_estimate(const Network<double>& s, double loss, double lambda) {
  const double k1 = relu_ge2_kernel_at_one<double>();
  double gauss_newton = 0, max_ratio = 0;
  for (Eigen::Index j = 0; j < s.width(); ++j) {
    const double a = std::abs(s.a(j)), w = s.W.col(j).norm();
    gauss_newton += 2 * (k1 * w * w + a * a / 4);
    if (w > 0) max_ratio = std::max(max_ratio, a / w);
  }
  const double residual = std::sqrt(std::max(loss, 0.0));
  return lambda + gauss_newton + 2 * residual + 2 * std::sqrt(3 / (2 * pi<double>())) * max_ratio * residual;
}

namespace {

struct State {
  Network<double> net;
  LossGradient<double> g;
  double objective = 0;
  double decayed_grad_norm = 0;  // |grad L + lambda theta|
};

State evaluate(Network<double> net, const ObjectiveFn& f, double lambda) {
  State s{std::move(net), {}, 0, 0};
  s.g = f(s.net);
  s.objective = s.g.loss + weight_decay(s.net, lambda);
  s.decayed_grad_norm =
      std::sqrt((s.g.grad_a + lambda * s.net.a).squaredNorm() + (s.g.grad_W + lambda * s.net.W).squaredNorm());
  return s;
}

bool finite(const State& s) { return std::isfinite(s.objective) && std::isfinite(s.decayed_grad_norm); }

// The objective's rounding noise: L is a difference of terms of size up to
// (M + M*)^2 K(1) <= (M + M*)^2 / 4 (masses M = sum |a_j||w_j|), each carrying O(m eps);
// 64 eps of that scale is what a rise must exceed to count as one.
double noise_floor(const Network<double>& n, double teacher_mass) {
  double mass = 0;
  for (Eigen::Index j = 0; j < n.width(); ++j) mass += std::abs(n.a(j)) * n.W.col(j).norm();
  const double scale = (mass + teacher_mass) * (mass + teacher_mass) / 4;
  return 64 * std::numeric_limits<double>::epsilon() * std::max(scale, 1.0);
}

TrajectoryPoint record(long iteration, double time, const State& s, double step, const Mat<double>& teacher_dirs,
                       const DescentOptions& o) {
  TrajectoryPoint p;
  p.iteration = iteration;
  p.time = time;
  p.objective = s.objective;
  p.loss = s.g.loss;
  p.gap = s.objective - o.optimum;
  p.grad_norm = s.decayed_grad_norm;
  p.step = step;
  const StudentGeometry<double> geo = student_geometry(s.net, teacher_dirs, o.mass_floor, o.neighbourhood);
  p.max_angle_deg = geo.max_angle * 180 / pi<double>();
  p.far_mass = geo.far_mass;
  p.balance_gap = balance_gaps(s.net).cwiseAbs().maxCoeff();
  return p;
}

}  // namespace

DescentRun gradient_descent(Network<double> start, const ObjectiveFn& loss_gradient, const Mat<double>& teacher_dirs,
                            const DescentOptions& o) {
  const bool track_gap = !std::isnan(o.optimum);
  State here = evaluate(std::move(start), loss_gradient, o.lambda);
  DescentRun run;
  double ceiling = o.max_step;
  long accepted_in_a_row = 0;
  auto step_now = [&] {
    return std::min(ceiling, 1 / smoothness_estimate(here.net, here.g.loss, o.lambda));
  };
  auto keep = [&](long iteration) {
    run.trajectory.push_back(record(iteration, run.time, here, step_now(), teacher_dirs, o));
    if (o.keep_states) run.states.push_back(here.net);
  };
  keep(0);
  run.stop = DescentStop::StepBudget;
  long iteration = 0;
  for (; iteration < o.max_steps; ++iteration) {
    if (!finite(here)) {
      run.stop = DescentStop::NonFinite;
      break;
    }
    if (track_gap && !o.stochastic && here.objective - o.optimum <= o.gap_tolerance) {
      run.stop = DescentStop::GapReached;
      break;
    }
    if (o.grad_tolerance > 0 && !o.stochastic && here.decayed_grad_norm <= o.grad_tolerance) {
      run.stop = DescentStop::GradientSmall;
      break;
    }
    if (run.time >= o.max_time) break;  // DescentStop::StepBudget
    const double step = step_now();
    State next = evaluate(gradient_step(here.net, here.g, o.lambda, step), loss_gradient, o.lambda);
    const bool rose = !o.stochastic && next.objective > here.objective + noise_floor(here.net, o.teacher_mass);
    if (!finite(next) || rose) {
      ++run.halvings;
      ceiling = step / 2;
      accepted_in_a_row = 0;
      if (ceiling < 1e-12 * o.max_step) {
        run.stop = DescentStop::Stalled;
        break;
      }
      continue;
    }
    here = std::move(next);
    ++run.steps;
    run.time += step;
    if (++accepted_in_a_row >= o.recover_after && ceiling < o.max_step) {
      ceiling = std::min(o.max_step, 2 * ceiling);
      accepted_in_a_row = 0;
    }
    if (o.record_every > 0 && (iteration + 1) % o.record_every == 0)
      keep(iteration + 1);
  }
  if (run.trajectory.back().iteration != iteration) keep(iteration);
  run.final_objective = here.objective;
  run.final_gap = here.objective - o.optimum;
  run.final_state = std::move(here.net);
  return run;
}

ObjectiveFn population_objective(const Network<double>& teacher) {
  return [teacher](const Network<double>& s) { return population_loss_gradient(s, teacher); };
}

}  // namespace zg
