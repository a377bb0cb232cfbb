// Claim D4 (docs/math.md §4 "test-function bound"): far mass is controlled by the optimality
// gap once the certificate decays quadratically.
#pragma once

#include <optional>
#include <variant>

#include "core/certificate.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// The two sides of the D4 bound for any student at any lambda:
///   left  = sum_j |a_j| |w_j| delta(w_j^)^2,
///   right = (L_lambda(theta) - lambda sum_i |a_i*| + lambda^2 |p|^2 / 4) / (lambda rho).
struct TestFunctionBound {
  Mp rho;        ///< the decay constant used
  bool certified = false;  ///< rho proved (D2c) rather than sampled
  Mp p_norm_sq;  ///< |p|^2 in closed form
  Mp teacher_mass;  ///< sum_i |a_i*|

  /// left / right at working precision (+inf written as 1e300 when right <= 0 < left).
  /// Guarantee: estimate, relative error O(m d eps) plus the cancellation in L.
  Mp ratio(const Network<Mp>& student, const Network<Mp>& teacher, const Mp& lambda) const;
};

/// The bound of the run's teacher is a shared product: shared_test_function_bound
/// (lemmas/claim_products.hpp), computed from D2c's proof once per run.

/// D4: sum_j |a_j||w_j| delta(w_j)^2 <= (zeta' + lambda^2 |p|^2 / 4) / (lambda rho_eta) with
/// zeta' = L_lambda(theta) - lambda sum |a_i*|, for random students, the configured one and
/// every 10th state of a gradient-descent run from it. rho_eta is the certified constant
/// (D2c) when the proof succeeds, else the sampled one; `rho_override` replaces it (tests).
/// |p|^2 in closed form is checked against Monte Carlo.
CheckOutcome check_test_function_bound(const CheckContext& ctx, std::optional<Mp> rho_override = std::nullopt);

}  // namespace zg

namespace zg {

/// What the descent claims (T1, S3) build before running: the certificate (or the FAIL a
/// degenerate teacher gets), the teacher in MPFR and double, the D4 bound (the run's
/// product: such a claim declares Product::TestFunctionBound), and the tolerance Newton's
/// optimum is judged stationary by (12 digits conceded, as D3: the objective cancels O(1)
/// terms).
struct DescentClaimSetup {
  Certificate<Mp> certificate;
  Network<Mp> teacher;
  Network<double> teacher_d;
  TestFunctionBound bound;
  Mp newton_tol;
};
std::variant<DescentClaimSetup, CheckOutcome> descent_claim_setup(const CheckContext& ctx);

}  // namespace zg
