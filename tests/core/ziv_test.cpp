// Tests for core/ziv.hpp: settled values agree with a more precise evaluation, escalation
// recovers digits a low precision loses, exact zeros print as 0, and a value that never
// settles is printed with fewer digits and an error that covers its evaluations.
#include "core/ziv.hpp"

#include "tests/support/within_eps.hpp"

using zg::Mp;

TEST_CASE("a well-conditioned value settles at the first comparison, correctly rounded", "[ziv]") {
  const zg::StableDecimal v = zg::stable_decimal([] { return Mp(1) / 3; }, 30);
  CHECK(v.stable);
  CHECK(v.digits == 30);
  CHECK(v.text == "3.33333333333333333333333333333e-01");
  CHECK(v.abs_error.empty());
  CHECK(v.working_digits == 80);  // 30 + 10 guard, then twice that
}

TEST_CASE("escalation recovers what cancellation loses at the first precisions", "[ziv]") {
  // ((1 + t) - 1) / t with t = 10^-60, read from text at each precision: 0 at 40 and at
  // 80 digits would not agree with the exact 1 once the precision exceeds 60 digits.
  const auto f = [] {
    const Mp t("1e-60");
    return Mp((Mp(1 + t) - 1) / t);
  };
  const zg::StableDecimal v = zg::stable_decimal(f, 30);
  CHECK(v.stable);
  CHECK(v.text == "1.00000000000000000000000000000e+00");
  CHECK(v.working_digits > 80);
}

TEST_CASE("an exact zero prints as 0, and several components settle independently", "[ziv]") {
  const std::vector<zg::StableDecimal> v = zg::stable_decimals(
      [] {
        return std::vector<Mp>{Mp(0), zg::pi<Mp>(), Mp(-2)};
      },
      20);
  REQUIRE(v.size() == 3);
  CHECK(v[0].text == "0");
  CHECK(v[0].stable);
  CHECK(v[1].text == "3.1415926535897932385e+00");
  CHECK(v[2].text == "-2.0000000000000000000e+00");
}

TEST_CASE("a value that never settles prints the agreeing digits and an error covering both evaluations", "[ziv]") {
  // 1/3 + 10^-12 (working digits): the evaluations agree on ~12 digits and no more.
  const auto f = [] { return Mp(Mp(1) / 3 + zg::working_digits<Mp>() * pow(Mp(10), -12)); };
  zg::ZivOptions options;
  options.max_working_digits = 200;
  const zg::StableDecimal v = zg::stable_decimal(f, 30, options);
  CHECK_FALSE(v.stable);
  CHECK(v.digits < 30);
  CHECK(v.digits >= 8);
  REQUIRE_FALSE(v.abs_error.empty());
  zg::ScopedDigits digits(250);
  // The error covers the distance from the printed value to both of the last evaluations
  // (working digits 40, 80, 160, then the cap 200).
  const Mp printed(v.text);
  const Mp err(v.abs_error);
  for (int working : {160, 200}) {
    const Mp value = Mp(1) / 3 + working * pow(Mp(10), -12);
    CHECK(abs(printed - value) <= err);
  }
  // Nothing agrees at all: the values 30, 60, 120 at those working digits, then -200 at the
  // cap. The text is 0 and the error covers both last values, |-200| + 320.
  const auto drifting = [] {
    const int working = static_cast<int>(zg::working_digits<Mp>());
    return Mp(working == 200 ? -200 : working);
  };
  const zg::StableDecimal none = zg::stable_decimal(drifting, 20, options);
  CHECK_FALSE(none.stable);
  CHECK(none.text == "0");
  CHECK(none.digits == 0);
  REQUIRE_FALSE(none.abs_error.empty());
  CHECK(Mp(none.abs_error) >= 520);
}

TEST_CASE("the settled digits at d agree with an evaluation at 2d within one unit in the last place", "[ziv]") {
  // STYLE.md habit 10: the result at d digits and at 2d digits must agree.
  for (unsigned d : {16u, 30u, 100u}) {
    const auto f = [] { return Mp(exp(Mp(1)) * zg::pi<Mp>()); };
    const zg::StableDecimal v = zg::stable_decimal(f, d);
    const zg::StableDecimal w = zg::stable_decimal(f, 2 * d);
    REQUIRE(v.stable);
    REQUIRE(w.stable);
    zg::ScopedDigits digits(2 * d + 10);
    const Mp unit = pow(Mp(10), 1 - static_cast<int>(d));  // e pi = 8.5...: exponent 0
    CHECK(abs(Mp(v.text) - Mp(w.text)) <= unit);
  }
}

TEST_CASE("significant_digits counts a decimal's digits and refuses what is not one", "[ziv]") {
  CHECK(zg::significant_digits("-1.250e-03") == 4u);
  CHECK(zg::significant_digits("0.0012") == 2u);
  CHECK(zg::significant_digits("3.14159") == 6u);
  CHECK(zg::significant_digits("0") == 0u);
  CHECK(zg::significant_digits("-0.0e+00") == 0u);
  for (const char* text : {"", "nan", "inf", ".", "1e", "1e+", "1.2.3", "0.5 +/- 1e-3", "abc", "1e5x"})
    CHECK_FALSE(zg::significant_digits(text).has_value());
}

TEST_CASE("confirmed_decimal keeps the digits a more precise evaluation confirms", "[ziv]") {
  // 1/3 at 30 digits against 1/3 at 40: every digit confirmed, the text unchanged.
  const zg::StableDecimal same = zg::confirmed_decimal(
      "3.33333333333333333333333333333e-01", "3.333333333333333333333333333333333333333e-01", 40);
  CHECK(same.stable);
  CHECK(same.text == "3.33333333333333333333333333333e-01");
  CHECK(same.abs_error.empty());

  // A value whose last digits moved (a solver converged to 10^-15 at one precision and
  // 10^-20 at the other): only the digits both share are printed, with the gap as error.
  const zg::StableDecimal moved = zg::confirmed_decimal("1.23456789012345678901e+00", "1.23456789012346000000e+00", 30);
  CHECK_FALSE(moved.stable);
  CHECK(moved.text == "1.23456789012346e+00");  // 15 digits: at 16 they print ...3457 and ...3460
  {
    // The error covers both evaluations around the printed value.
    const zg::ScopedDigits precision(40);
    const Mp printed(moved.text), error(moved.abs_error);
    CHECK(abs(printed - Mp("1.23456789012345678901")) <= error);
    CHECK(abs(printed - Mp("1.23456789012346")) <= error);
    CHECK(error < Mp("4e-15"));  // |hi - lo| = 3.21e-15, rounded up to two digits
  }

  // A rounding residual: 3e-57 at 50 digits, 2e-69 at 62: no digit agrees, so the value is
  // printed as 0 with an error that covers both.
  const zg::StableDecimal residual = zg::confirmed_decimal("3.1e-57", "2.0e-69", 62);
  CHECK_FALSE(residual.stable);
  CHECK(residual.text == "0");
  {
    const zg::ScopedDigits precision(80);
    CHECK(Mp(residual.abs_error) >= Mp("3.1e-57"));
  }

  // An exact zero against a tiny nonzero: 0, with the nonzero's size as the error.
  const zg::StableDecimal zero = zg::confirmed_decimal("0", "-4.0e-70", 62);
  CHECK_FALSE(zero.stable);
  CHECK(zero.text == "0");
  {
    const zg::ScopedDigits precision(80);
    CHECK(Mp(zero.abs_error) >= Mp("4e-70"));
    CHECK(Mp(zero.abs_error) <= Mp("4.1e-70"));  // rounded up to two digits, no more
  }
}
