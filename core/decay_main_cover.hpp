// The main cover of docs/proofs.md §3: the evaluator that the branch-and-bound engine
// calls on each box of the half sphere S^{r-1} (faces x_k = 1) or the half ball B^r
// (boxes [s_lo, s_hi] x face box). A box is proved by the cap or strip of a touching
// point when it lies inside it, or by an enclosure of F = |eta~| + rho delta^2 - 1 below
// tau' (plain, intersected with the mean-value form about the box centre where eta~ is
// differentiable); it is a witness of violation when inf F > sum sup|e_i|/4 is proved.
#pragma once

#include <vector>

#include "core/branch_and_bound.hpp"
#include "core/kernel_sum_ball.hpp"

namespace zg::decay {

/// What covers the neighbourhood of touching point j: its cap (sphere, and the ball's
/// boundary) when proved, with cos T_j enclosed; its strip s in [s0, 1] (ball) when proved.
struct CoverRegion {
  bool cap = false;
  ArbBall cos_T;
  bool strip = false;
  double s0 = 1;
};

/// The data at one precision, used for boxes narrower than `below_width` (and not
/// narrower than the next level's). Precision escalation (Ziv): a box near a touching
/// point without a cap, or near a violation, is only decided once its enclosure's
/// rounding is below the values at stake; the finer levels keep such boxes from being
/// halved down to the smallest width by the thousand.
struct CoverLevel {
  const KernelSum* sum = nullptr;
  ArbBall rho, tau_prime;
  double below_width = 0;
};

struct MainCover {
  std::vector<CoverLevel> levels;    ///< coarse to fine; levels[0].below_width = +inf
  std::vector<CoverRegion> regions;  ///< one per touching point
  /// The level for a box: the last whose below_width exceeds the box's largest width.
  const CoverLevel& level_for(const bnb::Box& box) const;
};

/// Roots: faces k = 1..r in order, tag k (1-based); box [-1, 1]^{r-1} on the sphere,
/// [0, 1] x [-1, 1]^{r-1} on the ball. Exact.
std::vector<bnb::Root> main_cover_roots(int rank, DecayDomain domain);

/// The points y of a main-chart box (sphere: v; ball: s v) and the unit directions v.
struct BoxPoints {
  BallVec y, v;
  ArbBall norm;  ///< |x| of the chart point
  ArbBall s;     ///< the radius (1 on the sphere)
};
BoxPoints main_box_points(const KernelSum& sum, int face, const bnb::Box& box);

/// Enclosure of F = |eta~| + rho delta^2 - 1 over the box, and of eta~ (plain intersected
/// with the mean-value form when `mean_value` and eta~ is differentiable on the box).
struct ExcessEnclosure {
  ArbBall eta, excess;
  bool used_mean_value = false;
};
ExcessEnclosure enclose_excess(const MainCover& cover, int face, const bnb::Box& box, bool mean_value);

/// The verdict on a box of face `face` (0-based): Proved (method LeafMethod::Cap/Strip
/// with the touching index, or Enclosure with bound sup F rounded up), Violated (inf F >
/// the residual allowance, lower rounded down) or Split. Guarantee: Proved and Violated
/// are proofs for the exact kernel sum the data enclose.
bnb::Verdict evaluate_main_box(const MainCover& cover, int face, const bnb::Box& box);

}  // namespace zg::decay
