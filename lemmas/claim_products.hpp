// The products claims share (lemmas/claim_results.hpp), one accessor each: the run's
// copy when the check was given a ResultGrant (the runner always gives one), computed on
// the first request of the run; a private computation when it was not (a test calling a
// check directly). Each accessor names what the product depends on in its key, so a claim
// escalated to more digits gets products at those digits.
#pragma once

#include <cstdint>
#include <memory>
#include <variant>

#include "core/certificate.hpp"
#include "core/certificate_search.hpp"
#include "core/decay_certificate.hpp"
#include "core/regularized_optimum.hpp"
#include "core/ridge_output.hpp"
#include "lemmas/claim_registry.hpp"
#include "lemmas/test_function_checks.hpp"

namespace zg {

/// The teacher's pre-certificate at ctx.digits, or the FAIL outcome of a degenerate
/// teacher (lemmas/certificate_checks.hpp certificate_or_failure). Product::Certificate.
std::shared_ptr<const std::variant<Certificate<Mp>, CheckOutcome>> shared_certificate(const CheckContext& ctx);

/// D2's decay search of that certificate with the [certificate] settings and ctx.seed.
/// Throws std::logic_error when the teacher has no certificate (the caller checks first).
/// Product::DecaySearch.
std::shared_ptr<const DecaySearchResult> shared_decay_search(const CheckContext& ctx);

/// D2c's proof (prove_certificate_decay) from the search's rho_eta. The same preconditions.
/// Product::DecayProof.
std::shared_ptr<const DecayCertificate> shared_decay_proof(const CheckContext& ctx);

/// D4's bound: rho proved by D2c's proof when the sampled rho_eta is positive and the proof
/// succeeds, else the sampled rho_eta; |p|^2 in closed form; sum |a_i*|. The same
/// preconditions. Product::TestFunctionBound.
std::shared_ptr<const TestFunctionBound> shared_test_function_bound(const CheckContext& ctx);

/// Newton's optimum of L_lambda with m* neurons in the certificate's span (newton_optimum
/// at the default iteration cap), keyed by the exact values of lambda and tol. The same
/// preconditions. Product::NewtonOptimum.
std::shared_ptr<const OptimumResult> shared_newton_optimum(const CheckContext& ctx, const Mp& lambda, const Mp& tol);

/// Stages 1 and 2 of the algorithm ([algorithm] pairs, init_scale, step, ridge): `pairs`
/// symmetric pairs drawn with `seed`, one population step in double, the ridge solve and
/// rebalance at working precision. Product::StageTwoNetwork.
struct StageTwoRun {
  Network<double> stage_one;  ///< after stage 1's step
  StageTwo<Mp> two;           ///< stage 2 on that layer, taken exactly into Mp
};
std::shared_ptr<const StageTwoRun> shared_stage_two(const CheckContext& ctx, std::uint64_t seed);

}  // namespace zg
