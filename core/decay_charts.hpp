// Box geometry of the decay proofs (docs/proofs.md §2, §4): enclosures of the chart
// points of the half sphere S^{r-1}, of the full sphere S^{r-2} used by the caps, and the
// Householder frame of a cap. Boxes have exact double corners (core/branch_and_bound.hpp);
// every function returns balls that contain the exact image of every point of the box.
#pragma once

#include <vector>

#include "core/arb_ball.hpp"
#include "core/branch_and_bound.hpp"

namespace zg::decay {

using BallVec = std::vector<ArbBall>;

/// A range [lo, hi] of exact doubles as a ball, and a point as an exact ball.
ArbBall ball_of(const bnb::Range& r, long prec);

/// The point x of face `face` (0-based k) of an r-dimensional chart: x_k = `face_value`
/// (exactly +-1) and the free coordinates, in increasing index order, from `free` (r - 1
/// ranges). Exact (the ranges become balls containing them).
BallVec face_point(int r, int face, int face_value, const bnb::Box& free, long prec);

/// v = x / |x| over a face box, with |x| (docs/proofs.md §2). Each v_l is enclosed from its
/// monotonicity (v_l increases with x_l; |v_l| decreases as any other |x_m| grows), so
/// the enclosure is the exact range of each coordinate, and |x| is enclosed from the
/// ranges of the x_m^2. Enclosure of every point's image.
struct ChartPoint {
  BallVec v;
  ArbBall norm;  ///< |x|
};
ChartPoint normalised_face_point(int r, int face, int face_value, const bnb::Box& free, long prec);

/// The same at the exact point `centre` (one double per free coordinate). Enclosure.
ChartPoint normalised_face_centre(int r, int face, int face_value, const std::vector<double>& centre, long prec);

/// Dot product of two ball vectors. Enclosure.
ArbBall dot(const BallVec& a, const BallVec& b);

/// The Householder frame of a cap at the unit vector u (enclosed): sigma = +1 when the
/// midpoint of u_1 is <= 0, else -1; w = e_1 - sigma u; H = I - 2 w w^T / (w^T w), exactly
/// orthogonal and symmetric with H e_1 = sigma u for the exact u (docs/proofs.md §4).
struct CapFrame {
  int sigma = 1;
  BallVec w;
  ArbBall wtw;  ///< w^T w = 2 - 2 sigma u_1 >= 2
};
CapFrame cap_frame(const BallVec& u);
/// H x (enclosure), without forming H: x - 2 w (w.x) / (w^T w).
BallVec apply_frame(const CapFrame& f, const BallVec& x);

/// The ray direction zhat of face (k, face_sign) of S^{r-2} (docs/proofs.md §2 "full
/// sphere"): z with z_k = face_sign, the other r - 2 coordinates from `free`, zhat = z/|z|.
/// For r = 2 the face is the point zhat = face_sign. Enclosure (as normalised_face_point).
BallVec ray_direction(int r, int face, int face_sign, const bnb::Box& free, long prec);

/// The direction of the cap at angle t along zhat: H (cos t, sin t zhat). Enclosure.
BallVec cap_point(const CapFrame& f, const ArbBall& cos_t, const ArbBall& sin_t, const BallVec& zhat);

}  // namespace zg::decay
