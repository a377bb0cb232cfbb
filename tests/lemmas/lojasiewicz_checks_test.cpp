// Tests for L1: on the default-like problem the gradient bound holds with p close to 1
// over many decades of the gap; an understated optimum value (a gap that never closes)
// makes it fail (STYLE.md habit 12).
#include "lemmas/lojasiewicz_checks.hpp"

#include "tests/support/problems.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::value_of;

TEST_CASE("L1 holds with an exponent near 1 over many decades of the gap", "[claims][L1]") {
  zg::ScopedDigits digits(50);
  const zg::CheckOutcome o = zg::check_lojasiewicz(zg::CheckContext{zg::test::default_like_problem(), 50, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  CHECK_THAT(Mp(value_of(o, "lojasiewicz_exponent_fit")), zg::test::WithinAbs(Mp(1), Mp("0.3")));
  CHECK(Mp(value_of(o, "zeta_min")) < Mp("1e-15"));  // at least 13 decades probed
  CHECK(Mp(value_of(o, "zeta_max")) > Mp("1e-3"));
  // c shrinks with lambda, roughly in proportion (the descent rate in T1 does the same).
  const Mp c2(value_of(o, "lojasiewicz_c_lambda_1e-2")), c4(value_of(o, "lojasiewicz_c_lambda_1e-4"));
  CHECK(c4 < c2);
  CHECK_THAT(Mp(value_of(o, "lojasiewicz_c_lambda_exponent_fit")), zg::test::WithinAbs(Mp(1), Mp("0.3")));
}

TEST_CASE("L1 fails when the optimum value is understated", "[claims][L1][must-fail]") {
  // Every gap is then at least 1e-12, while the gradient still vanishes near the optimum:
  // |grad|^2 / zeta collapses on the smallest gaps.
  zg::ScopedDigits digits(50);
  const zg::CheckOutcome o =
      zg::check_lojasiewicz(zg::CheckContext{zg::test::default_like_problem(), 50, 1}, Mp("1e-12"));
  CHECK(o.verdict == Verdict::Fail);
}

TEST_CASE("L1 fails when asked for an exponent below the landscape's", "[claims][L1][must-fail]") {
  // The lower envelope goes like zeta^1.12: |grad|^2 / zeta^0.5 collapses on small gaps.
  zg::ScopedDigits digits(50);
  zg::ProblemSpec p = zg::test::default_like_problem();
  p.landscape.lojasiewicz_exponent = 0.5;
  const zg::CheckOutcome o = zg::check_lojasiewicz(zg::CheckContext{p, 50, 1});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(value_of(o, "lojasiewicz_exponent_checked").rfind("5.0000", 0) == 0);
}
