// CheckLedger: sub-check verdicts combined into one claim outcome.
#include "lemmas/check_ledger.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace zg {

Mp identity_tolerance(unsigned digits, unsigned guard) {
  const int exponent = -static_cast<int>(digits > guard ? digits - guard : 1);
  return pow(Mp(10), exponent);
}

std::string decimal(const Mp& x) { return to_decimal(x, x.precision()); }
std::string short_decimal(const Mp& x) { return to_decimal(x, 4); }

Measurement measurement(std::string name, const Mp& value, std::string description, std::string unit) {
  return Measurement{std::move(name), decimal(value), "", std::move(unit), std::move(description)};
}

Measurement measurement(std::string name, const Mp& value, const Mp& error, std::string description,
                        std::string unit) {
  return Measurement{std::move(name), decimal(value), to_decimal(error, 6), std::move(unit),
                     std::move(description)};
}

Measurement double_measurement(std::string name, double value, std::string description, std::string unit) {
  return Measurement{std::move(name), fmt::format("{}", value), "", std::move(unit), std::move(description)};
}

Measurement text_measurement(std::string name, std::string value, std::string description, std::string unit) {
  return Measurement{std::move(name), std::move(value), "", std::move(unit), std::move(description)};
}

Measurement count_measurement(std::string name, long long value, std::string description) {
  return Measurement{std::move(name), std::to_string(value), "", "", std::move(description)};
}

void CheckLedger::add_digits(Verdict v, const Mp& residual, const Mp& allowed, const std::string& text) {
  // residual >= 0 here (callers pass |r|). The margin is log10(allowed / residual): the
  // digits by which the residual clears (> 0) or misses (< 0) what is allowed. A residual
  // that is exactly 0 carries no more information than one unit of the working precision,
  // 10^-digits: claiming more digits than were computed would be a margin that lies.
  double margin;
  if (isnan(residual) || isnan(allowed) || allowed <= 0) {
    margin = -std::numeric_limits<double>::infinity();
  } else {
    const Mp resolved = residual == 0 ? pow(Mp(10), -static_cast<int>(digits_)) : residual;
    margin = static_cast<double>(Mp(log10(allowed / resolved)));
  }
  entries_.push_back(Entry{v, margin, "digits", text, residual == 0});
}

void CheckLedger::identity(const std::string& what, const Mp& residual, const Mp& tol) {
  const Mp r = abs(residual);
  const Mp precision_floor = pow(Mp(10), -static_cast<int>(digits_ / 2));
  Verdict v = Verdict::Pass;
  if (!(r <= tol)) v = (r <= precision_floor) ? Verdict::Inconclusive : Verdict::Fail;
  if (isnan(residual)) v = Verdict::Fail;
  add_digits(v, r, tol, what + ": residual " + short_decimal(r) + (v == Verdict::Pass ? " <= " : " > ") +
                     "tolerance " + short_decimal(tol));
}

void CheckLedger::at_most(const std::string& what, const Mp& value, const Mp& bound) {
  const bool ok = value <= bound;  // false for NaN
  // The room below the bound, in the quantity's own unit: a ratio in digits would mean
  // nothing for a value of either sign (sup |eta| - 1 < 0 has room; its log10 does not).
  const double room = (isnan(value) || isnan(bound)) ? -std::numeric_limits<double>::infinity()
                                                     : static_cast<double>(Mp(bound - value));
  entries_.push_back(Entry{ok ? Verdict::Pass : Verdict::Fail, room, "below bound",
                           what + ": " + short_decimal(value) + (ok ? " <= " : " > ") + "bound " + short_decimal(bound)});
}

void CheckLedger::exceeds(const std::string& what, const Mp& value, const Mp& floor) {
  const bool ok = value > floor;  // false for NaN
  // The margin is the room above the floor itself, in the value's own units.
  const double room = isnan(value) ? -std::numeric_limits<double>::infinity() : static_cast<double>(value - floor);
  entries_.push_back(Entry{ok ? Verdict::Pass : Verdict::Fail, room, "above floor",
                           what + ": " + short_decimal(value) + (ok ? " > " : " <= ") + "floor " + short_decimal(floor)});
}

void CheckLedger::statistical(const std::string& what, const Mp& difference, const Mp& std_error, double k) {
  const Mp allowed = Mp(k) * std_error;
  const Mp d = abs(difference);
  const bool ok = d <= allowed;  // false for NaN
  // The margin is the standard errors to spare, k - |difference| / std_error, in sigma:
  // a Monte Carlo difference of 3.9 standard errors against k = 4 has 0.1 sigma of room,
  // which a ratio in digits (log10(4 / 3.9) = 0.01) would hide. With no spread at all an
  // exact agreement has the whole k to spare and any difference fails without measure.
  double room;
  if (isnan(d) || isnan(std_error)) {
    room = -std::numeric_limits<double>::infinity();
  } else if (std_error > 0) {
    room = static_cast<double>(Mp(Mp(k) - d / std_error));
  } else {
    room = d == 0 ? k : -std::numeric_limits<double>::infinity();
  }
  // The count of standard errors is for people: three significant digits via double.
  const double sigmas = std_error > 0 ? static_cast<double>(Mp(d / std_error)) : 0.0;
  char text[96];
  std::snprintf(text, sizeof text, " = %.3g standard errors %s %.3g", sigmas, ok ? "<=" : ">", k);
  entries_.push_back(Entry{ok ? Verdict::Pass : Verdict::Fail, room, "sigma",
                           what + ": |difference| " + short_decimal(d) + text});
}

void CheckLedger::require(const std::string& what, bool ok, const std::string& detail) {
  entries_.push_back(Entry{ok ? Verdict::Pass : Verdict::Fail, std::numeric_limits<double>::quiet_NaN(), "condition",
                           what + ": " + detail});
}

CheckOutcome CheckLedger::finish(std::vector<Measurement> measurements) const {
  CheckOutcome out;
  out.measurements = std::move(measurements);
  if (entries_.empty()) {
    out.verdict = Verdict::Inconclusive;
    out.explanation = "no sub-check was run";
    return out;
  }
  auto rank = [](Verdict v) { return v == Verdict::Fail ? 2 : v == Verdict::Inconclusive ? 1 : 0; };
  const Entry* worst = &entries_.front();
  for (const Entry& e : entries_) {
    // Margins are compared only within one unit; across units the earlier entry stands.
    // An exact zero's margin is a floor, not a measurement: it loses to any measured one.
    const auto tighter = [](const Entry& a, const Entry& b) {
      return a.exact_zero != b.exact_zero ? b.exact_zero : a.margin < b.margin;
    };
    if (rank(e.verdict) > rank(worst->verdict) ||
        (rank(e.verdict) == rank(worst->verdict) && e.unit == worst->unit && tighter(e, *worst)))
      worst = &e;
  }
  out.verdict = worst->verdict;
  out.margin = Margin{worst->margin, worst->unit, worst->text};
  // Only identities are ever inconclusive here, and only in the zone where lost digits
  // could explain the residual: more precision may settle them.
  out.precision_may_help = out.verdict == Verdict::Inconclusive;
  // The deciding sub-check first, then the others in the order they were made.
  out.explanation = worst->text;
  for (const Entry& e : entries_)
    if (&e != worst) out.explanation += "; " + e.text;
  return out;
}

}  // namespace zg
