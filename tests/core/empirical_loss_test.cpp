// Tests for core/empirical_loss.hpp: seeded, nested sample sets; the empirical gradient
// against central differences of the empirical loss (Mp) and the double pass against Mp;
// mini-batches; and the empirical loss converging to the population loss like n^(-1/2).
#include "core/empirical_loss.hpp"

#include <cmath>
#include <vector>

#include "core/finite_difference.hpp"
#include "core/problem_spec.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Network;
using zg::Vec;
using zg::test::WithinAbs;

namespace {

// A student far from the teacher (loss ~ 0.1): 5 neurons with mixed signs and norms.
template <class T>
Network<T> rough_student(Eigen::Index d) {
  Network<T> s{Vec<T>(5), Mat<T>::Zero(d, 5)};
  for (Eigen::Index j = 0; j < 5; ++j) {
    s.a(j) = T(j % 2 == 0 ? 1 : -1) * T(j + 1) / T(4);
    for (Eigen::Index i = 0; i < d; ++i) s.W(i, j) = T(static_cast<int>((3 * i + 5 * j) % 7) - 3) / T(4);
    s.W(j % d, j) += T(1);
  }
  return s;
}

}  // namespace

TEST_CASE("sample sets are deterministic per seed and nested in n", "[empirical]") {
  const Network<double> teacher = zg::network_cast<double>(zg::test::planar_teacher(5, {0, 60, 120}, {1, -1, 1}));
  const zg::SampleSet a = zg::make_samples(teacher, 300, 7), b = zg::make_samples(teacher, 300, 7);
  const zg::SampleSet big = zg::make_samples(teacher, 1000, 7), other = zg::make_samples(teacher, 300, 8);
  CHECK(a.X == b.X);
  CHECK(a.y == b.y);
  CHECK(big.X.leftCols(300) == a.X);
  CHECK(other.X != a.X);
  CHECK(a.y.size() == 300);
  CHECK_THROWS_AS(zg::make_samples(teacher, 0, 7), std::invalid_argument);
}

TEST_CASE("the empirical gradient equals central differences of the empirical loss (Mp)", "[empirical]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> teacher = zg::test::planar_teacher(3, {0, 60, 120}, {1, -1, 1});
  const zg::BasicSampleSet<Mp> samples = zg::make_samples(teacher, 64, 3);
  const Network<Mp> student = rough_student<Mp>(3);
  const zg::LossGradient<Mp> g = zg::empirical_loss_gradient(student, samples);
  CHECK_THAT(g.loss, WithinAbs(zg::empirical_loss(student, samples.all()), Mp(64 * 64 * zg::working_eps<Mp>())));

  const Mp eps = zg::working_eps<Mp>();
  auto loss_at = [&](const Vec<Mp>& p) { return zg::empirical_loss(zg::unflatten_parameters(p, 3, 5), samples.all()); };
  const Vec<Mp> fd = zg::central_difference_gradient(loss_at, zg::flatten_parameters(student), eps);
  const Vec<Mp> closed = zg::flatten_parameters(Network<Mp>{g.grad_a, g.grad_W});
  // L_n is smooth away from the kinks w_j.x_s = 0, which the step h = eps^(1/3) ~ 1e-20 does
  // not reach here; central differences then err by O(eps^(2/3) (|L'''| + |L|)), and
  // |L'''| = O(1) for this student: 1000 eps^(2/3) leaves room for that constant.
  const Mp tol = 1000 * pow(eps, Mp(2) / 3);
  for (Eigen::Index k = 0; k < fd.size(); ++k) {
    INFO("parameter " << k);
    CHECK_THAT(Mp(closed(k)), WithinAbs(Mp(fd(k)), tol));
  }
  // A wrong gradient (the constant part of the neuron dropped) is caught at that tolerance.
  const Vec<Mp> norms = student.W.colwise().norm().transpose();
  const Vec<Mp> r = zg::relu_ge2_network_outputs(student, samples.X) - samples.y;
  const Mp r_sum = r.sum();
  const Mp dropped = g.grad_a(0) + 2 * r_sum / Mp(64) * norms(0) / sqrt(2 * zg::pi<Mp>());
  CHECK(abs(dropped - Mp(fd(0))) > 1e6 * tol);
}

TEST_CASE("the double pass agrees with Mp on the same samples; both signatures agree", "[empirical]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Network<Mp> teacher = zg::test::planar_teacher(6, {0, 60, 120}, {1, -1, 1});
  const zg::BasicSampleSet<Mp> mp = zg::make_samples(teacher, 2500, 11);  // crosses a chunk boundary
  const zg::SampleSet dbl = zg::make_samples(zg::network_cast<double>(teacher), 2500, 11);
  const Network<Mp> student = rough_student<Mp>(6);
  const zg::LossGradient<Mp> exact = zg::empirical_loss_gradient(student, mp);
  const zg::LossGradient<double> fast = zg::empirical_loss_gradient(zg::network_cast<double>(student), dbl);
  // double: each term rounds O((m + d) eps), the sums O(chunk eps) more; 1e-12 relative.
  CHECK(std::abs(fast.loss - static_cast<double>(exact.loss)) <= 1e-12 * static_cast<double>(exact.loss));
  CHECK((fast.grad_a - exact.grad_a.cast<double>()).norm() <= 1e-12 * static_cast<double>(exact.grad_a.norm()));
  CHECK((fast.grad_W - exact.grad_W.cast<double>()).norm() <= 1e-12 * static_cast<double>(exact.grad_W.norm()));
  Network<double> zero = zg::network_cast<double>(student);
  zero.W.col(2).setZero();
  CHECK_THROWS_AS(zg::empirical_loss_gradient(zero, dbl), std::invalid_argument);
  CHECK_THROWS_AS(zg::empirical_loss_gradient(rough_student<double>(4), dbl), std::invalid_argument);  // d = 4 vs 6
}

