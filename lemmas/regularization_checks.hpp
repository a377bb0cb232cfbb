// The regularisation claim family (docs/math.md §3, claim R1): weight decay as an l1 penalty on
// balanced neurons, and the balance gap under gradient descent.
#pragma once

#include <functional>

#include "core/loss.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// R1: at balance the weight decay equals lambda sum |a_j||w_j|; a_j dL/da_j = w_j.dL/dw_j
/// (1-homogeneity) for random students; and along gradient descent with step eta every gap
/// g_j = a_j^2 - |w_j|^2 obeys g_j' = (1 - eta lambda)^2 g_j + eta^2 ((dL/da_j)^2 - |dL/dw_j|^2)
/// exactly, so it contracts by (1 - eta lambda)^2 up to O(eta^2).
/// The gradient under trial is injectable so a test can prove the check can fail.
using LossGradientFn = std::function<LossGradient<Mp>(const Network<Mp>&, const Network<Mp>&)>;
CheckOutcome check_weight_decay_balance(const CheckContext& ctx,
                                        const LossGradientFn& loss_gradient = population_loss_gradient<Mp>);

}  // namespace zg
