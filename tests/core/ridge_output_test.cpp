// Tests for core/ridge_output.hpp: the ridge solution against a direct normal-equations
// solve built pairwise from kernels.hpp, its optimality through the loss's own gradient,
// and the rebalance keeping the function.
#include "core/ridge_output.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <Eigen/LU>

#include "core/kernels.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Network;
using zg::Vec;
using zg::test::WithinAbs;

namespace {

Mat<Mp> random_layer(Eigen::Index d, Eigen::Index m, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  Mat<Mp> W(d, m);
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index i = 0; i < d; ++i) W(i, j) = Mp(normal(engine));
  return W;
}

Mp max_abs(const Vec<Mp>& v) {
  return v.cwiseAbs().maxCoeff();
}

}  // namespace

TEST_CASE("ridge solution equals a direct normal-equations solve and zeroes the gradient in a", "[stage2]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> teacher = zg::test::planar_teacher(4, {0, 60, 120}, {1, -1, 1});
  const Mat<Mp> W = random_layer(4, 7, 5);
  const Mp ridge("1e-3");
  const zg::RidgeSolution<Mp> sol = zg::ridge_output(W, teacher, ridge);
  REQUIRE(sol.solved);

  // Normal equations, built neuron pair by neuron pair with kernels.hpp's neuron_kernel
  // (an assembly independent of the pair tables) and solved by full-pivoting LU.
  const Eigen::Index m = W.cols();
  Mat<Mp> A(m, m);
  Vec<Mp> b = Vec<Mp>::Zero(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    for (Eigen::Index k = 0; k < m; ++k) A(j, k) = zg::neuron_kernel<Mp>(W.col(j), W.col(k));
    for (Eigen::Index i = 0; i < teacher.width(); ++i)
      b(j) += teacher.a(i) * zg::neuron_kernel<Mp>(W.col(j), teacher.W.col(i));
    A(j, j) += ridge;
  }
  const Vec<Mp> direct = Eigen::FullPivLU<Mat<Mp>>(A).solve(b);
  // Error of either solve: cond(A) eps |a| with cond <= (|G| + ridge) / ridge ~ 1e4 here;
  // 64 m covers the assembly.
  const Mp eps = zg::working_eps<Mp>();
  const Mp cond = (A.norm() + ridge) / ridge;
  CHECK_THAT(max_abs(Vec<Mp>(sol.a - direct)), WithinAbs(Mp(0), Mp(64 * m * cond * eps * max_abs(direct))));

  // Optimality through the loss: d/da (L + ridge |a|^2) = grad_a L + 2 ridge a = 0, to the
  // rounding of m-term sums of magnitude <= |G| |a| + |b| (no condition number enters).
  const Vec<Mp> g = zg::population_loss_gradient(Network<Mp>{sol.a, W}, teacher).grad_a + 2 * ridge * sol.a;
  const Mp scale = (sol.gram.cwiseAbs() * sol.a.cwiseAbs()).maxCoeff() + max_abs(sol.rhs);
  CHECK_THAT(max_abs(g), WithinAbs(Mp(0), Mp(16 * m * eps * scale)));
  // and a perturbed solution visibly is not optimal.
  const Vec<Mp> off = sol.a.array() + Mp("1e-20");
  const Vec<Mp> g_off = zg::population_loss_gradient(Network<Mp>{off, W}, teacher).grad_a + 2 * ridge * off;
  CHECK(max_abs(g_off) > 1000 * 16 * m * eps * scale);

  // The returned loss is the population loss of (a, W).
  CHECK_THAT(sol.loss, WithinAbs(zg::population_loss(Network<Mp>{sol.a, W}, teacher), Mp(64 * m * m * eps)));
  CHECK_THAT(sol.residual, WithinAbs(Mp(0), Mp(16 * m * eps * scale)));
}

