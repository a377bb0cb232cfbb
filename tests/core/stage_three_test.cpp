// Tests for stage 3: the schedule, and epochs that drive loss and angles down with the
// optimum known (gap criterion) and unknown (gradient criterion), from the same start.
#include "core/stage_three.hpp"

#include <cmath>

#include "core/certificate.hpp"
#include "core/regularized_optimum.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Network;
using zg::Vec;

TEST_CASE("the lambda schedule halves exactly and a factor 0.3 rounds once per epoch", "[stage3]") {
  const std::vector<double> halving = zg::LambdaSchedule{1e-2, 0.5, 4}.lambdas();
  CHECK(halving == std::vector<double>{1e-2, 5e-3, 2.5e-3, 1.25e-3});  // halving a double is exact
  const std::vector<double> thirds = zg::LambdaSchedule{1.0, 0.3, 3}.lambdas();
  REQUIRE(thirds.size() == 3);
  CHECK(thirds[1] == 0.3);
  CHECK_THAT(thirds[2], zg::test::WithinAbs(0.09, 2 * std::numeric_limits<double>::epsilon()));
  CHECK(zg::LambdaSchedule{1.0, 0.5, 0}.lambdas().empty());
}

namespace {

// Eight neurons spread over the half circle of the default teacher's plane, a little out of
// it, each carrying a small balanced mass: a stage-2-like start.
Network<double> spread_start() {
  Network<double> s{Vec<double>(8), Mat<double>::Zero(16, 8)};
  const double pi = 3.14159265358979323846;
  for (Eigen::Index j = 0; j < 8; ++j) {
    const double theta = (static_cast<double>(j) + 0.4) * pi / 8;
    s.W(0, j) = std::cos(theta);
    s.W(1, j) = std::sin(theta);
    s.W(2 + j, j) = 0.05;
    s.W.col(j) *= 0.5 / s.W.col(j).norm();
    s.a(j) = (j % 2 == 0 ? 0.5 : -0.5);
  }
  return s;
}

}  // namespace

TEST_CASE("stage 3 drives the loss and the angles down epoch by epoch", "[stage3]") {
  zg::ScopedDigits digits(40);
  const zg::Network<zg::Mp> teacher = zg::build_teacher<zg::Mp>(zg::test::default_like_problem().teacher);
  const zg::Certificate<zg::Mp> c = zg::build_precertificate(teacher, zg::Mp("1e-20"));
  const Network<double> t = zg::network_cast<double>(teacher);
  zg::StageThreeOptions o;
  o.schedule = {1e-2, 0.5, 6};
  const zg::OptimumFn newton = [&](double lambda) -> std::optional<double> {
    return static_cast<double>(zg::newton_optimum(teacher, c.basis, zg::Mp(lambda), zg::Mp("1e-28")).objective);
  };
  const zg::OptimumFn unknown = [](double) -> std::optional<double> { return std::nullopt; };
  for (const zg::OptimumFn* optimum : {&newton, &unknown}) {
    const zg::StageThreeRun run = zg::run_stage_three(spread_start(), zg::population_objective(t), *optimum, t.W, 3, o);
    REQUIRE(run.epochs.size() == 6);
    for (std::size_t k = 1; k < run.epochs.size(); ++k) {
      INFO("epoch " << k);
      CHECK(run.epochs[k].end.loss < run.epochs[k - 1].end.loss);
      CHECK(run.epochs[k].stop != zg::DescentStop::StepBudget);  // each epoch met its criterion
      CHECK(run.epochs[k].first_iteration > run.epochs[k - 1].first_iteration);
    }
    // At lambda ~ 3e-4 the optimum's neurons sit ~0.15 deg from the teacher lines (D3:
    // ~470 lambda degrees); stage 3 gets within a degree of them.
    CHECK(run.epochs.back().end.max_angle_deg < 1);
    CHECK(run.epochs.back().end.far_mass < 1e-3);
    CHECK(run.trajectory.back().iteration == run.epochs.back().first_iteration + run.epochs.back().end.iteration);
  }
}
