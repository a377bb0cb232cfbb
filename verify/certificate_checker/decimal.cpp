// Strict decimals: grammar, outward enclosure, exact doubles (see decimal.hpp).
#include "certificate_checker/decimal.hpp"

#include <mpfr.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace zg::checker {

std::optional<DecimalParts> parse_decimal(const std::string& s, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<DecimalParts> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (s.empty()) return fail("empty string, expected a decimal number");
  if (s.size() > kMaxDecimalLength) return fail("decimal longer than 4096 characters");
  std::size_t i = 0;
  DecimalParts p;
  if (s[i] == '+' || s[i] == '-') p.negative = s[i++] == '-';
  std::string digits;
  const std::size_t int_start = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) digits += s[i++];
  if (i == int_start) return fail("not a decimal number (expected digits, e.g. \"-0.4375\" or \"1e-40\")");
  long frac = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) digits += s[i++];
    if (i == frac_start) return fail("not a decimal number (no digit after the decimal point)");
    frac = static_cast<long>(i - frac_start);
  }
  long exp10 = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    const std::size_t exp_start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (exp10 > kMaxDecimalExponent) return fail("decimal exponent out of range (|e| <= 1e9)");
      exp10 = exp10 * 10 + (s[i++] - '0');
    }
    if (i == exp_start) return fail("not a decimal number (no digit in the exponent)");
    if (exp10 > kMaxDecimalExponent) return fail("decimal exponent out of range (|e| <= 1e9)");
    if (eneg) exp10 = -exp10;
  }
  if (i != s.size()) return fail("not a decimal number (unexpected character)");
  std::size_t nz = digits.find_first_not_of('0');
  if (nz == std::string::npos) {
    p.digits = "0";
    p.exponent = 0;
    p.negative = false;
  } else {
    p.digits = digits.substr(nz);
    p.exponent = exp10 - frac;
  }
  return p;
}

int decimal_sign(const std::string& s) {
  const std::optional<DecimalParts> p = parse_decimal(s, nullptr);
  if (!p || p->digits == "0") return 0;
  return p->negative ? -1 : 1;
}

Iv decimal_enclosure(const std::string& s) {
  Iv r;
  char* end = nullptr;
  mpfr_strtofr(&r.raw()->left, s.c_str(), &end, 10, MPFR_RNDD);
  mpfr_strtofr(&r.raw()->right, s.c_str(), &end, 10, MPFR_RNDU);
  if (end == nullptr || *end != '\0') return Iv::nan();
  return r;
}

std::optional<double> exact_double(const std::string& s) {
  mpfr_t x;
  mpfr_init2(x, 53);
  char* end = nullptr;
  const int ternary = mpfr_strtofr(x, s.c_str(), &end, 10, MPFR_RNDN);
  std::optional<double> out;
  if (ternary == 0 && end != nullptr && *end == '\0' && mpfr_number_p(x)) {
    const double d = mpfr_get_d(x, MPFR_RNDN);
    if (std::isfinite(d) && mpfr_cmp_d(x, d) == 0) out = d;
  }
  mpfr_clear(x);
  return out;
}

std::string exact_decimal(double x) {
  if (x == 0) return "0";
  // A binary64 number has at most 767 significant decimal digits; print them all, trim,
  // and write the result without exponent when that is short.
  char buf[1200];
  std::snprintf(buf, sizeof buf, "%.800e", x);
  std::string s(buf);
  const std::size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  const long exponent = std::stol(s.substr(e + 1));
  std::string sign;
  if (mant[0] == '-') {
    sign = "-";
    mant.erase(0, 1);
  }
  std::string digits = mant.substr(0, 1) + mant.substr(2);  // d.ddd -> dddd
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (exponent < -30 || exponent > 30) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + "e" + std::to_string(exponent);
  }
  // value = 0.digits * 10^(exponent + 1)
  const long point = exponent + 1;  // digits before the decimal point
  std::string out;
  if (point <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  }
  return sign + out;
}

}  // namespace zg::checker
