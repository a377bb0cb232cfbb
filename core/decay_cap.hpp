// The cap at a touching point (docs/proofs.md §4): the kernel sum in the Householder
// frame H of u_j, the constants h0 = s_j eta~(u_j) and gamma = sup |h'(0, .)|, and the
// branch-and-bound over pieces [t_lo, t_hi] x (face box of S^{r-2}) proving
// sup h'' <= -2 rho on each. The strips of §5 use the same frame data.
#pragma once

#include <string>
#include <vector>

#include "core/branch_and_bound.hpp"
#include "core/decay_certificate.hpp"
#include "core/kernel_sum_ball.hpp"

namespace zg::decay {

/// Centre i in the frame of touching point j: A_i = (H u_i)_1, C_i = (H b_i^perp)_1, and
/// P_i, Q_i the last r - 1 coordinates of H u_i, H b_i^perp. For the touching centre
/// itself A = sigma, C = 0, P = 0 exactly. Dipoles: GA, GP the same for H gap.
struct CapData {
  int touching = 0;  ///< j (index into KernelSum::touching)
  int centre = 0;    ///< its centre
  int sign = 1;      ///< s_j
  CapFrame frame;
  std::vector<ArbBall> A, C;
  std::vector<BallVec> P, Q;
  std::vector<ArbBall> GA;
  std::vector<BallVec> GP;
  /// Dipoles in angle form (Dipole::angle_form): NA = (H n)_1, NP the last r - 1
  /// coordinates of H n (empty when the dipole has no angle form).
  std::vector<ArbBall> NA;
  std::vector<BallVec> NP;
  ArbBall half_pi;
};
/// Enclosures at the sum's precision.
CapData cap_data(const KernelSum& sum, int touching);

/// h0 = s_j eta~(u_j) and gamma = sup |g| (docs/proofs.md §4). Enclosures.
struct CapConstants {
  ArbBall h0, gamma;
};
CapConstants cap_constants(const KernelSum& sum, const CapData& d);

/// h'' over the piece t in `t`, ray directions `zhat` (enclosures of sets): the formulas of
/// docs/proofs.md §4, the touching centre in its exact form (one-sided at t = 0).
/// A dipole in angle form also by docs/proofs.md §8's bound (intersected with the direct
/// difference), so its O(1/lambda) mass multiplies its O(lambda) angle, not a box width.
/// Indeterminate where a centre with a beta term may reach +-1 on the piece. Enclosure.
ArbBall cap_second_derivative(const KernelSum& sum, const CapData& d, const ArbBall& t, const BallVec& zhat);

/// The plane of a dipole seen from a cap ray, for dipole_second_angle_form: with u_b, n
/// the dipole's orthonormal pair and y, ydot the ray's orthonormal point and velocity,
/// q2 = |y - (y.u_b) u_b - (y.n) n|^2 (y off the plane, free of phi) and
/// p_b, p_n the parts of u_b and n orthogonal to y and ydot (so u(phi)'s is
/// cos(phi) p_b + sin(phi) p_n). Sets, as enclosures.
struct DipoleRayFrame {
  ArbBall q2;
  BallVec p_b, p_n;
};

/// gamma times an enclosure of d^2/dt^2 d/dphi K(y(t).u(phi)) over phi in [0, gamma], for
/// a dipole in angle form along a cap ray (|y| = |ydot| = 1, y orthogonal to ydot,
/// ydd = -y): Xb = y.u_b, Xn = y.n, Xbd, Xnd their t-derivatives (sets). Contains
/// d^2/dt^2 (K(y.u_a) - K(y.u_b)) wherever that exists (docs/proofs.md §8); bounded by
/// about gamma (3 + pi/2) / (2 pi) whatever the box, with no singularity at x = +-1.
/// Its singular ratios r1 = y.u' / sqrt(1 - x^2) and r2 = ydot.u / sqrt(1 - x^2) are taken
/// as a / sqrt(a^2 + Q), monotone in a and Q, with 1 - x^2 = (y.u')^2 + q2 =
/// (ydot.u)^2 + |p(phi)|^2 from `frame`: so they stay exact signs in a rank-2 span (q2 =
/// p = 0), where the quotients of two enclosures would be 2 gamma / t wide. Enclosure.
ArbBall dipole_second_angle_form(const KernelSum& s, const ArbBall& gamma, const ArbBall& Xb, const ArbBall& Xn,
                                 const ArbBall& Xbd, const ArbBall& Xnd, const DipoleRayFrame& frame);

/// Roots of a cap or strip cover: faces (k, +-) of S^{r-2}, k = 1..r-1, in the order
/// (1,+), (1,-), (2,+), ...; tag = +-k. Each box is `leading` then [-1, 1]^{r-2}.
std::vector<bnb::Root> sphere_face_roots(int rank, const bnb::Box& leading);
/// The ray directions of a piece whose box is `leading_count` leading ranges then the face's.
BallVec piece_directions(int rank, int tag, const bnb::Box& box, std::size_t leading_count, long prec);

/// A cheap look before the cap's cover: h'' at 32 points t = T k/32 along the rays through
/// the centres and corners of S^{r-2}'s faces; the smallest t where h'' > -2 rho is proved
/// (the cap of half-width T cannot be closed), or +inf. Proved where finite.
double first_refuted_sample(const KernelSum& lo, int touching, double T, const ArbBall& rho);

/// The whole cap proof of touching point j with half width T (a double with few
/// significant bits, 0 < T < pi/4): (b) and (c) of docs/proofs.md §4; (a) depends on tau'
/// and is left to the caller, from `constants`. `hi` carries the data at the header's
/// precision (for h0 and gamma), `lo` at the box precision (for the pieces).
struct CapOutcome {
  bool proved = false;  ///< (b) and (c) hold
  std::string failure;  ///< why not, for people
  CapConstants constants;
  double T = 0;
  double d2_min = 0;    ///< min over pieces of inf h'', rounded down
  DecayCap record;      ///< pieces and constants as decimals (h0, slope at `digits`)
  bnb::Result cover;    ///< the engine's result (leaves, statistics)
};
CapOutcome prove_cap(const KernelSum& hi, const KernelSum& lo, int touching, double T, const ArbBall& rho,
                     const bnb::Options& options);

}  // namespace zg::decay
