// Tests for core/certificate.hpp: the pre-certificate against an independent construction
// in angles (2-D, derivatives by central differences at 120 digits), interpolation and
// zero tangential gradient at every teacher direction, evenness, the gradient against
// central differences, interval enclosures, and a singular (duplicate) teacher.
#include "core/certificate.hpp"

#include "core/certificate_search.hpp"
#include "core/monte_carlo.hpp"

#include "core/finite_difference.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Network;
using zg::Vec;
using zg::test::planar_teacher;
using zg::test::WithinAbs;

namespace {

Mp rank_tol() { return pow(Mp(10), -20); }

// eta on the circle in angle form, written independently of core/certificate.hpp and
// entirely in angles (no arccos of a rounded cosine, which would cost half the digits):
// with t_i = t - p_i wrapped to (-pi, pi], arcsin(cos t_i) = pi/2 - |t_i| and
// sqrt(1 - cos^2 t_i) = |sin t_i|, so
// eta(t) = sum_i alpha_i (cos t_i (pi/2 - |t_i|) + |sin t_i| - 1) / (2 pi) + (pi/2 - |t_i|) g_i sin t_i / (2 pi),
// with beta_i = g_i (-sin p_i, cos p_i), so that beta_i . y(t) = g_i sin t_i.
Mp eta_angle(const std::vector<Mp>& p, const Vec<Mp>& coef, const Mp& t) {
  const Eigen::Index m = static_cast<Eigen::Index>(p.size());
  const Mp pi = zg::pi<Mp>();
  Mp eta = 0;
  for (Eigen::Index i = 0; i < m; ++i) {
    Mp ti = t - p[static_cast<std::size_t>(i)];
    while (ti > pi) ti -= 2 * pi;
    while (ti <= -pi) ti += 2 * pi;
    const Mp asin_cos = pi / 2 - abs(ti);
    const Mp K = (cos(ti) * asin_cos + abs(sin(ti)) - 1) / (2 * pi);
    eta += coef(i) * K + asin_cos * coef(m + i) * sin(ti) / (2 * pi);
  }
  return eta;
}

}  // namespace

TEST_CASE("the 2-D pre-certificate equals an independent construction in angles", "[certificate]") {
  const std::vector<int> deg{0, 60, 120}, sgn{1, -1, 1};
  Vec<Mp> independent;
  std::vector<Mp> p;
  {
    // The linear map (alpha, g) -> (eta(p_j), eta'(p_j)) column by column; eta' by central
    // differences of step h = 1e-60 at 120 digits. The i = j term's odd part
    // (pi/2 - |t|) g sin t is only C^1 at t = 0 (|t| sin t), so the difference quotient is
    // off by O(h); rounding adds O(1e-120 / h): both ~1e-60.
    zg::ScopedDigits digits(120);
    for (int d : deg) p.push_back(Mp(d) * zg::pi<Mp>() / 180);
    const Eigen::Index m = 3;
    Mat<Mp> A(2 * m, 2 * m);
    Vec<Mp> rhs = Vec<Mp>::Zero(2 * m);
    const Mp h("1e-60");
    for (Eigen::Index col = 0; col < 2 * m; ++col) {
      const Vec<Mp> e = Vec<Mp>::Unit(2 * m, col);
      for (Eigen::Index j = 0; j < m; ++j) {
        const Mp pj = p[static_cast<std::size_t>(j)];
        A(j, col) = eta_angle(p, e, pj);
        A(m + j, col) = (eta_angle(p, e, pj + h) - eta_angle(p, e, pj - h)) / (2 * h);
      }
    }
    for (Eigen::Index j = 0; j < m; ++j) rhs(j) = sgn[static_cast<std::size_t>(j)];
    independent = A.fullPivLu().solve(rhs);
  }
  zg::ScopedDigits digits(60);
  const zg::Certificate<Mp> c = zg::build_precertificate(planar_teacher(5, deg, sgn), rank_tol());
  REQUIRE(c.rank() == 2);
  REQUIRE(c.domain_is_ball());
  // The span basis may be rotated or reflected; alpha does not depend on it, and
  // g_i = beta_i . (-sin p_i, cos p_i) in the original coordinates.
  for (Eigen::Index i = 0; i < 3; ++i) {
    CHECK_THAT(c.alpha(i), WithinAbs(Mp(independent(i)), Mp("1e-55")));
    const Vec<Mp> beta_d = c.basis * c.beta.col(i);
    const Mp pi_ = p[static_cast<std::size_t>(i)];
    const Mp g = -sin(pi_) * beta_d(0) + cos(pi_) * beta_d(1);
    CHECK_THAT(g, WithinAbs(Mp(independent(3 + i)), Mp("1e-55")));
  }
}

