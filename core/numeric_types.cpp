// Decimal conversion for the three scalar types (core/numeric_types.hpp).
#include "core/numeric_types.hpp"

#include <algorithm>
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

Mp parse_one_plus_decimal(const std::string& text, int sign) {
  const std::string s = without_underscores(text);
  if (!looks_like_decimal(s)) throw std::invalid_argument("not a decimal number: '" + text + "'");
  // x = (-1)^negative * digits * 10^exponent with integer digits, read from the text.
  std::size_t i = 0;
  bool negative = false;
  if (s[i] == '+' || s[i] == '-') negative = s[i++] == '-';
  std::string digits;
  long exponent = 0;
  bool after_point = false;
  for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
    if (s[i] == '.') {
      after_point = true;
      continue;
    }
    digits += s[i];
    if (after_point) --exponent;
  }
  if (i < s.size()) {
    // An exponent beyond a long's range saturates here; the checks below then decide.
    const long written = std::strtol(s.c_str() + i + 1, nullptr, 10);
    exponent = written < 0 ? std::max(written, -(1L << 40)) + exponent : std::min(written, 1L << 40) + exponent;
  }
  // |x| < 10^magnitude. Below 2^(-2-p) (p bits) the sum rounds to 1 whatever the sign,
  // and 10^magnitude <= 2^(-1.1 p - 6) when magnitude <= -p/3 - 2; that also keeps the
  // integers below small for tiny x. Beyond 10^(10^5) the integers would be too large.
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return Mp(1);
  const long magnitude = static_cast<long>(digits.size() - first) + exponent;
  const long bits = static_cast<long>(mpfr_get_prec(Mp(1).backend().data()));
  if (magnitude <= -bits / 3 - 2) return Mp(1);
  if (magnitude > 100000) throw std::invalid_argument("decimal too large for 1 + x: '" + text + "'");
  // 1 + sign x = (10^(-e) + sign x / 10^e) 10^e with e = min(exponent, 0): integers.
  const long e = std::min(exponent, 0L);
  mpz_t n, one;
  mpz_init_set_str(n, digits.c_str(), 10);
  mpz_init(one);
  mpz_ui_pow_ui(one, 10, static_cast<unsigned long>(-e));
  mpz_mul_si(n, n, negative == (sign < 0) ? 1 : -1);
  if (exponent > e) {
    mpz_t scale;
    mpz_init(scale);
    mpz_ui_pow_ui(scale, 10, static_cast<unsigned long>(exponent - e));
    mpz_mul(n, n, scale);
    mpz_clear(scale);
  }
  mpz_add(n, n, one);
  std::string exact(mpz_sizeinbase(n, 10) + 2, '\0');
  mpz_get_str(exact.data(), 10, n);
  exact.resize(std::char_traits<char>::length(exact.c_str()));
  exact += "e" + std::to_string(e);
  mpz_clear(n);
  mpz_clear(one);
  Mp x;
  mpfr_set_str(x.backend().data(), exact.c_str(), 10, MPFR_RNDN);
  return x;
}

}  // namespace zg
