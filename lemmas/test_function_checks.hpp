// Claim D4 (MATH.md §4 "test-function bound"): far mass is controlled by the optimality
// gap once the certificate decays quadratically.
#pragma once

#include <optional>

#include "lemmas/claim_registry.hpp"

namespace zg {

/// D4: sum_j |a_j||w_j| delta(w_j)^2 <= (zeta' + lambda^2 |p|^2 / 4) / (lambda rho_eta) with
/// zeta' = L_lambda(theta) - lambda sum |a_i*|, for random students, the configured one and
/// every 10th state of a gradient-descent run from it. rho_eta is the certified constant
/// (D2c) when the proof succeeds, else the sampled one; `rho_override` replaces it (tests).
/// |p|^2 in closed form is checked against Monte Carlo.
CheckOutcome check_test_function_bound(const CheckContext& ctx, std::optional<Mp> rho_override = std::nullopt);

}  // namespace zg
