// Tests for core/decay_cap.hpp: the frame data, h0 and the slope gamma, and h'' on pieces
// against central differences of h(t) = s_j eta~(H (cos t, sin t zhat)) in 100-digit MPFR
// (tests/core/decay_test_reference.hpp), for kernel sums that are not certificates
// (perturbed coefficients, so the slope at t = 0 is not ~0), in ranks 2 and 3.
#include "core/decay_cap.hpp"

#include <cmath>

#include <catch2/catch.hpp>

#include "tests/core/decay_test_reference.hpp"
#include "tests/core/decay_test_teachers.hpp"

using zg::ArbBall;
using zg::Mp;
using zg::decay::BallVec;
using zg::test::MpVec;

namespace {

// The teacher's kernel sum with alpha_i multiplied by 1 + 10^-3 (i + 1): a kernel sum
// whose h'(0) is of order 10^-3.
zg::decay::KernelSumInput perturbed(const zg::test::DecayTeacher& t) {
  zg::ScopedDigits digits(100);
  zg::decay::KernelSumInput in = zg::test::precertificate_input(t);
  for (std::size_t i = 0; i < in.alpha.size(); ++i)
    in.alpha[i] = zg::to_decimal(Mp(zg::parse_decimal<Mp>(in.alpha[i]) * (1 + Mp(i + 1) / 1000)), 60);
  return in;
}

// h at (t, zhat) for touching point j, in the reference.
Mp reference_h(const zg::test::ReferenceSum& ref, std::size_t j, const Mp& t, const MpVec& zhat) {
  const MpVec& u = ref.u[static_cast<std::size_t>(ref.touching_centre[j])];
  MpVec x{cos(t)};
  for (const Mp& z : zhat) x.push_back(sin(t) * z);
  return ref.touching_sign[j] * zg::test::reference_value(ref, zg::test::reference_frame_apply(u, x));
}

MpVec unit(std::vector<double> z) {
  MpVec out;
  Mp n2 = 0;
  for (double x : z) {
    out.push_back(Mp(x));
    n2 += out.back() * out.back();
  }
  for (Mp& x : out) x /= sqrt(n2);
  return out;
}

BallVec balls(const MpVec& z, long prec) {
  BallVec out;
  for (const Mp& x : z) out.push_back(ArbBall::exact(x, prec));
  return out;
}

}  // namespace

TEST_CASE("cap data: the touching centre sits at sigma e_1 exactly", "[decay_cap]") {
  const zg::decay::KernelSum s = zg::decay::build_kernel_sum(zg::test::precertificate_input(zg::test::rank3_teacher(3)), 128);
  for (int j = 0; j < 3; ++j) {
    const zg::decay::CapData d = zg::decay::cap_data(s, j);
    const std::size_t c = static_cast<std::size_t>(d.centre);
    CHECK(d.A[c].width_upper() == 0);
    CHECK(zg::contains(d.A[c], static_cast<double>(d.frame.sigma)));
    CHECK(d.C[c].is_exact_zero());
    for (const ArbBall& p : d.P[c]) CHECK(p.is_exact_zero());
    // |P_i|^2 + A_i^2 = 1 for every centre (H is orthogonal, u_i unit).
    for (std::size_t i = 0; i < d.A.size(); ++i)
      CHECK(zg::contains(sqr(d.A[i]) + zg::decay::dot(d.P[i], d.P[i]) - 1, 0.0));
  }
}

