// Tests for core/loss.hpp and core/relu_network.hpp: the closed-form loss against Monte
// Carlo, its gradient against central differences, the teacher's zero loss, the
// homogeneity identity a_j dL/da_j = w_j . dL/dw_j, the Hermite-order split, and the
// double path against the MPFR path.
#include "core/loss.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/finite_difference.hpp"
#include "core/monte_carlo.hpp"
#include "core/relu_hermite.hpp"
#include "core/relu_network.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Network;
using zg::Vec;
using zg::test::WithinAbs;
using zg::test::WithinEps;

namespace {

// Seeded random network with Gaussian entries (doubles, converted exactly).
template <class T>
Network<T> random_network(Eigen::Index d, Eigen::Index m, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  Network<T> n;
  n.a.resize(m);
  n.W.resize(d, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    n.a(j) = T(normal(engine));
    for (Eigen::Index i = 0; i < d; ++i) n.W(i, j) = T(normal(engine));
  }
  return n;
}

template <class T>
Network<T> unit_teacher(Eigen::Index d, Eigen::Index m, std::uint64_t seed) {
  Network<T> t = random_network<T>(d, m, seed);
  for (Eigen::Index j = 0; j < m; ++j) t.W.col(j) /= t.W.col(j).norm();
  return t;
}

}  // namespace

TEST_CASE("the teacher has zero loss against itself", "[loss]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> t = unit_teacher<Mp>(5, 3, 1);
  const zg::LossGradient<Mp> lg = zg::population_loss_gradient(t, t);
  // L is a difference of O(1) sums of 9 kernel values: a few dozen ulps.
  CHECK_THAT(lg.loss, WithinAbs(Mp(0), Mp(64 * zg::eps_of(t.a(0)))));
  CHECK_THAT(lg.norm(), WithinAbs(Mp(0), Mp(64 * zg::eps_of(t.a(0)))));
}

TEST_CASE("the closed-form loss equals Monte Carlo within 4 standard errors", "[loss][monte-carlo]") {
  const Network<double> t = unit_teacher<double>(4, 3, 2);
  const Network<double> s = random_network<double>(4, 5, 3);
  auto sq_err = [&](const Mat<double>& X) {
    const Vec<double> diff = zg::relu_ge2_network_outputs(s, X) - zg::relu_ge2_network_outputs(t, X);
    return Vec<double>(diff.array().square());
  };
  const zg::MonteCarloEstimate<double> mc = zg::gaussian_monte_carlo<double>(sq_err, 4, 500000, 99);
  const double closed = zg::population_loss(s, t);
  INFO("closed " << closed << " mc " << mc.mean << " +- " << mc.std_error);
  CHECK(std::abs(closed - mc.mean) <= 4 * mc.std_error);
}

TEST_CASE("a non-homogeneous neuron disagrees with Monte Carlo (the trap of docs/math.md §1)", "[loss][must-fail]") {
  // With the literal relu>=2(w.x) instead of |w| relu>=2(w^.x) the closed form is wrong
  // as soon as some |w| != 1; the Monte Carlo check must be able to see that.
  const Network<double> t = unit_teacher<double>(3, 2, 5);
  Network<double> s = random_network<double>(3, 3, 6);
  auto literal = [&](const Mat<double>& X) {
    const Mat<double> Zs = s.W.transpose() * X, Zt = t.W.transpose() * X;
    Vec<double> out(X.cols());
    for (Eigen::Index c = 0; c < X.cols(); ++c) {
      double f = 0;
      for (Eigen::Index j = 0; j < s.width(); ++j) f += s.a(j) * zg::relu_ge2(Zs(j, c));
      for (Eigen::Index i = 0; i < t.width(); ++i) f -= t.a(i) * zg::relu_ge2(Zt(i, c));
      out(c) = f * f;
    }
    return out;
  };
  const zg::MonteCarloEstimate<double> mc = zg::gaussian_monte_carlo<double>(literal, 3, 500000, 7);
  CHECK(std::abs(zg::population_loss(s, t) - mc.mean) > 10 * mc.std_error);
}

TEST_CASE("the closed-form gradient equals central differences at 60 digits", "[loss][finite-difference]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> t = unit_teacher<Mp>(4, 3, 11);
  const Network<Mp> s = random_network<Mp>(4, 4, 12);
  const zg::LossGradient<Mp> lg = zg::population_loss_gradient(s, t);
  CHECK_THAT(lg.loss, WithinEps(zg::population_loss(s, t), 8));

  const Mp eps = zg::working_eps<Mp>();
  auto loss_of = [&](const Vec<Mp>& p) { return zg::population_loss(zg::unflatten_parameters(p, 4, 4), t); };
  const Vec<Mp> fd = zg::central_difference_gradient(loss_of, zg::flatten_parameters(s), eps);
  Network<Mp> g;
  g.a = lg.grad_a;
  g.W = lg.grad_W;
  const Vec<Mp> closed = zg::flatten_parameters(g);
  // Central differences: O(eps^(2/3)) times the third-derivative scale of L (O(10) here).
  const Mp tol = 256 * pow(eps, Mp(2) / 3);
  for (Eigen::Index i = 0; i < closed.size(); ++i) {
    INFO("parameter " << i);
    CHECK_THAT(closed(i), WithinAbs(fd(i), tol));
  }
}

