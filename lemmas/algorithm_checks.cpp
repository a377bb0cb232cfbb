// S1 and S2 (lemmas/algorithm_checks.hpp): stage 1's step against the dimension and the
// width, stage 2's exact ridge solve and its loss against stage 1's covering radius.
#include "lemmas/algorithm_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Eigenvalues>

#include "core/covering.hpp"
#include "core/ridge_output.hpp"
#include "core/stage_one.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/claim_products.hpp"
#include "lemmas/fits.hpp"
#include "lemmas/span_teacher.hpp"

namespace zg {
namespace {

// Seeds of the runs: one stream per (purpose, index), all from the master seed.
std::uint64_t run_seed(std::uint64_t master, std::uint64_t purpose, std::uint64_t index) {
  std::uint64_t z = master + 0x9e3779b97f4a7c15ULL * (purpose * 1000003ULL + index + 1);  // splitmix64
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
constexpr std::uint64_t kConfiguredRun = 1, kDimensionSweep = 2, kWidthSweep = 3;
constexpr int kPooledNeurons = 256;  // per dimension: the fit's spread over seeds was 0.022 at 256

double degrees(double rad) {
  return rad * 180 / pi<double>();
}

// Stage 1 in double; lambda_eta != 1 only when a test injects a wrong step.
Network<double> stage_one_double(const Network<double>& teacher,
                                 Eigen::Index pairs,
                                 const AlgorithmSettings& a,
                                 double lambda_eta,
                                 std::uint64_t seed) {
  const Network<double> start = symmetric_init<double>(teacher.dim(), pairs, a.init_scale, seed);
  Network<double> next = stage_one_step(start, teacher, a.step);
  if (lambda_eta != 1) {  // theta - eta (grad + lambda theta) = (1 - lambda eta) theta - eta grad
    next.a += (1 - lambda_eta) * start.a;
    next.W += (1 - lambda_eta) * start.W;
  }
  return next;
}

// Covering radius (rad) of a stage-1 network's lines projected on the span.
double cover_of(const Network<double>& net, const Mat<double>& basis) {
  return cover_radius<double>(Mat<double>(basis.transpose() * net.W)).radius;
}

struct WidthPoint {
  int pairs;
  double radius_median;  ///< rad
  double loss_median;    ///< NaN unless stage 2 ran
};

// Stage 1 (and optionally stage 2) in double for every width, seeds_per_width runs each, at
// the configured teacher; medians over the runs.
std::vector<WidthPoint> width_sweep(
    const CheckContext& ctx, const SpanTeacher& s, int seeds, bool with_stage_two, double lambda_eta) {
  const AlgorithmSettings& a = ctx.problem.algorithm;
  const Network<double> teacher = network_cast<double>(s.teacher);
  const Mat<double> basis = s.basis.cast<double>();
  std::vector<WidthPoint> out;
  for (int pairs : a.widths) {
    std::vector<double> radii, losses;
    for (int k = 0; k < seeds; ++k) {
      const std::uint64_t seed = run_seed(ctx.seed, kWidthSweep, static_cast<std::uint64_t>(pairs) * 1000 + k);
      const Network<double> s1 = stage_one_double(teacher, pairs, a, lambda_eta, seed);
      radii.push_back(cover_of(s1, basis));
      if (with_stage_two) losses.push_back(stage_two(s1, teacher, a.ridge).ridge.loss);
    }
    out.push_back(WidthPoint{pairs, median(radii), with_stage_two ? median(losses) : std::nan("")});
  }
  return out;
}

}  // namespace

CheckOutcome check_stage_one(const CheckContext& ctx, const StageOneCheckOptions& options) {
  const AlgorithmSettings& a = ctx.problem.algorithm;
  const SpanTeacher s = span_teacher(ctx.problem.teacher, ctx.digits);
  const Eigen::Index r = s.basis.cols();
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  ms.push_back(count_measurement("span_rank", r, "r = dim span{w_i*}"));
  ms.push_back(count_measurement("width", 2 * a.pairs, "m = 2 x symmetric pairs"));

  // Out-of-span fraction against d: the trailing d - r coordinates of each new neuron.
  const int runs_per_dimension = std::max(1, (kPooledNeurons + 2 * a.pairs - 1) / (2 * a.pairs));
  ms.push_back(count_measurement("runs_per_dimension", runs_per_dimension,
                                 "seeded stage-1 runs pooled at each d (at least " + std::to_string(kPooledNeurons) +
                                     " neurons)"));
  std::vector<double> dims, means, maxes;
  for (int d : a.dimensions) {
    if (d <= r) {
      ledger.require("sweep dimension above the span's rank",
                     false,
                     "d = " + std::to_string(d) + " <= r = " + std::to_string(r) +
                         " (every neuron lies in the span there); give dimensions > r");
      continue;
    }
    // Neurons pooled over enough seeded runs to hold at least kPooledNeurons: the mean's
    // sampling noise then does not depend on the configured width.
    const Network<double> embedded = embedded_teacher(s, d);
    double sum = 0, worst = 0;
    long count = 0;
    for (int k = 0; k < runs_per_dimension; ++k) {
      const Network<double> s1 = stage_one_double(
          embedded, a.pairs, a, options.lambda_eta,
          run_seed(ctx.seed, kDimensionSweep, static_cast<std::uint64_t>(d) + 100000 * static_cast<std::uint64_t>(k)));
      for (Eigen::Index j = 0; j < s1.width(); ++j) {
        const double f = s1.W.col(j).tail(d - r).norm() / s1.W.col(j).norm();
        sum += f;
        worst = std::max(worst, f);
        ++count;
      }
    }
    dims.push_back(d);
    means.push_back(sum / static_cast<double>(count));
    maxes.push_back(worst);
    const std::string tag = "_d" + std::to_string(d);
    ms.push_back(double_measurement("out_of_span_fraction_mean" + tag,
                                    means.back(),
                                    "mean over neurons of |w_j outside the span| / |w_j| at d = " + std::to_string(d)));
    ms.push_back(
        double_measurement("out_of_span_fraction_max" + tag, maxes.back(), "the largest at d = " + std::to_string(d)));
  }
  if (dims.size() < 2) {
    ledger.require("at least two sweep dimensions above the rank", false, "no exponent can be fitted");
    return ledger.finish(std::move(ms));
  }
  const double fit = log_slope(dims, means), fit_max = log_slope(dims, maxes);
  ms.push_back(
      double_measurement("out_of_span_fraction_max",
                         maxes.back(),
                         "largest out-of-span fraction at the largest swept d = " + std::to_string(int(dims.back()))));
  ms.push_back(double_measurement(
      "out_of_span_fraction_mean", means.back(), "mean out-of-span fraction at the largest swept d"));
  ms.push_back(
      double_measurement("out_of_span_exponent_fit", fit, "slope of log(mean fraction) against log d; predicted -1/2"));
  ms.push_back(double_measurement(
      "out_of_span_max_exponent_fit", fit_max, "slope of log(max fraction) against log d (reported)"));
  ledger.at_most("fitted exponent of the mean out-of-span fraction in d within " +
                     short_decimal(Mp(a.exponent_tolerance)) + " of " + short_decimal(Mp(options.predicted_exponent)) +
                     " (fit " + short_decimal(Mp(fit)) + ")",
                 Mp(std::abs(fit - options.predicted_exponent)),
                 Mp(a.exponent_tolerance));

  // The step's in-span part is dominated by M w with M = sum_i a_i* w_i* w_i*^T (docs/math.md
  // §5): directions are pushed towards M's leading eigenvectors, so its condition number
  // says how unevenly stage 1 can cover the sphere (a diagnostic, not judged).
  {
    const Mat<double> M = s.coords * s.teacher.a.cast<double>().asDiagonal() * s.coords.transpose();
    const Vec<double> ev = Eigen::SelfAdjointEigenSolver<Mat<double>>(M).eigenvalues().cwiseAbs();
    ms.push_back(double_measurement("step_map_condition",
                                    ev.minCoeff() > 0 ? ev.maxCoeff() / ev.minCoeff() : INFINITY,
                                    "max/min |eigenvalue| of sum_i a_i* w_i* w_i*^T on the span"));
  }

  // Covering radius at the configured dimension and width, and its median against m.
  const Network<double> teacher = network_cast<double>(s.teacher);
  const Mat<double> basis = s.basis.cast<double>();
  std::vector<double> configured_radii;
  for (int k = 0; k < options.seeds_per_width; ++k)
    configured_radii.push_back(degrees(cover_of(
        stage_one_double(teacher, a.pairs, a, options.lambda_eta, run_seed(ctx.seed, kConfiguredRun, static_cast<std::uint64_t>(k))),
        basis)));
  const double radius = median(configured_radii);
  ms.push_back(
      double_measurement("cover_radius",
                         radius,
                         std::string(r <= 2 ? "exact" : "low-discrepancy estimate (a lower bound)") +
                             " covering radius up to sign of the projected neurons at the configured d and width, "
                             "median over " + std::to_string(options.seeds_per_width) + " seeded runs",
                         "deg"));
  ms.push_back(double_measurement("cover_radius_max", *std::max_element(configured_radii.begin(), configured_radii.end()),
                                  "the largest of those runs", "deg"));
  ms.push_back(
      double_measurement("cover_radius_target", a.cover_radius_deg, "configured [algorithm].cover_radius_deg", "deg"));
  ledger.at_most("covering radius of the subspace sphere (deg)", Mp(radius), Mp(a.cover_radius_deg));

  std::vector<double> widths, radii;
  for (const WidthPoint& p : width_sweep(ctx, s, options.seeds_per_width, false, options.lambda_eta)) {
    widths.push_back(2.0 * p.pairs);
    radii.push_back(degrees(p.radius_median));
    ms.push_back(double_measurement("cover_radius_median_m" + std::to_string(2 * p.pairs),
                                    radii.back(),
                                    "median over " + std::to_string(options.seeds_per_width) + " seeds",
                                    "deg"));
  }
  if (widths.size() >= 2)
    ms.push_back(double_measurement("cover_radius_exponent_fit",
                                    log_slope(widths, radii),
                                    "slope of log(median radius) against log m; about -1/(r-1) up to a log factor"));

  CheckOutcome o = ledger.finish(std::move(ms));
  PlotSpec plot{"S1_out_of_span",
                "Stage 1: fraction of each neuron outside span{w_i*}",
                {"input dimension d", "input dimension $d$"},
                "out-of-span fraction",
                true,
                true,
                {},
                {},
                {}};
  plot.series.push_back(PlotSeries{"mean", dims, means, PlotSeries::Style::LinesPoints});
  plot.series.push_back(PlotSeries{"max", dims, maxes, PlotSeries::Style::LinesPoints});
  std::vector<double> guide;
  for (double d : dims) guide.push_back(means.front() * std::pow(d / dims.front(), options.predicted_exponent));
  plot.series.push_back(PlotSeries{"predicted slope", dims, guide, PlotSeries::Style::Lines});
  o.plots.push_back(std::move(plot));
  return o;
}

CheckOutcome check_stage_two(const CheckContext& ctx, const StageTwoCheckOptions& options) {
  using std::abs;
  const AlgorithmSettings& a = ctx.problem.algorithm;
  const SpanTeacher s = span_teacher(ctx.problem.teacher, ctx.digits);
  const Network<Mp>& teacher = s.teacher;
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;

  // Stage 1 as S1 measures it (double, the same seed), its first layer taken exactly into
  // Mp: S2's claim is about the ridge solve for that fixed layer, which runs at working
  // precision. (stage_one_step<Mp> would cost ~2 s of 50-digit arcsines for 256 neurons and
  // change the layer only at 1e-16 relative.) Both stages are the run's product for this
  // seed (lemmas/claim_products.hpp): stage_one_double's step with lambda eta = 1.
  const std::shared_ptr<const StageTwoRun> run = shared_stage_two(ctx, run_seed(ctx.seed, kConfiguredRun, 0));
  const Network<Mp> s1 = network_cast<Mp>(run->stage_one);
  const Mp ridge(a.ridge);
  const StageTwo<Mp>& st = run->two;
  const Eigen::Index m = s1.width();
  if (!st.ridge.solved) {
    ledger.require("ridge system positive definite at working precision",
                   false,
                   "Cholesky of G + ridge I failed; raise [algorithm].ridge");
    return ledger.finish(std::move(ms));
  }
  const Mat<Mp> dirs = unit_columns(s1.W).dirs;
  Vec<Mp> sol = st.ridge.a;
  if (options.output_perturbation != 0) sol.array() += Mp(options.output_perturbation);
  const Network<Mp> balanced = options.output_perturbation != 0 ? rebalance(Network<Mp>{sol, dirs}) : st.network;

  // Optimality: grad_a (L + ridge |a|^2) = 2 (G a - b) + 2 ridge a, from the loss's own
  // gradient (the same kernel code as the solve's Gram matrix, but its own algebra: this
  // checks the Cholesky solve and its refinement; tests/core/ridge_output_test.cpp checks
  // the solution against normal equations assembled pair by pair). Its rounding: each entry sums m products
  // and the right side, each within a few eps, twice (G a and b), so 16 m eps times the
  // largest sum of magnitudes bounds it with room for the kernels' own ulps.
  const LossGradient<Mp> at_solution = population_loss_gradient(Network<Mp>{sol, dirs}, teacher);
  const Vec<Mp> grad = at_solution.grad_a + 2 * ridge * sol;
  Mp scale(0), worst(0);
  for (Eigen::Index j = 0; j < m; ++j) {
    Mp row = abs(st.ridge.rhs(j)) + ridge * abs(sol(j));
    for (Eigen::Index k = 0; k < m; ++k) row += abs(st.ridge.gram(j, k)) * abs(sol(k));
    scale = row > scale ? row : scale;
    worst = abs(grad(j)) > worst ? Mp(abs(grad(j))) : worst;
  }
  const Mp eps = eps_of(scale);
  ledger.identity("gradient of L + ridge |a|^2 in a vanishes at the ridge solution", worst, Mp(16 * m * eps * scale));

  const Mp stage2_loss = at_solution.loss;  // the rebalanced network is this function (checked below)

  // The rebalanced network is the same function, neuron by neuron: the same direction
  // (w_j / |w_j| = the unit column) and the same mass a_j |w_j| = a_j(solution); and it is
  // balanced. Each is one sqrt and a d-term norm per neuron: 8 d eps relative.
  Mp balance(0), mass_error(0), direction_error(0), largest(0);
  for (Eigen::Index j = 0; j < m; ++j) {
    const Mp norm = balanced.W.col(j).norm();
    balance = std::max(balance, Mp(abs(balanced.a(j) * balanced.a(j) - norm * norm)));
    mass_error = std::max(mass_error, Mp(abs(balanced.a(j) * norm - sol(j))));
    if (norm > 0) direction_error = std::max(direction_error, Mp((balanced.W.col(j) / norm - dirs.col(j)).norm()));
    largest = std::max(largest, Mp(abs(sol(j))));
  }
  const Mp per_neuron = 8 * teacher.dim() * eps;
  ledger.identity("rebalance keeps every neuron's mass a_j |w_j|", mass_error, Mp(per_neuron * largest));
  ledger.identity("rebalance keeps every neuron's direction", direction_error, per_neuron);
  ledger.identity("every neuron balanced after stage 2 (a_j^2 = |w_j|^2)", balance, Mp(per_neuron * largest));
  ledger.at_most("stage-2 loss below the configured threshold stage 3 needs", stage2_loss, Mp(a.stage2_loss_threshold));

  ms.push_back(measurement(
      "stage2_loss", stage2_loss, "population loss after stage 2 (working precision; rebalancing keeps the function)"));
  ms.push_back(
      double_measurement("stage2_loss_threshold",
                         a.stage2_loss_threshold,
                         "configured [algorithm].stage2_loss_threshold (T1's measured threshold map will supply it)"));
  ms.push_back(measurement("ridge_gradient_max", worst, "max_j |d/da_j (L + ridge |a|^2)| at the solution"));
  ms.push_back(measurement("ridge_residual", st.ridge.residual, "|(G + ridge I) a - b|_inf of the Cholesky solve"));
  ms.push_back(measurement("teacher_energy", st.ridge.teacher_term, "E[f*^2]: the loss of the zero network"));
  ms.push_back(double_measurement("cover_radius",
                                  degrees(cover_of(network_cast<double>(s1), s.basis.cast<double>())),
                                  "covering radius of this stage-1 network (as S1's)",
                                  "deg"));

  // Loss against the covering radius, over widths (double: losses >= 1e-8 against rounding
  // ~1e-13; medians over seeds tame the randomness of a single draw).
  std::vector<double> radii, losses;
  for (const WidthPoint& p : width_sweep(ctx, s, options.seeds_per_width, true, 1.0)) {
    radii.push_back(degrees(p.radius_median));
    losses.push_back(p.loss_median);
    const std::string tag = "_m" + std::to_string(2 * p.pairs);
    ms.push_back(
        double_measurement("cover_radius_median" + tag, radii.back(), "median stage-1 covering radius", "deg"));
    ms.push_back(double_measurement("stage2_loss_median" + tag, losses.back(), "median stage-2 loss"));
  }
  if (radii.size() >= 2) {
    const double fit = log_slope(radii, losses);
    ms.push_back(double_measurement(
        "stage2_loss_exponent_fit", fit, "slope of log(median stage-2 loss) against log(median covering radius)"));
    ledger.exceeds(
        "stage-2 loss falls at least linearly in the covering radius (O(eps_0)): fitted exponent above 1 - " +
            short_decimal(Mp(a.exponent_tolerance)),
        Mp(fit),
        Mp(1 - a.exponent_tolerance));
  }
  CheckOutcome o = ledger.finish(std::move(ms));
  o.explanation += "; the threshold is configured until T1's measured threshold map is wired in";
  PlotSpec plot{"S2_loss_vs_radius",
                "Stage 2: loss against stage 1's covering radius",
                "covering radius (deg)",
                "stage-2 loss (median)",
                true,
                true,
                {},
                {},
                {}};
  plot.series.push_back(PlotSeries{"median over seeds", radii, losses, PlotSeries::Style::LinesPoints});
  o.plots.push_back(std::move(plot));
  return o;
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_S1("S1", [](const CheckContext& ctx) { return check_stage_one(ctx); });
const BindCheck bind_S2("S2", [](const CheckContext& ctx) { return check_stage_two(ctx); });
}  // namespace
}  // namespace zg
