// The registry of claims (DESIGN.md "Claims are data"): the rows of the claims table
// (lemmas/claims.toml) as ClaimSpec records, each with the check bound to its id by a
// BindCheck beside the check function; the driver looks claims up by id.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/claim_record.hpp"
#include "core/plot_spec.hpp"
#include "core/problem_spec.hpp"
#include "lemmas/claim_results.hpp"

namespace zg {

/// What a check is given. The caller has already set the working precision (ScopedDigits)
/// to `digits`; checks build every value they need from `problem` at that precision, or
/// take it from `results`.
struct CheckContext {
  const ProblemSpec& problem;
  unsigned digits;
  std::uint64_t seed;
  /// The run's shared products, as far as the claim declared them (ClaimSpec::needs); the
  /// runner always sets it. nullptr (a check called directly): the accessors of
  /// lemmas/claim_products.hpp compute a private copy.
  const ResultGrant* results = nullptr;
};

/// What a check returns; the driver adds the claim's metadata, digits and timing.
struct CheckOutcome {
  Verdict verdict = Verdict::Inconclusive;
  Margin margin;
  std::string explanation;
  std::vector<Measurement> measurements;
  std::vector<Artefact> artefacts;
  std::vector<PlotSpec> plots;      ///< figures, rendered beside the report by the driver
  std::vector<AttachedFile> attachments;  ///< files written whole beside the report (certificates)
  bool precision_may_help = false;  ///< INCONCLUSIVE for want of digits: retry with more
};

struct ClaimSpec {
  std::string id;     ///< "H1", ... (docs/math.md §6)
  std::string title;
  std::string module;
  Rigor rigor = Rigor::Identity;
  std::string statement;
  std::string statement_latex;
  std::string paper_location;
  std::function<CheckOutcome(const CheckContext&)> check;
  /// Ids of claims that must PASS before this one runs (A1 for the certificate claims);
  /// otherwise the runner reports it SKIPPED, naming the failed requirement.
  std::vector<std::string> requires_claims = {};  // "= {}": no -Wmissing-field-initializers when omitted
  /// Products of other claims' work this check takes from the run (lemmas/claim_results.hpp):
  /// each is computed once per run, by whichever claim asks first, and handed to the rest.
  /// Asking for one not declared here (or an input of one declared) FAILs the claim.
  std::vector<Product> needs = {};
};

class ClaimRegistry {
 public:
  /// Every claim of lemmas/claims.toml with its bound check, in the table's order
  /// (docs/math.md §6). Throws InputError on any drift between the table and the checks
  /// (lemmas/claim_table.hpp).
  static const ClaimRegistry& builtin();

  void add(ClaimSpec spec);
  const std::vector<ClaimSpec>& claims() const { return claims_; }
  /// nullptr when no claim has that id (ids compare case-insensitively).
  const ClaimSpec* find(const std::string& id) const;

 private:
  std::vector<ClaimSpec> claims_;
};

/// A check bound to the table row of `claim_id` (spelt as in lemmas/claims.toml).
struct CheckBinding {
  std::string claim_id;
  std::function<CheckOutcome(const CheckContext&)> check;
  std::string defined_in;  ///< the binding's source file, for error messages
};

/// Binds a check to its row where the check is defined: one namespace-scope object beside
/// the check function,
///   const BindCheck bind_H1("H1", [](const CheckContext& ctx) { return check_h1(ctx); });
/// registered during static initialisation. Nothing names these objects, so zg_lemmas is
/// linked whole (zg_lemmas_registry, lemmas/CMakeLists.txt) for the linker to keep them.
class BindCheck {
 public:
  BindCheck(const char* claim_id,
            std::function<CheckOutcome(const CheckContext&)> check,
            const char* defined_in = __builtin_FILE());
};

/// Every BindCheck made so far (the order across files is unspecified).
const std::vector<CheckBinding>& bound_checks();

}  // namespace zg
