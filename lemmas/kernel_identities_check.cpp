// H2 (docs/math.md §2): the closed-form kernels against three independent routes: their
// Hermite series with explicit tail bounds, the Gaussian expectation by quadrature over
// the angle, and (for grad_w G) central differences of G.
#include <cmath>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/finite_difference.hpp"
#include "core/kernels.hpp"
#include "core/quadrature.hpp"
#include "core/relu_hermite.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/hermite_checks.hpp"

namespace zg {
namespace {

constexpr unsigned kSeriesTermCap = 20000;  // at |rho| = 1 the tail bound is then ~1.5e-8
constexpr unsigned kSummationGuard = 6;     // up to 2e4 rounded terms: < 5 digits lost
constexpr unsigned kQuadratureGuard = 8;    // 1024 eps requested plus integrand rounding
constexpr int kGradPairs = 4;               // random (w, v) pairs for grad_w G

std::vector<Mp> rho_grid() {
  std::vector<Mp> g;
  for (int i = 0; i <= 20; ++i) g.push_back(Mp(i - 10) / 10);
  for (const char* s : {"-0.999", "-0.99", "0.99", "0.999"}) g.push_back(Mp(s));
  return g;
}

// sum_{k=k_min}^{n} c_k^2 k^(deriv) rho^(k - deriv) with deriv in {0, 1, 2} (the series of
// kappa/K, K', K''), and a bound on the omitted tail. For |rho| < 1 the terms
// c_k^2 k(k-1)... are non-increasing in even k (their ratio is (k-1)^2/(k(k+1)) or
// smaller), so the tail is at most the first omitted term over (1 - rho^2); at |rho| = 1
// (deriv = 0 only) the rigorous bracket of relu_tail_sq_bracket bounds it.
struct SeriesValue {
  Mp sum;
  Mp tail_bound;
  unsigned terms;
};

SeriesValue kernel_series(const std::vector<Mp>& c, const Mp& rho, unsigned k_min, unsigned deriv, const Mp& target) {
  const Mp one_minus = 1 - rho * rho;
  auto weight = [deriv](unsigned k) {  // k (k-1) ... (k-deriv+1)
    Mp w(1);
    for (unsigned i = 0; i < deriv; ++i) w *= Mp(k - i);
    return w;
  };
  SeriesValue s{Mp(0), Mp(0), 0};
  if (k_min == 0) s.sum = c[0] * c[0] + c[1] * c[1] * rho;  // orders 0 and 1 (kappa; deriv = 0)
  const Mp r2 = rho * rho;
  Mp power = pow(rho, static_cast<int>(2 - deriv));  // rho^(k - deriv) at k = 2
  for (unsigned k = 2; k <= kSeriesTermCap; k += 2) {
    s.sum += weight(k) * c[k] * c[k] * power;
    s.terms = k;
    power *= r2;
    if (one_minus > 0) {
      const Mp geometric_tail = weight(k + 2) * c[k + 2] * c[k + 2] * abs(power) / one_minus;
      s.tail_bound = geometric_tail;
      if (geometric_tail < target) return s;
    }
  }
  // Cap reached. For deriv = 0 the tail is also at most the |rho| = 1 tail, rigorously
  // bracketed (its rounding widened by 16 eps).
  if (deriv == 0) {
    const Mp at_one = relu_tail_sq_bracket<Mp>(kSeriesTermCap).upper * (1 + 16 * working_eps<Mp>());
    s.tail_bound = one_minus > 0 ? std::min(s.tail_bound, at_one) : at_one;
  }
  return s;
}

// kappa(theta) = (1/pi) int_{theta - pi/2}^{pi/2} cos(phi) cos(phi - theta) dphi: in the plane
// of u and v, E[relu(u.x) relu(v.x)] = E[r^2] (1/2pi) int relu(cos phi) relu(cos(phi - theta)),
// with E[r^2] = 2 for a 2-D standard Gaussian.
Estimate<Mp> relu_kernel_by_angle_quadrature(const Mp& rho) {
  const Mp p = pi<Mp>();
  const Mp theta = acos(rho);
  const Mp lo = theta - p / 2, hi = p / 2;
  if (!(lo < hi)) return Estimate<Mp>{Mp(0), Mp(0), Mp(0)};
  auto f = [&theta](const Mp& phi) { return Mp(cos(phi) * cos(phi - theta)); };
  Estimate<Mp> e = integrate_interval<Mp>(f, lo, hi);
  e.value /= p;
  e.abs_error /= p;
  return e;
}

}  // namespace

CheckOutcome check_kernel_closed_forms(const CheckContext& ctx, const HermiteClosedForms& forms) {
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  const Mp sum_tol = identity_tolerance(ctx.digits, kSummationGuard);
  const Mp quad_tol = identity_tolerance(ctx.digits, kQuadratureGuard);
  const std::vector<Mp> c = relu_hermite_coefs<Mp>(kSeriesTermCap + 2);  // the reference: H1 checks it

  // Closed forms against the Hermite series, kappa and K, over rho in [-1, 1].
  Mp worst_diff(0), worst_tail(0), worst_excess(-1), max_tail(0);
  Mp expect_diff(0), expect_err(0);
  Mp worst_rho(0);
  for (const Mp& rho : rho_grid()) {
    const AngleData<Mp> g = angle_from_cosine(rho);
    const Mp target = sum_tol / 1000;
    const SeriesValue kappa_s = kernel_series(c, rho, 0, 0, target);
    const SeriesValue K_s = kernel_series(c, rho, 2, 0, target);
    for (const auto& [closed, series] : {std::pair<Mp, SeriesValue>{forms.relu_kernel(g), kappa_s},
                                         std::pair<Mp, SeriesValue>{forms.relu_ge2_kernel(g), K_s}}) {
      const Mp diff = abs(closed - series.sum);
      const Mp excess = diff - series.tail_bound;
      if (diff > worst_diff) {
        worst_diff = diff;
        worst_tail = series.tail_bound;
        worst_rho = rho;
      }
      worst_excess = std::max(worst_excess, excess);
      max_tail = std::max(max_tail, series.tail_bound);
    }
    const Estimate<Mp> q = relu_kernel_by_angle_quadrature(rho);
    expect_diff = std::max(expect_diff, Mp(abs(q.value - forms.relu_kernel(g))));
    expect_err = std::max(expect_err, q.abs_error);
  }
  ledger.at_most("kappa, K against their Hermite series: |difference| - tail bound on 25 points of [-1, 1]",
                 worst_excess, sum_tol);
  ms.push_back(measurement("kernel_series_max_diff", worst_diff, worst_tail,
                           "max over rho of |closed form - truncated Hermite series| (kappa and K); error = tail bound there"));
  ms.push_back(measurement("kernel_series_worst_rho", worst_rho, "rho at which the series difference is largest"));
  ms.push_back(measurement("kernel_series_tail_bound_max", max_tail,
                           "largest series tail bound on the grid (at rho = +-1: rigorous bracket, N = 2e4)"));
  ledger.identity("kappa against E[relu(u.x) relu(v.x)] by quadrature over the angle", expect_diff, quad_tol);
  ms.push_back(measurement("kernel_expectation_max_diff", expect_diff, expect_err,
                           "max over rho of |kappa closed form - Gaussian expectation by quadrature|"));

  // K' and K'' against their differentiated series on |rho| <= 0.9 (K'' is singular at +-1).
  Mp deriv_excess(-1), deriv_diff(0);
  for (const Mp& rho : rho_grid()) {
    if (abs(rho) > Mp("0.9")) continue;
    const AngleData<Mp> g = angle_from_cosine(rho);
    const SeriesValue d1 = kernel_series(c, rho, 2, 1, sum_tol / 1000);
    const SeriesValue d2 = kernel_series(c, rho, 2, 2, sum_tol / 1000);
    for (const auto& [closed, series] : {std::pair<Mp, SeriesValue>{relu_ge2_kernel_d1(g), d1},
                                         std::pair<Mp, SeriesValue>{relu_ge2_kernel_d2(g), d2}}) {
      const Mp diff = abs(closed - series.sum);
      deriv_diff = std::max(deriv_diff, diff);
      deriv_excess = std::max(deriv_excess, Mp(diff - series.tail_bound));
    }
  }
  ledger.at_most("K', K'' against their differentiated series on |rho| <= 0.9: |difference| - tail bound",
                 deriv_excess, sum_tol);
  ms.push_back(measurement("kernel_derivative_max_diff", deriv_diff,
                           "max over |rho| <= 0.9 of |K' - series| and |K'' - series|"));

  // grad_w G against central differences of G for seeded random pairs in R^4.
  boost::random::mt19937_64 engine(ctx.seed);
  boost::random::normal_distribution<double> normal;
  const Mp eps = working_eps<Mp>();
  Mp grad_diff(0), grad_scale(0);
  for (int pair = 0; pair < kGradPairs; ++pair) {
    Vec<Mp> w(4), v(4);
    for (int i = 0; i < 4; ++i) w(i) = Mp(normal(engine)), v(i) = Mp(normal(engine));
    auto G = [&v](const Vec<Mp>& x) { return neuron_kernel(x, v); };
    const Vec<Mp> fd = central_difference_gradient(G, w, eps);
    const Vec<Mp> closed = forms.neuron_kernel_grad(w, v);
    grad_diff = std::max(grad_diff, Mp((fd - closed).cwiseAbs().maxCoeff()));
    grad_scale = std::max(grad_scale, Mp(closed.cwiseAbs().maxCoeff()));
  }
  // Central differences: O(eps^(2/3)) times the third-derivative scale of G (O(1) here).
  const Mp fd_tol = 256 * pow(eps, Mp(2) / 3) * (1 + grad_scale);
  ledger.identity("grad_w G against central differences of G (4 random pairs)", grad_diff, fd_tol);
  ms.push_back(measurement("grad_G_fd_max_diff", grad_diff, fd_tol,
                           "max |grad_w G closed form - central difference|; error = the O(eps^(2/3)) tolerance"));

  return ledger.finish(std::move(ms));
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_H2("H2", [](const CheckContext& ctx) { return check_kernel_closed_forms(ctx); });
}  // namespace
}  // namespace zg
