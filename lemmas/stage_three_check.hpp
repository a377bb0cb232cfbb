// Claim S3 (docs/math.md §5, §6): stage 3, gradient descent in epochs of decreasing weight
// decay, recovers the teacher: the loss goes to 0 and every direction +-w_i* is found.
#pragma once

#include "core/network.hpp"
#include "core/stage_three.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// What S3 must reach.
struct StageThreeTargets {
  Mp final_loss = Mp("1e-8");  ///< L at the last epoch's end (re-evaluated in MPFR)
  double max_angle_deg = 1;    ///< every neuron of mass >= lambda_final within this of a line +-w_i*,
                               ///< and every line i carrying net mass a_i* (to 10%) within this angle
  Mp far_mass = Mp("1e-3");    ///< mass farther than max_angle_deg from every line, at the end
};

/// S3 from a given start (the output of stage 2, or any student): the epochs of
/// `options`, each judged by Newton's optimum at its lambda; every epoch's end state is
/// re-evaluated in MPFR: the D4 bound must hold there, and the last one must meet the
/// targets. Figures: loss and gap against the iteration with the epoch boundaries, each
/// neuron's angle to its nearest teacher line, and (rank 2) the neurons' masses against
/// their span angle before and after.
CheckOutcome check_stage_three(const CheckContext& ctx, const Network<double>& start,
                               const StageThreeOptions& options, const StageThreeTargets& targets = {});

/// The start the chain hands to stage 3 for the configuration's [algorithm] settings:
/// `pairs` symmetric pairs at init_scale (seeded from the master seed), one population step
/// of size `step` with weight decay 1/step in double (stage 1), the ridge solve for the
/// output layer at working precision and the rebalance (stage 2), rounded to double: the
/// run's Product::StageTwoNetwork for stage 3's seed (S2 checks the one of its own seed).
Network<double> stage_two_output(const CheckContext& ctx);

/// S3 as the audit runs it: stage_two_output, then the [algorithm] schedule and targets.
CheckOutcome check_stage_three(const CheckContext& ctx);

}  // namespace zg
