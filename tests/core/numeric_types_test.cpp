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