TEST_CASE("gradient equals central differences on random networks (seeded property test)", "[loss][property]") {
  // ZG_TEST_MULTIPLIER scales the number of random cases (nightly runs set it high); a
  // failure prints the seed, from which the case is rebuilt exactly.
  const char* multiplier_env = std::getenv("ZG_TEST_MULTIPLIER");
  const int cases = 3 * (multiplier_env ? std::max(1, std::atoi(multiplier_env)) : 1);
  zg::ScopedDigits digits(40);
  const Mp eps = zg::working_eps<Mp>();
  for (int c = 0; c < cases; ++c) {
    const std::uint64_t seed = 1000 + static_cast<std::uint64_t>(c);
    const Eigen::Index d = 2 + c % 4, m = 1 + c % 5, ms = 1 + c % 3;
    const Network<Mp> t = unit_teacher<Mp>(d, ms, seed);
    const Network<Mp> s = random_network<Mp>(d, m, seed + 7919);
    auto loss_of = [&](const Vec<Mp>& p) { return zg::population_loss(zg::unflatten_parameters(p, d, m), t); };
    const Vec<Mp> fd = zg::central_difference_gradient(loss_of, zg::flatten_parameters(s), eps);
    const zg::LossGradient<Mp> lg = zg::population_loss_gradient(s, t);
    const Vec<Mp> closed = zg::flatten_parameters(Network<Mp>{lg.grad_a, lg.grad_W});
    INFO("seed " << seed << ", d = " << d << ", m = " << m << ", m* = " << ms);
    CHECK_THAT(Mp((fd - closed).cwiseAbs().maxCoeff()), WithinAbs(Mp(0), Mp(256 * pow(eps, Mp(2) / 3))));
  }
}

TEST_CASE("a_j dL/da_j = w_j . dL/dw_j (each neuron is 1-homogeneous in w_j)", "[loss]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> t = unit_teacher<Mp>(6, 3, 21);
  const Network<Mp> s = random_network<Mp>(6, 5, 22);
  const zg::LossGradient<Mp> lg = zg::population_loss_gradient(s, t);
  for (Eigen::Index j = 0; j < s.width(); ++j) {
    const Mp lhs = s.a(j) * lg.grad_a(j);
    const Mp rhs = s.W.col(j).dot(lg.grad_W.col(j));
    CHECK_THAT(lhs, WithinAbs(rhs, Mp(256 * zg::eps_of(lhs) * (1 + abs(lhs)))));
  }
}

TEST_CASE("the Hermite-order split adds up to the directly computed ReLU loss", "[loss][hermite-split]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  zg::AffineReluNetwork<Mp> g, gs;
  g.net = random_network<Mp>(5, 4, 31);
  gs.net = unit_teacher<Mp>(5, 3, 32);
  g.alpha = Mp("0.375");
  gs.alpha = Mp("-0.25");
  g.beta = random_network<Mp>(5, 1, 33).W.col(0);
  gs.beta = Vec<Mp>::Zero(5);
  const zg::OrderSplit<Mp> split = zg::relu_network_loss_split(g, gs);
  const Mp direct = zg::relu_network_loss_direct(g, gs);
  CHECK_THAT(split.total(), WithinAbs(direct, Mp(256 * zg::eps_of(direct) * (1 + direct))));
  // The order->=2 part is exactly the relu>=2 loss of docs/math.md §3.
  CHECK_THAT(split.order_ge2, WithinAbs(zg::population_loss(g.net, gs.net), Mp(256 * zg::eps_of(direct))));
}

TEST_CASE("the plain ReLU loss equals Monte Carlo", "[loss][monte-carlo]") {
  zg::AffineReluNetwork<double> g, gs;
  g.net = random_network<double>(3, 3, 41);
  gs.net = unit_teacher<double>(3, 2, 42);
  g.alpha = 0.5;
  g.beta = Vec<double>::Constant(3, 0.25);
  gs.alpha = 0;
  gs.beta = Vec<double>::Zero(3);
  auto sq = [&](const Mat<double>& X) {
    return Vec<double>((zg::affine_relu_outputs(g, X) - zg::affine_relu_outputs(gs, X)).array().square());
  };
  const zg::MonteCarloEstimate<double> mc = zg::gaussian_monte_carlo<double>(sq, 3, 500000, 43);
  CHECK(std::abs(zg::relu_network_loss_direct(g, gs) - mc.mean) <= 4 * mc.std_error);
}

