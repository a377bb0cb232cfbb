// Ziv's strategy for printed values (STYLE.md habit 10): evaluate at the requested digits
// plus guard digits and again at twice that precision, raise while the requested digits of
// the two disagree, and otherwise print only the digits that agree, with the difference of
// the last two evaluations as the error (docs/math.md §2.2 "Printed digits").
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/numeric_types.hpp"

namespace zg {

/// A value as printed: its decimal text and what backs it.
struct StableDecimal {
  std::string text;             ///< "0" for an exact zero, else `digits` significant digits
  unsigned digits = 0;          ///< significant digits in text (the requested ones if stable)
  bool stable = false;          ///< the requested digits agreed between two precisions
  std::string abs_error;        ///< if !stable: |hi - lo| + rounding, 2 digits rounded up
  unsigned working_digits = 0;  ///< precision of the evaluation that was printed
};

/// Controls of the precision escalation.
struct ZivOptions {
  unsigned guard_digits = 10;                    ///< first evaluation at digits + guard
  unsigned max_working_digits = 4 * kMaxDigits;  ///< never evaluate above this (bounded cost)
};

namespace detail {

// |x| rounded up to 2 significant digits: an error is never printed smaller than it is.
inline std::string decimal_rounded_up(const Mp& x) {
  std::string out(64, '\0');
  const int n = mpfr_snprintf(out.data(), out.size(), "%.1RUe", x.backend().data());
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

// The printed form of a settled value: an exact zero prints as "0".
inline std::string printed(const Mp& x, unsigned digits) {
  return x == 0 ? std::string("0") : to_decimal(x, digits);
}

// Both evaluations give the same `digits` digits (or are both exactly zero).
inline bool digits_agree(const Mp& lo, const Mp& hi, unsigned digits) {
  if (lo == 0 || hi == 0) return lo == 0 && hi == 0;
  return to_decimal(lo, digits) == to_decimal(hi, digits);
}

// The fallback after the last precision: the most digits on which lo and hi agree, and
// an error of |hi - lo| plus half a unit in the last printed place (or, when not even the
// leading digit agrees, the text "0" with an error covering both values).
inline StableDecimal fewer_digits(const Mp& lo, const Mp& hi, unsigned digits, unsigned working) {
  using std::abs;
  const ScopedDigits precision(working);  // the printed text read back at hi's precision
  StableDecimal r;
  r.working_digits = working;
  const Mp diff = abs(hi - lo);
  for (unsigned d = digits - 1; d >= 1; --d) {
    if (!digits_agree(lo, hi, d)) continue;
    r.text = to_decimal(hi, d);
    r.digits = d;
    const Mp printed_value(r.text);
    r.abs_error = decimal_rounded_up(Mp(diff + abs(Mp(printed_value - hi))));
    return r;
  }
  r.text = "0";
  r.digits = 0;
  r.abs_error = decimal_rounded_up(Mp(abs(hi) + diff));
  return r;
}

}  // namespace detail

/// Every component of compute() printed to `digits` significant digits by Ziv's strategy.
/// compute() is called with the working precision set (ScopedDigits) to digits + guard,
/// then to twice that, doubling up to options.max_working_digits; it must read its inputs
/// (decimal text) afresh at that precision, so that a second evaluation is a genuinely more
/// precise one. A component is settled when its two latest evaluations print the same
/// digits; the printed text is the more precise one's.
/// Guarantee: estimate. A settled value is correctly rounded when the higher evaluation's
/// error is below the distance to the nearest rounding boundary, which two agreeing
/// precisions make overwhelmingly likely but do not prove (this is not an enclosure).
/// Unsettled at the last precision: fewer digits and abs_error (detail::fewer_digits).
/// compute() must return the same number of values at every precision.
template <class Compute>
std::vector<StableDecimal> stable_decimals(const Compute& compute, unsigned digits, const ZivOptions& options = {}) {
  const auto evaluate = [&](unsigned working) {
    const ScopedDigits precision(working);
    return std::vector<Mp>(compute());
  };
  // The cap admits at least one comparison of two different precisions.
  const unsigned cap = std::max(options.max_working_digits, 2 * (digits + options.guard_digits));
  unsigned lo_digits = digits + options.guard_digits;
  std::vector<Mp> lo = evaluate(lo_digits);
  std::vector<StableDecimal> out(lo.size());
  std::vector<bool> settled(lo.size(), false);
  // Each pass at least doubles the precision up to the cap: at most log2(cap) + 1 passes.
  for (;;) {
    const unsigned hi_digits = std::min(2 * lo_digits, cap);
    std::vector<Mp> hi = evaluate(hi_digits);
    bool all = true;
    for (std::size_t i = 0; i < lo.size(); ++i) {
      if (settled[i]) continue;
      if (detail::digits_agree(lo[i], hi[i], digits)) {
        out[i] = StableDecimal{detail::printed(hi[i], digits), digits, true, "", hi_digits};
        settled[i] = true;
      } else if (hi_digits >= cap) {
        out[i] = detail::fewer_digits(lo[i], hi[i], digits, hi_digits);
        settled[i] = true;
      } else {
        all = false;
      }
    }
    if (all) return out;
    lo.swap(hi);  // swapped, not assigned: each value keeps the precision it was made at
    lo_digits = hi_digits;
  }
}

/// Significant digits of a plain finite decimal text ("-1.250e-03" has 4, "0.0012" has 2,
/// "0" and "-0.0e+00" have 0), or std::nullopt when the text is not one (words, "nan",
/// "inf", an interval, "1e", ".").
/// Guarantee: exact.
inline std::optional<unsigned> significant_digits(const std::string& text) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  unsigned digits = 0;
  bool any = false, point = false, nonzero = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any = true;
      nonzero = nonzero || c != '0';
      if (nonzero) ++digits;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i == text.size()) return digits;
  if (text[i] != 'e' && text[i] != 'E') return std::nullopt;  // only an exponent may follow
  std::size_t j = i + 1;
  if (j < text.size() && (text[j] == '-' || text[j] == '+')) ++j;
  if (j == text.size()) return std::nullopt;
  for (; j < text.size(); ++j)
    if (text[j] < '0' || text[j] > '9') return std::nullopt;
  return digits;
}

