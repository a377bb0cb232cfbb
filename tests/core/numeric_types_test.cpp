// Tests for core/numeric_types: decimal output carries exactly the digits asked for.
#include "core/numeric_types.hpp"

#include "tests/support/within_eps.hpp"

using zg::Mp;

TEST_CASE("to_decimal gives exactly the requested significant digits", "[numeric_types]") {
  zg::ScopedDigits digits(30);
  const Mp third = Mp(1) / 3;
  CHECK(zg::to_decimal(third, 5) == "3.3333e-01");
  CHECK(zg::to_decimal(third, 1) == "3e-01");
  CHECK(zg::to_decimal(1.0 / 3, 5) == "3.3333e-01");
}

TEST_CASE("parse_one_plus_decimal forms 1 +- x exactly in decimal and rounds once", "[numeric_types]") {
  zg::ScopedDigits digits(30);
  // 1 + (-0.99999999999999999999) = 1e-20 exactly; the same decimal parsed directly is the
  // correctly rounded value of the same number, so the two must be bit-identical.
  CHECK(zg::parse_one_plus_decimal("-0.99999999999999999999", +1) == Mp("1e-20"));
  CHECK(zg::parse_one_plus_decimal("0.99999999999999999999", -1) == Mp("1e-20"));
  CHECK(zg::parse_one_plus_decimal("-0.999_999", +1) == Mp("1e-6"));
  CHECK(zg::parse_one_plus_decimal("0.75", -1) == Mp("0.25"));
  CHECK(zg::parse_one_plus_decimal("12.5e-1", -1) == Mp("-0.25"));
  CHECK(zg::parse_one_plus_decimal("+2e3", +1) == Mp(2001));
  CHECK(zg::parse_one_plus_decimal("-1", +1) == 0);
  CHECK(zg::parse_one_plus_decimal("0.000", +1) == 1);
  // |x| far below eps: the sum rounds to 1 on either side, without forming 10^5000.
  CHECK(zg::parse_one_plus_decimal("1e-5000", +1) == 1);
  CHECK(zg::parse_one_plus_decimal("1e-5000", -1) == 1);
  CHECK(zg::parse_one_plus_decimal("-3e-99999999999999999999", -1) == 1);
  // Just inside the precision the sum is not 1: 1 - 1e-29 at 30 digits.
  CHECK(zg::parse_one_plus_decimal("1e-29", -1) < 1);
  // Against the subtraction of a rounded x: 1 + x loses every digit of 1e-40 at 30 digits.
  const Mp rounded = 1 + Mp("-0.9999999999999999999999999999999999999999");
  CHECK(zg::parse_one_plus_decimal("-0.9999999999999999999999999999999999999999", +1) == Mp("1e-40"));
  CHECK(rounded != Mp("1e-40"));
  CHECK_THROWS_AS(zg::parse_one_plus_decimal("nan", +1), std::invalid_argument);
  CHECK_THROWS_AS(zg::parse_one_plus_decimal("1e999999", +1), std::invalid_argument);
}