TEST_CASE("rebalance keeps the function and balances; stage_two ignores the first layer's scale", "[stage2]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> teacher = zg::test::planar_teacher(4, {0, 60, 120}, {1, -1, 1});
  const Mat<Mp> W = random_layer(4, 6, 9);
  const Mp eps = zg::working_eps<Mp>();
  Network<Mp> n{Vec<Mp>(6), W};
  n.a << 2, -1, Mp("0.5"), 3, -2, Mp("0.25");
  const Network<Mp> b = zg::rebalance(n);
  CHECK_THAT(zg::population_loss(b, teacher), WithinAbs(zg::population_loss(n, teacher), Mp(1000 * eps)));
  for (Eigen::Index j = 0; j < 6; ++j) {
    CHECK_THAT(Mp(b.a(j) * b.a(j)), WithinAbs(Mp(b.W.col(j).squaredNorm()), Mp(64 * eps * b.a(j) * b.a(j))));
    CHECK((b.a(j) < 0) == (n.a(j) < 0));
  }

  const zg::StageTwo<Mp> one = zg::stage_two(Network<Mp>{n.a, W}, teacher, Mp("1e-6"));
  const zg::StageTwo<Mp> tiny = zg::stage_two(Network<Mp>{n.a, Mat<Mp>(W * Mp("1e-4"))}, teacher, Mp("1e-6"));
  REQUIRE(one.ridge.solved);
  // Normalising the columns removes the scale (up to the rounding of the scaled copy):
  // cond ~ 1e6 amplifies it.
  CHECK_THAT(Mp((one.network.W - tiny.network.W).cwiseAbs().maxCoeff()), WithinAbs(Mp(0), Mp(1e8 * eps)));
  CHECK_THAT(zg::population_loss(one.network, teacher), WithinAbs(one.ridge.loss, Mp(1000 * eps)));
  CHECK_THROWS_AS(zg::ridge_output(W, teacher, Mp(0)), std::invalid_argument);
}

TEST_CASE("empirical ridge: normal equations over the samples, zero empirical gradient, near the population",
          "[stage2][empirical]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> teacher = zg::test::planar_teacher(4, {0, 60, 120}, {1, -1, 1});
  const Mat<Mp> W = random_layer(4, 6, 13);
  const Mp ridge("1e-4"), eps = zg::working_eps<Mp>();
  const zg::BasicSampleSet<Mp> samples = zg::make_samples(teacher, 500, 21);
  const zg::RidgeSolution<Mp> sol = zg::empirical_ridge_output(W, samples.all(), ridge);
  REQUIRE(sol.solved);
  // Normal equations of min (1/n)|Phi^T a - y|^2 + ridge |a|^2, Phi from relu_ge2_network_outputs
  // of single-neuron networks (another route to the features), solved by full-pivoting LU.
  const Eigen::Index m = W.cols();
  Mat<Mp> Phi(m, samples.size());
  for (Eigen::Index j = 0; j < m; ++j) {
    const Network<Mp> single{Vec<Mp>::Ones(1), Mat<Mp>(W.col(j))};
    Phi.row(j) = zg::relu_ge2_network_outputs(single, samples.X).transpose();
  }
  const Mp n(500);
  Mat<Mp> A = Phi * Phi.transpose() / n;
  A.diagonal().array() += ridge;
  const Vec<Mp> direct = Eigen::FullPivLU<Mat<Mp>>(A).solve(Vec<Mp>(Phi * samples.y / n));
  const Mp cond = (A.norm() + ridge) / ridge;
  CHECK_THAT(max_abs(Vec<Mp>(sol.a - direct)), WithinAbs(Mp(0), Mp(64 * 500 * cond * eps * max_abs(direct))));
  // The empirical loss's own gradient in a, plus the ridge term, vanishes; its loss agrees.
  const zg::LossGradient<Mp> g = zg::empirical_loss_gradient(Network<Mp>{sol.a, W}, samples);
  const Mp scale = (sol.gram.cwiseAbs() * sol.a.cwiseAbs()).maxCoeff() + max_abs(sol.rhs);
  CHECK_THAT(max_abs(Vec<Mp>(g.grad_a + 2 * ridge * sol.a)), WithinAbs(Mp(0), Mp(64 * 500 * eps * scale)));
  CHECK_THAT(sol.loss, WithinAbs(g.loss, Mp(64 * 500 * eps)));

  // The finite-sample stage 2 approaches the population one as n grows (seeded; the
  // population loss of the empirical solution is its test error).
  const Network<double> t = zg::network_cast<double>(teacher);
  const Network<double> s1{Vec<double>::Ones(6), W.cast<double>()};
  const double population = zg::stage_two(s1, t, 1e-4).ridge.loss;
  const double small =
      zg::population_loss(zg::empirical_stage_two(s1, zg::make_samples(t, 100, 5).all(), 1e-4).network, t);
  const double large =
      zg::population_loss(zg::empirical_stage_two(s1, zg::make_samples(t, 100000, 5).all(), 1e-4).network, t);
  INFO("population " << population << ", test error n = 100: " << small << ", n = 1e5: " << large);
  CHECK(large >= population * (1 - 1e-9));  // the population solution is optimal for the population objective...
  CHECK(large - population < (small - population) / 10);  // ...and the empirical one closes in on it
}
