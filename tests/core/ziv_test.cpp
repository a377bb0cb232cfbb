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
