// Tests for core/decay_strip.hpp: h and dG/ds on strip pieces against 100-digit MPFR values
// of h(s, t, zhat) = s_j eta~(s H (cos t, sin t zhat)) and central differences in s of
// G = h + rho arccos(s cos t)^2 - 1; and the strip proofs of the default teacher's ball.
#include "core/decay_strip.hpp"

#include <cmath>

#include <catch2/catch.hpp>

#include "tests/core/decay_test_reference.hpp"
#include "tests/core/decay_test_teachers.hpp"

using zg::ArbBall;
using zg::Mp;
using zg::test::MpVec;

namespace {

Mp reference_G(const zg::test::ReferenceSum& ref, std::size_t j, const Mp& rho, const Mp& s, const Mp& t, const MpVec& z) {
  const MpVec& u = ref.u[static_cast<std::size_t>(ref.touching_centre[j])];
  MpVec x{cos(t)};
  for (const Mp& c : z) x.push_back(sin(t) * c);
  MpVec y = zg::test::reference_frame_apply(u, x);
  for (Mp& c : y) c *= s;
  const Mp theta = acos(Mp(s * cos(t)));
  return ref.touching_sign[j] * zg::test::reference_value(ref, y) + rho * theta * theta - 1;
}

}  // namespace

TEST_CASE("strip bounds enclose h and dG/ds", "[decay_strip]") {
  zg::ScopedDigits digits(100);
  const Mp step("1e-20");
  for (const zg::test::DecayTeacher& t : {zg::test::default_teacher(16), zg::test::rank3_teacher(5)}) {
    const zg::decay::KernelSumInput in = zg::test::precertificate_input(t);
    const zg::decay::KernelSum s = zg::decay::build_kernel_sum(in, 192).at_precision(128);
    const zg::test::ReferenceSum ref = zg::test::reference_sum(in);
    const Mp rho("0.02");
    const ArbBall rho_b = ArbBall::decimal("0.02", 128);
    std::vector<MpVec> rays{{Mp(1)}, {Mp(-1)}};
    if (s.rank == 3) rays = {{Mp("0.6"), Mp("0.8")}, {Mp("-0.8"), Mp("0.6")}};
    for (std::size_t j = 0; j < s.touching.size(); ++j) {
      const zg::decay::CapData d = zg::decay::cap_data(s, static_cast<int>(j));
      for (const MpVec& z : rays) {
        zg::decay::BallVec zb;
        for (const Mp& c : z) zb.push_back(ArbBall::exact(c, 128));
        for (double sv : {0.9375, 0.99}) {
          for (double tv : {0.001, 0.02}) {
            const Mp sm(sv), tm(tv);
            const Mp G = reference_G(ref, j, rho, sm, tm, z);
            const Mp dG = (reference_G(ref, j, rho, Mp(sm + step), tm, z) - reference_G(ref, j, rho, Mp(sm - step), tm, z)) /
                          (2 * step);
            const Mp theta = acos(Mp(sm * cos(tm)));
            INFO("rank " << s.rank << ", touching " << j << ", s " << sv << ", t " << tv);
            for (double w : {0.0, 0x1p-14}) {
              const zg::decay::StripBounds b =
                  zg::decay::strip_bounds(s, d, rho_b, {sv - w, sv + w}, {tv - w, tv + w}, zb);
              CHECK(zg::test::encloses_within(b.h, Mp(G + 1 - rho * theta * theta), Mp("1e-30")));
              CHECK(zg::test::encloses_within(b.dG_ds, dG, Mp("1e-30")));
            }
          }
        }
      }
    }
  }
}

TEST_CASE("the default teacher's strips are proved, and a far too small s0 is refuted", "[decay_strip]") {
  const zg::decay::KernelSum s =
      zg::decay::build_kernel_sum(zg::test::precertificate_input(zg::test::default_teacher(16)), 128).at_precision(64);
  for (int j = 0; j < 3; ++j) {
    const zg::decay::StripOutcome o = zg::decay::prove_strip(s, j, 0.9375, 0.05224609375, ArbBall(0.02, 64), {});
    INFO(o.failure);
    CHECK(o.proved);
    CHECK_FALSE(o.record.pieces.empty());
    for (const zg::StripPiece& p : o.record.pieces) {
      CHECK(zg::parse_decimal<double>(p.ds_lower) >= 0);
      CHECK(zg::parse_decimal<double>(p.h_lower) > 0);
      CHECK(p.box.size() == 2);
    }
  }
  // s from 1/64: near the centre h vanishes, so h > 0 cannot hold there (refuted or open).
  const zg::decay::StripOutcome low = zg::decay::prove_strip(s, 0, 0.015625, 0.05224609375, ArbBall(0.02, 64), {});
  CHECK_FALSE(low.proved);
}
