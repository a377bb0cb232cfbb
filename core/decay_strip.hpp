// The strip at a touching point inside the ball (docs/proofs.md §5): y = s H (cos t,
// sin t zhat), s in [s0, 1], t in [0, T]. Pieces [s_lo, s_hi] x [t_lo, t_hi] x (face box of
// S^{r-2}) on which h > 0 and dG/ds >= 0 are proved, G = h + rho theta^2 - 1,
// theta = arccos(s cos t); then F <= G(1, .) <= tau' by the cap.
#pragma once

#include <string>

#include "core/branch_and_bound.hpp"
#include "core/decay_cap.hpp"

namespace zg::decay {

/// h and dG/ds over a strip piece (enclosures of sets), docs/proofs.md §5.
struct StripBounds {
  ArbBall h, dG_ds;
};
StripBounds strip_bounds(const KernelSum& sum, const CapData& d, const ArbBall& rho, const bnb::Range& s,
                         const bnb::Range& t, const BallVec& zhat);

struct StripOutcome {
  bool proved = false;
  std::string failure;
  double s0 = 1;
  DecayStrip record;
  bnb::Result cover;
};
/// The strip of touching point j (data at the box precision) for s in [s0, 1], t in [0, T]
/// (doubles with few significant bits). Proved: every piece holds.
StripOutcome prove_strip(const KernelSum& lo, int touching, double s0, double T, const ArbBall& rho,
                         const bnb::Options& options);

}  // namespace zg::decay
