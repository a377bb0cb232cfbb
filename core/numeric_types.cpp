// Decimal conversion for the three scalar types (core/numeric_types.hpp).
#include "core/numeric_types.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <stdexcept>

namespace zg {

std::string to_decimal(double x, unsigned digits) {
  if (digits == 0 || digits > 17) digits = 17;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", static_cast<int>(digits) - 1, x);
  return buf;
}

std::string to_decimal(const Mp& x, unsigned digits) {
  // MPFR's own formatter, correctly rounded: %.*Re with digits - 1 after the point.
  // (Boost's str() treats 0 digits as "all of them", so it cannot give one digit.)
  const int after_point = digits > 1 ? static_cast<int>(digits) - 1 : 0;
  std::string out(static_cast<std::size_t>(digits) + 40, '\0');
  const int n = mpfr_snprintf(out.data(), out.size(), "%.*Re", after_point, x.backend().data());
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

std::string to_decimal(const Mpi& x, unsigned digits) {
  const Mp lo = boost::multiprecision::lower(x).convert_to<Mp>();
  const Mp hi = boost::multiprecision::upper(x).convert_to<Mp>();
  const Mp mid = (lo + hi) / 2;
  const Mp rad = (hi - lo) / 2;
  return to_decimal(mid, digits) + " +/- " + to_decimal(rad, 3);
}

namespace {

// Accepts what a person or a TOML/JSON writer would type: optional sign, digits, an
// optional fraction and exponent. Rejects inf/nan, hex and trailing junk before MPFR
// sees the text (mpfr_set_str accepts some of those).
bool looks_like_decimal(const std::string& s) {
  std::size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < n && s[i] == '.') {
    ++i;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == n;
}

std::string without_underscores(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

}  // namespace

template <>
double parse_decimal<double>(const std::string& text) {
  const std::string s = without_underscores(text);
  if (!looks_like_decimal(s)) throw std::invalid_argument("not a decimal number: '" + text + "'");
  return std::strtod(s.c_str(), nullptr);
}

template <>
Mp parse_decimal<Mp>(const std::string& text) {
  const std::string s = without_underscores(text);
  if (!looks_like_decimal(s)) throw std::invalid_argument("not a decimal number: '" + text + "'");
  Mp x;
  mpfr_set_str(x.backend().data(), s.c_str(), 10, MPFR_RNDN);
  return x;
}

template <>
Mpi parse_decimal<Mpi>(const std::string& text) {
  const std::string s = without_underscores(text);
  if (!looks_like_decimal(s)) throw std::invalid_argument("not a decimal number: '" + text + "'");
  Mpi x;
  // mpfi_set_str encloses the exact decimal value.
  mpfi_set_str(x.backend().data(), s.c_str(), 10);
  return x;
}

}  // namespace zg
