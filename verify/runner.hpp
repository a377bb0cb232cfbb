// Runs claims: sets the working precision, times each check, escalates precision when a
// check is inconclusive (Ziv's strategy), skips a claim whose required claims did not
// pass, hands every check the run's shared products (lemmas/claim_results.hpp), and
// assembles the RunReport the emitters render.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/claim_record.hpp"
#include "lemmas/claim_registry.hpp"
#include "reports/report_document.hpp"
#include "verify/config.hpp"

namespace zg {

struct RunRequest {
  const RunConfig* config = nullptr;
  std::vector<const ClaimSpec*> claims;  ///< resolved, in run order
  /// Where the ids in a claim's requires_claims are looked up; nullptr = the built-in registry.
  const ClaimRegistry* registry = nullptr;
  unsigned digits = 50;                  ///< starting working precision
  std::uint64_t seed = 1;
  unsigned max_escalations = 2;          ///< each doubles the digits, capped at kMaxDigits
  /// The products the claims share (each computed once, by the first claim that asks);
  /// nullptr = a store of this run's own, gone with it. Tests pass one to count computations.
  ClaimResults* results = nullptr;
  /// Ziv's strategy for the printed values (verify/confirmed_values.hpp): every claim that
  /// proves nothing (not certified, no certificate written) runs a second time at
  /// confirming_digits(digits), with products of that precision, and prints only the
  /// digits that run confirms. Off: values are printed as computed (faster; tests of the
  /// runner's other duties turn it off).
  bool confirm_values = true;
};

/// How this program was built (build_info.hpp) and the versions of Boost, MPFR, GMP, MPFI
/// and Eigen it actually runs with: the run-time version calls where the library has one
/// (mpfr_get_version, gmp_version, mpfi_get_version), the headers' macros otherwise.
BuildProvenance build_provenance();

/// Called before and after each claim (for progress display); may be empty.
using ProgressFn = std::function<void(std::size_t index, std::size_t total, const ClaimSpec& claim,
                                      const ClaimResult* finished)>;

/// Resolves claim ids ("H1,h2") against the registry; empty = every registered claim.
/// Throws InputError naming `field` and the unknown id.
std::vector<const ClaimSpec*> resolve_claims(const ClaimRegistry& registry, const std::vector<std::string>& ids,
                                             const std::string& field);

/// Runs one claim at `digits`, escalating while INCONCLUSIVE for want of digits
/// (CheckOutcome::precision_may_help). The check may take the products it declares
/// (ClaimSpec::needs) from `results`, the run's store; nullptr = a store of this call's
/// own, so a claim run alone computes what it needs itself. A check that throws
/// anything but InputError yields FAIL with the exception's message (a broken check must
/// never pass, nor one that asks for a product it did not declare); InputError propagates.
/// With `confirm_results` set, a claim that ran, is not certified and wrote no certificate
/// runs once more at confirming_digits(r.digits), its products taken from
/// `confirm_results` (a store of that precision), and its values are confirmed against
/// that run (confirm_values); seconds counts both runs. A proving claim's values are the bounds it proved, printed as proved.
ClaimResult run_claim(const ClaimSpec& claim, const ProblemSpec& problem, unsigned digits, std::uint64_t seed,
                      unsigned max_escalations, ClaimResults* results = nullptr,
                      ClaimResults* confirm_results = nullptr);

/// Runs the requested claims in order, one after the other. A claim whose requires_claims
/// are not all PASS is SKIPPED, its explanation naming the requirement and quoting why it
/// did not pass. Each claim is evaluated at most once per run: a requirement not requested
/// is run for the decision only and kept out of the report; one requested later reuses its
/// result. Each shared product is computed once per run, inside the first claim that
/// asks for it (its time counts there).
/// Throws std::logic_error when requirements name an unknown claim or form a cycle.
RunReport run_claims(const RunRequest& request, const ProgressFn& progress);

}  // namespace zg
