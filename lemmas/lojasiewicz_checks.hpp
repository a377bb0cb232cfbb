// Claim L1 (docs/math.md §6): a Lojasiewicz-type gradient lower bound near the regularised
// optimum, |grad L_lambda(theta)|^2 >= c zeta^p with zeta = L_lambda(theta) - L_lambda*.
#pragma once

#include "lemmas/claim_registry.hpp"

namespace zg {

/// L1 at the configuration's lambda: probes built to be hard (a teacher neuron split in two
/// with angular spread eps, a small-mass neuron far from every teacher direction,
/// unbalanced norms, a cancelling +- pair near a teacher direction, a random perturbation)
/// for eps = 10^-1 .. 10^-8. Reports the fitted exponent p of the lower envelope of
/// |grad|^2 against zeta, min |grad|^2 / zeta^p for p = 1, 2 and the fitted p, and the
/// hardest family. PASS when |grad|^2 / zeta (p = 1) stays bounded away from 0 over the
/// smallest three decades of zeta: its minimum there is at least a tenth of its minimum
/// over the larger gaps.
/// `optimum_offset` is subtracted from the computed L_lambda* (tests: an understated optimum
/// value must make the bound fail).
CheckOutcome check_lojasiewicz(const CheckContext& ctx, const Mp& optimum_offset = Mp(0));

}  // namespace zg
