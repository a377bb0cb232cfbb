// H3 (docs/math.md §1, §3): the closed-form population loss on the configured teacher and
// student against the Hermite-order split of a plain ReLU network, Monte Carlo, and its
// gradient against central differences.
#include <cmath>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/finite_difference.hpp"
#include "core/loss.hpp"
#include "core/monte_carlo.hpp"
#include "core/relu_network.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/hermite_checks.hpp"

namespace zg {
namespace {

constexpr std::uint64_t kMonteCarloSamples = 1000000;  // standard error ~1e-3 of the loss scale
constexpr double kMonteCarloSigmas = 4;                 // the acceptance band
constexpr unsigned kSplitGuard = 5;  // O((m + m*)^2 d) roundings of O(1) terms: < 4 digits
constexpr double kDefaultStudentAngleDeg = 10;  // student used when the config has none

// The configured student, or one generated near the teacher when the config has none
// (two neurons per teacher direction, within 10 degrees, seeded by the run seed).
Network<Mp> student_for(const CheckContext& ctx, const Network<Mp>& teacher) {
  if (ctx.problem.student) return build_student<Mp>(*ctx.problem.student, teacher);
  const NearTeacherStudent generated{static_cast<int>(2 * teacher.width()), kDefaultStudentAngleDeg, ctx.seed};
  return build_student<Mp>(StudentSpec{generated}, teacher);
}

// Seeded affine parts for the plain-ReLU split check: Gaussian entries scaled by 1/2.
void random_affine_part(AffineReluNetwork<Mp>& g, Eigen::Index d, boost::random::mt19937_64& engine) {
  boost::random::normal_distribution<double> normal(0.0, 0.5);
  g.alpha = Mp(normal(engine));
  g.beta.resize(d);
  for (Eigen::Index i = 0; i < d; ++i) g.beta(i) = Mp(normal(engine));
}

}  // namespace

CheckOutcome check_loss_closed_form(const CheckContext& ctx, const HermiteClosedForms& forms) {
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
  const Network<Mp> student = student_for(ctx, teacher);
  const Eigen::Index d = teacher.dim(), m = student.width();

  const LossGradient<Mp> lg = forms.loss_gradient(student, teacher);
  ms.push_back(measurement("loss_closed_form", lg.loss, "L(theta) of the configured student, closed form (docs/math.md §3)"));
  ms.push_back(measurement("grad_norm", lg.norm(), "Euclidean norm of (dL/da, dL/dW)"));

  // Hermite-order split of the plain ReLU networks with seeded affine parts.
  boost::random::mt19937_64 engine(ctx.seed);
  AffineReluNetwork<Mp> g{student, Mp(0), Vec<Mp>()}, gs{teacher, Mp(0), Vec<Mp>()};
  random_affine_part(g, d, engine);
  random_affine_part(gs, d, engine);
  const OrderSplit<Mp> split = relu_network_loss_split(g, gs);
  const Mp direct = relu_network_loss_direct(g, gs);
  const Mp split_residual = abs(direct - split.total());
  const Mp ge2_residual = abs(split.order_ge2 - lg.loss);
  const Mp split_tol = identity_tolerance(ctx.digits, kSplitGuard) * (1 + abs(direct));
  ledger.identity("ReLU loss (kappa) = order-0 + order-1 + order->=2 parts", split_residual, split_tol);
  ledger.identity("order->=2 part = relu>=2 loss L(theta)", ge2_residual, split_tol);
  ms.push_back(measurement("loss_hermite_split_residual", split_residual,
                           "|E[(g - g*)^2] via kappa - (order 0 + order 1 + order >= 2)| for the plain ReLU networks"));
  ms.push_back(measurement("loss_split_order0", split.order0, "order-0 part of the plain ReLU loss"));
  ms.push_back(measurement("loss_split_order1", split.order1, "order-1 part of the plain ReLU loss"));
  ms.push_back(measurement("loss_split_order_ge2_residual", ge2_residual, "|order->=2 part - L(theta)|"));

  // Monte Carlo in double: its statistical error (~1e-3) dwarfs double rounding (~1e-16),
  // and both numbers are compared in working precision after exact conversion.
  const Network<double> sd = network_cast<double>(student), td = network_cast<double>(teacher);
  auto squared_error = [&](const Mat<double>& X) {
    const Vec<double> diff = relu_ge2_network_outputs(sd, X) - relu_ge2_network_outputs(td, X);
    return Vec<double>(diff.array().square());
  };
  const MonteCarloEstimate<double> mc = gaussian_monte_carlo<double>(squared_error, d, kMonteCarloSamples, ctx.seed);
  const Mp mc_mean(mc.mean), mc_se(mc.std_error);
  ledger.statistical("closed-form L against Monte Carlo (1e6 samples)", lg.loss - mc_mean, mc_se, kMonteCarloSigmas);
  ms.push_back(measurement("loss_monte_carlo", mc_mean, mc_se, "Monte Carlo mean of (f - f*)^2, 1e6 seeded samples"));
  ms.push_back(measurement("loss_monte_carlo_stderr", mc_se, "standard error of the Monte Carlo mean"));

  // Gradient against central differences of the closed-form loss.
  const Mp eps = working_eps<Mp>();
  auto loss_of = [&](const Vec<Mp>& p) { return population_loss(unflatten_parameters(p, d, m), teacher); };
  const Vec<Mp> fd = central_difference_gradient(loss_of, flatten_parameters(student), eps);
  Network<Mp> grad_net{lg.grad_a, lg.grad_W};
  const Vec<Mp> closed = flatten_parameters(grad_net);
  const Mp fd_diff = (fd - closed).cwiseAbs().maxCoeff();
  // Central differences: O(eps^(2/3)) times the third-derivative scale of L.
  const Mp fd_tol = 256 * pow(eps, Mp(2) / 3) * (1 + closed.cwiseAbs().maxCoeff());
  ledger.identity("gradient against central differences", fd_diff, fd_tol);
  ms.push_back(measurement("grad_fd_max_diff", fd_diff, fd_tol,
                           "max over parameters of |closed-form gradient - central difference|; error = tolerance"));
  ms.push_back(count_measurement("parameters", static_cast<long long>(closed.size()), "number of parameters m + d m"));

  return ledger.finish(std::move(ms));
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_H3("H3", [](const CheckContext& ctx) { return check_loss_closed_form(ctx); });
}  // namespace
}  // namespace zg
