// A kernel sum on the span of its centres, in Arb balls (docs/proofs.md §1):
//     eta~(y) = sum_i [ alpha_i K(y.u_i) + arcsin(y.u_i) (y.b_i^perp) / (2 pi) ]
//               + sum_p mass_p (K(y.u_a) - K(y.u_b)),
// with K(x) = (x arcsin x + sqrt(1 - x^2) - 1) / (2 pi) (docs/math.md §2). The centres u_i are
// the exact Gram-Schmidt coordinates of the normalised input directions, enclosed; b_i is
// given in span coordinates and split as b_i = e_i u_i + b_i^perp (the residual split of
// docs/proofs.md §1). Here: building that data from exact decimals, and the enclosures
// of eta~, its gradient and delta over a set of points y given as a ball vector.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/arb_ball.hpp"
#include "core/decay_certificate.hpp"
#include "core/decay_charts.hpp"

namespace zg::decay {

/// The kernel sum as exact decimals, as the certificate states it.
struct KernelSumInput {
  std::vector<std::vector<std::string>> directions;  ///< w_i in R^d (not necessarily unit)
  std::vector<std::string> alpha;                    ///< one per direction
  std::vector<std::vector<std::string>> beta;        ///< b_i, rank entries (span coordinates); empty row = 0
  std::vector<DecayDipole> dipoles;                  ///< D3 only
  std::vector<DecayTouching> touching;               ///< where |eta| = 1 is attained
};

struct Centre {
  BallVec u;          ///< u_i = Q^T w_i / |w_i|, exactly unit
  ArbBall alpha;
  BallVec bperp;      ///< b_i - e_i u_i, exactly orthogonal to u_i
  ArbBall e;          ///< e_i = b_i . u_i
  bool has_beta = false;  ///< some b_i entry is nonzero (else bperp = 0 and e = 0 exactly)
};

struct Dipole {
  int a = 0, b = 0;
  int flip = 1;    ///< sign chosen (at midpoints) so that flip u_a . u_b > 0; K is even
  ArbBall mass;
  BallVec gap;     ///< flip u_a - u_b
  /// The great circle from u_b to flip u_a: flip u_a = cos(gamma) u_b + sin(gamma) n, n a
  /// unit vector orthogonal to u_b, gamma in (0, pi/2) their angle. With
  /// u(phi) = cos(phi) u_b + sin(phi) n, a first derivative of the dipole is gamma times the
  /// phi-derivative at some phi in [0, gamma], whose singular factor is bounded by 1 (the
  /// "angle form"; docs/proofs.md's gap form for second derivatives is not used).
  /// `angle_form` is false when gamma is not proved positive (then only direct differences).
  bool angle_form = false;
  BallVec n;
  ArbBall gamma;
  /// [0, (pi/2) |flip u_a - u_b|], containing the angle gamma (a chord 2 sin(gamma/2) >=
  /// 2 gamma / pi): without an angle form, each phi-derivative bound of docs/proofs.md §8 is
  /// used by its absolute value alone (no n needed), times this.
  ArbBall gamma_range;
};

struct KernelSum {
  int rank = 0;
  int dimension = 0;
  DecayDomain domain = DecayDomain::Sphere;
  std::vector<int> basis_skips;
  std::vector<Centre> centres;
  std::vector<Dipole> dipoles;
  std::vector<DecayTouching> touching;
  ArbBall pi, two_pi;
  ArbBall kernel_range;  ///< [K(0), K(1)] = [0, 1/4 - 1/(2 pi)], the range of K on [-1, 1]
  /// sum_i sup |e_i| / 4, as the ball [0, that] (docs/proofs.md §1).
  ArbBall residual_allowance;
  long precision = 0;

  /// Every ball rounded to `prec` bits (enclosures kept): box computations need far fewer
  /// bits than the data carry.
  KernelSum at_precision(long prec) const;
};

/// Builds the enclosed data from exact decimals at `prec` bits: normalisation and interval
/// Gram-Schmidt in the order given. A direction whose remainder is proved nonzero joins
/// the basis; one whose remainder encloses 0 is skipped, which is only accepted when its
/// exact dependence is proved: every direction vanishes (exactly, as a decimal) outside a
/// set of coordinates as large as the basis, so the basis spans exactly that coordinate
/// subspace and contains every direction. Throws std::invalid_argument for malformed
/// input (ragged rows, a zero direction, a beta row of the wrong length, a touching or
/// dipole index out of range) or an unprovable dependence. Enclosure of every datum.
KernelSum build_kernel_sum(const KernelSumInput& input, long prec);

/// y.u_i, y.b_i^perp and arcsin(y.u_i) for every centre, over the set y (enclosures; y.u_i intersected
/// with [-1, 1], where it lies for |y| <= 1).
struct Projections {
  BallVec x, l;
  BallVec asin_x;  ///< arcsin(y.u_i)
};
Projections project(const KernelSum& s, const BallVec& y);

/// K(x) on a ball x enclosing a number in [-1, 1], `asin_x` an enclosure of its arcsine:
/// K(m) + K'(x) (x - m) at the midpoint m (K' = asin / (2 pi)), intersected with
/// [K(0), K(1)] = [0, 1/4 - 1/(2 pi)]; the closed form directly for a narrow ball away
/// from +-1. Enclosure.
ArbBall kernel_on_ball(const KernelSum& s, const ArbBall& x, const ArbBall& asin_x);

/// eta~ over the set y (plain enclosure; dipoles by the gap form intersected with the
/// direct difference). Enclosure.
ArbBall sum_value(const KernelSum& s, const Projections& p, const BallVec& y);

/// grad_y eta~ over the set y, docs/proofs.md §3:
///   sum_i [ (alpha_i K'(x_i) + l_i / (2 pi sqrt(1 - x_i^2))) u_i + arcsin(x_i) b_i^perp / (2 pi) ]
/// plus the dipoles' gradients. nullopt when eta~ is not proved differentiable on the set
/// (1 - x_i^2 may vanish for a centre with a beta term). Enclosure.
std::optional<BallVec> sum_gradient(const KernelSum& s, const Projections& p, const BallVec& y);

/// delta = min over touching points of arccos |y.u_c| (the angle to the nearest touching
/// line; for y inside the ball, of the unit w with Q^T w = y). Enclosure.
ArbBall touching_delta(const KernelSum& s, const Projections& p);

}  // namespace zg::decay
