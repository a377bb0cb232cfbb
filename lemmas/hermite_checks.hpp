// The Hermite claim family (docs/math.md §1–§3, claims H1–H3): the checks behind each claim.
// Each runs at the working precision the caller set and returns measured sub-checks.
#pragma once

#include <functional>
#include <vector>

#include "core/kernels.hpp"
#include "core/loss.hpp"
#include "core/relu_hermite.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// The closed forms the checks put on trial. The defaults are the core's; a test swaps in
/// a perturbed one to prove the check can fail (STYLE.md habit 12).
struct HermiteClosedForms {
  std::function<std::vector<Mp>(unsigned n)> relu_coefs = relu_hermite_coefs<Mp>;
  std::function<Mp(const AngleData<Mp>&)> relu_kernel = zg::relu_kernel<Mp>;
  std::function<Mp(const AngleData<Mp>&)> relu_ge2_kernel = zg::relu_ge2_kernel<Mp>;
  std::function<Vec<Mp>(const Vec<Mp>&, const Vec<Mp>&)> neuron_kernel_grad = zg::neuron_kernel_grad<Mp>;
  std::function<LossGradient<Mp>(const Network<Mp>&, const Network<Mp>&)> loss_gradient =
      population_loss_gradient<Mp>;
};

/// H1: ReLU Hermite coefficients against quadrature (k = 0..40), Parseval with a rigorous
/// tail bracket, and relu>=2 having no order-0/1 part.
CheckOutcome check_relu_hermite_coefficients(const CheckContext& ctx, const HermiteClosedForms& forms = HermiteClosedForms());

/// H2: kappa, K, K', K'' against their Hermite series with explicit tail bounds and against
/// the Gaussian expectation by quadrature; grad_w G against finite differences of G.
CheckOutcome check_kernel_closed_forms(const CheckContext& ctx, const HermiteClosedForms& forms = HermiteClosedForms());

/// H3: the loss in closed form against the Hermite-order split, Monte Carlo and, for its
/// gradient, central differences, on the configured teacher and student.
CheckOutcome check_loss_closed_form(const CheckContext& ctx, const HermiteClosedForms& forms = HermiteClosedForms());

}  // namespace zg
