// ArbBall (core/arb_ball.hpp): thin forwarding to Arb, whose functions carry the
// enclosure guarantees; the exact conversions to MPFR and decimal text are done here with
// GMP integers.
#include "core/arb_ball.hpp"

#include <arf.h>
#include <gmp.h>
#include <mag.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace zg {
namespace {

long max_prec(const ArbBall& a, const ArbBall& b) { return std::max(a.precision(), b.precision()); }

// Exact decimal text of m * 2^e (m an integer): digits of m * 5^-e with the point -e
// places from the right when e < 0, of m * 2^e otherwise; trailing zeros dropped.
std::string exact_decimal_of(mpz_t m, long e) {
  if (mpz_sgn(m) == 0) return "0";
  const bool negative = mpz_sgn(m) < 0;
  mpz_abs(m, m);
  long point = 0;  // digits after the decimal point
  if (e >= 0) {
    mpz_mul_2exp(m, m, static_cast<mp_bitcnt_t>(e));
  } else {
    mpz_t five;
    mpz_init(five);
    mpz_ui_pow_ui(five, 5, static_cast<unsigned long>(-e));
    mpz_mul(m, m, five);
    mpz_clear(five);
    point = -e;
  }
  std::string digits(mpz_sizeinbase(m, 10) + 2, '\0');
  mpz_get_str(digits.data(), 10, m);
  digits.resize(std::char_traits<char>::length(digits.c_str()));
  // Drop trailing zeros after the point.
  while (point > 0 && digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    --point;
  }
  long exponent = 0;  // scientific exponent when the positional text would be long
  std::string out;
  const long n = static_cast<long>(digits.size());
  if (point == 0) {
    out = digits;
  } else if (point < n) {
    out = digits.substr(0, static_cast<std::size_t>(n - point)) + "." + digits.substr(static_cast<std::size_t>(n - point));
  } else if (point - n < 20) {
    out = "0." + std::string(static_cast<std::size_t>(point - n), '0') + digits;
  } else {
    // d.ddd e(n - 1 - point)
    exponent = n - 1 - point;
    out = digits.substr(0, 1) + (n > 1 ? "." + digits.substr(1) : "") + "e" + std::to_string(exponent);
  }
  return negative ? "-" + out : out;
}

// The Mp whose value is the arf number u, with exactly as many bits as u needs.
Mp mp_of_arf(const arf_t u) {
  Mp out;
  if (arf_is_nan(u)) {
    mpfr_set_nan(out.backend().data());
    return out;
  }
  const long bits = std::max<long>(2, static_cast<long>(arf_bits(u)));
  mpfr_set_prec(out.backend().data(), bits);
  arf_get_mpfr(out.backend().data(), u, MPFR_RNDN);  // exact: the precision holds every bit
  return out;
}

}  // namespace

ArbBall::ArbBall() : prec_(64) { arb_init(value_); }

ArbBall ArbBall::zero(long prec) {
  ArbBall b;
  b.prec_ = prec;
  return b;
}

ArbBall::ArbBall(double x, long prec) : prec_(prec) {
  arb_init(value_);
  if (std::isfinite(x))
    arb_set_d(value_, x);  // exact: a double is an arf number
  else
    arb_indeterminate(value_);
}

ArbBall ArbBall::exact(const Mp& x, long prec) {
  ArbBall b = zero(prec);
  arf_set_mpfr(arb_midref(b.value_), x.backend().data());  // exact
  mag_zero(arb_radref(b.value_));
  if (!mpfr_number_p(x.backend().data())) arb_indeterminate(b.value_);
  return b;
}

ArbBall ArbBall::decimal(const std::string& text, long prec) {
  ArbBall b = zero(prec);
  // arb_set_str also accepts "m +/- r", "inf" and "nan": only plain decimals are inputs.
  const bool plain = !text.empty() && text.find_first_not_of("0123456789+-.eE") == std::string::npos;
  if (!plain || arb_set_str(b.value_, text.c_str(), prec) != 0 || !arb_is_finite(b.value_))
    throw std::invalid_argument("not a finite decimal number: '" + text + "'");
  return b;
}

