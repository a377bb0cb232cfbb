// Tests for core/kernel_sum_ball.hpp: the data from decimals (interval Gram-Schmidt, the
// residual split, dependent directions), and the enclosures of eta~, its gradient and
// delta against an independent 100-digit MPFR evaluation of the same formulas from the
// same decimals, at points and on small sets around them.
#include "core/kernel_sum_ball.hpp"

#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "core/decay_proof.hpp"
#include "tests/core/decay_test_teachers.hpp"

using zg::ArbBall;
using zg::Mp;
using zg::decay::BallVec;
using zg::decay::KernelSum;
using zg::decay::KernelSumInput;

namespace {

bool encloses(const ArbBall& b, const Mp& ref, const Mp& slack = Mp("1e-80")) {
  return b.lower() <= ref + slack && ref - slack <= b.upper();
}

// The kernel sum at 100 digits, built independently: normalised directions, classical
// Gram-Schmidt twice (no intervals), e_i and b_i^perp, and the closed forms of docs/math.md §2.
struct Reference {
  std::vector<std::vector<Mp>> u, bperp;
  std::vector<Mp> alpha;
  int rank = 0;
};

Reference reference(const KernelSumInput& in) {
  Reference ref;
  std::vector<std::vector<Mp>> w, q;
  for (const auto& row : in.directions) {
    std::vector<Mp> v;
    Mp n2 = 0;
    for (const std::string& s : row) {
      v.push_back(zg::parse_decimal<Mp>(s));
      n2 += v.back() * v.back();
    }
    for (Mp& x : v) x /= sqrt(n2);
    w.push_back(v);
    std::vector<Mp> rem = v;
    for (int pass = 0; pass < 2; ++pass)
      for (const auto& qk : q) {
        Mp c = 0;
        for (std::size_t l = 0; l < v.size(); ++l) c += qk[l] * rem[l];
        for (std::size_t l = 0; l < v.size(); ++l) rem[l] -= c * qk[l];
      }
    Mp r2 = 0;
    for (const Mp& x : rem) r2 += x * x;
    if (r2 > Mp("1e-60")) {
      for (Mp& x : rem) x /= sqrt(r2);
      q.push_back(rem);
    }
  }
  ref.rank = static_cast<int>(q.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::vector<Mp> u;
    for (const auto& qk : q) {
      Mp c = 0;
      for (std::size_t l = 0; l < w[i].size(); ++l) c += qk[l] * w[i][l];
      u.push_back(c);
    }
    std::vector<Mp> b(q.size(), Mp(0));
    if (!in.beta.empty() && !in.beta[i].empty())
      for (std::size_t l = 0; l < q.size(); ++l) b[l] = zg::parse_decimal<Mp>(in.beta[i][l]);
    Mp e = 0;
    for (std::size_t l = 0; l < q.size(); ++l) e += b[l] * u[l];
    for (std::size_t l = 0; l < q.size(); ++l) b[l] -= e * u[l];
    ref.u.push_back(u);
    ref.bperp.push_back(b);
    ref.alpha.push_back(zg::parse_decimal<Mp>(in.alpha[i]));
  }
  return ref;
}

Mp dot(const std::vector<Mp>& a, const std::vector<Mp>& b) {
  Mp s = 0;
  for (std::size_t l = 0; l < a.size(); ++l) s += a[l] * b[l];
  return s;
}

Mp ref_value(const Reference& ref, const std::vector<Mp>& y) {
  const Mp two_pi = 2 * zg::pi<Mp>();
  Mp eta = 0;
  for (std::size_t i = 0; i < ref.u.size(); ++i) {
    const Mp x = dot(y, ref.u[i]);
    eta += ref.alpha[i] * (x * asin(x) + sqrt(1 - x * x) - 1) / two_pi + asin(x) * dot(y, ref.bperp[i]) / two_pi;
  }
  return eta;
}

std::vector<Mp> ref_gradient(const Reference& ref, const std::vector<Mp>& y) {
  const Mp two_pi = 2 * zg::pi<Mp>();
  std::vector<Mp> g(y.size(), Mp(0));
  for (std::size_t i = 0; i < ref.u.size(); ++i) {
    const Mp x = dot(y, ref.u[i]);
    const Mp along = (ref.alpha[i] * asin(x) + dot(y, ref.bperp[i]) / sqrt(1 - x * x)) / two_pi;
    for (std::size_t k = 0; k < y.size(); ++k) g[k] += along * ref.u[i][k] + asin(x) * ref.bperp[i][k] / two_pi;
  }
  return g;
}

// A ball vector around y of half-width h in every coordinate (h = 0: the exact point,
// rounded to the nearest double first so that the ball is exact; the reference uses the
// same double).
BallVec box_around(std::vector<Mp>& y, double h, long prec) {
  BallVec out;
  for (Mp& x : y) {
    const double d = static_cast<double>(x);
    x = Mp(d);
    out.push_back(h == 0 ? ArbBall(d, prec) : ArbBall::interval(d - h, d + h, prec));
  }
  return out;
}

}  // namespace

