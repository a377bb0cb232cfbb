// Tests for core/arb_ball.hpp: each operation's ball contains the MPFR value of the same
// expression at 4x the precision (a different library), asin near +-1, sqrt of a ball
// straddling 0, exact conversions to MPFR and to decimal text, and the predicates.
#include "core/arb_ball.hpp"

#include <cmath>
#include <random>
#include <string>

#include <catch2/catch.hpp>

using zg::ArbBall;
using zg::Mp;

namespace {

constexpr long kPrec = 128;
constexpr unsigned kRefDigits = 160;  // about 4 x 128 bits: the reference is far more precise

// x in the ball, with a margin: the reference's own rounding (10^-150 relative) must not
// decide, so the reference point may sit anywhere in the ball or within 10^-140 of it.
bool encloses(const ArbBall& b, const Mp& ref) {
  const Mp slack = pow(Mp(10), -140) * (abs(ref) + 1);
  return b.lower() <= ref + slack && ref - slack <= b.upper();
}

}  // namespace

TEST_CASE("arithmetic and elementary functions enclose the 160-digit MPFR values", "[arb_ball]") {
  zg::ScopedDigits digits(kRefDigits);
  std::mt19937_64 rng(20240601);  // seeded: a failure prints the inputs below
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int trial = 0; trial < 200; ++trial) {
    const double a = unit(rng), b = unit(rng) * 4;
    INFO("a = " << zg::exact_decimal(a) << ", b = " << zg::exact_decimal(b));
    const ArbBall A(a, kPrec), B(b, kPrec);
    const Mp ma(a), mb(b);
    CHECK(encloses(A + B, Mp(ma + mb)));
    CHECK(encloses(A - B, Mp(ma - mb)));
    CHECK(encloses(A * B, Mp(ma * mb)));
    CHECK(encloses(A / B, Mp(ma / mb)));
    CHECK(encloses(sqr(B), Mp(mb * mb)));
    CHECK(encloses(asin(A), Mp(asin(ma))));
    CHECK(encloses(acos(A), Mp(acos(ma))));
    CHECK(encloses(sin(B), Mp(sin(mb))));
    CHECK(encloses(cos(B), Mp(cos(mb))));
    const zg::SinCos sc = zg::sin_cos(B);
    CHECK(encloses(sc.sin, Mp(sin(mb))));
    CHECK(encloses(sc.cos, Mp(cos(mb))));
    CHECK(encloses(sqrt(abs(B)), Mp(sqrt(abs(mb)))));
    CHECK(encloses(A * 3 - 2, Mp(3 * ma - 2)));
    CHECK(encloses(1 - A / 7, Mp(1 - ma / 7)));
  }
}

TEST_CASE("decimal strings and pi are enclosed; doubles and Mp are exact", "[arb_ball]") {
  zg::ScopedDigits digits(kRefDigits);
  CHECK(encloses(ArbBall::pi(kPrec), zg::pi<Mp>()));
  CHECK(ArbBall::pi(kPrec).width_upper() < 1e-37);
  const std::string tenth = "0.1";
  const ArbBall t = ArbBall::decimal(tenth, kPrec);
  CHECK(encloses(t, zg::parse_decimal<Mp>(tenth)));
  CHECK(t.width_upper() > 0);  // 0.1 is not binary: the ball must have a radius
  CHECK(t.width_upper() < 1e-37);
  const std::string long_decimal = "-0.123456789012345678901234567890123456789012345678901234567890e-3";
  CHECK(encloses(ArbBall::decimal(long_decimal, kPrec), zg::parse_decimal<Mp>(long_decimal)));
  CHECK_THROWS_AS(ArbBall::decimal("nan", kPrec), std::invalid_argument);
  CHECK_THROWS_AS(ArbBall::decimal("1 +/- 2", kPrec), std::invalid_argument);
  CHECK_THROWS_AS(ArbBall::decimal("", kPrec), std::invalid_argument);

  const ArbBall d(0.1, kPrec);  // the double nearest 0.1, exactly
  CHECK(d.width_upper() == 0);
  CHECK(d.lower() == Mp(0.1));
  CHECK(d.upper() == Mp(0.1));
  const Mp third = Mp(1) / 3;  // 160 digits of 1/3: the ball keeps every bit
  const ArbBall e = ArbBall::exact(third, 64);
  CHECK(e.lower() == third);
  CHECK(e.upper() == third);
  CHECK(e.precision() == 64);
  // Rounding to fewer bits keeps the enclosure.
  const ArbBall r = e.with_precision(40);
  CHECK(r.precision() == 40);
  CHECK(encloses(r, third));
  CHECK(r.width_upper() > 0);
}

TEST_CASE("precision travels with the values: a binary operation uses the larger one", "[arb_ball]") {
  const ArbBall lo(1, 30), hi(3, 200);
  CHECK((lo / hi).precision() == 200);
  CHECK((hi / lo).precision() == 200);
  CHECK((lo / hi).width_upper() < 1e-55);
  CHECK((lo / ArbBall(3, 30)).width_upper() > 1e-12);
}

