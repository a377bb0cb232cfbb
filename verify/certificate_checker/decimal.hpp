// Decimal numbers of a certificate (docs/proofs.md §7: "numbers are decimal strings").
// The grammar is strict, each decimal becomes an interval that contains it, a box corner
// must be exactly a binary64 number, and the sign and rational value are read exactly.
#pragma once

#include <optional>
#include <string>

#include "certificate_checker/interval.hpp"

namespace zg::checker {

/// Longest decimal accepted, and the largest |exponent|; both keep parsing cheap.
inline constexpr std::size_t kMaxDecimalLength = 4096;
inline constexpr long kMaxDecimalExponent = 1000000000;  // within MPFR's default exponent range

/// value = (negative ? -1 : 1) * digits * 10^exponent, digits without leading zeros
/// ("0" for zero).
struct DecimalParts {
  bool negative = false;
  std::string digits;
  long exponent = 0;
};

/// Parses `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`; nullopt and a reason otherwise.
std::optional<DecimalParts> parse_decimal(const std::string& s, std::string* why);

/// -1, 0 or +1: the exact sign of a decimal accepted by parse_decimal.
int decimal_sign(const std::string& s);

/// The tightest interval at the working precision that contains the decimal (endpoints
/// rounded outward). Precondition: parse_decimal(s) succeeds.
Iv decimal_enclosure(const std::string& s);

/// The decimal as a double when it is exactly one (finite, 53 significant bits, in the
/// binary64 range); nullopt otherwise. Precondition: parse_decimal(s) succeeds.
std::optional<double> exact_double(const std::string& s);

/// The exact decimal expansion of a double (every binary64 number has one), e.g. 0.4375.
std::string exact_decimal(double x);

}  // namespace zg::checker
