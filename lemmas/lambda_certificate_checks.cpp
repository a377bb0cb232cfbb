// D3 (MATH.md §4): eta_lambda at Newton's optimum for five decades of lambda.
#include "lemmas/lambda_certificate_checks.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "core/regularized_optimum.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"

namespace zg {
namespace {

constexpr int kSamplePoints = 3000;
constexpr unsigned kNewtonGuard = 12;  // the objective cancels O(1) terms; Newton stalls ~10 digits short

// Seeded points of the domain: on the span's unit sphere, and (d > r) inside its ball.
std::vector<Vec<Mp>> domain_samples(const Certificate<Mp>& c, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Vec<Mp>> points;
  for (int k = 0; k < kSamplePoints; ++k) {
    Vec<Mp> y(c.rank());
    for (Eigen::Index i = 0; i < y.size(); ++i) y(i) = Mp(normal(engine));
    y /= y.norm();
    if (c.domain_is_ball() && k % 2 == 1) y *= Mp(std::pow(unit(engine), 1.0 / static_cast<double>(c.rank())));
    points.push_back(y);
  }
  for (Eigen::Index j = 0; j < c.width(); ++j) points.push_back(c.U.col(j));  // the support itself
  return points;
}

}  // namespace

CheckOutcome check_lambda_certificate(const CheckContext& ctx) {
  auto built = certificate_or_failure(ctx);
  if (const CheckOutcome* failed = std::get_if<CheckOutcome>(&built)) return *failed;
  const Certificate<Mp>& c = std::get<Certificate<Mp>>(built);
  const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
  const std::vector<Vec<Mp>> points = domain_samples(c, ctx.seed);
  const Mp tol = identity_tolerance(ctx.digits, kNewtonGuard);
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;

  std::vector<Mp> lambdas, diffs, angles, mass_gaps;
  for (const char* text : {"1e-2", "1e-3", "1e-4", "1e-5", "1e-6"}) {
    const Mp lambda(text);
    const OptimumResult o = newton_optimum(teacher, c.basis, lambda, tol);
    ledger.identity(std::string("Newton's optimum at lambda = ") + text + " is stationary", o.grad_norm, tol);
    Mp sup_abs(0), sup_diff(0);
    for (const Vec<Mp>& y : points) {
      const Mp el = eta_lambda(teacher, o.student, c.basis, lambda, y);
      sup_abs = std::max(sup_abs, Mp(abs(el)));
      sup_diff = std::max(sup_diff, Mp(abs(el - certificate_value(c, y))));
    }
    Mp angle(0), mass_gap(0);
    for (Eigen::Index j = 0; j < teacher.width(); ++j) {
      const Mp norm = o.student.W.col(j).norm();
      const Mp cosine = std::min(Mp(1), Mp(abs(o.student.W.col(j).dot(teacher.W.col(j))) / norm));
      angle = std::max(angle, Mp(acos(cosine) * 180 / pi<Mp>()));
      mass_gap = std::max(mass_gap, Mp(abs(abs(teacher.a(j)) - abs(o.student.a(j)) * norm)));
    }
    // On the support eta_lambda(w_j^) - sign(a_j) = -(dL_lambda/da_j) / (lambda |w_j|) at
    // balance, so a stationarity residual g allows sup |eta_lambda| to exceed 1 by about
    // g / (lambda min |w_j|), plus the rounding of eta_lambda itself, O(eps / lambda).
    Mp min_norm = o.student.W.col(0).norm();
    for (Eigen::Index j = 1; j < o.student.width(); ++j) min_norm = std::min(min_norm, Mp(o.student.W.col(j).norm()));
    const Mp allowance = (o.grad_norm / min_norm + 1000 * working_eps<Mp>()) / lambda;
    ledger.at_most(std::string("sup |eta_lambda| - 1 within the optimum's residual at lambda = ") + text,
                   Mp(sup_abs - 1), allowance);
    lambdas.push_back(lambda);
    diffs.push_back(sup_diff);
    angles.push_back(angle);
    mass_gaps.push_back(mass_gap);
    const std::string suffix = std::string("_lambda_") + text;
    ms.push_back(measurement("sup_abs_eta_lambda" + suffix, sup_abs, "sampled sup |eta_lambda| over the domain"));
    ms.push_back(measurement("sup_eta_lambda_minus_eta" + suffix, sup_diff, "sampled sup |eta_lambda - eta|"));
    ms.push_back(measurement("max_angle_deg" + suffix, angle, "largest angle between a neuron and its teacher direction", "deg"));
    ms.push_back(measurement("max_mass_gap" + suffix, mass_gap, "largest | |a_i*| - |a_j||w_j| |"));
  }
  // Rates: slopes of log(quantity) against log(lambda) over the five decades.
  auto slope = [&](const std::vector<Mp>& q) {
    return Mp(log(q.back() / q.front()) / log(lambdas.back() / lambdas.front()));
  };
  const Mp rate = slope(diffs);
  ledger.exceeds("eta_lambda -> eta: fitted exponent of sup |eta_lambda - eta| in lambda", rate, Mp(0));
  ms.push_back(measurement("eta_lambda_rate_exponent", rate, "p in sup |eta_lambda - eta| ~ lambda^p, 1e-2 .. 1e-6"));
  ms.push_back(measurement("angle_exponent", slope(angles), "p in max angle ~ lambda^p"));
  ms.push_back(measurement("mass_gap_exponent", slope(mass_gaps), "p in max mass gap ~ lambda^p"));
  return ledger.finish(std::move(ms));
}

}  // namespace zg
