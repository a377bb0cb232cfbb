// Registers the Hermite claim family H1–H3 (docs/math.md §6) with its statements.
#include "lemmas/hermite_checks.hpp"

namespace zg {

void register_hermite_claims(ClaimRegistry& registry) {
  registry.add(ClaimSpec{
      "H1", "ReLU Hermite coefficients and Parseval", "hermite", Rigor::Identity,
      "The normalised Hermite coefficients of ReLU are c_0 = 1/sqrt(2 pi), c_1 = 1/2, c_k = 0 for odd "
      "k >= 3 and c_k = (-1)^((k-2)/2) (k-3)!! / sqrt(2 pi k!) for even k >= 2; sum_k c_k^2 = E[relu^2] = 1/2 "
      "with a tail decaying like N^(-3/2); relu>=2 = relu - c_0 - c_1 z removes exactly orders 0 and 1.",
      R"(\hat c_k = \mathbb{E}[\sigma(z) h_k(z)] = \frac{(-1)^{(k-2)/2}(k-3)!!}{\sqrt{2\pi k!}}\ (k \ge 2 \text{ even}),\quad \sum_k \hat c_k^2 = \tfrac12,\quad \sigma_{\ge 2}(z) = \tfrac{|z|}{2} - \tfrac{1}{\sqrt{2\pi}})",
      "Hermite expansion of ReLU (spec: docs/math.md §1)",
      [](const CheckContext& ctx) { return check_relu_hermite_coefficients(ctx); }});

  registry.add(ClaimSpec{
      "H2", "Kernel closed forms", "hermite", Rigor::Identity,
      "For unit u, v with rho = u.v: kappa(rho) = (sqrt(1-rho^2) + (pi - arccos rho) rho)/(2 pi) = sum_k c_k^2 rho^k; "
      "K(rho) = (rho arcsin rho + sqrt(1-rho^2) - 1)/(2 pi) = sum_{even k>=2} c_k^2 rho^k; K' = arcsin(rho)/(2 pi); "
      "K'' = 1/(2 pi sqrt(1-rho^2)); grad_w G(w,v) = (arcsin(rho) v + |v|(sqrt(1-rho^2)-1) w^)/(2 pi).",
      R"(K(\rho) = \frac{\rho\arcsin\rho + \sqrt{1-\rho^2} - 1}{2\pi} = \sum_{k\ge2\text{ even}} \hat c_k^2 \rho^k,\quad \nabla_w G(w,v) = \frac{\arcsin(\rho)\, v + \|v\|(\sqrt{1-\rho^2}-1)\hat w}{2\pi})",
      "kernel of the preprocessed activation (spec: docs/math.md §2)",
      [](const CheckContext& ctx) { return check_kernel_closed_forms(ctx); }});

  registry.add(ClaimSpec{
      "H3", "Population loss and gradient in closed form", "hermite", Rigor::Identity,
      "L(theta) = E[(f - f*)^2] = sum_jk a_j a_k G(w_j,w_k) - 2 sum_ji a_j a_i* G(w_j,w_i*) + sum_il a_i* a_l* "
      "G(w_i*,w_l*); for a plain ReLU network the loss splits into its order-0, order-1 and order->=2 parts; "
      "the closed form agrees with Monte Carlo, and its gradient with finite differences.",
      R"(L(\theta) = \sum_{j,k} a_j a_k G(w_j,w_k) - 2\sum_{j,i} a_j a_i^* G(w_j,w_i^*) + \sum_{i,l} a_i^* a_l^* G(w_i^*,w_l^*))",
      "population loss and its Hermite decomposition (spec: docs/math.md §1, §3)",
      [](const CheckContext& ctx) { return check_loss_closed_form(ctx); }});
}

}  // namespace zg
