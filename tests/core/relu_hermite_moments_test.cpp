// Tests for core/relu_hermite_moments.hpp: the exact integers against hand-computed
// expectations and the closed form's (k-3)!!, the coefficients against quadrature (a third
// route), their precision at 1000 digits, and relu>=2's vanishing orders 0 and 1.
#include "core/relu_hermite_moments.hpp"

#include "core/quadrature.hpp"
#include "core/relu_hermite.hpp"
#include "tests/support/within_eps.hpp"

using boost::multiprecision::mpz_int;
using zg::Mp;
using zg::test::WithinAbs;
using zg::test::WithinEps;

TEST_CASE("half-moment integers of the first orders match the hand computation", "[relu_hermite][moments]") {
  // E[relu He_0] = M_1 = 1/sqrt(2 pi); E[relu He_1] = M_2 = 1/2;
  // E[relu (z^2 - 1)] = M_3 - M_1 = 1/sqrt(2 pi); E[relu (z^3 - 3z)] = M_4 - 3 M_2 = 0;
  // E[relu (z^4 - 6z^2 + 3)] = M_5 - 6 M_3 + 3 M_1 = (8 - 12 + 3)/sqrt(2 pi) = -1/sqrt(2 pi).
  const std::vector<zg::ReluHalfMoments> m = zg::relu_half_moments(4);
  const int rational[] = {0, 1, 0, 0, 0};
  const int irrational[] = {1, 0, 1, 0, -1};
  const int factorial[] = {1, 1, 2, 6, 24};
  for (unsigned k = 0; k <= 4; ++k) {
    INFO("k = " << k);
    CHECK(m[k].rational_part == rational[k]);
    CHECK(m[k].over_sqrt_2pi == irrational[k]);
    CHECK(m[k].factorial == factorial[k]);
  }
}

TEST_CASE("half-moments give the closed form's integers exactly", "[relu_hermite][moments]") {
  // Even k >= 2: B_k = (-1)^((k-2)/2) (k-3)!!, A_k = 0; odd k >= 3: A_k = B_k = 0.
  const std::vector<zg::ReluHalfMoments> m = zg::relu_half_moments(60);
  mpz_int double_factorial(1);  // (k-3)!!, updated as k grows by 2
  for (unsigned k = 2; k <= 60; ++k) {
    INFO("k = " << k);
    if (k % 2 == 1) {
      CHECK(m[k].rational_part == 0);
      CHECK(m[k].over_sqrt_2pi == 0);
      continue;
    }
    if (k >= 4) double_factorial *= k - 3;
    CHECK(m[k].rational_part == 0);
    CHECK(m[k].over_sqrt_2pi == ((k - 2) / 2 % 2 == 0 ? double_factorial : mpz_int(-double_factorial)));
  }
}

TEST_CASE("half-moment coefficients equal E[relu(z) h_k(z)] by quadrature", "[relu_hermite][moments][quadrature]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> c = zg::relu_hermite_coefs_by_moments<Mp>(20);
  auto relu = [](const Mp& z) { return zg::relu(z); };
  for (unsigned k = 0; k <= 20; ++k) {
    const zg::Estimate<Mp> q = zg::gaussian_hermite_projection<Mp>(relu, k);
    // Quadrature: 1024 eps relative to its L1 norm, plus rounding in h_k (O(k) ulps).
    CHECK_THAT(q.value, WithinAbs(c[k], Mp((4096 + 64 * k) * zg::eps_of(c[0]) * (1 + q.l1))));
  }
}

TEST_CASE("half-moment coefficients agree with the closed form to 10 eps at 1000 digits", "[relu_hermite][moments]") {
  zg::ScopedDigits digits(1000);
  const std::vector<Mp> moments = zg::relu_hermite_coefs_by_moments<Mp>(40);
  const std::vector<Mp> closed = zg::relu_hermite_coefs<Mp>(40);
  for (unsigned k = 0; k <= 40; ++k) {
    INFO("k = " << k);
    // 10 eps for the moments (header) plus (3k/2 + 3) eps for the closed form's recurrence.
    CHECK_THAT(moments[k], WithinAbs(closed[k], Mp((3 * k / 2 + 13) * zg::eps_of(Mp(1)) * abs(closed[k]))));
  }
}

TEST_CASE("a wrong closed form is told apart from the half-moments", "[relu_hermite][moments][must-fail]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> moments = zg::relu_hermite_coefs_by_moments<Mp>(10);
  std::vector<Mp> closed = zg::relu_hermite_coefs<Mp>(10);
  closed[8] *= 1 + Mp("1e-40");  // one coefficient off in the 40th digit
  CHECK(abs(moments[8] - closed[8]) > 1000 * zg::eps_of(Mp(1)) * abs(closed[8]));
}

TEST_CASE("relu>=2 has no order-0 or order-1 part and keeps c_k beyond", "[relu_hermite][moments]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> sigma2 = zg::relu_ge2_hermite_coefs_by_moments<Mp>(12);
  const std::vector<Mp> c = zg::relu_hermite_coefs_by_moments<Mp>(12);
  CHECK(sigma2[0] == 0);  // B_0 - 1 = 0 exactly
  CHECK(sigma2[1] == 0);  // B_1 = 0 exactly
  for (unsigned k = 2; k <= 12; ++k) CHECK_THAT(sigma2[k], WithinEps(c[k], 4));
}
