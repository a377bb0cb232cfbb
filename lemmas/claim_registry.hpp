// The registry of claims (DESIGN.md "Claims are data"): each lemma module contributes
// ClaimSpec records through its register function; the driver looks claims up by id.
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
  /// Every claim the lemma modules provide, in docs/math.md §6 order.
  static const ClaimRegistry& builtin();

  void add(ClaimSpec spec);
  const std::vector<ClaimSpec>& claims() const { return claims_; }
  /// nullptr when no claim has that id (ids compare case-insensitively).
  const ClaimSpec* find(const std::string& id) const;

 private:
  std::vector<ClaimSpec> claims_;
};

// One per lemma module.
void register_assumption_claims(ClaimRegistry& registry);
void register_hermite_claims(ClaimRegistry& registry);
void register_certificate_claims(ClaimRegistry& registry);
void register_regularization_claims(ClaimRegistry& registry);
void register_algorithm_claims(ClaimRegistry& registry);
void register_stage_three_claims(ClaimRegistry& registry);

}  // namespace zg
