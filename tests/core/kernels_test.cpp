// Tests for core/kernels.hpp: each closed form against an independent route (Hermite
// series with explicit tail bound, the textbook arccos form, finite differences, Monte
// Carlo), accuracy near rho = +-1 and 0, and interval enclosures.
#include "core/kernels.hpp"

#include "core/finite_difference.hpp"
#include "core/monte_carlo.hpp"
#include "core/relu_hermite.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Mpi;
using zg::Vec;
using zg::test::WithinAbs;
using zg::test::WithinEps;

namespace {

// sum_k c_k^2 rho^k for k >= k_min, with enough terms that the geometric tail
// c_{n}^2 |rho|^n / (1 - rho^2) is below eps (|rho| <= 0.9 here).
Mp hermite_kernel_series(const Mp& rho, unsigned k_min) {
  const unsigned n = 4000;
  const std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(n);
  Mp sum = 0, power = pow(rho, k_min);
  for (unsigned k = k_min; k <= n; ++k, power *= rho) sum += c[k] * c[k] * power;
  return sum;
}

}  // namespace

TEST_CASE("kappa and K equal their Hermite series", "[kernels]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  for (const char* rs : {"-0.9", "-0.5", "-0.125", "0", "0.0625", "0.3", "0.75", "0.9"}) {
    const Mp rho(rs);
    const zg::AngleData<Mp> g = zg::angle_from_cosine(rho);
    INFO("rho = " << rs);
    // 0.9^4000 c_4000^2 / 0.19 is far below eps at 60 digits; summation adds O(n) ulps.
    CHECK_THAT(zg::relu_kernel(g), WithinAbs(hermite_kernel_series(rho, 0), Mp(4000 * zg::eps_of(rho))));
    CHECK_THAT(zg::relu_ge2_kernel(g), WithinAbs(hermite_kernel_series(rho, 2), Mp(4000 * zg::eps_of(rho))));
  }
}

TEST_CASE("kappa equals the textbook arccos form; K = kappa - 1/(2pi) - rho/4", "[kernels]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Mp p = zg::pi<Mp>();
  for (const char* rs : {"-1", "-0.99", "-0.3", "0", "0.4", "0.999", "1"}) {
    const Mp rho(rs);
    const zg::AngleData<Mp> g = zg::angle_from_cosine(rho);
    const Mp textbook = (sqrt(1 - rho * rho) + (p - acos(rho)) * rho) / (2 * p);
    CHECK_THAT(zg::relu_kernel(g), WithinEps(textbook, 16));
    CHECK_THAT(zg::relu_ge2_kernel(g), WithinEps(Mp(textbook - 1 / (2 * p) - rho / 4), 16));
  }
  CHECK_THAT(zg::relu_ge2_kernel(zg::angle_from_cosine(Mp(1))), WithinEps(zg::relu_ge2_kernel_at_one<Mp>(), 4));
  CHECK(zg::relu_ge2_kernel(zg::angle_from_cosine(Mp(0))) == 0);
}

TEST_CASE("K keeps relative accuracy near rho = 0", "[kernels]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  // K(rho) = rho^2/(4 pi) + rho^4 / (48 pi) + ... ; at rho = 1e-20 the first two terms are
  // exact to far below eps, so relative error ~ eps is checkable.
  const Mp rho("1e-20");
  const Mp p = zg::pi<Mp>();
  const Mp expected = rho * rho / (4 * p) + pow(rho, 4) / (48 * p);
  const Mp k = zg::relu_ge2_kernel(zg::angle_from_cosine(rho));
  CHECK_THAT(k, WithinAbs(expected, Mp(16 * zg::eps_of(rho) * expected)));
}

TEST_CASE("angle data from vectors keeps sin(theta) accurate for nearly parallel vectors", "[kernels]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  // u = e1, v = (cos t, sin t): a naive sqrt(1 - rho^2) from a rounded rho would give
  // only ~30 correct digits at t = 1e-20; the |u-v|, |u+v| route keeps ~all of them.
  const Mp t("1e-20");
  Vec<Mp> u(3), v(3);
  u << 1, 0, 0;
  v << cos(t), sin(t), 0;
  const zg::AngleData<Mp> g = zg::angle_between_unit<Mp>(u, v);
  CHECK_THAT(g.sin_theta, WithinAbs(Mp(sin(t)), Mp(64 * zg::eps_of(t) * sin(t))));
  CHECK_THAT(g.asin_rho, WithinEps(Mp(zg::pi<Mp>() / 2 - t), 16));
  // Antiparallel: rho = -1 exactly, sin = 0, asin = -pi/2.
  const zg::AngleData<Mp> anti = zg::angle_between_unit<Mp>(u, Vec<Mp>(-u));
  CHECK(anti.rho == -1);
  CHECK(anti.sin_theta == 0);
  CHECK_THAT(anti.asin_rho, WithinEps(Mp(-zg::pi<Mp>() / 2), 4));
}

