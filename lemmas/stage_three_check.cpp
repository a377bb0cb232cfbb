// S3 (docs/math.md §5): epochs of decreasing weight decay from a given start.
#include "lemmas/stage_three_check.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/regularized_optimum.hpp"
#include "core/student_geometry.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/claim_products.hpp"
#include "lemmas/test_function_checks.hpp"

namespace zg {
namespace {

constexpr std::size_t kMaxNeuronCurves = 24;

// Loss and gap along the whole stage, epoch boundaries marked.
PlotSpec loss_plot(const StageThreeRun& run) {
  PlotSpec plot;
  plot.name = "S3_loss_gap";
  plot.title = {"Stage 3: loss L and optimality gap L_λ − L_λ*, epochs of halving weight decay λ",
                "Stage 3: loss $L$ and optimality gap $L_\\lambda - L_\\lambda^*$, epochs of halving weight decay "
                "$\\lambda$"};
  plot.xlabel = "iteration";
  plot.ylabel = "value";
  plot.log_y = true;
  PlotSeries loss{{"loss L", "loss $L$"}, {}, {}, PlotSeries::Style::Lines};
  PlotSeries gap{{"gap L_λ − L_λ*", "gap $L_\\lambda - L_\\lambda^*$"}, {}, {}, PlotSeries::Style::Lines};
  for (const TrajectoryPoint& p : run.trajectory) {
    const double x = static_cast<double>(p.iteration);
    if (p.loss > 0) loss.x.push_back(x), loss.y.push_back(p.loss);
    if (p.gap > 0) gap.x.push_back(x), gap.y.push_back(p.gap);
  }
  plot.series = {loss, gap};
  for (const EpochRecord& e : run.epochs)
    if (e.epoch > 0) plot.vertical_markers.push_back(static_cast<double>(e.first_iteration));
  return plot;
}

// Each neuron's angle to its nearest teacher line along the stage (the neurons that end
// with the largest masses, at most kMaxNeuronCurves of them).
PlotSpec angle_plot(const StageThreeRun& run, const Mat<double>& teacher_dirs) {
  PlotSpec plot;
  plot.name = "S3_neuron_angles";
  plot.title = "Stage 3: each neuron's angle to its nearest teacher line";
  plot.xlabel = "iteration";
  plot.ylabel = "angle (degrees)";
  plot.log_y = true;
  const Network<double>& last = run.final_state;
  std::vector<std::pair<double, Eigen::Index>> by_mass;
  for (Eigen::Index j = 0; j < last.width(); ++j) by_mass.emplace_back(-std::abs(last.a(j)) * last.W.col(j).norm(), j);
  std::sort(by_mass.begin(), by_mass.end());
  if (by_mass.size() > kMaxNeuronCurves) by_mass.resize(kMaxNeuronCurves);
  for (const auto& [neg_mass, j] : by_mass) {
    // Coloured and labelled by the teacher line the neuron ends nearest to.
    const Vec<double> w_end = last.W.col(j);
    const std::size_t nearest =
        w_end.norm() > 0 ? static_cast<std::size_t>(
                               nearest_teacher_line<double>(Vec<double>(w_end / w_end.norm()), teacher_dirs).second)
                         : 0;
    const MathLabel teacher = teacher_direction_label(nearest);
    PlotSeries s{{fmt::format("neuron {}, nearest {} (final mass {:.2g})", j + 1, teacher.text, -neg_mass),
                  fmt::format("neuron {}, nearest {} (final mass {:.2g})", j + 1, teacher.latex, -neg_mass)},
                 {},
                 {},
                 PlotSeries::Style::Lines,
                 teacher_colour(nearest)};
    for (std::size_t k = 0; k < run.states.size(); ++k) {
      const Vec<double> w = run.states[k].W.col(j);
      if (!(w.norm() > 0)) continue;
      const double angle = nearest_teacher_line<double>(Vec<double>(w / w.norm()), teacher_dirs).first * 180 / pi<double>();
      if (angle > 0) s.x.push_back(static_cast<double>(run.trajectory[k].iteration)), s.y.push_back(angle);
    }
    if (!s.x.empty()) plot.series.push_back(std::move(s));
  }
  for (const EpochRecord& e : run.epochs)
    if (e.epoch > 0) plot.vertical_markers.push_back(static_cast<double>(e.first_iteration));
  return plot;
}

// Rank 2: neuron masses a_j |w_j| against the span angle of w_j (a line: 0..180 degrees)
// before and after stage 3, the teacher lines marked: the measure the network represents.
PlotSpec directions_plot(const Network<double>& before, const Network<double>& after, const Certificate<Mp>& c) {
  PlotSpec plot;
  plot.name = "S3_directions";
  plot.title = {"Neurons as a measure on the span's directions: mass a_j ‖w_j‖ at span angle",
                "Neurons as a measure on the span's directions: mass $a_j \\|w_j\\|$ at span angle"};
  plot.xlabel = {"span angle of w_j (degrees, modulo 180)", "span angle of $w_j$ (degrees, modulo 180)"};
  plot.ylabel = {"signed mass a_j |w_j|", "signed mass $a_j |w_j|$"};
  const Mat<double> Q = c.basis.cast<double>();
  auto series = [&](const Network<double>& n, const std::string& label) {
    PlotSeries s{label, {}, {}, PlotSeries::Style::Points};
    for (Eigen::Index j = 0; j < n.width(); ++j) {
      const Vec<double> y = Q.transpose() * n.W.col(j);
      double deg = std::atan2(y(1), y(0)) * 180 / pi<double>();
      if (deg < 0) deg += 180;
      if (deg >= 180) deg -= 180;
      s.x.push_back(deg);
      s.y.push_back(n.a(j) * n.W.col(j).norm());
    }
    return s;
  };
  plot.series = {series(before, "after stage 2 (start)"), series(after, "after stage 3")};
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    double phi = std::atan2(static_cast<double>(c.U(1, i)), static_cast<double>(c.U(0, i))) * 180 / pi<double>();
    if (phi < 0) phi += 180;
    plot.vertical_markers.push_back(phi);
    plot.marker_labels.push_back(teacher_direction_label(static_cast<std::size_t>(i)));
    plot.marker_colours.push_back(teacher_colour(static_cast<std::size_t>(i)));
  }
  return plot;
}

}  // namespace