TEST_CASE("the default teacher's data: rank 2, the third direction skipped, e_i tiny", "[kernel_sum_ball]") {
  zg::ScopedDigits digits(100);
  const zg::test::DecayTeacher t = zg::test::default_teacher(16);
  const KernelSumInput in = zg::test::precertificate_input(t);
  const KernelSum s = zg::decay::build_kernel_sum(in, 192);
  CHECK(s.rank == 2);
  CHECK(s.dimension == 16);
  CHECK(s.domain == zg::DecayDomain::Ball);
  REQUIRE(s.basis_skips == std::vector<int>{2});
  const Reference ref = reference(in);
  REQUIRE(ref.rank == 2);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t l = 0; l < 2; ++l) {
      CHECK(encloses(s.centres[i].u[l], ref.u[i][l]));
      CHECK(encloses(s.centres[i].bperp[l], ref.bperp[i][l], Mp("1e-50")));
    }
    CHECK(s.centres[i].has_beta == (i != 1));  // the solver gives beta_2 = 0 exactly (the middle direction)
    CHECK(s.centres[i].e.upper() < Mp("1e-45"));  // beta_i is orthogonal to u_i to working precision
    CHECK(s.centres[i].u[0].width_upper() < 1e-55);
  }
  CHECK(s.residual_allowance.upper() < Mp("1e-45"));
  CHECK(s.residual_allowance.lower() <= 0);
  // A copy at 64 bits still encloses the same data.
  const KernelSum lo = s.at_precision(64);
  CHECK(lo.precision == 64);
  CHECK(encloses(lo.centres[1].alpha, ref.alpha[1]));
  CHECK(lo.centres[1].alpha.width_upper() < 1e-15);
}

TEST_CASE("eta~, its gradient and delta enclose the 100-digit values at points and on small sets", "[kernel_sum_ball]") {
  zg::ScopedDigits digits(100);
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  for (const zg::test::DecayTeacher& t : {zg::test::default_teacher(2), zg::test::rank3_teacher(5)}) {
    const KernelSumInput in = zg::test::precertificate_input(t);
    const KernelSum s = zg::decay::build_kernel_sum(in, 192).at_precision(96);
    const Reference ref = reference(in);
    const std::size_t r = static_cast<std::size_t>(s.rank);
    for (int trial = 0; trial < 60; ++trial) {
      // Random directions, scaled into the ball; some pushed to within 1e-3 of a centre.
      std::vector<Mp> y(r);
      Mp n2 = 0;
      for (Mp& x : y) {
        x = normal(rng);
        n2 += x * x;
      }
      const Mp radius = trial % 3 == 0 ? Mp(1) : Mp(std::ldexp(static_cast<double>(rng() % 1024), -10));
      for (Mp& x : y) x *= radius / sqrt(n2);
      if (trial % 5 == 4) {
        const std::vector<Mp>& u = ref.u[static_cast<std::size_t>(trial) % ref.u.size()];
        for (std::size_t l = 0; l < r; ++l) y[l] = Mp("0.999") * u[l] + Mp("0.001") * y[l];
      }
      for (double h : {0.0, 1e-6, 1e-3}) {
        std::vector<Mp> yd = y;
        const BallVec yb = box_around(yd, h, s.precision);
        Mp norm2 = 0;
        for (const Mp& x : yd) norm2 += x * x;
        if (norm2 > 1 - Mp(2 * h * static_cast<double>(r))) continue;  // the set must stay in the ball
        INFO("trial " << trial << " h " << h);
        const zg::decay::Projections p = zg::decay::project(s, yb);
        CHECK(encloses(zg::decay::sum_value(s, p, yb), ref_value(ref, yd)));
        const std::optional<BallVec> g = zg::decay::sum_gradient(s, p, yb);
        const std::vector<Mp> gr = ref_gradient(ref, yd);
        if (g)
          for (std::size_t k = 0; k < r; ++k) CHECK(encloses((*g)[k], gr[k]));
        Mp best = 10;
        for (const auto& u : ref.u) best = std::min(best, Mp(acos(abs(dot(yd, u)))));
        CHECK(encloses(zg::decay::touching_delta(s, p), best));
        if (h == 0) CHECK(zg::decay::sum_value(s, p, yb).width_upper() < 1e-20);
      }
    }
  }
}

