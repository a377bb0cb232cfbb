// Tests for W1: weight decay removes the cancelling pair where plain descent keeps it, and
// with lambda = 0 in the configuration both runs are plain descent, so the claim fails.
// The check is run by its id, as the runner finds it (tests/support/outcomes.hpp): the
// pattern of a claim whose check is declared in no header (docs/adding-a-claim.md).
#include "tests/support/problems.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::check_claim;
using zg::test::value_of;

TEST_CASE("W1: weight decay removes the cancellation that plain descent keeps", "[claims][W1]") {
  zg::ScopedDigits digits(30);
  const zg::CheckOutcome o = check_claim("W1", zg::CheckContext{zg::test::default_like_problem(), 30, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  CHECK_THAT(Mp(value_of(o, "cancelling_mass_initial")), zg::test::WithinAbs(Mp(3), Mp("1e-12")));
  CHECK(Mp(value_of(o, "cancelling_mass_plain")) > 1);
}

TEST_CASE("W1 fails when the 'weight decay' run has lambda = 0", "[claims][W1][must-fail]") {
  zg::ScopedDigits digits(30);
  zg::ProblemSpec p = zg::test::default_like_problem();
  p.lambda = zg::SpecNumber(0.0);
  const zg::CheckOutcome o = check_claim("W1", zg::CheckContext{p, 30, 1});
  CHECK(o.verdict == Verdict::Fail);
}