TEST_CASE("K' and K'' equal central differences of K and K'", "[kernels][finite-difference]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Mp eps = zg::working_eps<Mp>();
  auto K = [](const Vec<Mp>& r) { return zg::relu_ge2_kernel(zg::angle_from_cosine(r(0))); };
  auto K1 = [](const Vec<Mp>& r) { return zg::relu_ge2_kernel_d1(zg::angle_from_cosine(r(0))); };
  for (const char* rs : {"-0.8", "-0.2", "0.1", "0.5", "0.95"}) {
    Vec<Mp> r(1);
    r << Mp(rs);
    const zg::AngleData<Mp> g = zg::angle_from_cosine(r(0));
    // Central differences: error O(eps^(2/3)) times third-derivative scale (K''' <= 10 here).
    const Mp tol = 64 * pow(eps, Mp(2) / 3);
    CHECK_THAT(zg::central_difference_gradient(K, r, eps)(0), WithinAbs(zg::relu_ge2_kernel_d1(g), tol));
    CHECK_THAT(zg::central_difference_gradient(K1, r, eps)(0), WithinAbs(zg::relu_ge2_kernel_d2(g), tol));
  }
}

TEST_CASE("grad_w G equals central differences of G, and K(1) w on the diagonal", "[kernels][finite-difference]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Mp eps = zg::working_eps<Mp>();
  Vec<Mp> w(3), v(3);
  w << Mp("0.75"), Mp("-1.5"), Mp("0.25");
  v << Mp("0.5"), Mp("1.25"), Mp("-2");
  auto G = [&v](const Vec<Mp>& x) { return zg::neuron_kernel(x, v); };
  const Vec<Mp> fd = zg::central_difference_gradient(G, w, eps);
  const Vec<Mp> closed = zg::neuron_kernel_grad(w, v);
  for (int i = 0; i < 3; ++i) CHECK_THAT(closed(i), WithinAbs(fd(i), Mp(64 * pow(eps, Mp(2) / 3))));
  const Vec<Mp> diag = zg::neuron_kernel_grad(w, w);
  const Vec<Mp> expected = zg::relu_ge2_kernel_at_one<Mp>() * w;
  for (int i = 0; i < 3; ++i) CHECK_THAT(diag(i), WithinEps(expected(i), 64));
}

TEST_CASE("G(w, v) equals E[|w| relu>=2(w^.x) |v| relu>=2(v^.x)] by Monte Carlo", "[kernels][monte-carlo]") {
  Vec<double> w(2), v(2);
  w << 1.5, 0.5;
  v << -0.25, 2.0;
  auto values = [&](const zg::Mat<double>& X) {
    zg::Vec<double> out(X.cols());
    for (Eigen::Index c = 0; c < X.cols(); ++c) {
      const double fw = w.norm() * zg::relu_ge2(w.normalized().dot(X.col(c)));
      const double fv = v.norm() * zg::relu_ge2(v.normalized().dot(X.col(c)));
      out(c) = fw * fv;
    }
    return out;
  };
  const zg::MonteCarloEstimate<double> mc = zg::gaussian_monte_carlo<double>(values, 2, 400000, 12345);
  // Statistical check: 5 standard errors (a false alarm once in ~1.7 million seeds).
  CHECK(std::abs(mc.mean - zg::neuron_kernel(w, v)) <= 5 * mc.std_error);
}

TEST_CASE("interval kernels enclose the exact values", "[kernels][interval]") {
  for (const char* rs : {"-1", "-0.7", "0", "0.3", "0.999", "1"}) {
    Mp k;  // reference at 80 digits: its rounding stays far inside a 40-digit enclosure
    {
      zg::ScopedDigits reference_digits(80);
      k = zg::relu_ge2_kernel(zg::angle_from_cosine(Mp(rs)));
    }
    zg::ScopedDigits digits(40);
    const Mpi k_i = zg::relu_ge2_kernel(zg::angle_from_cosine(Mpi(rs)));
    INFO("rho = " << rs);
    zg::ScopedDigits wide(80);
    CHECK(Mp(boost::multiprecision::lower(k_i).convert_to<Mp>()) <= k);
    CHECK(k <= Mp(boost::multiprecision::upper(k_i).convert_to<Mp>()));
    CHECK(width(k_i).convert_to<Mp>() < Mp("1e-35"));
  }
}

