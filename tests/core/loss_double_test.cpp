// Tests for core/loss_double.hpp: the vectorisable arcsine of the double loss's
// element-wise pass against MPFR's correctly rounded asin of the same double, over a grid
// of [-1, 1] and the points where fdlibm's formulas change (1/2, 0.975) or are delicate
// (tiny x, |x| -> 1); and the double path's products-only twin (the benchmark's floor)
// on the loss's own shapes.
#include "core/loss_double.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "core/loss.hpp"
#include "core/numeric_types.hpp"

using zg::Mp;

namespace {

/// |fast - asin(x)| in units of the last place of the correctly rounded result, the
/// exact asin taken at 40 digits from the exact double x.
double ulp_error(double x) {
  zg::ScopedDigits digits(40);
  const Mp exact = asin(Mp(x));
  const double rounded = static_cast<double>(exact);
  const double ulp = std::nextafter(std::abs(rounded), std::numeric_limits<double>::infinity()) - std::abs(rounded);
  const Mp error = abs(Mp(zg::detail::arcsin_vectorisable(x)) - exact);
  return static_cast<double>(Mp(error / Mp(ulp)));
}

}  // namespace

TEST_CASE("arcsin_vectorisable is within 1 ulp of MPFR's asin on [-1, 1]", "[loss][loss_double]") {
  std::vector<double> xs;
  for (int k = -4000; k <= 4000; ++k) xs.push_back(k / 4000.0);
  // Either side of every switch of formula, and the ends.
  for (double edge : {0.5, 0.975, 1.0, 0.0})
    for (int steps = 0; steps < 40; ++steps) {
      double lo = edge, hi = edge;
      for (int s = 0; s < steps * steps; ++s) {
        lo = std::nextafter(lo, -2.0);
        hi = std::nextafter(hi, 2.0);
      }
      for (double x : {lo, hi, -lo, -hi})
        if (std::abs(x) <= 1) xs.push_back(x);
    }
  for (double tiny : {1e-300, 1e-30, 1e-8, 3e-5}) {
    xs.push_back(tiny);
    xs.push_back(-tiny);
  }
  double worst = 0, worst_x = 0;
  for (double x : xs) {
    const double e = ulp_error(x);
    if (e > worst) {
      worst = e;
      worst_x = x;
    }
  }
  INFO("worst error " << worst << " ulp at x = " << std::hexfloat << worst_x);
  // fdlibm's stated bound for e_asin.c: below 1 ulp.
  CHECK(worst < 1.0);
  CHECK(zg::detail::arcsin_vectorisable(1.0) == zg::pi<double>() / 2);
  CHECK(zg::detail::arcsin_vectorisable(-1.0) == -zg::pi<double>() / 2);
  CHECK(zg::detail::arcsin_vectorisable(0.0) == 0.0);
}