CheckOutcome check_stage_three(const CheckContext& ctx, const Network<double>& start, const StageThreeOptions& options,
                               const StageThreeTargets& targets) {
  auto setup = descent_claim_setup(ctx);
  if (const CheckOutcome* failed = std::get_if<CheckOutcome>(&setup)) return *failed;
  const DescentClaimSetup& su = std::get<DescentClaimSetup>(setup);
  const Certificate<Mp>& c = su.certificate;
  const Network<Mp>& teacher = su.teacher;
  const Network<double>& teacher_d = su.teacher_d;
  const TestFunctionBound& bound = su.bound;
  const Mp& newton_tol = su.newton_tol;
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;

  // Newton's optimum per epoch lambda (D3 certifies it global), the run's product, kept
  // for the MPFR re-evaluation.
  std::map<double, std::shared_ptr<const OptimumResult>> optima;
  const OptimumFn optimum = [&](double lambda) -> std::optional<double> {
    auto it = optima.find(lambda);
    if (it == optima.end()) it = optima.emplace(lambda, shared_newton_optimum(ctx, Mp(lambda), newton_tol)).first;
    return static_cast<double>(it->second->objective);
  };
  StageThreeOptions o = options;
  o.keep_states = true;
  const StageThreeRun run =
      run_stage_three(start, population_objective(teacher_d), optimum, teacher_d.W, static_cast<double>(bound.teacher_mass), o);
  if (run.epochs.empty()) {
    ledger.require("the schedule has at least one epoch", false, "0 epochs configured");
    return ledger.finish(std::move(ms));
  }

  // Every epoch's end, in MPFR: its gap, and the D4 bound at its lambda.
  Mp worst_d4(0);
  int worst_epoch = 0;
  for (const EpochRecord& e : run.epochs) {
    const Network<Mp> s = network_cast<Mp>(e.state);
    const Mp lambda(e.lambda);
    const OptimumResult& opt = *optima.at(e.lambda);
    ledger.identity(fmt::format("Newton's optimum at lambda = {:.3g} is stationary", e.lambda), opt.grad_norm, newton_tol);
    const Mp r = bound.ratio(s, teacher, lambda);
    if (r > worst_d4) worst_d4 = r, worst_epoch = e.epoch;
  }
  ledger.at_most(fmt::format("the D4 bound at every epoch's end (worst: epoch {})", worst_epoch), worst_d4, Mp(1));

  const EpochRecord& last = run.epochs.back();
  const Network<Mp> final_state = network_cast<Mp>(last.state);
  const Mp final_lambda(last.lambda);
  const Mp final_loss = population_loss(final_state, teacher);
  const Mp final_gap = final_loss + weight_decay(final_state, final_lambda) - optima.at(last.lambda)->objective;
  const StudentGeometry<Mp> geo =
      student_geometry(final_state, teacher.W, final_lambda, Mp(Mp(targets.max_angle_deg) * pi<Mp>() / 180));
  ledger.at_most("final loss", final_loss, targets.final_loss);
  ledger.at_most("final far mass (farther than the target angle from every line)", geo.far_mass, targets.far_mass);
  ledger.at_most("largest angle of a neuron of mass >= lambda_final to its teacher line (deg)",
                 Mp(geo.max_angle * 180 / pi<Mp>()), Mp(targets.max_angle_deg));
  // Every teacher line is found: the net mass of the neurons within the target angle of
  // line i is a_i* to within a tenth (the optimum's own mass gap is O(lambda), far below).
  const Mp target_rad = Mp(targets.max_angle_deg) * pi<Mp>() / 180;
  Mp worst_line(0);
  for (Eigen::Index i = 0; i < teacher.width(); ++i) {
    Mp net(0);
    const Mat<Mp> line = teacher.W.col(i);
    for (Eigen::Index j = 0; j < final_state.width(); ++j) {
      const Mp norm = final_state.W.col(j).norm();
      if (!(norm > 0)) continue;
      if (nearest_teacher_line<Mp>(Vec<Mp>(final_state.W.col(j) / norm), line).first <= target_rad)
        net += final_state.a(j) * norm;
    }
    worst_line = std::max(worst_line, Mp(abs(net - teacher.a(i)) / abs(teacher.a(i))));
  }
  ledger.at_most("every teacher line carries its mass a_i* within the target angle (relative error)", worst_line,
                 Mp("0.1"));

  long steps = 0, halvings = 0;
  for (const EpochRecord& e : run.epochs) steps += e.steps, halvings += e.halvings;
  ms.push_back(measurement("final_loss", final_loss, "L at the last epoch's end, in MPFR"));
  ms.push_back(measurement("final_gap", final_gap, "L_lambda - L_lambda* at the last epoch's end"));
  ms.push_back(measurement("final_max_angle_deg", Mp(geo.max_angle * 180 / pi<Mp>()),
                           "largest angle of a neuron of mass >= lambda_final to its nearest teacher line", "deg"));
  ms.push_back(measurement("line_mass_error", worst_line,
                           "max over teacher lines of |net mass within the target angle - a_i*| / |a_i*|"));
  ms.push_back(measurement("far_mass_final", geo.far_mass, "mass farther than the target angle from every line"));
  ms.push_back(measurement("test_function_max_ratio_epochs", worst_d4, "largest D4 left/right ratio at an epoch's end"));
  ms.push_back(double_measurement("lambda_final", last.lambda, "weight decay of the last epoch"));
  ms.push_back(count_measurement("epochs", static_cast<long long>(run.epochs.size()), "epochs run"));
  ms.push_back(count_measurement("descent_steps", steps, "accepted steps over all epochs"));
  ms.push_back(count_measurement("step_halvings", halvings, "steps rejected by the safeguard"));
  int epochs_on_budget = 0;
  for (const EpochRecord& e : run.epochs) epochs_on_budget += e.stop == DescentStop::StepBudget ? 1 : 0;
  ms.push_back(count_measurement("epochs_out_of_budget", epochs_on_budget, "epochs that ended on their budget, not their gap"));
  for (const EpochRecord& e : run.epochs)
    ms.push_back(Measurement{fmt::format("epoch_{:02d}", e.epoch),
                             fmt::format("lambda {:.3e}, {} steps, loss {:.3e}, gap {:.3e}, angle {:.3f} deg, far mass "
                                         "{:.2e}, balance gap {:.1e}",
                                         e.lambda, e.steps, e.end.loss, e.end.gap, e.end.max_angle_deg, e.end.far_mass,
                                         e.end.balance_gap),
                             "", "", "epoch summary (double; the verdict uses the MPFR re-evaluation)"});
  CheckOutcome out = ledger.finish(std::move(ms));
  out.plots.push_back(loss_plot(run));
  out.plots.push_back(angle_plot(run, teacher_d.W));
  if (c.rank() == 2) out.plots.push_back(directions_plot(start, run.final_state, c));
  return out;
}

Network<double> stage_two_output(const CheckContext& ctx) {
  const std::uint64_t seed = ctx.seed * 0x9E3779B97F4A7C15ull + 3;  // stage 3's own stream of the master seed
  return network_cast<double>(shared_stage_two(ctx, seed)->two.network);
}

CheckOutcome check_stage_three(const CheckContext& ctx) {
  const AlgorithmSettings& a = ctx.problem.algorithm;
  StageThreeOptions o;
  o.schedule = {a.lambda_start, a.lambda_factor, a.lambda_epochs};
  StageThreeTargets t;
  t.final_loss = Mp(a.final_loss_target);
  t.max_angle_deg = a.final_max_angle_deg;
  t.far_mass = Mp(a.far_mass_target);
  return check_stage_three(ctx, stage_two_output(ctx), o, t);
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_S3("S3", [](const CheckContext& ctx) { return check_stage_three(ctx); });
}  // namespace
}  // namespace zg
