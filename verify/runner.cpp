// The claim runner: precision, timing, escalation, provenance, the SKIPPED verdict for a
// claim whose required claims (ClaimSpec::requires_claims) did not pass, and one store of
// shared products (ClaimSpec::needs) per run.
#include "verify/runner.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include <boost/version.hpp>
#include <Eigen/Core>
#include <gmp.h>
#include <mpfi.h>
#include <mpfr.h>

#include "core/input_error.hpp"
#include "core/numeric_types.hpp"
#include "verify/build_info.hpp"
#include "verify/confirmed_values.hpp"

namespace zg {
namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string host_name() {
  char buf[256] = {0};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A result carrying the claim's metadata and nothing measured yet.
ClaimResult result_for(const ClaimSpec& claim) {
  ClaimResult r;
  r.id = claim.id;
  r.title = claim.title;
  r.module = claim.module;
  r.statement = claim.statement;
  r.statement_latex = claim.statement_latex;
  r.paper_location = claim.paper_location;
  r.rigor = claim.rigor;
  return r;
}

// "which FAILED", "which was INCONCLUSIVE", ...: how a requirement missed PASS.
std::string how_it_ended(Verdict v) {
  return v == Verdict::Fail ? "which FAILED" : std::string("which was ") + to_string(v);
}

// The claims of one run_claims call, each evaluated once: results by id, so a claim
// required by several others, or required and requested, runs a single time; and the
// products they share, each computed once.
class RunEvaluator {
 public:
  RunEvaluator(const RunRequest& request, const ClaimRegistry& registry)
      : request_(request), registry_(registry), products_(request.results != nullptr ? *request.results : own_products_) {}

  /// Requirements that were evaluated only as such and did not pass: the report must show
  /// them, or a run of a skipped claim would look clean (and exit 0).
  std::vector<ClaimResult> unrequested_failures(const std::vector<const ClaimSpec*>& requested) const {
    std::vector<ClaimResult> out;
    for (const auto& [id, r] : done_) {
      bool was_requested = false;
      for (const ClaimSpec* c : requested) was_requested = was_requested || c->id == id;
      if (!was_requested && r.verdict != Verdict::Pass && r.verdict != Verdict::Skipped) out.push_back(r);
    }
    return out;
  }

  const ClaimResult& result(const ClaimSpec& claim) {
    if (const auto done = done_.find(claim.id); done != done_.end()) return done->second;
    if (!in_progress_.insert(claim.id).second)
      throw std::logic_error("claim requirements form a cycle through " + claim.id);
    ClaimResult r;
    if (const std::optional<std::string> why = unmet_requirement(claim)) {
      r = result_for(claim);
      r.verdict = Verdict::Skipped;
      r.explanation = *why;  // digits stay 0: the claim never ran
    } else {
      r = run_claim(claim, request_.config->problem, request_.digits, request_.seed, request_.max_escalations,
                    &products_, request_.confirm_values ? &confirm_products_ : nullptr);
    }
    in_progress_.erase(claim.id);
    return done_.emplace(claim.id, std::move(r)).first->second;
  }

 private:
  // Why the claim must be skipped, or nothing when every requirement passed.
  std::optional<std::string> unmet_requirement(const ClaimSpec& claim) {
    for (const std::string& id : claim.requires_claims) {
      const ClaimSpec* required = registry_.find(id);
      if (required == nullptr) throw std::logic_error("claim " + claim.id + " requires unknown claim " + id);
      const ClaimResult& r = result(*required);
      if (r.verdict != Verdict::Pass)
        return "skipped: requires " + required->id + ", " + how_it_ended(r.verdict) + ": " + r.explanation;
    }
    return std::nullopt;
  }

  const RunRequest& request_;
  const ClaimRegistry& registry_;
  ClaimResults own_products_;  // used unless the request brings a store
  ClaimResults& products_;
  ClaimResults confirm_products_;  // the products of the confirming runs, at their precision
  std::map<std::string, ClaimResult> done_;  // std::map: references stay valid as it grows
  std::set<std::string> in_progress_;
};

/// BOOST_LIB_VERSION is "1_74": shown as 1.74.
std::string boost_version() {
  std::string v = BOOST_LIB_VERSION;
  std::replace(v.begin(), v.end(), '_', '.');
  return v;
}

}  // namespace

BuildProvenance build_provenance() {
  BuildProvenance b;
  b.compiler = build_info::kCompiler;
  b.flags = build_info::kCompilerFlags;
  b.build_type = build_info::kBuildType;
  b.libraries = {
      {"boost", boost_version()},
      {"mpfr", mpfr_get_version()},
      {"gmp", gmp_version},
      {"mpfi", mpfi_get_version()},
      {"eigen",
       std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
           std::to_string(EIGEN_MINOR_VERSION)},
  };
  return b;
}

std::vector<const ClaimSpec*> resolve_claims(const ClaimRegistry& registry,
                                             const std::vector<std::string>& ids,
                                             const std::string& field) {
  std::vector<const ClaimSpec*> out;
  if (ids.empty()) {
    for (const ClaimSpec& c : registry.claims()) out.push_back(&c);
    return out;
  }
  for (const std::string& id : ids) {
    const ClaimSpec* c = registry.find(id);
    if (c == nullptr) throw InputError(field, "", "unknown claim id '" + id + "'", "run 'verify list' to see the ids");
    bool seen = false;
    for (const ClaimSpec* o : out) seen = seen || (o == c);
    if (!seen) out.push_back(c);
  }
  return out;
}

namespace {

// One evaluation of the check at `digits`; a check that throws (other than InputError)
// FAILs with no margin, and `completed` says whether it returned.
CheckOutcome evaluate_check(const ClaimSpec& claim, const ProblemSpec& problem, unsigned digits, std::uint64_t seed,
                            const ResultGrant& grant, bool& completed) {
  ScopedDigits precision(digits);
  try {
    completed = true;
    return claim.check(CheckContext{problem, digits, seed, &grant});
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    completed = false;
    CheckOutcome outcome;
    outcome.verdict = Verdict::Fail;
    outcome.explanation = std::string("the check stopped with an error: ") + e.what();
    // Nothing was measured: no margin, rather than a "0 digits" nobody computed.
    outcome.margin = Margin{std::numeric_limits<double>::quiet_NaN(), "condition", "check did not complete"};
    return outcome;
  }
}

}  // namespace

ClaimResult run_claim(const ClaimSpec& claim, const ProblemSpec& problem, unsigned digits, std::uint64_t seed,
                      unsigned max_escalations, ClaimResults* results, ClaimResults* confirm_results) {
  ClaimResults own_results;  // a claim run on its own computes its products itself
  const ResultGrant grant(results != nullptr ? *results : own_results, claim.id, claim.needs);
  ClaimResult r = result_for(claim);
  const auto t0 = std::chrono::steady_clock::now();
  const unsigned first_digits = digits;
  bool completed = false;
  for (unsigned attempt = 0;; ++attempt) {
    CheckOutcome outcome = evaluate_check(claim, problem, digits, seed, grant, completed);
    r.verdict = outcome.verdict;
    r.margin = outcome.margin;
    r.explanation = outcome.explanation;
    r.measurements = std::move(outcome.measurements);
    r.artefacts = std::move(outcome.artefacts);
    r.plots = std::move(outcome.plots);
    r.attachments = std::move(outcome.attachments);
    r.digits = digits;
    const bool can_escalate = attempt < max_escalations && digits < kMaxDigits;
    if (r.verdict != Verdict::Inconclusive || !outcome.precision_may_help || !can_escalate) break;
    digits = std::min(2 * digits, kMaxDigits);
  }
  if (r.digits != first_digits)
    r.explanation += " (precision raised from " + std::to_string(first_digits) + " to " + std::to_string(r.digits) +
                     " digits after an inconclusive result)";
  // A claim that proves bounds (certified, or one that wrote a certificate, as D3 does)
  // prints them as proved: rounded to fewer digits they could fall below what was proved,
  // and a proof at other digits is another proof (D3's at 62 digits takes 30 times as long).
  if (confirm_results != nullptr && completed && claim.rigor != Rigor::Certified && r.attachments.empty()) {
    const ResultGrant confirm_grant(*confirm_results, claim.id, claim.needs);
    ClaimResult higher = result_for(claim);
    higher.digits = confirming_digits(r.digits);
    bool higher_completed = false;
    CheckOutcome outcome = evaluate_check(claim, problem, higher.digits, seed, confirm_grant, higher_completed);
    higher.verdict = outcome.verdict;
    higher.explanation = std::move(outcome.explanation);
    higher.measurements = std::move(outcome.measurements);
    confirm_values(r, higher);
  }
  r.seconds = seconds_since(t0);
  return r;
}

RunReport run_claims(const RunRequest& request, const ProgressFn& progress) {
  RunReport report;
  report.version = build_info::kVersion;
  report.git_commit = build_info::kGitCommit;
  report.config_source = request.config->source;
  report.config_text = request.config->text;
  report.digits = request.digits;
  report.seed = request.seed;
  report.started_at = utc_now_iso8601();
  report.host = host_name();

  const auto t0 = std::chrono::steady_clock::now();
  RunEvaluator evaluator(request, request.registry != nullptr ? *request.registry : ClaimRegistry::builtin());
  const std::size_t total = request.claims.size();
  for (std::size_t i = 0; i < total; ++i) {
    const ClaimSpec& claim = *request.claims[i];
    if (progress) progress(i, total, claim, nullptr);
    report.claims.push_back(evaluator.result(claim));
    if (progress) progress(i, total, claim, &report.claims.back());
  }
  for (ClaimResult& r : evaluator.unrequested_failures(request.claims)) {
    r.explanation = "(run as a requirement of the claims above) " + r.explanation;
    report.claims.push_back(std::move(r));
  }
  report.seconds = seconds_since(t0);
  return report;
}

}  // namespace zg