TEST_CASE("K on a ball: the range of K over it, also next to +-1", "[kernel_sum_ball]") {
  zg::ScopedDigits digits(100);
  const KernelSum s = zg::decay::build_kernel_sum(zg::test::precertificate_input(zg::test::default_teacher(2)), 128);
  auto K = [](const Mp& x) { return Mp((x * asin(x) + sqrt(1 - x * x) - 1) / (2 * zg::pi<Mp>())); };
  for (double lo : {-1.0, -0.5, 0.0, 0.3, 1 - 0x1p-20, 1 - 0x1p-45}) {
    for (double w : {0x1p-50, 0x1p-30, 0x1p-10}) {
      const double hi = std::min(1.0, lo + w);
      const ArbBall x = ArbBall::interval(lo, hi, s.precision);
      const ArbBall k = zg::decay::kernel_on_ball(s, x, zg::asin_of_unit_part(x));
      INFO("[" << lo << ", " << hi << "]");
      CHECK(encloses(k, K(Mp(lo))));
      CHECK(encloses(k, K(Mp(hi))));
      CHECK(encloses(k, K(Mp(lo / 2 + hi / 2))));
      CHECK(k.width_upper() <= w + 1e-30);  // |K'| <= 1/4: no blow-up next to 1
    }
  }
}

TEST_CASE("malformed kernel sums and unprovable dependences are refused", "[kernel_sum_ball]") {
  KernelSumInput ok = zg::test::precertificate_input(zg::test::default_teacher(2));
  CHECK_NOTHROW(zg::decay::build_kernel_sum(ok, 128));
  KernelSumInput ragged = ok;
  ragged.directions[1].push_back("0");
  CHECK_THROWS_AS(zg::decay::build_kernel_sum(ragged, 128), std::invalid_argument);
  KernelSumInput zero = ok;
  zero.directions[1] = {"0", "0.0e5"};
  CHECK_THROWS_AS(zg::decay::build_kernel_sum(zero, 128), std::invalid_argument);
  KernelSumInput short_beta = ok;
  short_beta.beta[0].pop_back();
  CHECK_THROWS_AS(zg::decay::build_kernel_sum(short_beta, 128), std::invalid_argument);
  KernelSumInput bad_touch = ok;
  bad_touch.touching.push_back({7, 1});
  CHECK_THROWS_AS(zg::decay::build_kernel_sum(bad_touch, 128), std::invalid_argument);
  KernelSumInput not_decimal = ok;
  not_decimal.alpha[0] = "1/3";
  CHECK_THROWS_AS(zg::decay::build_kernel_sum(not_decimal, 128), std::invalid_argument);
  // (1, 0, 0), (0, 1, 0), (1, 1, 1e-70): the third is independent but its remainder is
  // below the precision; it cannot be skipped (it uses a third coordinate) nor kept.
  KernelSumInput tiny;
  tiny.directions = {{"1", "0", "0"}, {"0", "1", "0"}, {"1", "1", "1e-70"}};
  tiny.alpha = {"1", "1", "1"};
  tiny.touching = {{0, 1}};
  CHECK_THROWS_AS(zg::decay::build_kernel_sum(tiny, 128), std::invalid_argument);
  // The same with an exact zero is a proved dependence.
  tiny.directions[2][2] = "0";
  const KernelSum s = zg::decay::build_kernel_sum(tiny, 128);
  CHECK(s.rank == 2);
  CHECK(s.basis_skips == std::vector<int>{2});
  CHECK(s.domain == zg::DecayDomain::Ball);  // d = 3 > r = 2
}
