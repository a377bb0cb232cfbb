// Comparing a run with an earlier report.json (`verify run --baseline OLD/report.json`):
// verdicts that changed, and measurements that moved by more than their tolerance. Values
// are compared as decimals in MPFR at more digits than either string carries, never via
// double, so a change in the 40th digit of a 50-digit constant is seen.
#pragma once

#include <optional>
#include <string>

#include "core/claim_record.hpp"
#include "reports/report_document.hpp"

namespace zg {

struct BaselineOptions {
  /// Relative tolerance 10^-compare_digits; std::nullopt = the precision of the values:
  /// the smaller of the two claims' working digits less kGuardDigits.
  std::optional<unsigned> compare_digits;
  static constexpr unsigned kGuardDigits = 5;  ///< last digits of a run may differ by rounding
};

/// A wall-clock duration (unit "s"): never compared, and not part of reproducibility.
bool is_wall_clock(const Measurement& m);

/// The differences of `current` from `baseline`, claim by claim in `current`'s order, then
/// the baseline's claims this run did not include. A measurement moved when
///   |after − before| > max(error_before, error_after) + 10^-d · max(|before|, |after|),
/// d as BaselineOptions says; text that is not a decimal moved when it differs at all.
/// Regressions: a verdict that left PASS or became FAIL, a value that moved, a measurement
/// that vanished from a claim that still ran. Measurements of a SKIPPED claim are not
/// compared (the verdict change says it all).
BaselineComparison compare_with_baseline(const RunReport& current,
                                         const RunReport& baseline,
                                         const std::string& source,
                                         const BaselineOptions& options = {});

}  // namespace zg
