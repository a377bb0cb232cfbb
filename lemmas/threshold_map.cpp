// T1 (docs/math.md §6): the success map of gradient descent over (lambda, initial gap).
#include "lemmas/threshold_map.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <fmt/format.h>

#include "core/gradient_descent.hpp"
#include "core/regularized_optimum.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/claim_products.hpp"
#include "lemmas/fits.hpp"
#include "lemmas/test_function_checks.hpp"

namespace zg {
namespace {

constexpr int kRecordedPoints = 200;    // trajectory points per run (for the plots)
constexpr std::size_t kStateStride = 10; // every 10th recorded state is checked against the D4 bound
constexpr double kTypicalStep = 0.5;    // for sizing the step budget and the record period
constexpr int kBisections = 60;         // on the perturbation size: 2^-60 relative

// What one lambda of the grid shares: its optimum and the split start.
struct LambdaCase {
  std::string text;
  Mp lambda;
  OptimumResult optimum;
  Mat<Mp> optimum_dirs;   // unit columns
  Network<double> base;   // width 2 m* + 2: halves of the optimum's neurons, two empty slots
};

Network<double> split_base(const Network<Mp>& optimum) {
  const Eigen::Index m_star = optimum.width(), d = optimum.dim();
  Network<double> base{Vec<double>::Zero(2 * m_star + 2), Mat<double>::Zero(d, 2 * m_star + 2)};
  const double half = 1 / std::sqrt(2.0);  // |a| and |w| scaled by 1/sqrt 2: half the mass, same objective
  for (Eigen::Index j = 0; j < m_star; ++j)
    for (Eigen::Index k = 0; k < 2; ++k) {
      base.a(2 * j + k) = static_cast<double>(optimum.a(j)) * half;
      base.W.col(2 * j + k) = optimum.W.col(j).cast<double>() * half;
    }
  return base;
}

// A seeded unit direction in parameter space (a and W together), the same for every lambda.
Network<double> perturbation(Eigen::Index d, Eigen::Index m, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  Network<double> v{Vec<double>(m), Mat<double>(d, m)};
  for (Eigen::Index j = 0; j < m; ++j) {
    v.a(j) = normal(engine);
    for (Eigen::Index i = 0; i < d; ++i) v.W(i, j) = normal(engine);
  }
  const double norm = std::sqrt(v.a.squaredNorm() + v.W.squaredNorm());
  v.a /= norm;
  v.W /= norm;
  return v;
}

Network<double> along(const Network<double>& base, const Network<double>& v, double t) {
  return Network<double>{base.a + t * v.a, base.W + t * v.W};
}

// The start on base + t v whose gap (in double) is the target: doubling, then bisection.
// nullopt when no t <= 1e3 reaches it.
std::optional<Network<double>> start_at_gap(const Network<double>& base, const Network<double>& v,
                                            const Network<double>& teacher, double lambda, double optimum,
                                            double target) {
  auto gap = [&](double t) {
    const Network<double> s = along(base, v, t);
    return population_loss(s, teacher) + weight_decay(s, lambda) - optimum;
  };
  double lo = 0, hi = 1e-6;
  while (gap(hi) < target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e3) return std::nullopt;
  }
  for (int k = 0; k < kBisections; ++k) {
    const double mid = (lo + hi) / 2;
    (gap(mid) < target ? lo : hi) = mid;
  }
  return along(base, v, hi);
}

struct Job {
  std::size_t lambda_index, gap_index;
  int seed;
  std::optional<Network<double>> start;
  DescentOptions options;
  DescentRun run;
};

void run_jobs(std::vector<Job>& jobs, const Network<double>& teacher, unsigned threads) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    const ObjectiveFn objective = population_objective(teacher);
    for (std::size_t k = next++; k < jobs.size(); k = next++)
      if (jobs[k].start) jobs[k].run = gradient_descent(*jobs[k].start, objective, teacher.W, jobs[k].options);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

// The success map: a heat map over (lambda, initial gap) of the fraction of the seeds that
// converged (a seed that found no start counts as not converged), and the threshold curve.
// A grid with a single lambda or gap cannot be a heat map: then one marker per cell.
PlotSpec success_map_plot(const std::vector<double>& lambdas,
                          const std::vector<double>& gaps,
                          const std::vector<std::vector<int>>& successes,
                          const std::vector<std::vector<int>>& reached,
                          const std::vector<double>& thresholds,
                          int seeds) {
  PlotSpec plot;
  plot.name = "T1_success_map";
  plot.title = "Gradient descent from a given optimality gap: did it converge?";
  plot.xlabel = {"weight decay λ", "weight decay $\\lambda$"};
  plot.ylabel = {"initial gap L_λ(θ₀) − L_λ*", "initial gap $L_\\lambda(\\theta_0) - L_\\lambda^*$"};
  plot.log_x = plot.log_y = true;
  PlotSeries threshold{{"ζ_th(λ)", "$\\zeta_{\\mathrm{th}}(\\lambda)$"}, {}, {}, PlotSeries::Style::LinesPoints};
  for (std::size_t l = 0; l < lambdas.size(); ++l)
    if (thresholds[l] > 0) {
      threshold.x.push_back(lambdas[l]);
      threshold.y.push_back(thresholds[l]);
    }
  // The heat map's x runs increasing; the configured lambdas may run either way.
  std::vector<std::size_t> by_lambda(lambdas.size());
  for (std::size_t l = 0; l < lambdas.size(); ++l) by_lambda[l] = l;
  std::sort(by_lambda.begin(), by_lambda.end(), [&](std::size_t a, std::size_t b) { return lambdas[a] < lambdas[b]; });
  PlotHeatMap map;
  for (const std::size_t l : by_lambda) map.x.push_back(lambdas[l]);
  map.y = gaps;
  const bool increasing = std::adjacent_find(map.x.begin(), map.x.end(), std::greater_equal<>()) == map.x.end() &&
                          std::adjacent_find(map.y.begin(), map.y.end(), std::greater_equal<>()) == map.y.end();
  if (map.x.size() >= 2 && map.y.size() >= 2 && increasing && seeds > 0) {
    for (std::size_t g = 0; g < gaps.size(); ++g)
      for (const std::size_t l : by_lambda) map.value.push_back(double(successes[l][g]) / seeds);
    map.value_label = "fraction of seeds converged";
    map.value_min = 0;
    map.value_max = 1;
    plot.heat_map = std::move(map);
    if (!threshold.x.empty()) plot.series.push_back(threshold);
    return plot;
  }
  PlotSeries all{"every seed converged", {}, {}, PlotSeries::Style::Points};
  PlotSeries some{"some seeds converged", {}, {}, PlotSeries::Style::Points};
  PlotSeries none{"no seed converged", {}, {}, PlotSeries::Style::Points};
  for (std::size_t l = 0; l < lambdas.size(); ++l) {
    for (std::size_t g = 0; g < gaps.size(); ++g) {
      if (reached[l][g] == 0) continue;
      PlotSeries& s = successes[l][g] == reached[l][g] ? all : successes[l][g] == 0 ? none : some;
      s.x.push_back(lambdas[l]);
      s.y.push_back(gaps[g]);
    }
  }
  for (PlotSeries* s : {&all, &some, &none, &threshold})
    if (!s->x.empty()) plot.series.push_back(*s);
  return plot;
}

// One quantity of the recorded trajectories against the iteration, one curve per lambda:
// the run from the largest initial gap that converged (first seed).
PlotSpec trajectory_plot(const std::string& name,
                         const MathLabel& title,
                         const MathLabel& ylabel,
                         const std::vector<const Job*>& shown,
                         const std::vector<MathLabel>& labels,
                         double (*value)(const TrajectoryPoint&)) {
  PlotSpec plot;
  plot.name = name;
  plot.title = title;
  plot.xlabel = {"λ t (time t = sum of steps; one unit is 1/λ)",
                 "$\\lambda t$ (time $t$ = sum of steps; one unit is $1/\\lambda$)"};
  plot.ylabel = ylabel;
  plot.log_y = true;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    PlotSeries s{labels[k], {}, {}, PlotSeries::Style::Lines};
    for (const TrajectoryPoint& p : shown[k]->run.trajectory)
      if (value(p) > 0) {
        s.x.push_back(shown[k]->options.lambda * p.time);
        s.y.push_back(value(p));
      }
    if (!s.x.empty()) plot.series.push_back(std::move(s));
  }
  return plot;
}

}  // namespace