namespace {

// The ball [lo, hi] for exact arf endpoints: the midpoint exactly, the radius exactly when
// it is a power of two (every box width halved from [-1, 1] is), else rounded up to a
// 30-bit mag (Arb's radius format), so the ball may stick out by a relative 2^-30 of the
// width. Enclosure of [lo, hi].
void set_interval(arb_t out, const arf_t lo, const arf_t hi) {
  arf_add(arb_midref(out), lo, hi, ARF_PREC_EXACT, ARF_RND_DOWN);
  arf_mul_2exp_si(arb_midref(out), arb_midref(out), -1);
  arf_t r;
  arf_init(r);
  arf_sub(r, hi, arb_midref(out), ARF_PREC_EXACT, ARF_RND_DOWN);  // exact
  if (arf_is_zero(r))
    mag_zero(arb_radref(out));
  else if (arf_bits(r) == 1 && fmpz_fits_si(ARF_EXPREF(r)))
    mag_set_ui_2exp_si(arb_radref(out), 1, fmpz_get_si(ARF_EXPREF(r)) - 1);  // r = 2^(exp - 1), exactly
  else
    arf_get_mag(arb_radref(out), r);
  arf_clear(r);
}

}  // namespace

ArbBall ArbBall::interval(double lo, double hi, long prec) {
  ArbBall b = zero(prec);
  arf_t a, c;
  arf_init(a);
  arf_init(c);
  arf_set_d(a, lo);
  arf_set_d(c, hi);
  set_interval(b.value_, a, c);
  arf_clear(a);
  arf_clear(c);
  return b;
}

ArbBall ArbBall::pi(long prec) {
  ArbBall b = zero(prec);
  arb_const_pi(b.value_, prec);
  return b;
}

ArbBall::ArbBall(const ArbBall& other) : prec_(other.prec_) {
  arb_init(value_);
  arb_set(value_, other.value_);
}

ArbBall::ArbBall(ArbBall&& other) noexcept : prec_(other.prec_) {
  arb_init(value_);
  arb_swap(value_, other.value_);
}

ArbBall& ArbBall::operator=(const ArbBall& other) {
  if (this != &other) {
    arb_set(value_, other.value_);
    prec_ = other.prec_;
  }
  return *this;
}

ArbBall& ArbBall::operator=(ArbBall&& other) noexcept {
  arb_swap(value_, other.value_);
  std::swap(prec_, other.prec_);
  return *this;
}

ArbBall::~ArbBall() { arb_clear(value_); }

ArbBall ArbBall::with_precision(long prec) const {
  ArbBall b = zero(prec);
  arb_set_round(b.value_, value_, prec);
  return b;
}

Mp ArbBall::lower() const {
  arf_t u;
  arf_init(u);
  arb_get_lbound_arf(u, value_, ARF_PREC_EXACT);
  const Mp out = mp_of_arf(u);
  arf_clear(u);
  return out;
}

Mp ArbBall::upper() const {
  arf_t u;
  arf_init(u);
  arb_get_ubound_arf(u, value_, ARF_PREC_EXACT);
  const Mp out = mp_of_arf(u);
  arf_clear(u);
  return out;
}

double ArbBall::lower_double() const {
  if (!arb_is_finite(value_)) return -std::numeric_limits<double>::infinity();
  arf_t u;
  arf_init(u);
  arb_get_lbound_arf(u, value_, 53);  // rounded towards -inf at 53 bits
  const double out = arf_get_d(u, ARF_RND_FLOOR);
  arf_clear(u);
  return out;
}

