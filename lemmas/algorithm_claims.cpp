// Registers the algorithm claims S1 and S2 (docs/math.md §5, §6); S3 is registered beside the
// stage-3 engine.
#include "lemmas/algorithm_checks.hpp"

namespace zg {

void register_algorithm_claims(ClaimRegistry& registry) {
  registry.add(ClaimSpec{
      "S1",
      "Stage 1: one weight-decayed step lands the neurons in the teacher's span and covers it",
      "algorithm",
      Rigor::Measured,
      "From a small symmetric initialisation, one population gradient step with weight decay lambda = 1/eta gives "
      "neurons whose fraction of norm outside span{w_i*} is O(d^(-1/2)), and whose normalised projections form an "
      "eps_0-net of the span's unit sphere (up to sign).",
      R"(\frac{\|P_\perp w_j\|}{\|w_j\|} = O(d^{-1/2}),\quad \max_{u \in S^{r-1}} \min_j \angle(u, \pm P w_j) \le \varepsilon_0)",
      "algorithm, stage 1 (spec: docs/math.md §5)",
      [](const CheckContext& ctx) { return check_stage_one(ctx); }});

  registry.add(ClaimSpec{
      "S2",
      "Stage 2: the ridge solve for the output layer reaches loss O(eps_0)",
      "algorithm",
      Rigor::Measured,
      "With the first layer of stage 1 fixed, the convex ridge problem in the output weights, solved exactly, and a "
      "rebalance (|a_j| = |w_j|, masses kept) bring the loss down to O(eps_0), eps_0 the covering radius of stage 1: "
      "below the threshold stage 3 needs.",
      R"(a = (G + \gamma I)^{-1} b,\quad L(\theta_2) = O(\varepsilon_0) \le \zeta_{\mathrm{th}})",
      "algorithm, stage 2 (spec: docs/math.md §5)",
      [](const CheckContext& ctx) { return check_stage_two(ctx); },
      {},
      {Product::StageTwoNetwork}});
}

}  // namespace zg
