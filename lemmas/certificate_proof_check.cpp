// D2c (MATH.md §4): the quadratic decay proved with interval branch-and-bound, or a
// proved counterexample. Only a positive constant means anything, so a teacher whose
// sampled rho_eta is <= 0 is a FAIL, never a proof of a vacuous bound.
#include <cmath>

#include <fmt/format.h>

#include "core/certificate_proof.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"

namespace zg {
namespace {

Mp degrees(const Mp& radians) { return radians * 180 / pi<Mp>(); }

// The outcome when the observed constant is not positive: try to prove |eta| > 1 on a
// tiny interval around the search's largest |eta| (on the circle of the span).
CheckOutcome degenerate_outcome(const Certificate<Mp>& c, const DecaySearchResult& r, std::vector<Measurement> ms) {
  CheckOutcome o;
  o.verdict = Verdict::Fail;
  o.margin = Margin{static_cast<double>(r.rho_eta), "above floor", "sampled rho_eta <= 0"};
  o.explanation = "the sampled rho_eta = " + to_decimal(r.rho_eta, 5) + " is not positive: no quadratic decay to prove";
  const DecayPoint& p = r.max_abs;
  if (c.rank() == 2 && p.y.size() == 2 && abs(p.y.norm() - 1) < Mp("1e-20")) {
    const Mp theta = atan2(p.y(1), p.y(0));
    const Mp half = pow(Mp(10), -20);
    const Mpi excess = enclose_decay_excess(c, Mp(theta - half), Mp(theta + half), Mp(0));
    const Mp proven = boost::multiprecision::lower(excess).convert_to<Mp>();
    if (proven > 0) {
      o.explanation += "; proved: |eta| - 1 >= " + to_decimal(proven, 4) + " for every span angle within 1e-20 of " +
                       to_decimal(degrees(theta), 12) + " deg";
      ms.push_back(measurement("counterexample_angle_deg", degrees(theta), "span angle where |eta| > 1 is proved", "deg"));
      ms.push_back(measurement("counterexample_excess", proven, "proved lower bound of |eta| - 1 there"));
    }
  }
  o.measurements = std::move(ms);
  return o;
}

}  // namespace

CheckOutcome check_certificate_decay_certified(const CheckContext& ctx) {
  auto built = certificate_or_failure(ctx);
  if (const CheckOutcome* failed = std::get_if<CheckOutcome>(&built)) return *failed;
  const Certificate<Mp>& c = std::get<Certificate<Mp>>(built);
  std::vector<Measurement> ms;
  const DecaySearchResult r = decay_search_for(c, ctx.problem, ctx.seed);
  ms.push_back(measurement("rho_eta_sampled", r.rho_eta, "the sampled constant the proof starts from (D2)"));
  if (!(r.rho_eta > 0)) return degenerate_outcome(c, r, std::move(ms));
  if (c.rank() != 2) {
    CheckOutcome o;
    o.verdict = Verdict::Inconclusive;
    o.explanation = "the certified check is implemented for rank-2 teachers; this teacher has rank " +
                    std::to_string(c.rank());
    o.measurements = std::move(ms);
    return o;
  }

  DecayProofOptions options;
  options.rho = Mp(ctx.problem.certificate.certify_fraction) * r.rho_eta;
  // tau: the interpolation holds to working precision only; 10 digits of room for it.
  options.tau = identity_tolerance(ctx.digits, 10);
  const DecayProofResult p =
      c.domain_is_ball() ? prove_decay_on_disc(c, options) : prove_decay_on_circle(c, options);
  const std::string domain = c.domain_is_ball() ? "the unit disc of the span (d > r)" : "the unit circle of the span";
  ms.push_back(measurement("certified_rho", options.rho, "rho in |eta| <= 1 + tau - rho delta^2"));
  ms.push_back(measurement("certified_tau", p.status == DecayProofResult::Status::Proved ? p.tau_used : options.tau,
                           "allowance above 1 at the teacher directions (rounding of the interpolation)"));
  ms.push_back(count_measurement("certified_boxes", static_cast<long long>(p.boxes), "interval boxes examined"));
  ms.push_back(count_measurement("certified_depth", p.max_depth, "deepest bisection of a 1-degree box"));
  ms.push_back(measurement("certified_seconds", Mp(p.seconds), "time of the proof", "s"));
  ms.push_back(measurement("cap_deg", degrees(p.cap_rad), "half-width of the Taylor caps at the teacher directions", "deg"));

  CheckOutcome o;
  o.margin = Margin{static_cast<double>(options.rho), "above floor", "proved rho"};
  const std::string bound = "|eta| <= 1 + " + to_decimal(p.tau_used, 2) + " - " + to_decimal(options.rho, 6) + " delta^2";
  switch (p.status) {
    case DecayProofResult::Status::Proved:
      o.verdict = Verdict::Pass;
      o.explanation = "proved " + bound + " on " + domain + " (" + std::to_string(p.boxes) + " boxes, depth " +
                      std::to_string(p.max_depth) + ")";
      ms.push_back(measurement("certified_worst_upper", p.worst_upper,
                               "largest proved upper bound of |eta| + rho delta^2 - 1 - tau outside the caps"));
      break;
    case DecayProofResult::Status::Violated:
      o.verdict = Verdict::Fail;
      o.margin = Margin{-static_cast<double>(p.counter_excess), "above floor", "counterexample"};
      o.explanation = "counterexample: |eta| + rho delta^2 - 1 >= " + to_decimal(p.counter_excess, 4) +
                      " > 0 proved for every span angle in [" + to_decimal(degrees(p.counter_lo), 10) + ", " +
                      to_decimal(degrees(p.counter_hi), 10) + "] deg" + (p.detail.empty() ? "" : " " + p.detail) +
                      ", with rho = " + to_decimal(options.rho, 6);
      ms.push_back(measurement("counterexample_angle_deg", degrees(p.counter_lo), "start of the counterexample interval", "deg"));
      ms.push_back(measurement("counterexample_excess", p.counter_excess, "proved lower bound of the excess there"));
      break;
    case DecayProofResult::Status::Budget:
    case DecayProofResult::Status::Unsupported:
      o.verdict = Verdict::Inconclusive;
      o.explanation = "not settled: " + p.detail;
      break;
  }
  o.measurements = std::move(ms);
  return o;
}

}  // namespace zg
