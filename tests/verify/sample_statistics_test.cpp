// The sweep summaries (verify/sample_statistics.hpp) against independent computations: the
// Wilson interval against a bisection on its defining inequality, the quantiles against
// NumPy's documented definition worked by hand.
#include "verify/sample_statistics.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <catch2/catch.hpp>

#include "core/numeric_types.hpp"

namespace {

// Whether p satisfies the score inequality (k/n - p)^2 <= z^2 p (1 - p) / n, in long double.
bool inside_score_region(std::uint64_t k, std::uint64_t n, long double p, long double z) {
  const long double d = static_cast<long double>(k) / n - p;
  return d * d <= z * z * p * (1 - p) / n;
}

// The end of the score region between an inside point and an outside one, by bisection.
long double region_end(std::uint64_t k, std::uint64_t n, long double inside, long double outside) {
  for (int i = 0; i < 200; ++i) {
    const long double mid = (inside + outside) / 2;
    (inside_score_region(k, n, mid, zg::kZ95) ? inside : outside) = mid;
  }
  return inside;
}

}  // namespace

TEST_CASE("wilson_interval: the ends of the score region, found by bisection", "[sweep][statistics]") {
  for (const auto& [k, n] : {std::pair<std::uint64_t, std::uint64_t>{1, 10}, {5, 10}, {9, 10}, {37, 200},
                             {199, 200}, {3, 7}}) {
    CAPTURE(k, n);
    const zg::ProportionInterval w = zg::wilson_interval(k, n);
    const long double centre = static_cast<long double>(k) / n;  // inside the region
    // Tolerance: the closed form's roundings, a few ulps of double at values <= 1.
    const double tol = 16 * std::numeric_limits<double>::epsilon();
    CHECK(std::abs(w.lower - static_cast<double>(region_end(k, n, centre, 0))) <= tol);
    CHECK(std::abs(w.upper - static_cast<double>(region_end(k, n, centre, 1))) <= tol);
  }
}

TEST_CASE("wilson_interval: exact ends at 0 and n successes, and refusals", "[sweep][statistics]") {
  const zg::ProportionInterval none = zg::wilson_interval(0, 200);
  CHECK(none.lower == 0);
  // Upper end z^2 / (n + z^2) when k = 0: the root of p^2 = z^2 p (1 - p) / n.
  const double z2 = zg::kZ95 * zg::kZ95;
  CHECK(std::abs(none.upper - z2 / (200 + z2)) <= 8 * std::numeric_limits<double>::epsilon());
  CHECK(zg::wilson_interval(200, 200).upper == 1);
  const zg::ProportionInterval empty = zg::wilson_interval(0, 0);
  CHECK((empty.lower == 0 && empty.upper == 1));
  CHECK_THROWS_AS(zg::wilson_interval(3, 2), std::invalid_argument);
}

TEST_CASE("wilson_interval: a wrong z moves the ends (the check can fail)", "[sweep][statistics]") {
  const zg::ProportionInterval right = zg::wilson_interval(5, 10);
  const zg::ProportionInterval wrong = zg::wilson_interval(5, 10, 1.64);
  CHECK(std::abs(wrong.lower - static_cast<double>(region_end(5, 10, 0.5L, 0))) > 1e-3);
  CHECK(right.lower < wrong.lower);
}

TEST_CASE("sample_quantile: NumPy's default (type 7), worked by hand", "[sweep][statistics]") {
  const std::vector<double> x{4, 1, 3, 2};  // sorted 1 2 3 4, h = 3 q
  CHECK(zg::sample_quantile(x, 0.0) == 1);
  CHECK(zg::sample_quantile(x, 0.25) == 1.75);  // h = 0.75: 1 + 0.75 (2 - 1)
  CHECK(zg::sample_quantile(x, 0.5) == 2.5);
  CHECK(zg::sample_quantile(x, 1.0) == 4);
  CHECK(zg::sample_quantile(std::vector<double>{7}, 0.9) == 7);
  CHECK_THROWS_AS(zg::sample_quantile(std::vector<double>{}, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(zg::sample_quantile(x, 1.5), std::invalid_argument);
}

TEST_CASE("sample_quantile: in MPFR, an interpolation at the working precision", "[sweep][statistics]") {
  zg::ScopedDigits digits(40);
  const std::vector<zg::Mp> x{zg::Mp(1) / 3, zg::Mp(2) / 3};
  // h = 0.5: the midpoint 1/2, to within one rounding of 40 digits.
  const zg::Mp median = zg::sample_quantile(x, 0.5);
  CHECK(abs(median - zg::Mp(1) / 2) <= 4 * std::numeric_limits<zg::Mp>::epsilon());
}