CheckOutcome check_threshold_map(const CheckContext& ctx, const ThresholdMapSettings& set, const Mp& optimum_offset) {
  auto setup = descent_claim_setup(ctx);
  if (const CheckOutcome* failed = std::get_if<CheckOutcome>(&setup)) return *failed;
  const DescentClaimSetup& su = std::get<DescentClaimSetup>(setup);
  const Network<Mp>& teacher = su.teacher;
  const Network<double>& teacher_d = su.teacher_d;
  const TestFunctionBound& bound = su.bound;
  const Mp& newton_tol = su.newton_tol;
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;

  // Optima and starts.
  std::vector<LambdaCase> cases;
  for (const std::string& text : set.lambdas) {
    LambdaCase lc{text, Mp(text), {}, {}, {}};
    lc.optimum = *shared_newton_optimum(ctx, lc.lambda, newton_tol);  // L1 needs 1e-2, 1e-3, 1e-4 too
    ledger.identity("Newton's optimum at lambda = " + text + " is stationary", lc.optimum.grad_norm, newton_tol);
    lc.optimum.objective += optimum_offset;
    lc.optimum_dirs = lc.optimum.student.W;
    for (Eigen::Index j = 0; j < lc.optimum_dirs.cols(); ++j) lc.optimum_dirs.col(j).normalize();
    lc.base = split_base(lc.optimum.student);
    cases.push_back(std::move(lc));
  }
  const Eigen::Index width = 2 * teacher.width() + 2;
  std::vector<Network<double>> directions;
  for (int s = 0; s < set.seeds; ++s)
    directions.push_back(perturbation(teacher.dim(), width, ctx.seed * 1000003 + static_cast<std::uint64_t>(s)));

  std::vector<Job> jobs;
  for (std::size_t l = 0; l < cases.size(); ++l) {
    const double lambda = static_cast<double>(cases[l].lambda);
    const double optimum = static_cast<double>(cases[l].optimum.objective);
    const double budget = set.horizon / lambda;
    for (std::size_t g = 0; g < set.initial_gaps.size(); ++g)
      for (int s = 0; s < set.seeds; ++s) {
        Job job{l, g, s, start_at_gap(cases[l].base, directions[static_cast<std::size_t>(s)], teacher_d, lambda,
                                      optimum, set.initial_gaps[g]),
                {}, {}};
        DescentOptions& o = job.options;
        o.lambda = lambda;
        o.optimum = optimum;
        o.gap_tolerance = set.gap_factor * lambda * lambda;
        o.teacher_mass = static_cast<double>(bound.teacher_mass);
        o.max_time = budget;
        o.max_steps = static_cast<long>(10 * budget / kTypicalStep);
        o.record_every = std::max(1L, static_cast<long>(budget / kTypicalStep / kRecordedPoints));
        o.mass_floor = set.mass_factor * lambda;
        o.keep_states = true;
        jobs.push_back(std::move(job));
      }
  }
  run_jobs(jobs, teacher_d, set.threads);

  // Verdicts on the MPFR re-evaluation of every final state.
  const std::size_t L = cases.size(), G = set.initial_gaps.size();
  std::vector<std::vector<int>> successes(L, std::vector<int>(G, 0)), reached(L, std::vector<int>(G, 0));
  std::vector<std::vector<double>> rates(L);
  Mp worst_d4(0);
  std::string worst_d4_where = "none";
  long total_steps = 0, total_halvings = 0;
  for (Job& job : jobs) {
    if (!job.start) continue;
    const LambdaCase& lc = cases[job.lambda_index];
    const Mp lambda = lc.lambda;
    ++reached[job.lambda_index][job.gap_index];
    total_steps += job.run.steps;
    total_halvings += job.run.halvings;
    const Network<Mp> final_state = network_cast<Mp>(job.run.final_state);
    const Mp gap = population_loss(final_state, teacher) + weight_decay(final_state, lambda) - lc.optimum.objective;
    const StudentGeometry<Mp> geo = student_geometry(final_state, lc.optimum_dirs, Mp(Mp(set.mass_factor) * lambda),
                                                     Mp(Mp(set.angle_deg) * pi<Mp>() / 180));
    const bool success = gap <= Mp(set.gap_factor) * lambda * lambda &&
                         geo.max_angle <= Mp(set.angle_deg) * pi<Mp>() / 180;
    if (success) {
      ++successes[job.lambda_index][job.gap_index];
      const double start_gap = job.run.trajectory.front().gap, end_gap = static_cast<double>(gap);
      if (end_gap > 0 && job.run.time > 0) rates[job.lambda_index].push_back(std::log(start_gap / end_gap) / job.run.time);
    }
    const std::size_t n_states = job.run.states.size();
    for (std::size_t k = 0; k < n_states; ++k) {
      if (k % kStateStride != 0 && k + 1 != n_states) continue;
      const Mp r = bound.ratio(network_cast<Mp>(job.run.states[k]), teacher, lambda);
      if (r > worst_d4) {
        worst_d4 = r;
        worst_d4_where = fmt::format("lambda {}, initial gap {:g}, seed {}, iteration {}", lc.text,
                                     set.initial_gaps[job.gap_index], job.seed, job.run.trajectory[k].iteration);
      }
    }
  }

  // zeta_th(lambda): the largest initial gap up to which every run succeeded.
  std::vector<double> thresholds(L, 0);
  std::vector<bool> censored(L, false);
  int all_runs = 0, all_successes = 0;
  for (std::size_t l = 0; l < L; ++l) {
    std::size_t g = 0;
    while (g < G && reached[l][g] == set.seeds && successes[l][g] == set.seeds) ++g;
    thresholds[l] = g == 0 ? 0 : set.initial_gaps[g - 1];
    censored[l] = g == G;
    for (std::size_t k = 0; k < G; ++k) all_runs += reached[l][k], all_successes += successes[l][k];
    ledger.require("at lambda = " + cases[l].text + " gradient descent converges from the smallest initial gap",
                   g > 0, fmt::format("{} of {} runs from gap {:g} succeeded", successes[l][0], set.seeds,
                                      set.initial_gaps[0]));
    ms.push_back(double_measurement("threshold_gap_lambda_" + cases[l].text, thresholds[l],
                             censored[l] ? "every probed gap converged: zeta_th is at least this (censored)"
                                         : "largest initial gap up to which every run converged"));
  }
  ledger.at_most("the D4 bound at every recorded state of every run (worst: " + worst_d4_where + ")", worst_d4, Mp(1));

  std::vector<double> uncensored_lambdas, uncensored_thresholds;
  for (std::size_t l = 0; l < L; ++l)
    if (!censored[l] && thresholds[l] > 0) {
      uncensored_lambdas.push_back(static_cast<double>(cases[l].lambda));
      uncensored_thresholds.push_back(thresholds[l]);
    }
  if (uncensored_lambdas.size() >= 2)
    ms.push_back(double_measurement("threshold_exponent_fit", log_slope(uncensored_lambdas, uncensored_thresholds),
                             fmt::format("slope of log zeta_th against log lambda over {} lambdas with the threshold "
                                         "inside the probed gaps (docs/math.md suggests ~2; grid-quantised)",
                                         uncensored_lambdas.size())));
  std::vector<double> rate_lambdas, rate_medians, rate_over_lambda;
  for (std::size_t l = 0; l < L; ++l)
    if (!rates[l].empty()) {
      const double m = median(rates[l]), lambda = static_cast<double>(cases[l].lambda);
      rate_lambdas.push_back(lambda);
      rate_medians.push_back(m);
      rate_over_lambda.push_back(m / lambda);
    }
  if (!rate_over_lambda.empty())
    ms.push_back(double_measurement("convergence_rate_over_lambda", median(rate_over_lambda),
                             "median over lambda of the median average rate ln(zeta_0 / zeta_end) / time, divided by lambda"));
  if (rate_lambdas.size() >= 2)
    ms.push_back(double_measurement("convergence_rate_exponent_fit", log_slope(rate_lambdas, rate_medians),
                             "slope of log(median rate) against log lambda"));
  ms.push_back(measurement("test_function_max_ratio_descent", worst_d4,
                           "largest D4 left/right ratio over every recorded state (must be <= 1)"));
  ms.push_back(double_measurement("success_fraction", all_runs > 0 ? double(all_successes) / all_runs : 0.0,
                           fmt::format("{} of {} runs converged", all_successes, all_runs)));
  ms.push_back(count_measurement("runs", all_runs, "gradient-descent runs (lambdas x gaps x seeds reached)"));
  ms.push_back(count_measurement("descent_steps", total_steps, "accepted steps over all runs"));
  ms.push_back(count_measurement("step_halvings", total_halvings, "steps rejected by the safeguard"));
  ms.push_back(measurement("rho_used", bound.rho, bound.certified ? "decay constant, proved (D2c)" : "sampled (D2)"));
  CheckOutcome outcome = ledger.finish(std::move(ms));

  std::vector<double> lambdas;
  for (const LambdaCase& lc : cases) lambdas.push_back(static_cast<double>(lc.lambda));
  outcome.plots.push_back(success_map_plot(lambdas, set.initial_gaps, successes, reached, thresholds, set.seeds));
  std::vector<const Job*> shown;
  std::vector<MathLabel> labels;
  for (std::size_t l = 0; l < L; ++l) {
    if (thresholds[l] <= 0) continue;
    const auto it = std::find_if(jobs.begin(), jobs.end(), [&](const Job& j) {
      return j.lambda_index == l && j.seed == 0 && set.initial_gaps[j.gap_index] == thresholds[l];
    });
    if (it == jobs.end()) continue;
    shown.push_back(&*it);
    labels.push_back({fmt::format("λ = {}, ζ₀ = {:g}", cases[l].text, thresholds[l]),
                      fmt::format("$\\lambda$ = {}, $\\zeta_0$ = {:g}", cases[l].text, thresholds[l])});
  }
  outcome.plots.push_back(trajectory_plot("T1_gap",
                                          "Optimality gap along gradient descent",
                                          {"L_λ − L_λ*", "$L_\\lambda - L_\\lambda^*$"},
                                          shown,
                                          labels,
                                          [](const TrajectoryPoint& p) { return p.gap; }));
  outcome.plots.push_back(trajectory_plot("T1_angle",
                                          {"Largest angle of a neuron of mass ≥ λ to the teacher lines",
                                           "Largest angle of a neuron of mass $\\ge \\lambda$ to the teacher lines"},
                                          "angle (degrees)",
                                          shown,
                                          labels,
                                          [](const TrajectoryPoint& p) { return p.max_angle_deg; }));
  return outcome;
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_T1("T1", [](const CheckContext& ctx) { return check_threshold_map(ctx); });
}  // namespace
}  // namespace zg
