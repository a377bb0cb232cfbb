// Tests for core/decay_main_cover.hpp: the excess F = |eta~| + rho delta^2 - 1 enclosed
// over main-chart boxes (plain and mean-value) contains its 100-digit values at points of
// the box, on the sphere and the ball, ranks 2 and 3; the mean-value form is tighter on
// small boxes; cap and strip leaves; the roots.
#include "core/decay_main_cover.hpp"

#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "tests/core/decay_test_reference.hpp"
#include "tests/core/decay_test_teachers.hpp"

using zg::ArbBall;
using zg::Mp;
using zg::bnb::Box;
using zg::bnb::Range;
using zg::test::MpVec;

namespace {

// The point of face `face` (0-based) at chart coordinates p (radius first on the ball).
MpVec chart_point(int r, int face, bool ball, const std::vector<double>& p) {
  MpVec y;
  std::size_t next = ball ? 1 : 0;
  Mp n2 = 0;
  for (int l = 0; l < r; ++l) {
    y.push_back(l == face ? Mp(1) : Mp(p[next++]));
    n2 += y.back() * y.back();
  }
  const Mp scale = (ball ? Mp(p[0]) : Mp(1)) / sqrt(n2);
  for (Mp& x : y) x *= scale;
  return y;
}

zg::decay::MainCover cover_of(const zg::decay::KernelSum& s, const ArbBall& rho) {
  zg::decay::MainCover c;
  c.levels = {{&s, rho, ArbBall::decimal("1e-40", s.precision), HUGE_VAL}};
  c.regions.resize(s.touching.size());
  return c;
}

}  // namespace

TEST_CASE("the excess over a main-chart box contains its values at points of the box", "[decay_main_cover]") {
  zg::ScopedDigits digits(100);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> unit(0, 1);
  for (const zg::test::DecayTeacher& t :
       {zg::test::default_teacher(2), zg::test::default_teacher(16), zg::test::rank3_teacher(3), zg::test::rank3_teacher(5)}) {
    const zg::decay::KernelSumInput in = zg::test::precertificate_input(t);
    const zg::decay::KernelSum s = zg::decay::build_kernel_sum(in, 192).at_precision(64);
    const zg::test::ReferenceSum ref = zg::test::reference_sum(in);
    const bool ball = s.domain == zg::DecayDomain::Ball;
    const Mp rho("0.03");
    const zg::decay::MainCover cover = cover_of(s, ArbBall::decimal("0.03", 64));
    const std::vector<zg::bnb::Root> roots = zg::decay::main_cover_roots(s.rank, s.domain);
    REQUIRE(roots.size() == static_cast<std::size_t>(s.rank));
    for (int trial = 0; trial < 40; ++trial) {
      const int face = trial % s.rank;
      Box box = roots[static_cast<std::size_t>(face)].box;
      // A random dyadic sub-box at depth 2..24 in each coordinate.
      for (Range& r : box) {
        const int depth = 2 + static_cast<int>(rng() % 23);
        const double w = r.width() * std::ldexp(1.0, -depth);
        const double k = std::floor(unit(rng) * std::ldexp(1.0, depth));
        r = {r.lo + k * w, r.lo + (k + 1) * w};
      }
      const zg::decay::ExcessEnclosure plain = zg::decay::enclose_excess(cover, face, box, false);
      const zg::decay::ExcessEnclosure mv = zg::decay::enclose_excess(cover, face, box, true);
      for (int k = 0; k < 6; ++k) {
        std::vector<double> p;
        for (const Range& r : box) p.push_back(k == 0 ? r.lo : k == 1 ? r.hi : r.lo + (r.hi - r.lo) * unit(rng));
        const MpVec y = chart_point(s.rank, face, ball, p);
        const Mp eta = zg::test::reference_value(ref, y);
        const Mp delta = zg::test::reference_delta(ref, y);
        const Mp F = abs(eta) + rho * delta * delta - 1;
        INFO("rank " << s.rank << (ball ? " ball" : " sphere") << ", trial " << trial);
        CHECK(zg::test::encloses_within(plain.eta, eta, Mp("1e-60")));
        CHECK(zg::test::encloses_within(mv.eta, eta, Mp("1e-60")));
        CHECK(zg::test::encloses_within(plain.excess, F, Mp("1e-60")));
        CHECK(zg::test::encloses_within(mv.excess, F, Mp("1e-60")));
      }
      CHECK(mv.eta.width_upper() <= plain.eta.width_upper() * (1 + 1e-6));  // an intersection (up to radius rounding)
    }
  }
}

