// Tests for core/stage_one.hpp: the symmetric start, and the one weight-decayed step
// against a step computed by hand from docs/math.md §2-§3 for a pair of neurons in R^3.
#include "core/stage_one.hpp"

#include "core/empirical_loss.hpp"
#include "core/regularized_loss.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Network;
using zg::Vec;
using zg::test::WithinAbs;

TEST_CASE("symmetric_init: pairs cancel, neurons balanced, same draw for every seed", "[stage1]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> n = zg::symmetric_init<Mp>(7, 5, Mp("1e-3"), 42);
  REQUIRE(n.width() == 10);
  REQUIRE(n.dim() == 7);
  const Mp tol = 8 * 7 * zg::working_eps<Mp>() * Mp("1e-3");  // one normalisation of a 7-vector
  for (Eigen::Index p = 0; p < 5; ++p) {
    CHECK(n.W.col(2 * p) == n.W.col(2 * p + 1));
    CHECK(n.a(2 * p) == -n.a(2 * p + 1));
    CHECK_THAT(Mp(n.W.col(2 * p).norm()), WithinAbs(Mp("1e-3"), tol));
  }
  // Its output is zero, so its population loss is the teacher's energy E[f*^2].
  const Network<Mp> again = zg::symmetric_init<Mp>(7, 5, Mp("1e-3"), 42);
  CHECK(again.W == n.W);
  const Network<double> as_double = zg::symmetric_init<double>(7, 5, 1e-3, 42);
  CHECK((as_double.W - n.W.cast<double>()).norm() <= 1e-18);  // same doubles drawn, normalised apart
  CHECK(zg::symmetric_init<double>(7, 5, 1e-3, 43).W != as_double.W);
  CHECK_THROWS_AS(zg::symmetric_init<double>(7, 0, 1e-3, 1), std::invalid_argument);
  CHECK_THROWS_AS(zg::symmetric_init<double>(7, 2, 0.0, 1), std::invalid_argument);
}

// One pair in R^3 at w = s (1/2, 1/2, 1/sqrt 2), a = +-s; teacher e1 (a* = 1) and e2 (a* = 2);
// step eta = 3, weight decay 1/3. By hand (docs/math.md §3): the pair's own terms cancel, so
//   grad_w L = -2 a_j V,  V = sum_i a_i* grad_w G(w, w_i*),
//   dL/da_j = -2 sum_i a_i* |w| K(rho_i),
// and theta_1 = -eta grad L. Here rho_1 = rho_2 = 1/2, arcsin(1/2) = pi/6, sqrt(1 - 1/4) = sqrt3/2:
//   grad_w G(w, e_i) = (pi/6 e_i + (sqrt3/2 - 1) w^) / (2 pi),
//   V = (e1 + 2 e2)/12 + 3 (sqrt3/2 - 1) w^ / (2 pi),
//   K(1/2) = (pi/12 + sqrt3/2 - 1) / (2 pi),
// so w_1 = +-2 eta s V and a_1 = 2 eta s 3 K(1/2) for both neurons.
TEST_CASE("stage_one_step equals the step computed by hand for a pair in R^3", "[stage1]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Mp s("1e-3"), eta(3), pi = zg::pi<Mp>(), root3 = sqrt(Mp(3));
  Vec<Mp> unit(3);
  unit << Mp(1) / 2, Mp(1) / 2, 1 / sqrt(Mp(2));
  Network<Mp> start{Vec<Mp>(2), Mat<Mp>(3, 2)};
  start.W.col(0) = s * unit;
  start.W.col(1) = s * unit;
  start.a << s, -s;
  Network<Mp> teacher{Vec<Mp>(2), Mat<Mp>::Zero(3, 2)};
  teacher.W(0, 0) = 1;
  teacher.W(1, 1) = 1;
  teacher.a << 1, 2;

  Vec<Mp> e12(3);
  e12 << 1, 2, 0;
  const Vec<Mp> V = e12 / 12 + (3 * (root3 / 2 - 1) / (2 * pi)) * unit;
  const Mp K_half = (pi / 12 + root3 / 2 - 1) / (2 * pi);
  const Vec<Mp> w_expected = 2 * eta * s * V;
  const Mp a_expected = 2 * eta * s * 3 * K_half;

  const Network<Mp> next = zg::stage_one_step(start, teacher, eta);
  // population_loss_gradient's error is O(m d eps) relative to its largest term (~|V| s).
  const Mp tol = 64 * zg::working_eps<Mp>() * eta * s;
  for (Eigen::Index k = 0; k < 3; ++k) {
    CHECK_THAT(Mp(next.W(k, 0)), WithinAbs(Mp(w_expected(k)), tol));
    CHECK_THAT(Mp(next.W(k, 1)), WithinAbs(Mp(-w_expected(k)), tol));
  }
  CHECK_THAT(Mp(next.a(0)), WithinAbs(a_expected, tol));
  CHECK_THAT(Mp(next.a(1)), WithinAbs(a_expected, tol));

  // The same as the generic weight-decayed step theta - eta (grad + theta / eta), which
  // forms theta_0 - theta_0 and so only agrees to eps |theta_0|.
  const Network<Mp> generic = zg::gradient_step(start, zg::population_loss_gradient(start, teacher), Mp(1 / eta), eta);
  CHECK_THAT(Mp((generic.W - next.W).cwiseAbs().maxCoeff()), WithinAbs(Mp(0), Mp(16 * zg::working_eps<Mp>() * s)));

  // A wrong step (no weight decay: the start does not cancel) is far from the hand value.
  const Network<Mp> plain = zg::gradient_step(start, zg::population_loss_gradient(start, teacher), Mp(0), eta);
  CHECK(abs(plain.W(2, 0) - w_expected(2)) > 1000 * tol);

  // double agrees to double's precision.
  const Network<double> next_d =
      zg::stage_one_step(zg::network_cast<double>(start), zg::network_cast<double>(teacher), 3.0);
  CHECK((next_d.W - next.W.cast<double>()).cwiseAbs().maxCoeff() <= 64 * 2.2e-16 * 3e-3);
  CHECK_THROWS_AS(zg::stage_one_step(start, teacher, Mp(0)), std::invalid_argument);
}

TEST_CASE("stage_one_step from an empirical gradient: the finite-sample stage 1", "[stage1][empirical]") {
  const Network<double> teacher = zg::network_cast<double>(zg::test::planar_teacher(8, {0, 60, 120}, {1, -1, 1}));
  const Network<double> start = zg::symmetric_init<double>(8, 4, 1e-3, 3);
  const zg::SampleSet samples = zg::make_samples(teacher, 50000, 4);
  const Network<double> next = zg::stage_one_step(zg::empirical_loss_gradient(start, samples), 2.0);
  const zg::LossGradient<double> g = zg::empirical_loss_gradient(start, samples);
  CHECK(next.W == -2.0 * g.grad_W);
  // The empirical step estimates the population one. Its relative error is statistical,
  // ~ sqrt(d / n) times the residual's spread over the step's size: 0.21 was seen at
  // n = 2000 (seed 4) and 0.023 at n = 5e4 (sqrt(25) = 5 times less, as expected); 0.1
  // allows four times that.
  const Network<double> population = zg::stage_one_step(start, teacher, 2.0);
  CHECK((next.W - population.W).norm() <= 0.1 * population.W.norm());
  CHECK_THROWS_AS(zg::stage_one_step(g, 0.0), std::invalid_argument);
}
