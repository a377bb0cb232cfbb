// Registers the regularisation claim R1 (docs/math.md §3, §6).
#include "lemmas/regularization_checks.hpp"
#include "lemmas/weight_decay_ablation.hpp"

namespace zg {

void register_regularization_claims(ClaimRegistry& registry) {
  registry.add(ClaimSpec{
      "R1", "Weight decay is an l1 penalty on balanced neurons", "regularization", Rigor::Identity,
      "At balance (|a_j| = |w_j|) the weight decay (lambda/2)(|a|^2 + |W|_F^2) equals lambda sum_j |a_j| |w_j|; "
      "each neuron is 1-homogeneous in w_j, so a_j dL/da_j = w_j . grad_{w_j} L, and under gradient descent with "
      "step eta the balance gap a_j^2 - |w_j|^2 contracts by (1 - eta lambda)^2 up to an explicit O(eta^2) term.",
      R"(\tfrac{\lambda}{2}(\|a\|^2 + \|W\|_F^2) = \lambda\sum_j |a_j|\,\|w_j\|,\quad g_j' = (1-\eta\lambda)^2 g_j + \eta^2\big((\partial_{a_j}L)^2 - \|\nabla_{w_j}L\|^2\big))",
      "weight decay and balance (spec: docs/math.md §3)",
      [](const CheckContext& ctx) { return check_weight_decay_balance(ctx); }});

  registry.add(ClaimSpec{
      "W1", "Weight decay removes cancelling neurons; plain descent keeps them", "regularization", Rigor::Measured,
      "From students whose neurons near one teacher direction carry opposite signs and partly cancel, gradient "
      "descent with weight decay removes the cancelling mass and recovers the directions, where plain gradient "
      "descent (lambda = 0) keeps it.",
      R"(\textstyle\sum_{j \in N_i} |u_j| - \big|\sum_{j \in N_i} u_j\big| \to 0 \text{ with } \lambda > 0,\ \text{not with } \lambda = 0)",
      "why weight decay (issue 4, W1)",
      [](const CheckContext& ctx) { return check_weight_decay_ablation(ctx); }});
}

}  // namespace zg