TEST_CASE("boxes inside a proved cap or strip are its leaves", "[decay_main_cover]") {
  for (int d : {2, 16}) {
    const zg::decay::KernelSum s =
        zg::decay::build_kernel_sum(zg::test::precertificate_input(zg::test::default_teacher(d)), 128).at_precision(64);
    zg::decay::MainCover cover = cover_of(s, ArbBall(0.02, 64));
    const bool ball = s.domain == zg::DecayDomain::Ball;
    // u_1 = e_1 (the first direction starts the basis): face 1, free coordinate near 0.
    Box near_u1 = {{-0x1p-8, 0x1p-8}};
    if (ball) near_u1.insert(near_u1.begin(), Range{0.96875, 1});
    auto method = [&](const Box& b) {
      const zg::bnb::Verdict v = zg::decay::evaluate_main_box(cover, 0, b);
      const zg::bnb::Proved* p = std::get_if<zg::bnb::Proved>(&v);
      return p ? p->method : -1;
    };
    CHECK(method(near_u1) == -1);  // no cap yet: undecided next to the touching point
    cover.regions[0].cap = true;
    cover.regions[0].cos_T = cos(ArbBall(0.05, 64));
    if (ball) {
      CHECK(method(near_u1) == -1);  // the strip is not proved yet
      cover.regions[0].strip = true;
      cover.regions[0].s0 = 0.9375;
      CHECK(method(near_u1) == static_cast<int>(zg::LeafMethod::Strip));
      Box inner = near_u1;
      inner[0] = {0.875, 1};
      CHECK(method(inner) != static_cast<int>(zg::LeafMethod::Strip));  // s_lo < s0
    } else {
      CHECK(method(near_u1) == static_cast<int>(zg::LeafMethod::Cap));
    }
    // Far from every touching point: an enclosure leaf with a negative bound.
    Box far = {{0.5, 0.5 + 0x1p-10}};
    if (ball) far.insert(far.begin(), Range{0.5, 0.5 + 0x1p-10});
    const zg::bnb::Verdict v = zg::decay::evaluate_main_box(cover, 0, far);
    REQUIRE(std::holds_alternative<zg::bnb::Proved>(v));
    CHECK(std::get<zg::bnb::Proved>(v).method == static_cast<int>(zg::LeafMethod::Enclosure));
    CHECK(std::get<zg::bnb::Proved>(v).bound < 0);
  }
}

TEST_CASE("the level of precision follows the box width", "[decay_main_cover]") {
  const zg::decay::KernelSum s =
      zg::decay::build_kernel_sum(zg::test::precertificate_input(zg::test::default_teacher(2)), 192);
  const zg::decay::KernelSum lo = s.at_precision(64), mid = s.at_precision(128);
  zg::decay::MainCover cover;
  cover.levels = {{&lo, ArbBall(0, 64), ArbBall(0, 64), HUGE_VAL},
                  {&mid, ArbBall(0, 128), ArbBall(0, 128), 0x1p-20},
                  {&s, ArbBall(0, 192), ArbBall(0, 192), 0x1p-40}};
  CHECK(cover.level_for({{0, 0.5}}).sum == &lo);
  CHECK(cover.level_for({{0, 0x1p-21}}).sum == &mid);
  CHECK(cover.level_for({{0, 0x1p-41}}).sum == &s);
}
