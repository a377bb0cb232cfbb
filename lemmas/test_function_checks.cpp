// D4 (docs/math.md §4): the test-function bound on probed students.
#include "lemmas/test_function_checks.hpp"

#include <string>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/monte_carlo.hpp"
#include "core/regularized_loss.hpp"
#include "core/student_geometry.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/claim_products.hpp"

namespace zg {
namespace {

constexpr int kRandomStudents = 24;
constexpr int kDescentSteps = 300;
constexpr int kRecordEvery = 10;
constexpr std::uint64_t kMonteCarloSamples = 1000000;

// E[p(x)^2] by Monte Carlo, in double (its statistical error dwarfs double rounding).
MonteCarloEstimate<double> test_function_norm_sq_mc(const Certificate<Mp>& c, std::uint64_t seed) {
  const Mat<double> W = (c.basis * c.U).cast<double>();
  const Mat<double> B = (c.basis * c.beta).cast<double>();
  const Vec<double> alpha = c.alpha.cast<double>();
  const double offset = 1 / std::sqrt(2 * pi<double>());
  auto values = [&](const Mat<double>& X) {
    const Mat<double> Z = W.transpose() * X, BX = B.transpose() * X;
    Vec<double> out(X.cols());
    for (Eigen::Index k = 0; k < X.cols(); ++k) {
      double p = 0;
      for (Eigen::Index i = 0; i < W.cols(); ++i)
        p += alpha(i) * (std::abs(Z(i, k)) / 2 - offset) + BX(i, k) * (Z(i, k) > 0 ? 0.5 : -0.5);
      out(k) = p * p;
    }
    return out;
  };
  return gaussian_monte_carlo<double>(values, W.rows(), kMonteCarloSamples, seed);
}

struct Probe {
  std::string kind;
  Mp ratio;  // left side / right side
};

}  // namespace

Mp TestFunctionBound::ratio(const Network<Mp>& s, const Network<Mp>& teacher, const Mp& lambda) const {
  const Mp loss = population_loss(s, teacher) + weight_decay(s, lambda);
  const Mp right = (loss - lambda * teacher_mass + lambda * lambda * p_norm_sq / 4) / (lambda * rho);
  const Mp left = student_geometry(s, teacher.W, Mp(0), pi<Mp>()).weighted_delta_sq;
  return right > 0 ? Mp(left / right) : Mp(left > 0 ? 1e300 : 0);
}

std::variant<DescentClaimSetup, CheckOutcome> descent_claim_setup(const CheckContext& ctx) {
  auto built = certificate_or_failure(ctx);
  if (CheckOutcome* failed = std::get_if<CheckOutcome>(&built)) return std::move(*failed);
  DescentClaimSetup s{std::move(std::get<Certificate<Mp>>(built)), build_teacher<Mp>(ctx.problem.teacher), {}, {},
                      identity_tolerance(ctx.digits, 12)};
  s.teacher_d = network_cast<double>(s.teacher);
  s.bound = *shared_test_function_bound(ctx);
  return s;
}

CheckOutcome check_test_function_bound(const CheckContext& ctx, std::optional<Mp> rho_override) {
  auto built = certificate_or_failure(ctx);
  if (const CheckOutcome* failed = std::get_if<CheckOutcome>(&built)) return *failed;
  const Certificate<Mp>& c = std::get<Certificate<Mp>>(built);
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
  const Mp lambda = ctx.problem.lambda.as<Mp>();
  TestFunctionBound bound = *shared_test_function_bound(ctx);  // D2c's proof, when it ran first
  if (rho_override) bound.rho = *rho_override, bound.certified = false;
  ms.push_back(measurement("rho_used", bound.rho,
                           bound.certified ? "decay constant, proved (D2c)" : "decay constant, sampled (D2) or given"));
  ledger.exceeds("a positive decay constant", bound.rho, Mp(0));

  const Mp& p2 = bound.p_norm_sq;
  const MonteCarloEstimate<double> mc = test_function_norm_sq_mc(c, ctx.seed);
  ledger.statistical("|p|^2 closed form against Monte Carlo (1e6 samples)", p2 - Mp(mc.mean), Mp(mc.std_error), 4);
  ms.push_back(measurement("test_function_norm_sq", p2, "|p|^2 = E[p(x)^2], closed form"));
  ms.push_back(measurement("test_function_norm_sq_mc", Mp(mc.mean), Mp(mc.std_error), "the same by Monte Carlo"));
  if (!(bound.rho > 0) || !(lambda > 0)) return ledger.finish(std::move(ms));
  auto probe = [&](const Network<Mp>& s, const std::string& kind) { return Probe{kind, bound.ratio(s, teacher, lambda)}; };

  std::vector<Probe> probes;
  boost::random::mt19937_64 engine(ctx.seed);
  boost::random::normal_distribution<double> normal;
  const Eigen::Index d = teacher.dim(), m_star = teacher.width();
  for (int k = 0; k < kRandomStudents; ++k) {
    const Eigen::Index m = m_star * (1 + k % 4);
    const double scale = 0.25 * (1 + k % 3);
    Network<Mp> s{Vec<Mp>(m), Mat<Mp>(d, m)};
    for (Eigen::Index j = 0; j < m; ++j) {
      s.a(j) = Mp(scale * normal(engine));
      for (Eigen::Index i = 0; i < d; ++i) s.W(i, j) = Mp(scale * normal(engine));
    }
    probes.push_back(probe(s, "random"));
  }
  Network<Mp> s = ctx.problem.student ? build_student<Mp>(*ctx.problem.student, teacher)
                                      : build_student<Mp>(StudentSpec{NearTeacherStudent{int(2 * m_star), 10, ctx.seed}}, teacher);
  probes.push_back(probe(s, "configured"));
  const Mp step("0.2");
  for (int k = 1; k <= kDescentSteps; ++k) {
    s = gradient_step(s, population_loss_gradient(s, teacher), lambda, step);
    if (k % kRecordEvery == 0) probes.push_back(probe(s, "descent"));
  }

  const auto worst = std::max_element(probes.begin(), probes.end(),
                                       [](const Probe& a, const Probe& b) { return a.ratio < b.ratio; });
  ledger.at_most("sum |a_j||w_j| delta_j^2 <= (zeta' + lambda^2 |p|^2/4) / (lambda rho), worst probe (" +
                     worst->kind + ")",
                 worst->ratio, Mp(1));
  auto max_of = [&](const std::string& kind) {
    Mp best(0);
    for (const Probe& p : probes)
      if (p.kind == kind) best = std::max(best, p.ratio);
    return best;
  };
  ms.push_back(measurement("test_function_max_ratio", worst->ratio, "largest left/right ratio over all probes (must be <= 1)"));
  ms.push_back(measurement("test_function_max_ratio_random", max_of("random"), "over 24 random students"));
  ms.push_back(measurement("test_function_max_ratio_configured", max_of("configured"), "the configured (or generated) student"));
  ms.push_back(measurement("test_function_max_ratio_descent", max_of("descent"), "every 10th of 300 gradient-descent steps from it"));
  ms.push_back(count_measurement("probes", static_cast<long long>(probes.size()), "students probed"));
  return ledger.finish(std::move(ms));
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_D4("D4", [](const CheckContext& ctx) { return check_test_function_bound(ctx); });
}  // namespace
}  // namespace zg