TEST_CASE("asin and acos near +-1 stay finite and enclose", "[arb_ball]") {
  zg::ScopedDigits digits(kRefDigits);
  for (int k : {10, 30, 52, 100}) {
    const Mp x = 1 - pow(Mp(2), -k);
    for (int sign : {1, -1}) {
      const ArbBall b = ArbBall::exact(Mp(sign * x), kPrec);
      INFO("x = " << sign << " (1 - 2^-" << k << ")");
      CHECK(encloses(asin(b), Mp(asin(Mp(sign * x)))));
      CHECK(encloses(acos(b), Mp(acos(Mp(sign * x)))));
      CHECK(asin(b).is_finite());
    }
  }
  // A ball reaching past 1 is indeterminate, and clamping to [-1, 1] first makes it finite
  // and still contains asin(1) = pi/2.
  const ArbBall past = ArbBall::interval(0.999, 1.001, kPrec);
  CHECK_FALSE(asin(past).is_finite());
  const ArbBall clamped = zg::asin_of_unit_part(past);
  CHECK_FALSE(asin(zg::clamp_to_unit(past)).is_finite());  // a clamped ball may still stick out
  CHECK(zg::acos_of_unit_part(past).is_finite());
  CHECK(encloses(zg::acos_of_unit_part(past), Mp(0)));
  CHECK(clamped.is_finite());
  CHECK(encloses(clamped, Mp(zg::pi<Mp>() / 2)));
  CHECK(encloses(clamped, Mp(asin(Mp(0.999)))));
  // A ball ending exactly at 1 (Arb's asin gives NaN on it): by its endpoints.
  const ArbBall touching = ArbBall::interval(1 - 0x1p-20, 1, kPrec);
  CHECK(touching.upper() == 1);
  CHECK(encloses(zg::asin_of_unit_part(touching), Mp(zg::pi<Mp>() / 2)));
  CHECK(encloses(zg::asin_of_unit_part(touching), Mp(asin(Mp(1 - pow(Mp(2), -20))))));
  CHECK(zg::asin_of_unit_part(touching).width_upper() < 0.01);
  CHECK(encloses(zg::acos_of_unit_part(-touching), zg::pi<Mp>()));
}

TEST_CASE("sqrt of a ball straddling 0: indeterminate, or the nonnegative part", "[arb_ball]") {
  const ArbBall s = ArbBall::interval(-1e-20, 4e-20, kPrec);
  CHECK_FALSE(sqrt(s).is_finite());
  const ArbBall r = zg::sqrt_of_nonnegative_part(s);
  CHECK(r.is_finite());
  CHECK(contains(r, 0.0));
  CHECK(contains(r, 2e-10));
  CHECK(r.upper() < 2.0001e-10);
  CHECK(r.lower() <= 0);
  // A ball entirely below 0 has no nonnegative part: nothing is claimed.
  CHECK_FALSE(zg::certainly_positive(zg::sqrt_of_nonnegative_part(ArbBall::interval(-2, -1, kPrec))));
}

TEST_CASE("one_minus_square near +-1: its radius is relative to 1 - x^2", "[arb_ball]") {
  // 1 - sqr(x) keeps sqr's absolute rounding (2^-prec), so at x = 1 - 2^-k with k near prec
  // it is as wide as the number itself, and sqrt(1 - x^2) is 2^(-prec/2) wide: the D3 cap
  // at a neuron exactly on its teacher line (the default's middle neuron) lost 29 of 50
  // digits that way. (1 - x)(1 + x) loses nothing there: 1 - x is exact (Sterbenz).
  zg::ScopedDigits digits(kRefDigits);
  for (int k : {1, 20, 64, 120, 127}) {
    for (int sign : {1, -1}) {
      const Mp x = sign * (1 - pow(Mp(2), -k));
      const Mp exact = 1 - x * x;  // at 160 digits: 1 - x^2 = 2^-k (2 - 2^-k) to ~10^-150 relative
      const ArbBall b = ArbBall::exact(x, kPrec);
      const ArbBall om = zg::one_minus_square(b);
      INFO("x = " << sign << " (1 - 2^-" << k << ")");
      CHECK(encloses(om, exact));
      // Relative width at most a few 2^-128 (two roundings), however close x is to 1.
      CHECK(Mp(om.upper() - om.lower()) <= 8 * pow(Mp(2), -kPrec) * exact);
      CHECK(Mp(zg::sqrt_of_nonnegative_part(om).upper() - zg::sqrt_of_nonnegative_part(om).lower()) <=
            8 * pow(Mp(2), -kPrec) * sqrt(exact));
    }
  }
  // The old form at k = 127 is as wide as its value: the case that must not come back.
  const ArbBall near_one = ArbBall::exact(Mp(1 - pow(Mp(2), -127)), kPrec);
  const ArbBall old_form = 1 - sqr(near_one);
  CHECK(Mp(old_form.upper() - old_form.lower()) > Mp("0.1") * pow(Mp(2), -126));
  // A wide ball: still an enclosure of the set {1 - x^2}, no wider than 1 - sqr(x) but for
  // the intersection's re-centring (Arb rounds the new radius up in its 30-bit mantissa).
  const ArbBall wide = ArbBall::interval(-0.5, 0.75, kPrec);
  const ArbBall w = zg::one_minus_square(wide);
  CHECK(encloses(w, Mp(1)));
  CHECK(encloses(w, Mp(1 - Mp("0.5625"))));
  CHECK(w.width_upper() <= (1 - sqr(wide)).width_upper() * (1 + 0x1p-20));
}