/// Ziv's comparison for a value computed twice by a whole computation that cannot be
/// repeated cheaply (a claim's check): `lo_text` at the working precision, `hi_text` at
/// `hi_digits` > it. The value is printed with the significant digits of `lo_text` when
/// the two agree on all of them (stable, and the text is hi's at those digits, so equal to
/// lo_text), and otherwise with the digits on which they agree and |hi - lo| plus the
/// rounding of the printed text as abs_error (detail::fewer_digits). Requires both to be
/// plain finite decimals (significant_digits not nullopt).
/// Guarantee: estimate (as stable_decimals, with a single comparison and no escalation).
inline StableDecimal confirmed_decimal(const std::string& lo_text, const std::string& hi_text, unsigned hi_digits) {
  using std::abs;
  const unsigned digits = significant_digits(lo_text).value();
  const unsigned working = hi_digits + 10;  // both texts read exactly enough to compare them
  const ScopedDigits precision(working);
  const Mp lo(lo_text), hi(hi_text);
  if (detail::digits_agree(lo, hi, digits))
    return StableDecimal{detail::printed(hi, digits), digits, true, "", hi_digits};
  if (digits == 0)  // lo is an exact zero, hi is not: "0", with hi as the error
    return StableDecimal{"0", 0, false, detail::decimal_rounded_up(Mp(abs(hi))), hi_digits};
  StableDecimal out = detail::fewer_digits(lo, hi, digits, working);
  out.working_digits = hi_digits;
  return out;
}

/// One value by Ziv's strategy (stable_decimals with a single component).
template <class Compute>
StableDecimal stable_decimal(const Compute& compute, unsigned digits, const ZivOptions& options = {}) {
  return stable_decimals([&] { return std::vector<Mp>{Mp(compute())}; }, digits, options).front();
}

}  // namespace zg