double ArbBall::upper_double() const {
  if (!arb_is_finite(value_)) return std::numeric_limits<double>::infinity();
  arf_t u;
  arf_init(u);
  arb_get_ubound_arf(u, value_, 53);
  const double out = arf_get_d(u, ARF_RND_CEIL);
  arf_clear(u);
  return out;
}

ArbBall ArbBall::midpoint() const {
  ArbBall out = zero(prec_);
  arb_get_mid_arb(out.value_, value_);
  return out;
}

bool ArbBall::is_exact_zero() const { return arb_is_zero(value_) != 0; }

double ArbBall::mid_double() const { return arf_get_d(arb_midref(value_), ARF_RND_NEAR); }

double ArbBall::width_upper() const {
  if (!arb_is_finite(value_)) return std::numeric_limits<double>::infinity();
  mag_t w;
  mag_init(w);
  mag_mul_2exp_si(w, arb_radref(value_), 1);
  const double out = mag_get_d(w);  // mag_get_d rounds up
  mag_clear(w);
  return out;
}

bool ArbBall::is_finite() const { return arb_is_finite(value_) != 0; }

std::string ArbBall::to_string(long digits) const {
  char* s = arb_get_str(value_, digits, 0);
  std::string out(s);
  flint_free(s);
  return out;
}

ArbBall& ArbBall::operator+=(const ArbBall& b) {
  prec_ = max_prec(*this, b);
  arb_add(value_, value_, b.value_, prec_);
  return *this;
}
ArbBall& ArbBall::operator-=(const ArbBall& b) {
  prec_ = max_prec(*this, b);
  arb_sub(value_, value_, b.value_, prec_);
  return *this;
}
ArbBall& ArbBall::operator*=(const ArbBall& b) {
  prec_ = max_prec(*this, b);
  arb_mul(value_, value_, b.value_, prec_);
  return *this;
}
ArbBall& ArbBall::operator/=(const ArbBall& b) {
  prec_ = max_prec(*this, b);
  arb_div(value_, value_, b.value_, prec_);
  return *this;
}
ArbBall ArbBall::operator-() const {
  ArbBall out = zero(prec_);
  arb_neg(out.value_, value_);
  return out;
}

ArbBall operator+(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_add(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}
ArbBall operator-(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_sub(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}
ArbBall operator*(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_mul(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}
ArbBall operator/(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_div(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}
ArbBall operator*(const ArbBall& a, long k) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_mul_si(out.raw(), a.raw(), k, out.precision());
  return out;
}
ArbBall operator*(long k, const ArbBall& a) { return a * k; }
ArbBall operator/(const ArbBall& a, long k) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_div_si(out.raw(), a.raw(), k, out.precision());
  return out;
}
ArbBall operator+(const ArbBall& a, long k) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_add_si(out.raw(), a.raw(), k, out.precision());
  return out;
}
ArbBall operator+(long k, const ArbBall& a) { return a + k; }
ArbBall operator-(const ArbBall& a, long k) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_sub_si(out.raw(), a.raw(), k, out.precision());
  return out;
}
ArbBall operator-(long k, const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_sub_si(out.raw(), a.raw(), k, out.precision());
  arb_neg(out.raw(), out.raw());
  return out;
}

ArbBall sqr(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_sqr(out.raw(), a.raw(), out.precision());
  return out;
}

ArbBall sqrt(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_sqrt(out.raw(), a.raw(), out.precision());  // indeterminate when a meets (-inf, 0)
  return out;
}

ArbBall sqrt_of_nonnegative_part(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_sqrtpos(out.raw(), a.raw(), out.precision());  // Arb: discards the negative part of a
  return out;
}

ArbBall one_minus_square(const ArbBall& x) {
  return intersect((1 - x) * (1 + x), 1 - sqr(x));
}

ArbBall clamp_to_unit(const ArbBall& a) {
  ArbBall unit = ArbBall::interval(-1, 1, a.precision());
  return intersect(a, unit);
}

