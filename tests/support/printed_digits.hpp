// Test helpers for printed decimals: how many significant digits a text carries, how far
// it lies from a reference in units of its last place, and the textbook kernels of
// docs/math.md §2 at a chosen precision as the independent reference for `verify eval kernel`.
#pragma once

#include <cctype>
#include <string>

#include "core/numeric_types.hpp"

namespace zg::test {

/// Significant digits of a decimal as to_decimal prints it ("d.ddd…e±x"); 0 for "0".
inline unsigned printed_digits(const std::string& text) {
  if (text == "0") return 0;
  unsigned n = 0;
  for (char c : text.substr(0, text.find_first_of("eE")))
    if (std::isdigit(static_cast<unsigned char>(c))) ++n;
  return n;
}

/// |printed - reference| in units of the last printed place, at the reference's precision
/// (the text is read at that precision; nothing goes through double). For "0" the unit is
/// taken as 1, so the result is |reference| itself.
inline Mp units_in_last_place(const std::string& printed, const Mp& reference) {
  const ScopedDigits digits(reference.precision());
  const Mp value = parse_decimal<Mp>(printed);
  if (printed == "0") return abs(reference);
  const long exponent = std::stol(printed.substr(printed.find_first_of("eE") + 1));
  const Mp unit = pow(Mp(10), static_cast<int>(exponent - static_cast<long>(printed_digits(printed)) + 1));
  return Mp(abs(Mp(value - reference)) / unit);
}

/// -log10(|printed - reference| / |reference|): the digits on which they agree (capped at
/// the reference's precision when they are equal).
inline Mp agreeing_digits(const std::string& printed, const Mp& reference) {
  const ScopedDigits digits(reference.precision());
  const Mp error = abs(Mp(parse_decimal<Mp>(printed) - reference));
  if (error == 0) return Mp(reference.precision());
  return Mp(-log10(Mp(error / abs(reference))));
}

/// kappa, K, K', K'' by the textbook forms of docs/math.md §2 in arccos/arcsin and
/// sqrt(1 - rho^2), rho read from the decimal at `reference_digits`. A route independent of
/// core/kernels.hpp (no exact distances, no series, no |u - v| angle): its cancellations
/// cost up to 2 log10(1/dist) digits next to 0 and +-1, so callers pay them in precision.
struct KernelReference {
  Mp kappa, K, K_prime, K_second;
};

inline KernelReference textbook_kernels(const std::string& rho_text, unsigned reference_digits) {
  const ScopedDigits digits(reference_digits);
  const Mp rho = parse_decimal<Mp>(rho_text);
  const Mp p = pi<Mp>();
  const Mp s = sqrt(Mp(1 - rho * rho));
  KernelReference r;
  r.kappa = (s + (p - acos(rho)) * rho) / (2 * p);
  r.K = (rho * asin(rho) + s - 1) / (2 * p);
  r.K_prime = asin(rho) / (2 * p);
  r.K_second = 1 / (2 * p * s);
  return r;
}

}  // namespace zg::test
