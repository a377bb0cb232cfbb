// Tests for S1 and S2 (lemmas/algorithm_checks.hpp): both pass on the default-like problem
// with the measurements issue 5 names, and each fails when the step, the prediction, a
// target or the solution is wrong.
#include "lemmas/algorithm_checks.hpp"

#include <string>

#include "tests/support/outcomes.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::value_of;

namespace {
constexpr unsigned kDigits = 30;
zg::CheckOutcome s1(const zg::ProblemSpec& p, const zg::StageOneCheckOptions& o = {}) {
  zg::ScopedDigits digits(kDigits);
  return zg::check_stage_one(zg::CheckContext{p, kDigits, 1}, o);
}
zg::CheckOutcome s2(const zg::ProblemSpec& p, const zg::StageTwoCheckOptions& o = {}) {
  zg::ScopedDigits digits(kDigits);
  return zg::check_stage_two(zg::CheckContext{p, kDigits, 1}, o);
}
}  // namespace

TEST_CASE("S1 passes on the default-like problem: fraction ~ d^(-1/2), radius within target", "[claims][S1]") {
  const zg::CheckOutcome o = s1(zg::test::default_like_problem());
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  for (const char* name : {"out_of_span_fraction_max",
                           "out_of_span_exponent_fit",
                           "cover_radius",
                           "out_of_span_fraction_mean_d512",
                           "cover_radius_exponent_fit"})
    CHECK(zg::test::names(o).count(name) == 1);
  CHECK(std::abs(std::stod(value_of(o, "out_of_span_exponent_fit")) + 0.5) <= 0.1);
  CHECK(std::stod(value_of(o, "out_of_span_fraction_max")) < 0.2);
  CHECK(std::stod(value_of(o, "cover_radius")) <= 20);  // the default target
  CHECK_FALSE(o.plots.empty());
}

TEST_CASE("S1 fails on a wrong step, a wrong prediction, an unreachable radius, a bad sweep",
          "[claims][S1][must-fail]") {
  const zg::ProblemSpec p = zg::test::default_like_problem();
  SECTION("no weight decay in the step: the random start stays, nothing decays with d") {
    zg::StageOneCheckOptions wrong;
    wrong.lambda_eta = 0;
    const zg::CheckOutcome o = s1(p, wrong);
    CHECK(o.verdict == Verdict::Fail);
    CHECK(std::abs(std::stod(value_of(o, "out_of_span_exponent_fit")) + 0.5) > 0.3);
  }
  SECTION("predicted exponent -1") {
    zg::StageOneCheckOptions wrong;
    wrong.predicted_exponent = -1;
    CHECK(s1(p, wrong).verdict == Verdict::Fail);
  }
  SECTION("a covering radius of 1 degree with 256 neurons") {
    zg::ProblemSpec q = p;
    q.algorithm.cover_radius_deg = 1;
    const zg::CheckOutcome o = s1(q);
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.explanation.find("covering radius") != std::string::npos);
    q.algorithm.cover_radius_deg = 30;  // loose enough: passes again
    CHECK(s1(q).verdict == Verdict::Pass);
  }
  SECTION("a sweep dimension at the span's rank") {
    zg::ProblemSpec q = p;
    q.algorithm.dimensions = {2, 64, 256};
    CHECK(s1(q).verdict == Verdict::Fail);
  }
}

TEST_CASE("S2 passes on the default-like problem: exact ridge solve, loss below threshold", "[claims][S2]") {
  const zg::CheckOutcome o = s2(zg::test::default_like_problem());
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  for (const char* name : {"stage2_loss", "cover_radius", "stage2_loss_exponent_fit", "ridge_gradient_max"})
    CHECK(zg::test::names(o).count(name) == 1);
  CHECK(Mp(value_of(o, "stage2_loss")) < Mp("1e-2"));
  CHECK(Mp(value_of(o, "ridge_gradient_max")) < Mp("1e-24"));  // 30 digits, m = 256
  CHECK(std::stod(value_of(o, "stage2_loss_exponent_fit")) >= 1);
}

TEST_CASE("S2 fails on a wrong solution or an unreachable threshold", "[claims][S2][must-fail]") {
  const zg::ProblemSpec p = zg::test::default_like_problem();
  SECTION("output weights off by 1e-12: the gradient in a does not vanish") {
    zg::StageTwoCheckOptions wrong;
    wrong.output_perturbation = 1e-12;
    const zg::CheckOutcome o = s2(p, wrong);
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.explanation.find("gradient of L + ridge") != std::string::npos);
  }
  SECTION("threshold 1e-9") {
    zg::ProblemSpec q = p;
    q.algorithm.stage2_loss_threshold = 1e-9;
    CHECK(s2(q).verdict == Verdict::Fail);
  }
}
