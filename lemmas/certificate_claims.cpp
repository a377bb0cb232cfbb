// Registers the dual-certificate claims D1, D2, D2c, D4, D3 and the landscape claims L1, T1
// (docs/math.md §4, §6), each with the shared products it takes from the run (ClaimSpec::needs).
#include "lemmas/certificate_checks.hpp"
#include "lemmas/lambda_certificate_checks.hpp"
#include "lemmas/lojasiewicz_checks.hpp"
#include "lemmas/threshold_map.hpp"
#include "lemmas/test_function_checks.hpp"

namespace zg {

void register_certificate_claims(ClaimRegistry& registry) {
  registry.add(ClaimSpec{
      "D1", "Pre-certificate interpolates the teacher signs", "certificate", Rigor::Identity,
      "The vanishing-derivative pre-certificate eta(w) = sum_i [alpha_i K(w.w_i*) + arcsin(w.w_i*) (beta_i.w)/(2 pi)], "
      "beta_i orthogonal to w_i*, satisfies eta(w_i*) = sign(a_i*) with zero tangential gradient at every w_i*.",
      R"(\eta(w) = \sum_i \Big[\alpha_i K(w\cdot w_i^*) + \frac{\arcsin(w\cdot w_i^*)\,(\beta_i\cdot w)}{2\pi}\Big],\quad \eta(w_i^*) = \operatorname{sign}(a_i^*),\quad \nabla_{S}\,\eta(w_i^*) = 0)",
      "non-degenerate dual certificate (spec: docs/math.md §4)",
      [](const CheckContext& ctx) { return check_certificate_interpolation(ctx); },
      {"A1"},
      {Product::Certificate}});

  registry.add(ClaimSpec{
      "D2", "Quadratic decay of the certificate (sampled)", "certificate", Rigor::Sampled,
      "|eta(w)| <= 1 - rho_eta delta(w)^2 for every unit w, with rho_eta > 0, delta(w) the angle from w to the "
      "nearest +-w_i*; the best rho_eta is measured by a seeded search of the span's ball (d > r) or sphere (d = r).",
      R"(|\eta(w)| \le 1 - \rho_\eta\,\delta(w)^2,\quad \rho_\eta > 0,\quad \delta(w) = \min_i \angle(w, \pm w_i^*))",
      "non-degeneracy of the certificate (spec: docs/math.md §4)",
      [](const CheckContext& ctx) { return check_certificate_decay_sampled(ctx); },
      {"A1"},
      {Product::DecaySearch}});

  registry.add(ClaimSpec{
      "D2c", "Quadratic decay of the certificate (certified)", "certificate", Rigor::Certified,
      "|eta(w)| <= 1 + tau - rho delta(w)^2 for every unit w, proved with Arb ball arithmetic for rho = "
      "certify_fraction x the sampled rho_eta (tau: the interpolation's rounding, at most 10^-(digits-10)), over the "
      "unit sphere (d = r) or ball (d > r) of the rank-r span: branch-and-bound over cube-face charts away from the "
      "teacher directions, one-sided Taylor bounds on caps around them, and in the ball a proof that the excess grows "
      "towards the sphere near them. The proof's certificate (certificates/D2c.json) is replayed in MPFI by verify "
      "check-certificate (docs/proofs.md).",
      R"(|\eta(w)| \le 1 + \tau - \rho\,\delta(w)^2\ \ \forall w \in S^{d-1},\quad \rho = 0.9\,\hat\rho_\eta > 0)",
      "non-degeneracy of the certificate (spec: docs/math.md §4)",
      [](const CheckContext& ctx) { return check_certificate_decay_certified(ctx); },
      {"A1"},
      {Product::DecayProof}});

  registry.add(ClaimSpec{
      "D4", "Far mass is bounded by the optimality gap (test-function bound)", "certificate", Rigor::Sampled,
      "For every student theta, sum_j |a_j| |w_j| delta(w_j)^2 <= (zeta' + lambda^2 |p|^2 / 4) / (lambda rho_eta), "
      "zeta' = L_lambda(theta) - lambda sum_i |a_i*|, with p the certificate's test function; probed on random "
      "students, the configured one and a gradient-descent run; reports the largest left/right ratio.",
      R"(\sum_j |a_j|\,\|w_j\|\,\delta(\hat w_j)^2 \le \frac{\zeta' + \lambda^2\|p\|^2/4}{\lambda\,\rho_\eta},\quad \zeta' = L_\lambda(\theta) - \lambda\sum_i |a_i^*|)",
      "from the certificate to the structure of approximate minima (spec: docs/math.md §4)",
      [](const CheckContext& ctx) { return check_test_function_bound(ctx); },
      {"A1"},
      {Product::TestFunctionBound}});

  registry.add(ClaimSpec{
      "D3", "The lambda-certificate tends to the pre-certificate", "certificate", Rigor::Measured,
      "At the minimiser theta_lambda of L_lambda with m* neurons, eta_lambda(w) = (2/lambda) E[(f* - f_theta)(x) "
      "relu>=2(w.x)] satisfies sup |eta_lambda| <= 1 (certifying global optimality; sampled, and proved with intervals "
      "for a rank-2 span) and tends to eta as lambda -> 0; the rate is measured over five decades of lambda.",
      R"(\eta_\lambda(w) = \tfrac{2}{\lambda}\,\mathbb{E}[(f^* - f_{\theta_\lambda})(x)\,\sigma_{\ge2}(w\cdot x)],\quad \sup|\eta_\lambda| \le 1,\quad \sup|\eta_\lambda - \eta| \to 0)",
      "vanishing-derivative pre-certificate as the lambda -> 0 limit (spec: docs/math.md §4)",
      [](const CheckContext& ctx) { return check_lambda_certificate(ctx); },
      {"A1"},
      {Product::Certificate}});

  registry.add(ClaimSpec{
      "L1", "Lojasiewicz-type gradient lower bound near the optimum", "landscape", Rigor::Measured,
      "Near the optimum, |grad L_lambda(theta)|^2 >= c zeta^p with zeta = L_lambda(theta) - L_lambda* below a "
      "threshold; measured on hard probes (split neurons, far small neurons, unbalanced norms, cancelling pairs, "
      "random perturbations) over eight decades of perturbation.",
      R"(\|\nabla L_\lambda(\theta)\|^2 \ge c\,\zeta^p,\quad \zeta = L_\lambda(\theta) - L_\lambda^*)",
      "local landscape (spec: docs/math.md §6)",
      [](const CheckContext& ctx) { return check_lojasiewicz(ctx); },
      {"A1"},
      {Product::NewtonOptimum}});

  registry.add(ClaimSpec{
      "T1", "Below a gap threshold, gradient descent converges and captures the directions", "landscape",
      Rigor::Measured,
      "Below an optimality-gap threshold zeta_th(lambda), gradient descent on L_lambda converges and every neuron "
      "of non-negligible mass ends near some +-w_i* (the directions of the lambda-optimum), with the far mass "
      "within O(zeta / lambda) (the D4 bound) along the way; measured as a success map over lambda and the initial "
      "gap, with the threshold's scaling in lambda and the convergence rate.",
      R"(\zeta_0 = L_\lambda(\theta_0) - L_\lambda^* \le \zeta_{\mathrm{th}}(\lambda) \implies L_\lambda(\theta_t) - L_\lambda^* \to 0,\ \ \min_i \angle(\hat w_j, \pm w_i^*) \to O(\lambda) \text{ for } |a_j|\,\|w_j\| \ge \lambda)",
      "local convergence below the loss threshold (spec: docs/math.md §6)",
      [](const CheckContext& ctx) { return check_threshold_map(ctx); },
      {"A1"},
      {Product::TestFunctionBound, Product::NewtonOptimum}});
}

}  // namespace zg