TEST_CASE("the pre-certificate interpolates the signs with zero tangential gradient", "[certificate]") {
  zg::ScopedDigits digits(60);
  // A rank-3 teacher in R^4 with four directions.
  Network<Mp> t{Vec<Mp>(4), Mat<Mp>(4, 4)};
  t.W << 1, 0, 0, Mp("0.6"),  //
      0, 1, 0, Mp("0.8"),     //
      0, 0, 1, Mp("0.5"),     //
      0, 0, 0, 0;
  for (Eigen::Index i = 0; i < 4; ++i) t.W.col(i) /= t.W.col(i).norm();
  t.a << 1, -2, Mp("0.5"), -1;
  const zg::Certificate<Mp> c = zg::build_precertificate(t, rank_tol());
  REQUIRE(c.rank() == 3);
  const Mp eps = zg::working_eps<Mp>();
  for (Eigen::Index j = 0; j < 4; ++j) {
    INFO("teacher " << j);
    // A few hundred roundings in the solve and the evaluation, times the condition.
    const Mp tol = 1000 * eps * c.condition;
    CHECK_THAT(zg::certificate_value(c, Vec<Mp>(c.U.col(j))), WithinAbs(c.signs(j), tol));
    CHECK_THAT(zg::certificate_value(c, Vec<Mp>(-c.U.col(j))), WithinAbs(c.signs(j), tol));  // eta is even
    CHECK(zg::certificate_tangential_gradient_at_teacher(c, j).norm() < tol);
    CHECK(c.beta.col(j).dot(c.U.col(j)) < tol);
  }
}

TEST_CASE("the certificate gradient equals central differences away from the teachers", "[certificate]") {
  zg::ScopedDigits digits(50);
  const zg::Certificate<Mp> c = zg::build_precertificate(planar_teacher(3, {0, 60, 120}, {1, -1, 1}), rank_tol());
  const Mp eps = zg::working_eps<Mp>();
  for (const char* ys : {"0.3", "-0.55", "0.1"}) {
    Vec<Mp> y(2);
    y << Mp(ys), Mp("0.4");
    auto eta = [&c](const Vec<Mp>& z) { return zg::certificate_value(c, z); };
    const Vec<Mp> fd = zg::central_difference_gradient(eta, y, eps);
    const Vec<Mp> g = zg::certificate_gradient(c, y);
    CHECK_THAT(Mp((fd - g).cwiseAbs().maxCoeff()), WithinAbs(Mp(0), Mp(256 * pow(eps, Mp(2) / 3))));
  }
}

TEST_CASE("the centre of the ball has eta = 0 and delta = pi/2", "[certificate]") {
  zg::ScopedDigits digits(40);
  const zg::Certificate<Mp> c = zg::build_precertificate(planar_teacher(16, {0, 60, 120}, {1, -1, 1}), rank_tol());
  const Vec<Mp> zero = Vec<Mp>::Zero(2);
  CHECK(zg::certificate_value(c, zero) == 0);
  CHECK_THAT(zg::certificate_delta(c, zero), zg::test::WithinEps(Mp(zg::pi<Mp>() / 2), 4));
}

TEST_CASE("interval evaluation encloses the MPFR certificate", "[certificate][interval]") {
  zg::Certificate<Mp> c;
  std::vector<Vec<Mp>> points;
  std::vector<Mp> reference;
  {
    zg::ScopedDigits digits(80);
    c = zg::build_precertificate(planar_teacher(4, {0, 60, 120}, {1, -1, 1}), rank_tol());
    for (int k = 0; k < 50; ++k) {
      const Mp t = Mp(k) * zg::pi<Mp>() / 50;
      Vec<Mp> y(2);
      y << cos(t) * Mp("0.999"), sin(t) * Mp("0.999");
      points.push_back(y);
      reference.push_back(zg::certificate_value(c, y));
    }
  }
  zg::ScopedDigits digits(40);
  zg::Certificate<zg::Mpi> ci;
  ci.U = c.U.cast<zg::Mpi>();
  ci.alpha = c.alpha.cast<zg::Mpi>();
  ci.beta = c.beta.cast<zg::Mpi>();
  ci.basis = c.basis.cast<zg::Mpi>();
  for (std::size_t k = 0; k < points.size(); ++k) {
    const zg::Mpi eta = zg::certificate_value(ci, Vec<zg::Mpi>(points[k].cast<zg::Mpi>()));
    zg::ScopedDigits wide(80);
    INFO("point " << k);
    // Converting an 80-digit coefficient to a 40-digit interval encloses it exactly, so the
    // enclosure must contain the 80-digit value (whose own rounding is ~1e-80).
    const Mp lo = boost::multiprecision::lower(eta).convert_to<Mp>();
    const Mp hi = boost::multiprecision::upper(eta).convert_to<Mp>();
    CHECK(lo <= reference[k]);
    CHECK(reference[k] <= hi);
    CHECK(hi - lo < Mp("1e-30"));
  }
}

