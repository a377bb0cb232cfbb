// A witness that the decay bound fails, found from a sampled point (docs/proofs.md §6):
// a tiny box of the main chart around the point on which
//     inf (|eta~| + rho delta^2 - 1) > sum_i sup |e_i| / 4
// is proved with Arb balls, so |eta| + rho delta^2 - 1 > 0 there for eta itself. This is
// how a degenerate teacher (sampled rho_eta <= 0, a point with |eta| > 1) gets its proved
// counterexample at once, without first running the whole proof to its end.
#pragma once

#include <optional>
#include <vector>

#include "core/decay_certificate.hpp"
#include "core/kernel_sum_ball.hpp"

namespace zg::decay {

/// The chart box of half-width 2^-log2_half_width (corners on that dyadic grid, exact
/// doubles) around the span point `y` (|y| <= 1; on the sphere, |y| = 1 to double
/// rounding), on the face k = argmax |y_k| with y scaled to y_k = +1 (eta and delta are
/// even), the radius first on the ball. Returns the witness when the excess above is
/// proved on that box at `prec` bits, nullopt otherwise (the point is no counterexample,
/// or the box is too wide for the enclosure to show it). Enclosure-based: a returned
/// witness is a proof.
std::optional<DecayWitness> witness_near(const KernelSum& s, const std::vector<double>& y, const ArbBall& rho,
                                         long prec, int log2_half_width = 32);

}  // namespace zg::decay
