// confirm_values: a claim's printed values checked against a second, more precise run.
#include "verify/confirmed_values.hpp"

#include <algorithm>
#include <string>

#include "core/numeric_types.hpp"
#include "core/ziv.hpp"

namespace zg {
namespace {

// "123", "-4": a count, exact for the run that produced it.
bool is_integer_text(const std::string& s) {
  const std::size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  return s.size() > start && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(start), s.end(), [](char c) {
           return c >= '0' && c <= '9';
         });
}

// A plain finite decimal ("0" included): the values Ziv's comparison applies to.
bool is_decimal_text(const std::string& s) {
  return significant_digits(s).has_value();
}

const Measurement* find_named(const std::vector<Measurement>& values, const std::string& name) {
  const auto it = std::find_if(values.begin(), values.end(), [&](const Measurement& m) { return m.name == name; });
  return it == values.end() ? nullptr : &*it;
}

// The larger of two error texts (either may be empty), compared at `digits`.
std::string larger_error(const std::string& a, const std::string& b, unsigned digits) {
  if (a.empty()) return b;
  if (b.empty() || !is_decimal_text(a)) return a;
  const ScopedDigits precision(digits);
  return Mp(a) >= Mp(b) ? a : b;
}

}  // namespace

unsigned confirming_digits(unsigned digits) {
  return digits + std::max(10u, digits / 4);
}

ValueConfirmation confirm_values(ClaimResult& shown, const ClaimResult& higher) {
  ValueConfirmation out;
  for (Measurement& m : shown.measurements) {
    if (m.unit == "s" || is_integer_text(m.value) || !is_decimal_text(m.value)) continue;
    const Measurement* h = find_named(higher.measurements, m.name);
    if (h == nullptr || !is_decimal_text(h->value)) continue;
    ++out.compared;
    if (h->value == m.value) continue;
    const StableDecimal v = confirmed_decimal(m.value, h->value, higher.digits);
    if (v.stable) continue;
    ++out.shortened;
    m.value = v.text;
    m.error = larger_error(m.error, v.abs_error, higher.digits + 10);
  }
  if (higher.verdict != shown.verdict) {
    out.verdict_changed = true;
    shown.explanation += " But the verdict changes with the precision: " + std::string(to_string(shown.verdict)) +
                         " at " + std::to_string(shown.digits) + " digits, " + to_string(higher.verdict) + " at " +
                         std::to_string(higher.digits) + " (" + higher.explanation +
                         "), so neither is earned; raise --digits.";
    shown.verdict = Verdict::Inconclusive;
  }
  shown.confirmed_digits = higher.digits;
  return out;
}

}  // namespace zg