TEST_CASE("the double path agrees with the MPFR path", "[kernels]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  for (double rho : {-1.0, -0.6, -1e-5, 0.0, 0.25, 0.875, 1.0}) {
    const double kd = zg::relu_ge2_kernel(zg::angle_from_cosine(rho));
    const Mp km = zg::relu_ge2_kernel(zg::angle_from_cosine(Mp(rho)));
    // double evaluation: a handful of roundings, relative error below 16 eps_double.
    CHECK_THAT(Mp(kd), WithinAbs(km, Mp(16 * std::numeric_limits<double>::epsilon() * abs(km))));
  }
}

namespace {

// kappa by the textbook arccos form at `reference_digits`, rho read from the decimal at that
// precision: an independent route (no series, no exact 1 + rho, no asin(sin_theta)) made
// accurate by brute precision. Near -1 it loses ~2 log10(1/(1 + rho)) digits, so callers
// give it 2d plus that.
Mp textbook_kappa(const std::string& rho_text, unsigned reference_digits) {
  zg::ScopedDigits digits(reference_digits);
  const Mp rho(rho_text);
  const Mp p = zg::pi<Mp>();
  return Mp((sqrt(Mp(1 - rho * rho)) + (p - acos(rho)) * rho) / (2 * p));
}

}  // namespace

TEST_CASE("angle data from a decimal keeps sin(theta) and arcsin(rho) exact to eps next to +-1", "[kernels]") {
  const unsigned d = 40;
  for (const char* rs : {"-0.99999999999999999999999999999999999999999",
                         "-0.999",
                         "-0.5000001",
                         "-0.3",
                         "0",
                         "0.49",
                         "0.75",
                         "0.9999999999999999999999999",
                         "1"}) {
    zg::AngleData<Mp> g;
    {
      zg::ScopedDigits digits(d);
      g = zg::angle_from_decimal(rs);
    }
    // Reference: the textbook forms at 2d + 100 digits; rho's rounding there costs at most
    // 10^-(2d+100) / (1 - |rho|) = 10^-(2d+59) relative, far below eps at d digits.
    zg::ScopedDigits reference(2 * d + 100);
    const Mp rho(rs);
    const Mp sin_theta = sqrt(Mp(1 - rho * rho));
    const Mp asin_rho = asin(rho);
    INFO("rho = " << rs);
    // sqrt of a product of two correctly rounded distances: 2 ulps, doubled for safety.
    CHECK_THAT(g.sin_theta, WithinAbs(sin_theta, Mp(4 * zg::eps_of(g.sin_theta) * sin_theta)));
    // asin through 2 asin(sqrt(.)) and pi/2: a handful of roundings, none amplified.
    CHECK_THAT(g.asin_rho, WithinAbs(asin_rho, Mp(16 * zg::eps_of(g.asin_rho) * abs(asin_rho))));
  }
}

TEST_CASE("kappa keeps relative accuracy as rho -> -1, from vectors and from decimals", "[kernels]") {
  const unsigned d = 40;
  for (int k : {3, 5, 10, 20, 30, 40}) {
    // From vectors: u = e1, v = (-cos t, sin t), theta = pi - t, kappa ~ t^3 / (6 pi).
    const std::string t_text = "1e-" + std::to_string(k);
    Mp from_vectors;
    {
      zg::ScopedDigits digits(d);
      const Mp t(t_text);
      Vec<Mp> u(2), v(2);
      u << 1, 0;
      v << -cos(t), sin(t);
      from_vectors = zg::relu_kernel(zg::angle_between_unit<Mp>(u, v));
    }
    // From a decimal: rho = -1 + 10^-k.
    const std::string rho_text = "-0." + std::string(static_cast<std::size_t>(k - 1), '9') + "9";
    Mp from_decimal;
    {
      zg::ScopedDigits digits(d);
      from_decimal = zg::relu_kernel(zg::angle_from_decimal(rho_text));
    }
    Mp reference_vectors;
    {
      // (sin t - t cos t) / (2 pi) at 2d + 3k digits: the textbook form's cancellation costs
      // 2k digits, and the cosine of the rounded t is exact to far more than that.
      zg::ScopedDigits reference(2 * d + 3 * k);
      const Mp t(t_text);
      reference_vectors = (sin(t) - t * cos(t)) / (2 * zg::pi<Mp>());
    }
    const Mp reference_decimal = textbook_kappa(rho_text, 2 * d + 3 * k + 10);
    INFO("k = " << k);
    // The vector route: a = |u - v|, b = |u + v| round in O(1) ulps, the series adds O(n).
    CHECK_THAT(from_vectors, WithinAbs(reference_vectors, Mp(64 * zg::eps_of(from_vectors) * reference_vectors)));
    // The decimal route: distances exact, sqrt, asin and the series: a few ulps.
    CHECK_THAT(from_decimal, WithinAbs(reference_decimal, Mp(32 * zg::eps_of(from_decimal) * reference_decimal)));
  }
}