TEST_CASE("h'' on cap pieces encloses central differences of h", "[decay_cap]") {
  zg::ScopedDigits digits(100);
  const Mp step("1e-20");  // error O(step^2 h'''') + O(1e-100 / step^2): both ~1e-40
  for (const zg::test::DecayTeacher& t : {zg::test::default_teacher(2), zg::test::rank3_teacher(3)}) {
    const zg::decay::KernelSumInput in = perturbed(t);
    const zg::decay::KernelSum s = zg::decay::build_kernel_sum(in, 192).at_precision(128);
    const zg::test::ReferenceSum ref = zg::test::reference_sum(in);
    const int r = s.rank;
    const std::vector<MpVec> rays = r == 2 ? std::vector<MpVec>{{Mp(1)}, {Mp(-1)}}
                                           : std::vector<MpVec>{unit({1, 0}), unit({-0.3, 1}), unit({0.7, -0.2})};
    for (std::size_t j = 0; j < s.touching.size(); ++j) {
      const zg::decay::CapData d = zg::decay::cap_data(s, static_cast<int>(j));
      for (const MpVec& z : rays) {
        for (double tt : {0.001, 0.0125, 0.04}) {
          const Mp t(tt);
          const Mp h2 = (reference_h(ref, j, Mp(t + step), z) - 2 * reference_h(ref, j, t, z) +
                         reference_h(ref, j, Mp(t - step), z)) /
                        (step * step);
          INFO("rank " << r << ", touching " << j << ", t " << tt);
          const ArbBall point = zg::decay::cap_second_derivative(s, d, ArbBall(tt, 128), balls(z, 128));
          CHECK(zg::test::encloses_within(point, h2, Mp("1e-30")));
          CHECK(point.width_upper() < 1e-25);
          // A piece around the point contains it too.
          const ArbBall piece =
              zg::decay::cap_second_derivative(s, d, ArbBall::interval(tt - 0x1p-12, tt + 0x1p-12, 128), balls(z, 128));
          CHECK(zg::test::encloses_within(piece, h2, Mp("1e-30")));
        }
      }
    }
  }
}

TEST_CASE("h0 and the slope gamma enclose s_j eta~(u_j) and bound |h'(0)| along every ray", "[decay_cap]") {
  zg::ScopedDigits digits(100);
  const Mp step("1e-30");
  for (const zg::test::DecayTeacher& t : {zg::test::default_teacher(2), zg::test::rank3_teacher(3)}) {
    const zg::decay::KernelSumInput in = perturbed(t);
    const zg::decay::KernelSum s = zg::decay::build_kernel_sum(in, 256);
    const zg::test::ReferenceSum ref = zg::test::reference_sum(in);
    const std::vector<MpVec> rays = s.rank == 2 ? std::vector<MpVec>{{Mp(1)}, {Mp(-1)}}
                                                : std::vector<MpVec>{unit({1, 0}), unit({0, 1}), unit({-0.3, 1})};
    for (std::size_t j = 0; j < s.touching.size(); ++j) {
      const zg::decay::CapConstants k = zg::decay::cap_constants(s, zg::decay::cap_data(s, static_cast<int>(j)));
      const Mp h0 = reference_h(ref, j, Mp(0), rays[0]);
      CHECK(zg::test::encloses_within(k.h0, h0, Mp("1e-90")));
      Mp largest = 0;
      for (const MpVec& z : rays) {
        // One-sided difference (h is C^1 at 0, not C^2): error O(step |h''|).
        const Mp slope = (reference_h(ref, j, step, z) - h0) / step;
        CHECK(abs(slope) <= k.gamma.upper() + Mp("1e-25"));
        largest = std::max(largest, Mp(abs(slope)));
      }
      CHECK(largest > Mp("1e-6"));  // the perturbed sum has a slope: the bound is not vacuous
      if (s.rank == 2) CHECK(zg::test::encloses_within(k.gamma, largest, Mp("1e-25")));  // S^0: gamma = |h'(0)|
    }
  }
}

TEST_CASE("the sampled look refutes a cap whose rho is too large, not a true one", "[decay_cap]") {
  const zg::test::DecayTeacher t = zg::test::default_teacher(2);
  const zg::decay::KernelSum s = zg::decay::build_kernel_sum(zg::test::precertificate_input(t), 128).at_precision(64);
  CHECK(zg::decay::first_refuted_sample(s, 0, 0.05, ArbBall(0.02, 64)) == HUGE_VAL);
  CHECK(zg::decay::first_refuted_sample(s, 0, 0.05, ArbBall(10, 64)) < 0.06);
}

TEST_CASE("sphere face roots of S^{r-2}: both signs of every face", "[decay_cap]") {
  const std::vector<zg::bnb::Root> r2 = zg::decay::sphere_face_roots(2, {{0, 0.5}});
  REQUIRE(r2.size() == 2);
  CHECK(r2[0].tag == 1);
  CHECK(r2[1].tag == -1);
  CHECK(r2[0].box.size() == 1);
  const std::vector<zg::bnb::Root> r4 = zg::decay::sphere_face_roots(4, {{0.9375, 1}, {0, 0.5}});
  REQUIRE(r4.size() == 6);
  CHECK(r4[5].tag == -3);
  CHECK(r4[5].box.size() == 4);
  CHECK(r4[5].box[2].lo == -1);
}
