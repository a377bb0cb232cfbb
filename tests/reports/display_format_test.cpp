// Tests for reports/display_format.cpp: decimal strings cut on the string (never through
// double), margins with their unit, durations.
#include "reports/display_format.hpp"

#include <cmath>
#include <limits>

#include <catch2/catch.hpp>

namespace zg::detail {
namespace {

TEST_CASE("shorten_decimal truncates the mantissa and marks the cut", "[display_format]") {
  // 60 digits of π; a trip through double would give ...7932 followed by garbage.
  CHECK(shorten_decimal("3.14159265358979323846264338327950288419716939937510582097494", 20) ==
        "3.1415926535897932384…");
  CHECK(shorten_decimal("-2.71828182845904523536028747135266249775724709369995e-57", 20) ==
        "-2.7182818284590452353…e-57");
  // Leading zeros are not significant; the kept digits start at the first non-zero one.
  CHECK(shorten_decimal("0.000123456789012345678901234567890", 20) == "0.00012345678901234567890…");
  CHECK(shorten_decimal("+1.2345678901234567890123E+5", 20) == "+1.2345678901234567890…E+5");
}

TEST_CASE("shorten_decimal switches to an exponent when the cut is in the integer part", "[display_format]") {
  CHECK(shorten_decimal("123456789012345678901234567", 20) == "1.2345678901234567890…e26");
  CHECK(shorten_decimal("12345678901234567890123.5e10", 20) == "1.2345678901234567890…e32");
  CHECK(shorten_decimal("-98765.4321", 3) == "-9.87…e4");
  CHECK(shorten_decimal("98765", 1) == "9…e4");
}

TEST_CASE("shorten_decimal leaves short decimals and non-decimals alone", "[display_format]") {
  for (const char* s : {"",
                        "0",
                        "-0.000000000000000000000000000",
                        "1.5e-3",
                        "12345678901234567890",
                        "1.2345678901234567890e-300",
                        "nan",
                        "-inf",
                        "1e",
                        "1.2.3",
                        "[1.0, 2.0]",
                        "1.2345678901234567890123x",
                        "1.2345678901234567890123e1234567890"})
    CHECK(shorten_decimal(s, 20) == s);
}

TEST_CASE("margins show their unit", "[display_format]") {
  CHECK(format_margin(Margin{12.345, "digits", "r <= t"}) == "12.3 digits");
  CHECK(format_margin(Margin{2.06, "sigma", ""}) == "2.1 σ");
  CHECK(format_margin(Margin{-0.5, "sigma", ""}) == "-0.5 σ");
  CHECK(format_margin(Margin{0.00312, "rad", ""}) == "0.00312 rad");
  CHECK(format_margin(Margin{0.25, "", "difference 0.25"}) == "0.25");
}

TEST_CASE("a margin that was not measured or is not finite shows as a dash", "[display_format]") {
  CHECK_FALSE(margin_measured(Margin{}));
  CHECK(format_margin(Margin{}) == "—");
  CHECK(format_margin(Margin{std::numeric_limits<double>::quiet_NaN(), "digits", ""}) == "—");
  CHECK(format_margin(Margin{std::numeric_limits<double>::infinity(), "sigma", ""}) == "—");
}

TEST_CASE("durations are seconds with two decimals", "[display_format]") {
  CHECK(format_seconds(0.421) == "0.42 s");
  CHECK(format_seconds(12.5) == "12.50 s");
  CHECK(format_seconds(0) == "0.00 s");
}

}  // namespace
}  // namespace zg::detail
