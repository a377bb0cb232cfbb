// H1 (docs/math.md §1): ReLU Hermite coefficients in closed form against exact Gaussian
// half-moments and (up to kQuadratureMaxDigits) quadrature, Parseval inside a rigorous tail
// bracket, and relu>=2 with no order-0 or order-1 part.
#include <cmath>
#include <string>

#include "core/quadrature.hpp"
#include "core/relu_hermite.hpp"
#include "core/relu_hermite_moments.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/hermite_checks.hpp"

namespace zg {
namespace {

constexpr unsigned kCoefMaxOrder = 40;        // the k = 0..40
constexpr unsigned kParsevalTerms = 100000;   // tail ~1e-9, bracket width ~1e-13 there
constexpr unsigned kExponentFitFrom = 10000;  // tail exponent fitted between 1e4 and 1e5
constexpr unsigned kSigma2Orders = 12;        // relu>=2 coefficients compared for k = 2..12
// Quadrature asks for 1024 eps relative accuracy (3 digits) and the folded integrand
// rounds O(k) times; 8 guard digits cover both with room to spare.
constexpr unsigned kQuadratureGuard = 8;
// The closed form's recurrence rounds (3k/2 + 3) eps = 63 eps at k = 40 and the
// half-moment route 10 eps (relu_hermite_moments.hpp): under 2 digits together; 4 conceded.
constexpr unsigned kMomentGuard = 4;
// Tanh-sinh needs ~6 500 nodes at 200 digits and ~31 000 at 1000, each an exp and a
// Hermite recurrence at that precision: the 54 integrals take about 1 s at 50 digits and
// over ten minutes at 1000. Above this precision the exact half-moments stand alone.
constexpr unsigned kQuadratureMaxDigits = 120;

}  // namespace

CheckOutcome check_relu_hermite_coefficients(const CheckContext& ctx, const HermiteClosedForms& forms) {
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  const Mp tol = identity_tolerance(ctx.digits, kQuadratureGuard);

  const bool quadrature = ctx.digits <= kQuadratureMaxDigits;
  ms.push_back(text_measurement("coef_independent_routes",
                                quadrature ? "half-moments, quadrature" : "half-moments",
                                quadrature ? "c_k checked by exact Gaussian half-moments and by tanh-sinh quadrature"
                                           : "c_k checked by exact Gaussian half-moments; quadrature is skipped above " +
                                                 std::to_string(kQuadratureMaxDigits) +
                                                 " digits (over ten seconds per integral at 1000)"));

  // Closed form against the exact half-moments of E[relu(z) h_k(z)], k = 0..40.
  const std::vector<Mp> c = forms.relu_coefs(kParsevalTerms);
  {
    const std::vector<Mp> by_moments = relu_hermite_coefs_by_moments<Mp>(kCoefMaxOrder);
    Mp worst(0);
    unsigned worst_k = 0;
    for (unsigned k = 0; k <= kCoefMaxOrder; ++k) {
      const Mp diff = abs(by_moments[k] - c[k]);
      if (diff > worst || k == 0) {
        worst = diff;
        worst_k = k;
      }
    }
    ledger.identity("closed-form c_k against exact half-moments, k = 0..40", worst,
                    identity_tolerance(ctx.digits, kMomentGuard));
    ms.push_back(measurement("coef_moments_max_abs_diff", worst,
                             "max over k <= 40 of |closed form - half-moment value| (exact integers, rounded once)"));
    ms.push_back(count_measurement("coef_moments_worst_order", worst_k, "order k at which that difference is largest"));
  }

  // Closed form against quadrature of E[relu(z) h_k(z)], k = 0..40.
  if (quadrature) {
    Mp worst(0), worst_err(0), worst_cond(0);
    unsigned worst_k = 0;
    auto relu_fn = [](const Mp& z) { return relu(z); };
    for (unsigned k = 0; k <= kCoefMaxOrder; ++k) {
      const Estimate<Mp> q = gaussian_hermite_projection<Mp>(relu_fn, k);
      const Mp diff = abs(q.value - c[k]);
      if (diff > worst || k == 0) {
        worst = diff;
        worst_k = k;
      }
      if (q.abs_error > worst_err) worst_err = q.abs_error;
      if (q.l1 > worst_cond) worst_cond = q.l1;
    }
    ledger.identity("closed-form c_k against quadrature, k = 0..40", worst, tol);
    ms.push_back(measurement("coef_max_abs_diff", worst, worst_err,
                             "max over k <= 40 of |closed form - quadrature|; error = largest quadrature error estimate"));
    ms.push_back(count_measurement("coef_worst_order", worst_k, "order k at which the difference is largest"));
    ms.push_back(measurement("coef_quadrature_l1_max", worst_cond,
                             "largest L1 norm of the quadrature integrand (condition of the integrals)"));
  }

  // Parseval: 1/2 - sum_{k<=N} c_k^2 must lie in the rigorous tail bracket.
  Mp partial(0), tail_at_fit(0);
  for (unsigned k = 0; k <= kParsevalTerms; ++k) {
    partial += c[k] * c[k];
    if (k == kExponentFitFrom) tail_at_fit = Mp(1) / 2 - partial;
  }
  const Mp tail = Mp(1) / 2 - partial;
  const TailBracket<Mp> bracket = relu_tail_sq_bracket<Mp>(kParsevalTerms);
  const Mp mid = (bracket.lower + bracket.upper) / 2;
  // The bracket's endpoints are rounded (relative 10 eps, see relu_hermite.hpp) and the
  // partial sum accumulates N roundings of terms below 1: widen by N eps.
  const Mp half_width = (bracket.upper - bracket.lower) / 2 + Mp(kParsevalTerms) * working_eps<Mp>();
  const Mp parseval_residual = tail - mid;
  ledger.at_most("Parseval: |1/2 - sum_{k<=1e5} c_k^2 - tail midpoint| within the tail bracket",
                 abs(parseval_residual), half_width);
  ms.push_back(measurement("parseval_residual", parseval_residual, half_width,
                           "1/2 - sum_{k<=1e5} c_k^2 - (midpoint of the rigorous tail bracket); error = half-width"));
  ms.push_back(measurement("parseval_tail", tail, "1/2 - sum_{k<=1e5} c_k^2"));

  // The tail decays like N^(-3/2): slope of log(tail) between N = 1e4 and 1e5.
  const Mp slope = log(tail / tail_at_fit) / log(Mp(kParsevalTerms) / Mp(kExponentFitFrom));
  // Between 1e4 and 1e5 the bracket's relative width (< 1e-3) moves the slope by < 1e-3.
  ledger.at_most("tail exponent within 0.01 of -3/2", abs(slope + Mp(3) / 2), Mp("0.01"));
  ms.push_back(measurement("parseval_tail_exponent", slope, "fitted exponent p of tail ~ N^p between N = 1e4 and 1e5"));

  // relu>=2 has zero order-0 and order-1 parts and the same coefficients as relu beyond:
  // by quadrature of relu_ge2 itself where affordable, else by its exact half-moments.
  Mp order01(0), higher(0);
  const std::vector<Mp> sigma2_moments = relu_ge2_hermite_coefs_by_moments<Mp>(kSigma2Orders);
  auto sigma2 = [](const Mp& z) { return relu_ge2(z); };
  for (unsigned k = 0; k <= kSigma2Orders; ++k) {
    const Mp projection = quadrature ? gaussian_hermite_projection<Mp>(sigma2, k).value : sigma2_moments[k];
    if (k <= 1)
      order01 = std::max(order01, Mp(abs(projection)));
    else
      higher = std::max(higher, Mp(abs(projection - c[k])));
  }
  const std::string route = quadrature ? "quadrature" : "half-moments";
  const Mp sigma2_tol = quadrature ? tol : identity_tolerance(ctx.digits, kMomentGuard);
  ledger.identity("relu>=2 has no order-0 or order-1 part (" + route + ")", order01, sigma2_tol);
  ledger.identity("relu>=2 keeps c_k for k = 2..12 (" + route + ")", higher, sigma2_tol);
  ms.push_back(measurement("sigma2_order01_residual", order01,
                           "max(|E[relu>=2 h_0]|, |E[relu>=2 h_1]|) by " + route));
  ms.push_back(measurement("sigma2_higher_order_max_diff", higher, "max_{2<=k<=12} |E[relu>=2 h_k] - c_k| by " + route));

  return ledger.finish(std::move(ms));
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_H1("H1", [](const CheckContext& ctx) { return check_relu_hermite_coefficients(ctx); });
}  // namespace
}  // namespace zg
