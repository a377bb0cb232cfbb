// Sub-checks of a claim and the verdict they earn together (DESIGN.md "Verdicts are
// earned"). Every comparison is made in working precision (Mp); only the margin, a
// log10 of a ratio already decided, is rounded to double for display.
#pragma once

#include <string>
#include <vector>

#include "core/claim_record.hpp"
#include "core/numeric_types.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// 10^-(digits - guard): what an identity must hold to at `digits` working digits when
/// `guard` digits are conceded to the method (quadrature, recurrences, summation).
Mp identity_tolerance(unsigned digits, unsigned guard);

/// Decimal text of a working-precision value with the digits it carries.
std::string decimal(const Mp& x);
/// Short decimal (4 significant digits) for explanations.
std::string short_decimal(const Mp& x);

Measurement measurement(std::string name, const Mp& value, std::string description,
                        std::string unit = "");
Measurement measurement(std::string name, const Mp& value, const Mp& error, std::string description,
                        std::string unit = "");
/// A value computed in double (a fitted exponent, a ratio of run counts, a grid value): its
/// shortest round-trip decimal, never the binary expansion a widening to Mp would print.
Measurement double_measurement(std::string name, double value, std::string description, std::string unit = "");
Measurement count_measurement(std::string name, long long value, std::string description);
/// A value that is already an exact decimal (a proof's stated rho or tau): printed as given.
Measurement text_measurement(std::string name, std::string value, std::string description, std::string unit = "");

class CheckLedger {
 public:
  explicit CheckLedger(unsigned digits) : digits_(digits) {}

  /// An identity: residual <= tol passes. The margin is log10(tol / |residual|) in digits;
  /// an exact zero counts as one unit of 10^-digits, the most the working precision shows,
  /// and heads the outcome only when no measured residual of the ledger could.
  /// A residual above tol but below 10^-(digits/2) may be lost precision rather than a
  /// false identity, so it is INCONCLUSIVE and the driver retries at higher precision
  /// (Ziv's strategy: a true identity's residual shrinks with eps, a false one stays put
  /// and then FAILs).
  void identity(const std::string& what, const Mp& residual, const Mp& tol);

  /// value <= bound must hold (a rigorous or stated bound); no precision escalation. The
  /// margin is bound - value in the value's unit ("below bound"), whatever their signs.
  void at_most(const std::string& what, const Mp& value, const Mp& bound);

  /// value > floor must hold strictly (a constant that must be positive, say); no escalation.
  void exceeds(const std::string& what, const Mp& value, const Mp& floor);

  /// |difference| <= k standard errors. The margin is k - |difference| / std_error, in
  /// standard errors ("sigma").
  void statistical(const std::string& what, const Mp& difference, const Mp& std_error, double k);

  /// A condition decided exactly (an audit: "a_i* is nonzero", "m >= m*"); `detail` says
  /// what was found. It has no room to measure, so its margin is NaN (shown as "—").
  void require(const std::string& what, bool ok, const std::string& detail);

  CheckOutcome finish(std::vector<Measurement> measurements) const;

 private:
  struct Entry {
    Verdict verdict;
    double margin;     // display only: digits, standard errors or the room in the value's unit
    std::string unit;  // "digits", "sigma", "below bound", "above floor" or "condition"
    std::string text;
    bool exact_zero = false;  // an identity whose residual is exactly 0: its margin is a floor
  };
  void add_digits(Verdict v, const Mp& residual, const Mp& allowed, const std::string& text);

  unsigned digits_;
  std::vector<Entry> entries_;
};

}  // namespace zg