TEST_CASE("mini-batches: views of consecutive columns; a full pass averages to the full loss", "[empirical]") {
  const Network<double> teacher = zg::network_cast<double>(zg::test::planar_teacher(4, {0, 60, 120}, {1, -1, 1}));
  const zg::SampleSet s = zg::make_samples(teacher, 1000, 2);
  const Network<double> student = rough_student<double>(4);
  const zg::LossGradient<double> full = zg::empirical_loss_gradient(student, s);
  double mean_loss = 0;
  Vec<double> mean_grad_a = Vec<double>::Zero(5);
  for (Eigen::Index k = 0; k < 4; ++k) {
    const zg::SampleView<double> v = s.batch(250 * k, 250);
    CHECK(v.X.col(0) == s.X.col(250 * k));
    const zg::LossGradient<double> g = zg::empirical_loss_gradient(student, v);
    mean_loss += g.loss / 4;
    mean_grad_a += g.grad_a / 4;
  }
  CHECK(std::abs(mean_loss - full.loss) <= 1e-13 * full.loss);  // the same sum, grouped otherwise
  CHECK((mean_grad_a - full.grad_a).norm() <= 1e-13 * full.grad_a.norm());
  // cyclic batches of 300 over 1000 samples use the 900 whole ones: 0, 300, 600, 0, ...
  CHECK(s.cyclic_batch(3, 300).X.col(0) == s.X.col(0));
  CHECK(s.cyclic_batch(2, 300).X.col(0) == s.X.col(600));
  CHECK_THROWS_AS(s.batch(900, 101), std::out_of_range);
  CHECK_THROWS_AS(s.cyclic_batch(0, 1001), std::out_of_range);
  // The objective for the descent engine: full batch, or the batches in turn.
  const auto whole = zg::empirical_objective(s);
  CHECK(whole(student).loss == full.loss);
  const auto batched = zg::empirical_objective(s, 250);
  const double first = batched(student).loss, second = batched(student).loss;
  CHECK(first == zg::empirical_loss_gradient(student, s.batch(0, 250)).loss);
  CHECK(second == zg::empirical_loss_gradient(student, s.batch(250, 250)).loss);
}

// Statistical, seeded (so deterministic): for n = 10^2 ... 10^5 and 16 sample seeds each,
// (a) |L_n - L| <= 4.5 standard errors for every run, the standard error estimated from the
// same samples: under the CLT one run exceeds that with probability 6.8e-6, so all 64 pass
// with probability >= 99.95%; (b) the root-mean-square error over seeds falls like
// n^(-1/2): its fitted exponent lies within 0.15 of -1/2 (the RMS of 16 runs has ~18%
// relative spread, so the slope over three decades has a standard deviation ~0.035: 0.15
// is over 4 of them).
TEST_CASE("the empirical loss converges to the population loss like n^(-1/2)", "[empirical][statistical]") {
  const Network<double> teacher = zg::network_cast<double>(zg::test::planar_teacher(8, {0, 60, 120}, {1, -1, 1}));
  const Network<double> student = rough_student<double>(8);
  const double population = zg::population_loss(student, teacher);
  const std::vector<long> counts{100, 1000, 10000, 100000};
  std::vector<double> log_n, log_rms;
  for (long n : counts) {
    double sq = 0;
    for (std::uint64_t seed = 1; seed <= 16; ++seed) {
      const zg::SampleSet s = zg::make_samples(teacher, n, 1000 * seed + static_cast<std::uint64_t>(n));
      const double Ln = zg::empirical_loss(student, s.all());
      const Vec<double> r2 = (zg::relu_ge2_network_outputs(student, s.X) - s.y).array().square();
      const double sd = std::sqrt((r2.array() - r2.mean()).square().sum() / static_cast<double>(n - 1));
      const double se = sd / std::sqrt(static_cast<double>(n));
      INFO("n = " << n << " seed " << seed << ": L_n = " << Ln << ", L = " << population << ", se = " << se);
      CHECK(std::abs(Ln - population) <= 4.5 * se);
      sq += (Ln - population) * (Ln - population) / 16;
    }
    log_n.push_back(std::log(static_cast<double>(n)));
    log_rms.push_back(0.5 * std::log(sq));
  }
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < log_n.size(); ++i) mx += log_n[i] / 4, my += log_rms[i] / 4;
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < log_n.size(); ++i)
    sxy += (log_n[i] - mx) * (log_rms[i] - my), sxx += (log_n[i] - mx) * (log_n[i] - mx);
  const double slope = sxy / sxx;
  INFO("fitted exponent of the RMS error in n: " << slope);
  CHECK(std::abs(slope + 0.5) <= 0.15);
}
