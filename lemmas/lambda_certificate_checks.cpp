// D3 (docs/math.md §4): eta_lambda at Newton's optimum for five decades of lambda.
#include "lemmas/lambda_certificate_checks.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "core/lambda_certificate_proof.hpp"
#include "core/regularized_optimum.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"

namespace zg {
namespace {

constexpr int kSamplePoints = 3000;
constexpr unsigned kNewtonGuard = 12;
// Budget of one interval proof, in boxes so that the outcome does not depend on the
// machine's load: the default teacher needs < 3000; the time limit is only a safety net.
constexpr std::size_t kProofBoxes = 20000;
constexpr double kProofSeconds = 60;  // the objective cancels O(1) terms; Newton stalls ~10 digits short

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
    const std::string suffix = std::string("_lambda_") + text;
    const std::string sampled_what = std::string("sup |eta_lambda| - 1 within the optimum's residual at lambda = ") + text;
    // Every lambda is also proved with intervals when the span has rank 2: the dipole form
    // keeps a proof's cost independent of lambda (~1-2 s on the default teacher's disc).
    if (c.rank() != 2) {
      ledger.at_most(sampled_what, Mp(sup_abs - 1), allowance);
    } else {
      // The interval proof of |eta_lambda| <= 1 + tau - rho delta_lambda^2: rho a fraction of
      // the sampled constant, and rho = 0 if that is not proved within the budget; tau
      // derived from the enclosures at the neurons, at most the residual allowance.
      const Mp sampled_rho = sampled_lambda_decay(teacher, o.student, c.basis, lambda, points);
      DecayProofOptions options;
      options.rho = sampled_rho > 0 ? Mp(Mp(ctx.problem.certificate.certify_fraction) * sampled_rho) : Mp(0);
      options.tau = allowance;
      options.derive_tau = true;
      options.max_boxes = kProofBoxes;
      options.max_seconds = kProofSeconds;
      DecayProofResult p = prove_lambda_certificate(teacher, o.student, c.basis, lambda, options);
      double seconds = p.seconds;
      std::size_t boxes = p.boxes;
      if (p.status == DecayProofResult::Status::Budget && options.rho > 0) {
        options.rho = 0;
        p = prove_lambda_certificate(teacher, o.student, c.basis, lambda, options);
        seconds += p.seconds;
        boxes += p.boxes;
      }
      const std::string proof_what = std::string("sup |eta_lambda| - 1 <= tau at lambda = ") + text;
      const std::string domain = c.domain_is_ball() ? "the disc of the span" : "the circle of the span";
      switch (p.status) {
        case DecayProofResult::Status::Proved:
          ledger.require(proof_what, true,
                         "proved |eta_lambda| <= 1 + " + short_decimal(p.tau_used) + " - " + short_decimal(options.rho) +
                             " delta_lambda^2 on " + domain + " (intervals, " + std::to_string(boxes) + " boxes)");
          break;
        case DecayProofResult::Status::Violated:
          ledger.require(proof_what, false,
                         "proved |eta_lambda| + rho delta^2 - 1 >= " + short_decimal(p.counter_excess) +
                             " > 0 at span angles [" + to_decimal(Mp(p.counter_lo * 180 / pi<Mp>()), 10) + ", " +
                             to_decimal(Mp(p.counter_hi * 180 / pi<Mp>()), 10) + "] deg" +
                             (p.detail.empty() ? "" : " (" + p.detail + ")"));
          break;
        case DecayProofResult::Status::Budget:
        case DecayProofResult::Status::Unsupported:
          ledger.at_most(sampled_what + " (sampled only: the interval proof stopped: " + p.detail + ")",
                         Mp(sup_abs - 1), allowance);
          break;
      }
      const bool proved = p.status == DecayProofResult::Status::Proved;
      ms.push_back(count_measurement("certified_proved" + suffix, proved ? 1 : 0,
                                     "1 if sup |eta_lambda| <= 1 + tau is proved with intervals, 0 if not (then "
                                     "the sampled sup decides)"));
      if (proved) {
        ms.push_back(measurement("sup_abs_eta_lambda_certified" + suffix, Mp(1 + p.tau_used),
                                 "proved upper bound 1 + tau of |eta_lambda| over " + domain));
        ms.push_back(measurement("certified_tau" + suffix, p.tau_used,
                                 "tau = max_j (sup s_j eta_lambda(v_j) + |eta_lambda'(v_j)| T - 1), enclosed at the neurons"));
        ms.push_back(measurement("certified_rho" + suffix, options.rho,
                                 "rho proved in |eta_lambda| <= 1 + tau - rho delta_lambda^2"));
      }
      ms.push_back(measurement("sampled_rho" + suffix, sampled_rho, "sampled min (1 - |eta_lambda|) / delta_lambda^2"));
      ms.push_back(count_measurement("certified_boxes" + suffix, static_cast<long long>(boxes),
                                     "interval boxes examined (both attempts when rho fell back to 0)"));
      ms.push_back(measurement("certified_seconds" + suffix, Mp(seconds), "time of the interval proof", "s"));
    }
    lambdas.push_back(lambda);
    diffs.push_back(sup_diff);
    angles.push_back(angle);
    mass_gaps.push_back(mass_gap);
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
