// Tests for core/loss_mp.hpp: the Arb fast path of the Mp loss and gradient against the
// generic path of core/loss.hpp (Boost mpfr_float, kernels.hpp's stable |u - v|, |u + v|
// angle forms) evaluated at twice the digits (STYLE.md habit 10), on networks whose pairs
// cover every branch: |cos| <= 1/2, near-parallel and near-antiparallel pairs at angles of
// 2^-60, and pairs exactly parallel and antiparallel.
#include "core/loss_mp.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/loss.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Network;
using zg::test::WithinAbs;

namespace {

/// Student and teacher with entries double + 2^-60 double: exact at any precision of
/// 120 bits or more, so the 50- and 100-digit runs see the same networks. Student neuron j
/// is, by j mod 5: a random vector; teacher direction i plus a 2^-60 tilt; minus it plus a
/// tilt; the previous neuron times 3 plus a tilt; teacher direction i exactly (rho = 1 off
/// the diagonal) or, every other time, minus it exactly.
struct HardPair {
  Network<Mp> student, teacher;
};

HardPair hard_pair(Eigen::Index d, Eigen::Index m, Eigen::Index ms, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  HardPair h{Network<Mp>{zg::Vec<Mp>(m), zg::Mat<Mp>(d, m)}, Network<Mp>{zg::Vec<Mp>(ms), zg::Mat<Mp>(d, ms)}};
  for (Eigen::Index k = 0; k < ms; ++k) {
    h.teacher.a(k) = Mp(normal(engine));
    for (Eigen::Index i = 0; i < d; ++i) h.teacher.W(i, k) = Mp(normal(engine));
  }
  for (Eigen::Index j = 0; j < m; ++j) {
    h.student.a(j) = Mp(normal(engine));
    const Eigen::Index i_teacher = (j / 5) % ms;
    for (Eigen::Index i = 0; i < d; ++i) {
      const Mp tilt = ldexp(Mp(normal(engine)), -60);
      const Mp random = Mp(normal(engine));
      switch (j % 5) {
        case 0: h.student.W(i, j) = random; break;
        case 1: h.student.W(i, j) = h.teacher.W(i, i_teacher) + tilt; break;
        case 2: h.student.W(i, j) = -h.teacher.W(i, i_teacher) + tilt; break;
        case 3: h.student.W(i, j) = 3 * h.student.W(i, j - 1) + tilt; break;
        default: h.student.W(i, j) = (j / 5) % 2 ? Mp(-h.teacher.W(i, i_teacher)) : h.teacher.W(i, i_teacher);
      }
    }
  }
  return h;
}

/// sum_p |c_p| |w_p| over student and teacher: the scale of every Gram sum.
Mp mass_sum(const HardPair& h) {
  Mp s = 0;
  for (Eigen::Index j = 0; j < h.student.width(); ++j) s += abs(h.student.a(j)) * h.student.W.col(j).norm();
  for (Eigen::Index k = 0; k < h.teacher.width(); ++k) s += abs(h.teacher.a(k)) * h.teacher.W.col(k).norm();
  return s;
}

}  // namespace

TEST_CASE("the Arb loss and gradient at 50 digits match the generic path at 100 digits", "[loss][loss_mp]") {
  const Eigen::Index d = 7, m = 23, ms = 3;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed << ", d = " << d << ", m = " << m << ", m* = " << ms);
    zg::LossGradient<Mp> reference;
    {
      zg::ScopedDigits digits(100);
      const HardPair h = hard_pair(d, m, ms, seed);
      reference = zg::detail::population_loss_gradient_generic(h.student, h.teacher);
    }
    zg::ScopedDigits digits(50);
    const HardPair h = hard_pair(d, m, ms, seed);
    const zg::LossGradient<Mp> fast = zg::population_loss_gradient(h.student, h.teacher);
    const Mp loss_only = zg::population_loss(h.student, h.teacher);
    const Mp eps = zg::eps_of(fast.loss);
    const Mp scale = mass_sum(h);
    // Errors against the exact values: the directions rounded at 50 digits (d entries of
    // 1/2 ulp each move a cosine by O(sqrt(d) eps)), the pair terms and sums at 16 guard
    // bits, one final rounding; each term is bounded by |mass_p| |mass_q| (|2 pi K| <= 1), so
    // L is off by O(d eps) scale^2. Measured (seeds 1-3): at most 0.12 eps times these scales; 16 d leaves room.
    const Mp tol_loss = 16 * d * eps * scale * scale;
    CHECK_THAT(fast.loss, WithinAbs(reference.loss, tol_loss));
    CHECK_THAT(loss_only, WithinAbs(reference.loss, tol_loss));
    for (Eigen::Index j = 0; j < m; ++j) {
      INFO("neuron " << j);
      // dL/da_j = |w_j| y_j / pi and dL/dw_j = a_j (along_v_j + z_j w^_j) / pi: every sum is
      // bounded by (pi/2 + 1) scale times the neuron's own factor; same O(d eps) per term.
      const Mp tol_a = 16 * d * eps * scale * h.student.W.col(j).norm();
      CHECK_THAT(fast.grad_a(j), WithinAbs(reference.grad_a(j), tol_a));
      const Mp tol_w = 16 * d * eps * scale * abs(h.student.a(j));
      for (Eigen::Index i = 0; i < d; ++i) CHECK_THAT(fast.grad_W(i, j), WithinAbs(reference.grad_W(i, j), tol_w));
    }
  }
}

TEST_CASE("the Arb path keeps the stable angle forms: a 2^-60 tilt changes L as the 100-digit path says",
          "[loss][loss_mp]") {
  // Two students that differ only by a tilt of 2^-60 in one neuron: L changes by
  // O(2^-120) (K is C^2 in the angle, dK/dtheta = 0 at theta = 0); a cosine rounded before
  // the arcsine would lose that difference under its own rounding noise (~2^-83 in theta).
  const Eigen::Index d = 5, m = 4, ms = 2;
  auto build = [&](int tilt_sign) {
    HardPair h = hard_pair(d, m, ms, 9);
    h.student.W(0, 1) += tilt_sign * ldexp(Mp(1), -60);
    return h;
  };
  Mp reference_difference;
  {
    zg::ScopedDigits digits(100);
    const HardPair plus = build(1), minus = build(-1);
    reference_difference = zg::detail::population_loss_gradient_generic(plus.student, plus.teacher).loss -
                           zg::detail::population_loss_gradient_generic(minus.student, minus.teacher).loss;
  }
  zg::ScopedDigits digits(50);
  const HardPair plus = build(1), minus = build(-1);
  const Mp difference = zg::population_loss(plus.student, plus.teacher) - zg::population_loss(minus.student, minus.teacher);
  const Mp eps = zg::eps_of(difference);
  // Two losses each within O(d eps) scale^2 (test above).
  const Mp scale = mass_sum(plus);
  CHECK_THAT(difference, WithinAbs(reference_difference, Mp(16 * d * eps * scale * scale)));
}

TEST_CASE("the Arb path refuses a zero weight column like the generic path", "[loss][loss_mp]") {
  zg::ScopedDigits digits(50);
  HardPair h = hard_pair(4, 3, 2, 5);
  h.student.W.col(1).setZero();
  CHECK_THROWS_AS(zg::population_loss_gradient(h.student, h.teacher), std::invalid_argument);
  CHECK_THROWS_AS(zg::population_loss(h.student, h.teacher), std::invalid_argument);
}