TEST_CASE("abs, hull, intersect, min, max enclose the exact sets", "[arb_ball]") {
  const ArbBall a = ArbBall::interval(-0.25, 0.5, kPrec);
  const ArbBall m = abs(a);
  CHECK(contains(m, 0.0));
  CHECK(contains(m, 0.5));
  CHECK(m.lower() > -1e-9);  // the negative part of [m +/- r] is cut off (up to the 30-bit radius)
  CHECK(m.upper() <= 0.5 + 1e-9);
  const ArbBall b = ArbBall::interval(0.25, 2, kPrec);
  const ArbBall h = hull(a, b);
  CHECK(contains(h, -0.25));
  CHECK(contains(h, 2.0));
  const ArbBall i = intersect(a, b);
  CHECK(contains(i, 0.25));
  CHECK(contains(i, 0.5));
  CHECK(i.upper() < 0.51);
  CHECK(i.lower() > 0.24);
  CHECK_FALSE(intersect(ArbBall(1, kPrec), ArbBall(2, kPrec)).is_finite());  // disjoint: no claim
  CHECK(min(a, b).upper() <= 0.5 + 1e-9);  // a is [-0.25, 0.5]: radius 0.375 rounded up to 30 bits
  CHECK(max(a, b).lower() >= 0.25 - 1e-8);  // b = [0.25, 2], radius 0.875 rounded up
}

TEST_CASE("predicates hold only when proved", "[arb_ball]") {
  const ArbBall a = ArbBall::interval(1, 2, kPrec), b = ArbBall::interval(2, 3, kPrec), c(3.5, kPrec);
  CHECK_FALSE(zg::certainly_lt(a, b));  // they share 2
  CHECK(zg::certainly_le(a, b));
  CHECK(zg::certainly_lt(a, c));
  CHECK(zg::certainly_gt(c, b));
  CHECK_FALSE(zg::certainly_gt(b, a));
  CHECK(zg::certainly_positive(a));
  CHECK_FALSE(zg::certainly_positive(ArbBall::interval(0, 1, kPrec)));
  CHECK(zg::certainly_nonnegative(ArbBall::interval(0, 1, kPrec)));
  const ArbBall nan(std::nan(""), kPrec);
  CHECK_FALSE(zg::certainly_positive(nan));
  CHECK_FALSE(zg::certainly_negative(nan));
  CHECK_FALSE(zg::certainly_lt(nan, c));
  CHECK(zg::contains_zero(ArbBall::interval(-1, 1, kPrec)));
}

TEST_CASE("exact decimals of doubles and MPFR numbers round-trip exactly", "[arb_ball]") {
  CHECK(zg::exact_decimal(0.5) == "0.5");
  CHECK(zg::exact_decimal(-3.0) == "-3");
  CHECK(zg::exact_decimal(0.0) == "0");
  CHECK(zg::exact_decimal(0.1) == "0.1000000000000000055511151231257827021181583404541015625");
  CHECK(zg::exact_decimal(std::ldexp(1.0, -50)) == "0.00000000000000088817841970012523233890533447265625");
  CHECK(zg::exact_decimal(std::ldexp(1.0, -80)).substr(0, 9) == "8.2718061");  // scientific when long:
  CHECK(zg::exact_decimal(std::ldexp(1.0, -80)).find("e-25") != std::string::npos);
  CHECK(zg::exact_decimal(std::ldexp(3.0, 60)) == "3458764513820540928");
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(-1, 1);
  zg::ScopedDigits digits(400);
  for (int k = 0; k < 100; ++k) {
    const double x = std::ldexp(unit(rng), static_cast<int>(k) - 50);
    const std::string s = zg::exact_decimal(x);
    INFO(s);
    CHECK(std::strtod(s.c_str(), nullptr) == x);
    CHECK(zg::parse_decimal<Mp>(s) == Mp(x));  // exact at 400 digits: no rounding happened
  }
  const Mp third = Mp(1) / 3;
  const zg::ArbBall t = zg::ArbBall::exact(third, 64);
  CHECK(zg::parse_decimal<Mp>(zg::exact_decimal(t.lower())) == third);
}

TEST_CASE("outward decimal bounds", "[arb_ball]") {
  zg::ScopedDigits digits(kRefDigits);
  const ArbBall t = ArbBall::decimal("0.1", kPrec) / 3;
  const Mp exact = Mp(zg::parse_decimal<Mp>("0.1") / 3);
  CHECK(zg::parse_decimal<Mp>(zg::upper_decimal(t, 5)) >= exact);
  CHECK(zg::parse_decimal<Mp>(zg::lower_decimal(t, 5)) <= exact);
  CHECK(zg::upper_decimal(t, 5) == "3.3334e-02");
  CHECK(zg::lower_decimal(t, 5) == "3.3333e-02");
}
