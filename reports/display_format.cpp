// Display forms of decimals, margins and durations (reports/display_format.hpp). Decimal
// shortening parses sign, mantissa and exponent by hand and truncates the mantissa; when
// the cut falls in the integer part the result switches to scientific notation.
#include "reports/display_format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

namespace zg::detail {
namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// A decimal split into its parts: [sign][mantissa][e|E exponent].
struct DecimalParts {
  std::string sign;
  std::string mantissa;    ///< digits with at most one '.', at least one digit
  long long exponent = 0;  ///< 0 when the text has no exponent
};

/// Splits `s`; nullopt for anything that is not a plain decimal with a modest exponent.
std::optional<DecimalParts> split_decimal(const std::string& s) {
  DecimalParts parts;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) parts.sign = s[i++];
  bool seen_digit = false, seen_point = false;
  for (; i < s.size() && (is_digit(s[i]) || (s[i] == '.' && !seen_point)); ++i) {
    seen_digit = seen_digit || is_digit(s[i]);
    seen_point = seen_point || s[i] == '.';
    parts.mantissa += s[i];
  }
  if (!seen_digit) return std::nullopt;
  if (i == s.size()) return parts;
  if (s[i] != 'e' && s[i] != 'E') return std::nullopt;
  const std::string exponent = s.substr(i + 1);
  const std::size_t first = !exponent.empty() && (exponent[0] == '+' || exponent[0] == '-');
  const std::size_t n_digits = exponent.size() - first;
  // Nine digits keep the adjusted exponent far from overflow; no real value needs more.
  if (n_digits == 0 || n_digits > 9) return std::nullopt;
  for (std::size_t k = first; k < exponent.size(); ++k)
    if (!is_digit(exponent[k])) return std::nullopt;
  parts.exponent = std::strtoll(exponent.c_str(), nullptr, 10);
  return parts;
}

}  // namespace

std::string shorten_decimal(const std::string& value, std::size_t max_digits) {
  const std::optional<DecimalParts> parts = split_decimal(value);
  if (!parts) return value;
  const std::string& m = parts->mantissa;

  const std::size_t first_significant = m.find_first_of("123456789");
  if (first_significant == std::string::npos) return value;  // zero, any number of digits
  std::size_t significant = 0;
  std::size_t cut = first_significant;  // one past the last digit kept
  for (; cut < m.size() && significant < max_digits; ++cut)
    if (is_digit(m[cut])) ++significant;
  const bool more_digits = m.find_first_of("0123456789", cut) != std::string::npos;
  if (!more_digits) return value;

  const std::size_t point = std::min(m.find('.'), m.size());
  if (point < cut) {
    const std::string suffix = value.substr(parts->sign.size() + m.size());  // "e-57" or ""
    return parts->sign + m.substr(0, cut) + "…" + suffix;
  }
  // The cut falls in the integer part: d.ddd…e(exponent + integer digits after d).
  std::string digits;
  for (std::size_t k = first_significant; k < cut; ++k) digits += m[k];
  const long long exponent = parts->exponent + static_cast<long long>(point - first_significant) - 1;
  const std::string fraction = digits.size() > 1 ? "." + digits.substr(1) : "";
  return fmt::format("{}{}{}…e{}", parts->sign, digits[0], fraction, exponent);
}

bool margin_measured(const Margin& margin) {
  return !margin.unit.empty() || !margin.text.empty();
}

std::string format_margin(const Margin& margin) {
  if (!margin_measured(margin) || !std::isfinite(margin.value)) return "—";
  if (margin.unit == "digits") return fmt::format("{:.1f} digits", margin.value);
  if (margin.unit == "sigma") return fmt::format("{:.1f} σ", margin.value);
  const std::string number = fmt::format("{:.3g}", margin.value);
  return margin.unit.empty() ? number : number + " " + margin.unit;
}

std::string format_seconds(double seconds) {
  return fmt::format("{:.2f} s", seconds);
}

}  // namespace zg::detail
