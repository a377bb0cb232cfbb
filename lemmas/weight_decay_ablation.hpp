// Claim W1 (issue 4, "why weight decay"): from students whose neurons near one teacher
// direction carry opposite signs and partly cancel, gradient descent with weight decay
// removes the cancellation; plain gradient descent (lambda = 0) need not.
#pragma once

#include "lemmas/claim_registry.hpp"

namespace zg {

/// W1: the same cancelling start, gradient descent in double (the long runs) with
/// lambda = the configuration's and with lambda = 0, final states re-evaluated at working
/// precision. PASS when weight decay leaves under a tenth of the cancelling mass that plain
/// descent keeps; if plain descent removes it too, the claim's sharp form FAILs.
CheckOutcome check_weight_decay_ablation(const CheckContext& ctx);

}  // namespace zg
