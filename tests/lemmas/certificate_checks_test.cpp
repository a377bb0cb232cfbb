// Tests for the D1 and D2 (sampled) checks: they pass on the default-like teacher with the
// measurement names the reports promise, and fail on a duplicated direction (singular
// system) and on a 2-D teacher whose certificate exceeds 1 (found by a seeded random
// search over five mixed-sign directions, as docs/math.md §4 describes).
#include "lemmas/certificate_checks.hpp"

#include <set>

#include "tests/support/problems.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::planar_problem;
using zg::test::value_of;
using zg::test::names;

namespace {

constexpr unsigned kDigits = 40;

}  // namespace

TEST_CASE("D1 passes on the default teacher and reports alpha, residuals and condition", "[claims][D1]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(16, {0, 60, 120}, {1, -1, 1});
  const zg::CheckOutcome o = zg::check_certificate_interpolation(zg::CheckContext{p, kDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  const std::set<std::string> n = names(o);
  for (const char* required : {"interpolation_residual", "tangential_gradient_residual", "condition_number", "alpha_1",
                               "alpha_3", "rank"})
    CHECK(n.count(required) == 1);
  CHECK(value_of(o, "rank") == "2");
  // The symmetric teacher has alpha_1 = alpha_3 (mirror image about the middle direction).
  CHECK_THAT(Mp(value_of(o, "alpha_1")), zg::test::WithinAbs(Mp(value_of(o, "alpha_3")), Mp("1e-35")));
}

TEST_CASE("D1 and D2 fail, without throwing, on a duplicated teacher direction", "[claims][D1][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(3, {0, 60, 60}, {1, -1, 1});
  const zg::CheckOutcome d1 = zg::check_certificate_interpolation(zg::CheckContext{p, kDigits, 1});
  CHECK(d1.verdict == Verdict::Fail);
  CHECK(d1.explanation.find("singular") != std::string::npos);
  CHECK(zg::check_certificate_decay_sampled(zg::CheckContext{p, kDigits, 1}).verdict == Verdict::Fail);
}

TEST_CASE("D2 passes on the default teacher at the equal-sign midpoint", "[claims][D2]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(16, {0, 60, 120}, {1, -1, 1});
  const zg::CheckOutcome o = zg::check_certificate_decay_sampled(zg::CheckContext{p, kDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  for (const char* required : {"rho_eta", "max_abs_eta_far", "curvature_1", "worst_angle_deg"})
    CHECK(names(o).count(required) == 1);
  // The worst point is midway between the equal-sign directions 120 and 180 (= 0) deg.
  CHECK_THAT(Mp(value_of(o, "worst_angle_deg")), zg::test::WithinAbs(Mp(150), Mp("1e-6")));
  CHECK(Mp(value_of(o, "rho_eta")) > 0);
  CHECK(Mp(value_of(o, "max_abs_eta_far")) < 1);
}

TEST_CASE("D2 on the sphere (d = r) and the ball (d > r) of the span agree for a planar teacher", "[claims][D2]") {
  // For this teacher the worst point lies on the unit circle, so both domains give it.
  zg::ScopedDigits digits(kDigits);
  const zg::CheckOutcome ball = zg::check_certificate_decay_sampled(
      zg::CheckContext{planar_problem(5, {0, 60, 120}, {1, -1, 1}), kDigits, 1});
  const zg::CheckOutcome sphere = zg::check_certificate_decay_sampled(
      zg::CheckContext{planar_problem(2, {0, 60, 120}, {1, -1, 1}), kDigits, 1});
  CHECK_THAT(Mp(value_of(ball, "rho_eta")), zg::test::WithinAbs(Mp(value_of(sphere, "rho_eta")), Mp("1e-12")));
}

TEST_CASE("D2 fails on a degenerate 2-D teacher, locating |eta| > 1", "[claims][D2][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(2, {110, 71, 168, 133, 41}, {-1, 1, 1, -1, 1});
  const zg::CheckOutcome o = zg::check_certificate_decay_sampled(zg::CheckContext{p, kDigits, 1});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(Mp(value_of(o, "rho_eta")) < 0);
  CHECK(Mp(value_of(o, "max_abs_eta")) > 1);
}

TEST_CASE("D2's floor is configurable: a floor above the measured constant fails", "[claims][D2][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  zg::ProblemSpec p = planar_problem(2, {0, 60, 120}, {1, -1, 1});
  p.certificate.rho_floor = 0.03;  // measured rho_eta is 0.0266
  CHECK(zg::check_certificate_decay_sampled(zg::CheckContext{p, kDigits, 1}).verdict == Verdict::Fail);
  p.certificate.rho_floor = 0.02;
  CHECK(zg::check_certificate_decay_sampled(zg::CheckContext{p, kDigits, 1}).verdict == Verdict::Pass);
}

TEST_CASE("D2c proves the decay for the 2-D default teacher", "[claims][D2c]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(2, {0, 60, 120}, {1, -1, 1});
  const zg::CheckOutcome o = zg::check_certificate_decay_certified(zg::CheckContext{p, kDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  CHECK(names(o).count("certified_boxes") == 1);
  CHECK(std::stoll(value_of(o, "certified_boxes")) > 0);
  // rho proved = certify_fraction (the double 0.9) x sampled rho_eta, rounded down to 6
  // significant digits: below the product by less than 1e-5 of it.
  const Mp target = Mp(0.9) * Mp(value_of(o, "rho_eta_sampled"));
  const Mp proved(value_of(o, "certified_rho"));
  CHECK(proved <= target);
  CHECK(proved > target * (1 - Mp("1e-5")));
  // The proof's certificate rides along, for the report to write beside it.
  REQUIRE(o.attachments.size() == 1);
  CHECK(o.attachments[0].path == "certificates/D2c.json");
  CHECK(o.attachments[0].content.find("\"outcome\": \"proved\"") != std::string::npos);
}

TEST_CASE("D2c fails with a proved counterexample when asked for more than the true constant",
          "[claims][D2c][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  zg::ProblemSpec p = planar_problem(2, {0, 60, 120}, {1, -1, 1});
  p.certificate.certify_fraction = 1.1;  // 10% above the observed infimum: false
  const zg::CheckOutcome o = zg::check_certificate_decay_certified(zg::CheckContext{p, kDigits, 1});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("counterexample") == 0);
  CHECK(Mp(value_of(o, "counterexample_excess")) > 0);
  CHECK(o.attachments.at(0).content.find("\"outcome\": \"violated\"") != std::string::npos);
}

TEST_CASE("D2c fails on a degenerate teacher, proving |eta| > 1", "[claims][D2c][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(2, {110, 71, 168, 133, 41}, {-1, 1, 1, -1, 1});
  const zg::CheckOutcome o = zg::check_certificate_decay_certified(zg::CheckContext{p, kDigits, 1});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("|eta| > 1 is proved") != std::string::npos);
  CHECK(Mp(value_of(o, "counterexample_excess")) > 0);
}

TEST_CASE("D2c proves the decay on the disc when d > r", "[claims][D2c]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = planar_problem(16, {0, 60, 120}, {1, -1, 1});
  const zg::CheckOutcome o = zg::check_certificate_decay_certified(zg::CheckContext{p, kDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  CHECK(o.explanation.find("unit ball") != std::string::npos);
}

TEST_CASE("D2c on the disc: the centre caps rho at 4/pi^2, and more is refuted", "[claims][D2c][must-fail]") {
  // Opposite signs 30 deg apart: on the circle the decay is fast, but at the disc's centre
  // (w orthogonal to the span) eta = 0 and delta = pi/2, so rho_eta <= 4/pi^2 (docs/math.md §4).
  zg::ScopedDigits digits(kDigits);
  zg::ProblemSpec p = planar_problem(5, {0, 30}, {1, -1});
  const zg::CheckOutcome ok = zg::check_certificate_decay_certified(zg::CheckContext{p, kDigits, 1});
  CHECK(ok.verdict == Verdict::Pass);
  // The ratio has a corner at the centre (delta = pi/2 - |y.u| there), so the refined
  // search, stopping at steps of 1e-10, lands within ~1e-10 of it.
  CHECK_THAT(Mp(value_of(ok, "rho_eta_sampled")), zg::test::WithinAbs(Mp(4 / pow(zg::pi<Mp>(), 2)), Mp("1e-9")));
  p.certificate.certify_fraction = 1.05;
  CHECK(zg::check_certificate_decay_certified(zg::CheckContext{p, kDigits, 1}).verdict == Verdict::Fail);
}
