// The records a claim check produces and every report renders (DESIGN.md "Claims are
// data"). Plain data, no numerics: values are decimal strings that carry the digits
// they were computed with, so no emitter ever rounds a high-precision value via double.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plot_spec.hpp"

namespace zg {

enum class Verdict { Pass, Fail, Inconclusive, Skipped };

/// How a verdict was earned (docs/math.md §6 "kind of check").
enum class Rigor {
  Identity,     ///< closed form equals an independent computation to working precision
  Statistical,  ///< agreement within a stated number of standard errors
  Sampled,      ///< inequality checked at finitely many points; worst point reported
  Certified,    ///< inequality proved over a region with interval enclosures
  Measured,     ///< a constant or exponent measured and reported
  Audit,        ///< assumptions of the theorem checked for the configuration
};

const char* to_string(Verdict v);
const char* to_string(Rigor r);
/// Inverse of to_string; return std::nullopt for unknown text.
std::optional<Verdict> verdict_from_string(const std::string& s);
std::optional<Rigor> rigor_from_string(const std::string& s);

/// One named number: value and its error estimate as decimal strings ("" = no estimate).
struct Measurement {
  std::string name;         ///< snake_case key, stable across versions (JSON key)
  std::string value;        ///< decimal, as many digits as were computed
  std::string error;        ///< absolute error estimate or bound, decimal; "" if none
  std::string unit;         ///< "", "rad", "deg", "s", "σ", ...
  std::string description;  ///< one line for people
};

/// By how much the verdict holds, in the unit that makes sense for the check:
/// "digits" (log10 of tolerance/residual), "sigma" (standard errors to spare), or a
/// raw difference. Positive = the verdict's condition holds with room to spare.
struct Margin {
  double value = 0;  ///< for display and sorting only; the verdict was decided in T
  std::string unit;  ///< "digits", "sigma", ...
  std::string text;  ///< e.g. "residual 3.1e-57 <= tolerance 1e-45"
};

/// A file written beside the report (plot data, figures).
struct Artefact {
  std::string path;  ///< relative to the report folder
  std::string kind;  ///< "csv", "svg", ...
  std::string description;
};

/// A file a claim produced whole (a proof certificate), written beside the report by
/// write_claim_attachments (reports/attachments.hpp) and listed among the artefacts.
struct AttachedFile {
  std::string path;  ///< relative to the report folder, e.g. "certificates/D2c.json"
  std::string kind;  ///< "certificate", ...
  std::string description;
  std::string content;  ///< the bytes to write
};

/// Where a claim's certificate was written and its SHA-256, so that a reader can check
/// that the file it replays is the one the run produced.
struct CertificateRef {
  std::string path;    ///< relative to the report folder
  std::string sha256;  ///< 64 lowercase hexadecimal digits of the file's bytes
};

/// What running one claim produced.
struct ClaimResult {
  std::string id;
  std::string title;
  std::string module;  ///< lemma module that owns the claim ("hermite", ...)
  std::string statement;        ///< the paper's claim, plain text
  std::string statement_latex;  ///< the same, LaTeX (math mode where needed)
  std::string paper_location;   ///< "§2, Lemma 3" or similar
  Verdict verdict = Verdict::Inconclusive;
  Rigor rigor = Rigor::Identity;
  Margin margin;
  std::string explanation;  ///< why the verdict, in a sentence or two; never empty
  unsigned digits = 0;      ///< working precision the verdict was obtained at
  /// Precision of the second run that confirmed the printed values (Ziv's strategy,
  /// verify/confirmed_values.hpp); 0 = not confirmed (a certified claim prints the bounds
  /// it proved, a skipped one nothing). In report.json as "digits_confirmed" when set.
  unsigned confirmed_digits = 0;
  double seconds = 0;       ///< wall time of the check
  std::vector<Measurement> measurements;
  std::vector<Artefact> artefacts;
  /// Figures to draw beside the report; render_report_plots (reports/plot.hpp) writes
  /// them and appends their files to `artefacts`. Not part of the JSON: the files are.
  std::vector<PlotSpec> plots;
  /// Files to write beside the report (not part of the JSON: the files and `certificate`
  /// are).
  std::vector<AttachedFile> attachments;
  /// Set when an attachment of kind "certificate" was written: the claim's first (main)
  /// certificate; in report.json as "certificate": {"path", "sha256"}.
  std::optional<CertificateRef> certificate;
  /// Every certificate the claim wrote, in the order attached, the main one first (D3
  /// proves one bound per lambda); in report.json as "certificates": [{"path", "sha256"}].
  /// Empty exactly when `certificate` is unset.
  std::vector<CertificateRef> certificates;
};

/// Counts per verdict.
struct Summary {
  int pass = 0, fail = 0, inconclusive = 0, skipped = 0;
  int total() const { return pass + fail + inconclusive + skipped; }
};
Summary summarize(const std::vector<ClaimResult>& claims);

/// Everything a report holds: provenance plus the claim results.
struct RunReport {
  std::string tool = "verify";
  std::string version;
  std::string git_commit;
  std::string paper = "Zhou & Ge, arXiv 2406.01766";
  std::string config_source;  ///< file path, or "<embedded default>"
  std::string config_text;    ///< the configuration exactly as read
  unsigned digits = 0;
  std::uint64_t seed = 0;
  std::string started_at;  ///< ISO 8601 UTC
  double seconds = 0;      ///< whole run
  std::string host;
  std::vector<ClaimResult> claims;
};

/// Exit status the command line uses for a finished run: 0 no claim failed and nothing
/// inconclusive, 1 some claim failed, 3 nothing failed but something inconclusive.
int exit_code_for(const Summary& s);

}  // namespace zg