TEST_CASE("the double loss and gradient agree with the MPFR ones", "[loss]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> t = unit_teacher<Mp>(8, 3, 51);
  const Network<Mp> s = random_network<Mp>(8, 6, 52);
  const zg::LossGradient<Mp> lm = zg::population_loss_gradient(s, t);
  const zg::LossGradient<double> ld =
      zg::population_loss_gradient(zg::network_cast<double>(s), zg::network_cast<double>(t));
  // double: O(m^2 d) roundings of O(1) terms; 1e3 eps_double covers m = 6, d = 8.
  const Mp tol = Mp(1000 * std::numeric_limits<double>::epsilon()) * (1 + abs(lm.loss));
  CHECK_THAT(Mp(ld.loss), WithinAbs(lm.loss, tol));
  CHECK_THAT(Mp(ld.norm()), WithinAbs(lm.norm(), tol));
}

namespace {

// A student with the pairs where the double fast path's rounded cosines are least
// accurate, put into columns 0 .. 7 of a random network (m >= 8): near-parallel pairs
// at angles ~1e-7 and ~1e-12, a near-antiparallel pair, a duplicated neuron (rho exactly
// 1 in exact arithmetic), and neurons parallel and antiparallel to teacher neurons.
Network<double> hard_student(const Network<double>& teacher, Eigen::Index m, std::uint64_t seed) {
  Network<double> s = random_network<double>(teacher.dim(), m, seed);
  const Vec<double> e = random_network<double>(teacher.dim(), 1, seed + 1).W.col(0);
  const Vec<double> w0 = s.W.col(0);
  s.W.col(1) = w0 + 1e-7 * w0.norm() * e;
  s.W.col(2) = w0 + 1e-12 * w0.norm() * e;
  s.W.col(3) = -0.5 * w0 + 1e-9 * e;
  s.W.col(4) = w0;
  s.W.col(5) = 1.5 * teacher.W.col(0);
  s.W.col(6) = -teacher.W.col(teacher.width() - 1);
  s.W.col(7) = 0.75 * w0;  // parallel with another norm
  return s;
}

struct FastPathError {
  double loss_ratio = 0;  // |error| / tolerance, worst over the quantity
  double grad_a_ratio = 0;
  double grad_W_ratio = 0;
  std::string worst;  // where the worst gradient entry is
};

// The double fast path (core/loss_double.cpp) against the generic path in Mp at 50 digits
// on the same networks (converted exactly). Tolerances, with sum_mass = sum_p |c_p| |w_p|
// over student and teacher (c = (a, -a*)) and n = m + m*:
//   loss:        4 (n + d) eps sum_mass^2
//   dL/da_j:     4 (n + d) eps |w_j| sum_mass
//   dL/dW_(i,j): 4 (n + d) eps |a_j| sum_mass
// because every cosine from the d-term product is off by at most ~d eps, K' = arcsin / 2 pi
// and the terms of grad_w G have angle derivatives bounded by 1 (the latter vanishing like
// sin(theta) at theta = 0, pi, where arcsin(rho) itself is only sqrt(d eps) accurate), and
// each n-term sum adds ~n eps of the l1 norm of its terms; 4 covers the constants (pi/2,
// 1/pi, the normalisations).
FastPathError fast_path_error(const Network<double>& s, const Network<double>& t) {
  const zg::LossGradient<double> fast = zg::population_loss_gradient(s, t);
  const double loss_only = zg::population_loss(s, t);
  zg::ScopedDigits digits(50);
  const zg::LossGradient<Mp> ref = zg::population_loss_gradient(zg::network_cast<Mp>(s), zg::network_cast<Mp>(t));
  const double eps = std::numeric_limits<double>::epsilon();
  const Vec<double> norms_s = s.W.colwise().norm().transpose();
  const double sum_mass = s.a.cwiseAbs().dot(norms_s) + t.a.cwiseAbs().dot(t.W.colwise().norm().transpose());
  const double k = 4 * static_cast<double>(s.width() + t.width() + s.dim()) * eps;
  FastPathError e;
  auto ratio = [](double value, const Mp& reference, double tol) {
    return static_cast<double>(Mp(abs(Mp(value) - reference) / Mp(tol)));
  };
  const double loss_tol = k * sum_mass * sum_mass;
  e.loss_ratio = std::max(ratio(fast.loss, ref.loss, loss_tol), ratio(loss_only, ref.loss, loss_tol));
  for (Eigen::Index j = 0; j < s.width(); ++j) {
    const double ra = ratio(fast.grad_a(j), ref.grad_a(j), k * norms_s(j) * sum_mass);
    if (ra > e.grad_a_ratio) {
      e.grad_a_ratio = ra;
    }
    for (Eigen::Index i = 0; i < s.dim(); ++i) {
      const double rw = ratio(fast.grad_W(i, j), ref.grad_W(i, j), k * std::abs(s.a(j)) * sum_mass);
      if (rw > e.grad_W_ratio) {
        e.grad_W_ratio = rw;
        e.worst = "dL/dW(" + std::to_string(i) + ", " + std::to_string(j) + ")";
      }
    }
  }
  return e;
}

}  // namespace