namespace {

// f on (a intersected with [-1, 1]) for f = arb_asin or arb_acos, monotone on [-1, 1].
template <class F>
ArbBall on_unit_part(const ArbBall& a, F f) {
  ArbBall out = ArbBall::zero(a.precision());
  if (!arb_is_finite(a.raw())) {
    arb_indeterminate(out.raw());
    return out;
  }
  arf_t lo, hi, one, minus_one;
  arf_init(lo);
  arf_init(hi);
  arf_init(one);
  arf_init(minus_one);
  arf_one(one);
  arf_set_si(minus_one, -1);
  arb_get_lbound_arf(lo, a.raw(), ARF_PREC_EXACT);
  arb_get_ubound_arf(hi, a.raw(), ARF_PREC_EXACT);
  if (arf_cmp(lo, minus_one) > 0 && arf_cmp(hi, one) < 0) {  // inside (-1, 1): Arb's own (a ball touching +-1 gives NaN there)
    f(out.raw(), a.raw(), a.precision());
  } else {
    if (arf_cmp(lo, minus_one) < 0) arf_set(lo, minus_one);
    if (arf_cmp(hi, one) > 0) arf_set(hi, one);
    if (arf_cmp(lo, hi) > 0) {
      arb_indeterminate(out.raw());
    } else {
      arb_t x, y;
      arb_init(x);
      arb_init(y);
      arb_set_arf(x, lo);
      f(x, x, a.precision());
      arb_set_arf(y, hi);
      f(y, y, a.precision());
      arb_union(out.raw(), x, y, a.precision());
      arb_clear(x);
      arb_clear(y);
    }
  }
  arf_clear(lo);
  arf_clear(hi);
  arf_clear(one);
  arf_clear(minus_one);
  return out;
}

}  // namespace

ArbBall asin_of_unit_part(const ArbBall& a) { return on_unit_part(a, arb_asin); }
ArbBall acos_of_unit_part(const ArbBall& a) { return on_unit_part(a, arb_acos); }

