// Tests for S3 from a stage-2-like start: twelve epochs reach the default targets; a
// schedule too short to reach them, or a target angle of zero, must FAIL.
#include "lemmas/stage_three_check.hpp"

#include <cmath>

#include "tests/support/outcomes.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Network;
using zg::Vec;
using zg::Verdict;
using zg::test::value_of;

namespace {

// Twelve neurons spread over the half circle of the default teacher's plane, a little out
// of it, balanced, with alternating signs: what stages 1 and 2 hand over, roughly.
Network<double> spread_start() {
  const Eigen::Index m = 12;
  Network<double> s{Vec<double>(m), Mat<double>::Zero(16, m)};
  const double pi = 3.14159265358979323846;
  for (Eigen::Index j = 0; j < m; ++j) {
    const double theta = (static_cast<double>(j) + 0.37) * pi / static_cast<double>(m);
    s.W(0, j) = std::cos(theta);
    s.W(1, j) = std::sin(theta);
    s.W(2 + j % 14, j) = 0.05;
    s.W.col(j) *= 0.4 / s.W.col(j).norm();
    s.a(j) = (j % 2 == 0 ? 0.4 : -0.4);
  }
  return s;
}

zg::CheckOutcome run(int epochs, const zg::StageThreeTargets& targets = {}) {
  zg::StageThreeOptions o;
  o.schedule = {1e-2, 0.5, epochs};
  return zg::check_stage_three(zg::CheckContext{zg::test::default_like_problem(), 30, 1}, spread_start(), o, targets);
}

}  // namespace

TEST_CASE("S3: halving weight decay recovers every teacher direction", "[claims][S3]") {
  zg::ScopedDigits digits(30);
  const zg::CheckOutcome o = run(12);
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  CHECK(Mp(value_of(o, "final_loss")) < Mp("1e-8"));
  CHECK(Mp(value_of(o, "final_max_angle_deg")) < 1);
  CHECK(Mp(value_of(o, "test_function_max_ratio_epochs")) <= 1);
  CHECK(value_of(o, "epochs") == "12");
  CHECK(o.plots.size() == 3);
}

TEST_CASE("S3 fails when the schedule stops before the loss target", "[claims][S3][must-fail]") {
  zg::ScopedDigits digits(30);
  const zg::CheckOutcome o = run(3);  // lambda stops at 2.5e-3: loss ~ 1e-4
  CHECK(o.verdict == Verdict::Fail);
  CHECK(Mp(value_of(o, "final_loss")) > Mp("1e-8"));
}

TEST_CASE("S3 fails against a target angle no finite lambda reaches", "[claims][S3][must-fail]") {
  zg::ScopedDigits digits(30);
  zg::StageThreeTargets t;
  t.max_angle_deg = 1e-6;  // the optimum at lambda ~ 5e-6 sits ~2e-3 deg from the lines
  CHECK(run(12, t).verdict == Verdict::Fail);
}