TEST_CASE("a duplicated teacher direction makes the system singular", "[certificate]") {
  zg::ScopedDigits digits(40);
  CHECK_THROWS_AS(zg::build_precertificate(planar_teacher(3, {0, 60, 60}, {1, -1, 1}), rank_tol()),
                  zg::SingularCertificate);
  CHECK_THROWS_AS(zg::build_precertificate(planar_teacher(3, {0, 60, 240}, {1, -1, 1}), rank_tol()),
                  zg::SingularCertificate);  // 240 deg is the antipode of 60 deg
}

TEST_CASE("the curvature limit at a teacher direction is one-sided", "[certificate][search]") {
  // The i = j beta term (pi/2 - t)(beta_j.v) sin t / (2 pi) is only C^1 in t, so the two
  // sides of w_j* decay at rates that differ by |beta_j| / pi; the search must report the
  // smaller (docs/math.md §4 asks for one-sided second derivatives).
  zg::ScopedDigits digits(40);
  const zg::Certificate<Mp> c = zg::build_precertificate(planar_teacher(2, {0, 60, 120}, {1, -1, 1}), rank_tol());
  const Mat<Mp> B = zg::detail::complement_basis<Mp>(Vec<Mp>(c.U.col(0)));
  const Mp t("1e-10");  // the search's own step at 40 digits: 10^-(digits/4)
  const Mp plus = zg::one_sided_curvature(c, 0, Vec<Mp>(B.col(0)), t);
  const Mp minus = zg::one_sided_curvature(c, 0, Vec<Mp>(-B.col(0)), t);
  // The limits carry O(t) terms (|theta|^3 parts of K): a few t of room.
  CHECK_THAT(Mp(abs(plus - minus)), WithinAbs(Mp(c.beta.col(0).norm() / zg::pi<Mp>()), Mp("1e-9")));
  zg::DecaySearchOptions o;
  o.start_points = 200;
  const zg::DecaySearchResult r = zg::search_decay(c, o);
  CHECK_THAT(r.curvature[0], WithinAbs(std::min(plus, minus), Mp("1e-20")));
}

TEST_CASE("|p|^2 in closed form equals Monte Carlo for a rank-3 teacher", "[certificate][monte-carlo]") {
  // Rank 3 so that the Stein-lemma cross terms (b_i.w_l)(b_l.w_i)/sqrt(1 - rho^2) matter.
  zg::ScopedDigits digits(40);
  Network<Mp> t = planar_teacher(3, {0, 60, 120}, {1, -1, 1});
  t.W(2, 1) = Mp("0.3");
  t.W.col(1) /= t.W.col(1).norm();
  const zg::Certificate<Mp> c = zg::build_precertificate(t, rank_tol());
  REQUIRE(c.rank() == 3);
  const Mp closed = zg::test_function_norm_sq(c);
  const zg::Mat<double> W = (c.basis * c.U).cast<double>(), B = (c.basis * c.beta).cast<double>();
  const zg::Vec<double> alpha = c.alpha.cast<double>();
  auto p_squared = [&](const zg::Mat<double>& X) {
    zg::Vec<double> out(X.cols());
    for (Eigen::Index k = 0; k < X.cols(); ++k) {
      double p = 0;
      for (Eigen::Index i = 0; i < 3; ++i) {
        const double z = W.col(i).dot(X.col(k));
        p += alpha(i) * (std::abs(z) / 2 - 1 / std::sqrt(2 * M_PI)) + B.col(i).dot(X.col(k)) * (z > 0 ? 0.5 : -0.5);
      }
      out(k) = p * p;
    }
    return out;
  };
  const zg::MonteCarloEstimate<double> mc = zg::gaussian_monte_carlo<double>(p_squared, 3, 1000000, 5);
  INFO("closed " << closed << " mc " << mc.mean << " +- " << mc.std_error);
  CHECK(abs(closed - Mp(mc.mean)) <= 4 * Mp(mc.std_error));
}
