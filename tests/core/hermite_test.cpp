// Tests for core/hermite.hpp: against Boost.Math's physicists' Hermite polynomials (an
// independent implementation and convention), exact integer values, and orthonormality
// of h_n under N(0, 1) by quadrature.
#include "core/hermite.hpp"

#include <boost/math/special_functions/hermite.hpp>

#include "core/quadrature.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::test::WithinAbs;
using zg::test::WithinEps;

TEST_CASE("He_n has the textbook low-order forms, exactly at integers", "[hermite]") {
  for (int z = -5; z <= 5; ++z) {
    const double x = z;
    CHECK(zg::hermite_he(0, x) == 1);
    CHECK(zg::hermite_he(1, x) == x);
    CHECK(zg::hermite_he(2, x) == x * x - 1);
    CHECK(zg::hermite_he(3, x) == x * x * x - 3 * x);
    CHECK(zg::hermite_he(4, x) == x * x * x * x - 6 * x * x + 3);
  }
}

TEST_CASE("He_n(x) = 2^(-n/2) H_n(x / sqrt 2) against Boost.Math's physicists' H_n", "[hermite]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  // Dyadic points; the identity's two sides are computed by different recurrences.
  for (const char* xs : {"0.5", "-1.25", "2.75", "0.0625", "-3.5"}) {
    const Mp x(xs);
    for (unsigned n = 0; n <= 30; ++n) {
      const Mp he = zg::hermite_he(n, x);
      const Mp h_phys = boost::math::hermite(n, Mp(x / sqrt(Mp(2))));
      const Mp expected = h_phys / pow(sqrt(Mp(2)), n);
      // Both recurrences lose O(n) ulps relative to the largest term |x|^n n! bound.
      const Mp scale = pow(abs(x) + 1, n) * boost::math::factorial<Mp>(n);
      CHECK_THAT(he, WithinAbs(expected, Mp(64 * n * zg::eps_of(x) * scale)));
    }
  }
}

TEST_CASE("h_n = He_n / sqrt(n!)", "[hermite]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Mp x("1.375");
  const std::vector<Mp> h = zg::hermite_normalised_all(25, x);
  for (unsigned n = 0; n <= 25; ++n) {
    const Mp expected = zg::hermite_he(n, x) / sqrt(boost::math::factorial<Mp>(n));
    CHECK_THAT(h[n], WithinEps(expected, 64.0 * (n + 1)));
  }
}

TEST_CASE("h_j are orthonormal under N(0,1) (quadrature)", "[hermite][quadrature]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  for (unsigned j = 0; j <= 8; ++j) {
    for (unsigned k = j; k <= 8; ++k) {
      auto hj = [j](const Mp& z) { return zg::hermite_normalised(j, z); };
      const zg::Estimate<Mp> e = zg::gaussian_hermite_projection<Mp>(hj, k);
      const Mp expected = (j == k) ? Mp(1) : Mp(0);
      // Quadrature asked for 1024 eps relative to the L1 norm; the integrand is O(1).
      CHECK_THAT(e.value, WithinAbs(expected, Mp(4096 * zg::eps_of(e.value) * (1 + e.l1))));
    }
  }
}
