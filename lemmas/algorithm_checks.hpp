// Claims S1 and S2 (docs/math.md §5, §6; issue 5): stage 1's one weight-decayed step lands the
// neurons in the teacher's span and covers its unit sphere; stage 2's ridge solve for the
// output layer brings the loss down to O(eps_0), eps_0 the covering radius.
#pragma once

#include "lemmas/claim_registry.hpp"

namespace zg {

/// Knobs the tests turn to make the checks fail (STYLE.md habit 12); the defaults are the
/// algorithm and its prediction.
struct StageOneCheckOptions {
  double predicted_exponent = -0.5;  ///< docs/math.md §5: out-of-span fraction O(d^(-1/2))
  /// lambda eta of the step; 1 is the algorithm (the initial weights cancel). Tests inject 0
  /// (plain gradient step: the random start stays and nothing decays with d).
  double lambda_eta = 1;
  int seeds_per_width = 16;  ///< stage-1 runs per width for the covering radius against m
};

struct StageTwoCheckOptions {
  int seeds_per_width = 16;  ///< runs per width for the loss against the covering radius
  /// Added to every output weight of the ridge solution before it is checked: tests inject
  /// a wrong solution this way.
  double output_perturbation = 0;
};

/// S1. For every configured dimension d (> r) the configured teacher, with its geometry kept
/// (span coordinates on the first r axes of R^d), and `pairs` symmetric pairs; one step in
/// double (the fractions measured are >= 1e-3 and their sampling noise ~1e-2 relative, ten
/// orders above double's rounding). Measures each neuron's out-of-span fraction (its
/// trailing d - r coordinates: exact, no subtraction), mean and max, and fits
/// log(mean) ~ p log d. Covering radius at the configured dimension and width (exact on
/// the circle for r = 2, a low-discrepancy estimate for r >= 3), and its median over seeds
/// against the width. PASS when |p - predicted| <= exponent_tolerance and the radius is at
/// most cover_radius_deg. Over 400 master seeds at the defaults (the default problem, 256
/// neurons) the fit was -0.4975 with standard deviation 0.022 and worst |p + 1/2| = 0.069,
/// so the default tolerance 0.1 is 4.6 standard deviations; the radius had median 7.0 and
/// maximum 16.6 deg against the default target of 20.
CheckOutcome check_stage_one(const CheckContext& ctx, const StageOneCheckOptions& options = {});

/// S2. Stage 1 at the configured teacher and width (double, as S1), its layer taken exactly
/// into Mp; at working precision, the ridge solve on the unit first layer and the rebalance. Identities: the
/// objective's gradient in a vanishes at the solution (to its rounding bound), the rebalanced network has the ridge
/// solution's loss and is balanced. Bound: stage2_loss <= the configured threshold. Sweep (double, medians over seeds
/// per width): stage-2 loss against the covering radius, with its fitted exponent; PASS needs it >= 1 -
/// exponent_tolerance (loss O(eps_0)).
CheckOutcome check_stage_two(const CheckContext& ctx, const StageTwoCheckOptions& options = {});

}  // namespace zg
