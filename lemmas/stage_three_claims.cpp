// Registers claim S3 (docs/math.md §5, §6) beside the stage-3 engine; S1 and S2 are in
// lemmas/algorithm_claims.cpp.
#include "lemmas/stage_three_check.hpp"

namespace zg {

void register_stage_three_claims(ClaimRegistry& registry) {
  registry.add(ClaimSpec{
      "S3", "Stage 3: descent with halving weight decay recovers the teacher", "algorithm", Rigor::Measured,
      "From stage 2's network, epochs of gradient descent on L_lambda with lambda_{k+1} = lambda_k / 2, each until "
      "its optimality gap is below 1e-2 lambda_k^2, drive the loss to 0 and every neuron of non-negligible mass to "
      "some +-w_i*, each teacher line carrying its mass a_i*, with the far mass inside the D4 bound at every epoch.",
      R"(\lambda_{k+1} = \lambda_k/2:\quad L(\theta_K) \to 0,\quad \angle(\hat w_j, \pm w_i^*) \to 0 \text{ for } |a_j|\,\|w_j\| \ge \lambda_K)",
      "algorithm, stage 3 (spec: docs/math.md §5)",
      [](const CheckContext& ctx) { return check_stage_three(ctx); },
      {"A1"},
      {Product::StageTwoNetwork, Product::TestFunctionBound, Product::NewtonOptimum}});
}

}  // namespace zg