TEST_CASE("the double fast path equals the 50-digit path entry by entry, hard pairs included", "[loss][fast-path]") {
  struct Size {
    Eigen::Index d, m, ms;
  };
  // m > 64 included: the fast path's column loop and symmetric products have no small-size
  // special case, but the m = 70, 130 cases exercise full Eigen blocking.
  const Size sizes[] = {{3, 8, 2}, {8, 12, 3}, {16, 70, 3}, {32, 130, 5}, {4, 260, 2}};
  std::uint64_t seed = 70;
  for (const Size& z : sizes) {
    for (bool hard : {false, true}) {
      seed += 2;
      const Network<double> t = unit_teacher<double>(z.d, z.ms, seed);
      const Network<double> s = hard ? hard_student(t, z.m, seed + 1) : random_network<double>(z.d, z.m, seed + 1);
      const FastPathError e = fast_path_error(s, t);
      INFO("d = " << z.d << ", m = " << z.m << ", m* = " << z.ms << (hard ? ", hard pairs" : ", random")
                  << ", seed " << seed << "; error/tolerance: loss " << e.loss_ratio << ", dL/da "
                  << e.grad_a_ratio << ", dL/dW " << e.grad_W_ratio << " at " << e.worst);
      CHECK(e.loss_ratio <= 1);
      CHECK(e.grad_a_ratio <= 1);
      CHECK(e.grad_W_ratio <= 1);
    }
  }
}

TEST_CASE("the student equal to the teacher has zero loss and gradient on the fast path", "[loss][fast-path]") {
  // Every cosine between equal columns is rho = 1 only up to rounding in the matrix
  // product; the loss and gradient are still zero to (n + d) eps of their scale.
  const Network<double> t = unit_teacher<double>(16, 9, 91);
  const zg::LossGradient<double> lg = zg::population_loss_gradient(t, t);
  const double sum_mass = 2 * t.a.cwiseAbs().sum();
  const double tol = 4 * (18 + 16) * std::numeric_limits<double>::epsilon() * sum_mass;
  CHECK(std::abs(lg.loss) <= tol * sum_mass);
  CHECK(lg.grad_a.cwiseAbs().maxCoeff() <= tol);
  CHECK(lg.grad_W.cwiseAbs().maxCoeff() <= tol * t.a.cwiseAbs().maxCoeff());
}

TEST_CASE("the fast-path comparison detects a gradient off by one part in 1e9", "[loss][fast-path][must-fail]") {
  // The tolerance of fast_path_error is not vacuous: moving one weight by 1e-9 relative
  // changes the loss and gradient by far more than it allows.
  const Network<double> t = unit_teacher<double>(8, 3, 95);
  Network<double> s = random_network<double>(8, 12, 96);
  const zg::LossGradient<double> moved = zg::population_loss_gradient(
      Network<double>{s.a, s.W + 1e-9 * Mat<double>::Ones(8, 12)}, t);
  zg::ScopedDigits digits(50);
  const zg::LossGradient<Mp> ref = zg::population_loss_gradient(zg::network_cast<Mp>(s), zg::network_cast<Mp>(t));
  const double scale = 4 * (15 + 8) * std::numeric_limits<double>::epsilon() *
                       (s.a.cwiseAbs().dot(s.W.colwise().norm().transpose()) + t.a.cwiseAbs().sum());
  CHECK(static_cast<double>(Mp((ref.grad_W - moved.grad_W.cast<Mp>()).cwiseAbs().maxCoeff())) >
        100 * scale * s.a.cwiseAbs().maxCoeff());
}

TEST_CASE("a zero weight vector is rejected, not turned into NaN", "[loss]") {
  Network<double> t = unit_teacher<double>(3, 2, 61);
  Network<double> s = random_network<double>(3, 2, 62);
  s.W.col(1).setZero();
  CHECK_THROWS_AS(zg::population_loss(s, t), std::invalid_argument);
}
