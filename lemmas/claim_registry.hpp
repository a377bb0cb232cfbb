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

namespace zg {

/// What a check is given. The caller has already set the working precision (ScopedDigits)
/// to `digits`; checks build every value they need from `problem` at that precision.
struct CheckContext {
  const ProblemSpec& problem;
  unsigned digits;
  std::uint64_t seed;
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