ArbBall asin(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_asin(out.raw(), a.raw(), out.precision());
  return out;
}
ArbBall acos(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_acos(out.raw(), a.raw(), out.precision());
  return out;
}
ArbBall sin(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_sin(out.raw(), a.raw(), out.precision());
  return out;
}
ArbBall cos(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_cos(out.raw(), a.raw(), out.precision());
  return out;
}
SinCos sin_cos(const ArbBall& a) {
  SinCos out{ArbBall::zero(a.precision()), ArbBall::zero(a.precision())};
  arb_sin_cos(out.sin.raw(), out.cos.raw(), a.raw(), a.precision());
  return out;
}
ArbBall abs(const ArbBall& a) {
  ArbBall out = ArbBall::zero(a.precision());
  arb_abs(out.raw(), a.raw());
  // arb_abs keeps the radius: [-0.1 +/- 0.2] gives [0.1 +/- 0.2]; the exact set is in
  // [0, 0.3], so cut the negative part off.
  if (arb_contains_zero(out.raw()) && arb_is_finite(out.raw())) {
    arf_t lo, hi;
    arf_init(lo);
    arf_init(hi);
    arf_zero(lo);
    arb_get_ubound_arf(hi, out.raw(), ARF_PREC_EXACT);
    set_interval(out.raw(), lo, hi);
    arf_clear(lo);
    arf_clear(hi);
  }
  return out;
}
ArbBall hull(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_union(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}
ArbBall intersect(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  if (!arb_is_finite(a.raw())) return b;
  if (!arb_is_finite(b.raw())) return a;
  if (!arb_intersection(out.raw(), a.raw(), b.raw(), out.precision())) arb_indeterminate(out.raw());
  return out;
}
ArbBall min(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_min(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}
ArbBall max(const ArbBall& a, const ArbBall& b) {
  ArbBall out = ArbBall::zero(max_prec(a, b));
  arb_max(out.raw(), a.raw(), b.raw(), out.precision());
  return out;
}

bool certainly_lt(const ArbBall& a, const ArbBall& b) { return arb_lt(a.raw(), b.raw()) != 0; }
bool certainly_le(const ArbBall& a, const ArbBall& b) { return arb_le(a.raw(), b.raw()) != 0; }
bool certainly_gt(const ArbBall& a, const ArbBall& b) { return arb_gt(a.raw(), b.raw()) != 0; }
bool certainly_ge(const ArbBall& a, const ArbBall& b) { return arb_ge(a.raw(), b.raw()) != 0; }
bool certainly_positive(const ArbBall& a) { return arb_is_positive(a.raw()) != 0; }
bool certainly_negative(const ArbBall& a) { return arb_is_negative(a.raw()) != 0; }
bool certainly_nonnegative(const ArbBall& a) { return arb_is_nonnegative(a.raw()) != 0; }
bool certainly_nonpositive(const ArbBall& a) { return arb_is_nonpositive(a.raw()) != 0; }
bool contains(const ArbBall& a, const Mp& x) {
  arf_t u;
  arf_init(u);
  arf_set_mpfr(u, x.backend().data());
  const bool in = arb_contains_arf(a.raw(), u) != 0;
  arf_clear(u);
  return in;
}
bool contains(const ArbBall& a, double x) {
  arf_t u;
  arf_init(u);
  arf_set_d(u, x);
  const bool in = arb_contains_arf(a.raw(), u) != 0;
  arf_clear(u);
  return in;
}
bool contains_zero(const ArbBall& a) { return arb_contains_zero(a.raw()) != 0; }

std::string exact_decimal(double x) {
  if (!std::isfinite(x)) throw std::invalid_argument("exact_decimal: not a finite double");
  int e = 0;
  const double f = std::frexp(x, &e);                 // x = f 2^e, 0.5 <= |f| < 1
  const double m = std::ldexp(f, 53);                 // an integer, |m| < 2^53
  mpz_t z;
  mpz_init_set_d(z, m);                               // exact
  std::string out = exact_decimal_of(z, e - 53);
  mpz_clear(z);
  return out;
}

std::string exact_decimal(const Mp& x) {
  if (!mpfr_number_p(x.backend().data())) throw std::invalid_argument("exact_decimal: not a finite number");
  if (mpfr_zero_p(x.backend().data())) return "0";
  mpz_t z;
  mpz_init(z);
  const long e = static_cast<long>(mpfr_get_z_2exp(z, x.backend().data()));  // x = z 2^e exactly
  std::string out = exact_decimal_of(z, e);
  mpz_clear(z);
  return out;
}

namespace {

// A decimal with `digits` significant digits that is >= (up) or <= (down) the arf u.
std::string directed_decimal(const arf_t u, int digits, bool up) {
  Mp v = mp_of_arf(u);
  std::string out(static_cast<std::size_t>(digits) + 40, '\0');
  const int n = mpfr_snprintf(out.data(), out.size(), up ? "%.*RUe" : "%.*RDe", std::max(digits - 1, 0),
                              v.backend().data());
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

}  // namespace

std::string upper_decimal(const ArbBall& a, int digits) {
  if (!a.is_finite()) return "inf";
  arf_t u;
  arf_init(u);
  arb_get_ubound_arf(u, a.raw(), ARF_PREC_EXACT);
  std::string out = directed_decimal(u, digits, true);
  arf_clear(u);
  return out;
}

std::string lower_decimal(const ArbBall& a, int digits) {
  if (!a.is_finite()) return "-inf";
  arf_t u;
  arf_init(u);
  arb_get_lbound_arf(u, a.raw(), ARF_PREC_EXACT);
  std::string out = directed_decimal(u, digits, false);
  arf_clear(u);
  return out;
}

}  // namespace zg
