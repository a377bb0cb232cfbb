// Tests for D4: the bound holds on the default-like problem with the proved constant, the
// closed-form |p|^2 agrees with Monte Carlo there (a sub-check), and an overstated decay
// constant makes the bound fail (STYLE.md habit 12).
#include "lemmas/test_function_checks.hpp"

#include "tests/support/problems.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::value_of;

TEST_CASE("D4 holds on the default-like problem with the proved decay constant", "[claims][D4]") {
  zg::ScopedDigits digits(30);
  const zg::ProblemSpec p = zg::test::default_like_problem();
  const zg::CheckOutcome o = zg::check_test_function_bound(zg::CheckContext{p, 30, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  CHECK(Mp(value_of(o, "test_function_max_ratio")) < 1);
  CHECK(Mp(value_of(o, "test_function_max_ratio")) > 0);
  CHECK(value_of(o, "probes") == "55");
}

TEST_CASE("D4 fails when the decay constant is overstated", "[claims][D4][must-fail]") {
  // The right side scales like 1/rho: a constant 4000 times too large breaks the bound
  // on the probes whose measured ratio exceeds 1/4000.
  zg::ScopedDigits digits(30);
  const zg::ProblemSpec p = zg::test::default_like_problem();
  const zg::CheckOutcome o = zg::check_test_function_bound(zg::CheckContext{p, 30, 1}, Mp(100));
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("worst probe") != std::string::npos);
  CHECK(Mp(value_of(o, "test_function_max_ratio")) > 1);
}
