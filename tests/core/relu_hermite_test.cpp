// Tests for core/relu_hermite.hpp: the coefficients against exact-integer evaluation of
// the closed form and against quadrature of E[relu(z) h_k(z)]; the tail bracket against
// exact binomials; relu>=2 against its definition.
#include "core/relu_hermite.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include "core/quadrature.hpp"
#include "tests/support/within_eps.hpp"

using boost::multiprecision::cpp_int;
using zg::Mp;
using zg::test::WithinAbs;
using zg::test::WithinEps;

namespace {

cpp_int double_factorial(int n) {  // n!! with (-1)!! = 1
  cpp_int r = 1;
  for (int k = n; k > 1; k -= 2) r *= k;
  return r;
}
cpp_int factorial(int n) { return double_factorial(n) * double_factorial(n - 1); }

}  // namespace

TEST_CASE("relu Hermite coefficients equal the closed form with exact factorials", "[relu_hermite]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(80);
  CHECK_THAT(c[0], WithinEps(Mp(1 / sqrt(2 * zg::pi<Mp>())), 4));
  CHECK(c[1] == Mp(1) / 2);
  for (int k = 2; k <= 80; ++k) {
    if (k % 2 == 1) {
      CHECK(c[k] == 0);
      continue;
    }
    // (k-3)!! and k! as exact integers; only the final square root and division round.
    const Mp num = Mp(double_factorial(k - 3));
    const Mp den = sqrt(2 * zg::pi<Mp>() * Mp(factorial(k)));
    const Mp expected = ((k - 2) / 2 % 2 == 0 ? num : Mp(-num)) / den;
    // The recurrence accumulates about 3k/2 + 3 roundings (guarantee in the header).
    CHECK_THAT(c[k], WithinAbs(expected, Mp((3 * k / 2 + 8) * zg::eps_of(expected) * abs(expected))));
  }
}

TEST_CASE("relu Hermite coefficients equal E[relu(z) h_k(z)] by quadrature", "[relu_hermite][quadrature]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(40);
  auto relu = [](const Mp& z) { return zg::relu(z); };
  for (unsigned k = 0; k <= 40; ++k) {
    const zg::Estimate<Mp> q = zg::gaussian_hermite_projection<Mp>(relu, k);
    // Quadrature: 1024 eps relative to its L1 norm, plus rounding in h_k (O(k) ulps).
    CHECK_THAT(q.value, WithinAbs(c[k], Mp((4096 + 64 * k) * zg::eps_of(c[0]) * (1 + q.l1))));
  }
}

TEST_CASE("binomial bounds behind the tail bracket hold exactly", "[relu_hermite]") {
  zg::ScopedDigits digits(40);
  // 1/sqrt(pi (m + 1/2)) <= binom(2m, m) / 4^m <= 1/sqrt(pi (m + 1/4)).
  cpp_int binom = 1;  // binom(2m, m), updated by binom(2m+2, m+1) = binom(2m, m) (2m+1)(2m+2)/(m+1)^2
  for (int m = 1; m <= 2000; ++m) {
    binom = binom * (2 * m - 1) * (2 * m) / (cpp_int(m) * m);
    const Mp b = Mp(binom) / pow(Mp(4), m);
    const Mp p = zg::pi<Mp>();
    REQUIRE(b >= 1 / sqrt(p * (m + Mp(1) / 2)));
    REQUIRE(b <= 1 / sqrt(p * (m + Mp(1) / 4)));
  }
}

TEST_CASE("the tail bracket contains 1/2 - sum_{k<=n} c_k^2", "[relu_hermite]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(4000);
  Mp partial = 0;
  unsigned next_check = 10;
  for (unsigned k = 0; k <= 4000; ++k) {
    partial += c[k] * c[k];
    if (k == next_check) {
      const zg::TailBracket<Mp> t = zg::relu_tail_sq_bracket<Mp>(k);
      const Mp tail = Mp(1) / 2 - partial;
      INFO("n = " << k);
      CHECK(t.lower <= tail);
      CHECK(tail <= t.upper);
      // The bracket is tight: relative width O(1/n), so it really pins the n^(-3/2) decay.
      CHECK((t.upper - t.lower) / tail < Mp(8) / k);
      next_check *= 4;
    }
  }
}

TEST_CASE("a wrong Parseval sum falls outside the tail bracket", "[relu_hermite][must-fail]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(100);
  Mp partial = 0;
  for (unsigned k = 0; k <= 100; ++k) partial += c[k] * c[k];
  // Overstating the tail by 40 c_100^2 (about its own size, far beyond the bracket's
  // 7% width at n = 100) must leave the bracket.
  const Mp wrong_tail = Mp(1) / 2 - (partial - c[100] * c[100] * 40);
  const zg::TailBracket<Mp> t = zg::relu_tail_sq_bracket<Mp>(100);
  CHECK_FALSE((t.lower <= wrong_tail && wrong_tail <= t.upper));
}

TEMPLATE_TEST_CASE("relu>=2 is relu minus its order-0 and order-1 parts", "[relu_hermite]", double, Mp) {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const std::vector<TestType> c = zg::relu_hermite_coefs<TestType>(1);
  for (const char* zs : {"-3.25", "-0.5", "0", "0.125", "2.5", "7"}) {
    const TestType z = zg::parse_decimal<TestType>(zs);
    const TestType expected = zg::relu(z) - c[0] - c[1] * z;
    CHECK_THAT(zg::relu_ge2(z), WithinEps(expected, 8));
  }
}

TEST_CASE("interval coefficients and Hermite values enclose the exact ones", "[relu_hermite][interval]") {
  // References at 80 digits, so their own rounding (1e-80) cannot reach the 40-digit
  // enclosures' endpoints.
  std::vector<Mp> cm;
  Mp hm;
  {
    zg::ScopedDigits reference_digits(80);
    cm = zg::relu_hermite_coefs<Mp>(30);
    hm = zg::hermite_he(7, Mp("0.3"));
  }
  zg::ScopedDigits digits(40);
  const std::vector<zg::Mpi> ci = zg::relu_hermite_coefs<zg::Mpi>(30);
  auto encloses = [](const zg::Mpi& x, const Mp& v) {
    zg::ScopedDigits wide(80);
    return Mp(boost::multiprecision::lower(x).convert_to<Mp>()) <= v &&
           v <= Mp(boost::multiprecision::upper(x).convert_to<Mp>());
  };
  for (unsigned k = 0; k <= 30; ++k) {
    INFO("k = " << k);
    CHECK(encloses(ci[k], cm[k]));
    CHECK(width(ci[k]).convert_to<Mp>() < Mp("1e-36"));
  }
  CHECK(encloses(zg::hermite_he(7, zg::Mpi("0.3")), hm));
}
