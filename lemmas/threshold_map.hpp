// Claim T1 (docs/math.md §6): below a gap threshold zeta_th(lambda), gradient descent on
// L_lambda converges and every neuron of non-negligible mass ends near the optimum's
// directions (and so near +-w_i*), with the far mass inside the D4 bound all along.
#pragma once

#include <string>
#include <vector>

#include "lemmas/claim_registry.hpp"

namespace zg {

/// The grid and the success rule of the threshold map.
struct ThresholdMapSettings {
  std::vector<std::string> lambdas = {"1e-2", "3.16e-3", "1e-3", "3.16e-4", "1e-4"};
  std::vector<double> initial_gaps = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1, 3};
  int seeds = 3;               ///< perturbation directions per cell
  double horizon = 20;         ///< budget: horizon / lambda units of time (step x iterations)
  double gap_factor = 1e-2;    ///< success needs a final gap <= gap_factor lambda^2
  double mass_factor = 1;      ///< neurons of mass >= mass_factor lambda must be aligned
  double angle_deg = 2;        ///< ... within this angle of the optimum's directions (+-)
  unsigned threads = 2;        ///< runs in parallel (each run is deterministic on its own)
};

/// T1 on the configured teacher. For each lambda: Newton's optimum with m* neurons (its
/// objective L_lambda*), then students of width 2 m* + 2 (the optimum's neurons split in
/// balanced halves, two empty slots) moved along seeded random directions until
/// L_lambda - L_lambda* equals each initial gap; gradient descent in double from each;
/// the final state re-evaluated in MPFR. A run succeeds when its final gap is at most
/// gap_factor lambda^2 and every neuron of mass >= mass_factor lambda lies within angle_deg
/// of a +- optimum direction. zeta_th(lambda) is the largest initial gap below which every
/// run succeeds. PASS when every lambda has zeta_th > 0 (its smallest gaps succeed) and the
/// D4 bound holds at every recorded state. Measured: the success map, zeta_th(lambda) and
/// its fitted exponent, the local convergence rate and its exponent in lambda.
/// `optimum_offset` is added to every L_lambda* (tests: an understated optimum, a negative
/// offset, leaves every gap open and must make T1 fail).
CheckOutcome check_threshold_map(const CheckContext& ctx, const ThresholdMapSettings& settings = {},
                                 const Mp& optimum_offset = Mp(0));

}  // namespace zg
