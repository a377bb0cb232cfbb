// The kernel sum η̃ of docs/proofs.md §1 in span coordinates, enclosed over boxes of the
// charts of §2, and F = |η̃| + ρ δ² − 1 over a main-chart box by the plain enclosure and
// the mean-value form of §3. Everything here is an enclosure built from enclosures.
#pragma once

#include <vector>

#include "certificate_checker/certificate_data.hpp"
#include "certificate_checker/interval.hpp"

namespace zg::checker {

/// A dipole mass (K(y·u_a) − K(y·u_b)) of η̃ (the prover's writer, D3). K is even, so
/// K(x_a) − K(x_b) = K'(ξ)(flip x_a − x_b) = asin(ξ)/(2π) · y·gap, ξ between flip x_a and x_b,
/// gap = flip u_a − u_b (flip chosen so that the gap is short: any sign is correct).
struct DipoleTerm {
  std::size_t a = 0;
  std::size_t b = 0;
  int flip = 1;
  Iv mass;
  IvVec gap;
  /// The great circle u(φ) = cos φ u_b + sin φ n from u_b to flip u_a = u(γ), when c =
  /// flip u_a·u_b > 0 and sin γ = |flip u_a − c u_b| > 0 are proved: n = (flip u_a − c u_b)/sin γ,
  /// γ = asin(sin γ) ∈ (0, π/2). Then the dipole's t-derivatives along a cap ray are γ times
  /// a φ-derivative at some φ ∈ [0, γ] (cap_frame.hpp). Otherwise angle_form is false.
  bool angle_form = false;
  IvVec n;
  Iv gamma;
};

/// The enclosed data of a certificate (docs/proofs.md §1): u_i, b_i⊥ = b_i − e_i u_i,
/// e_i = b_i·u_i, α_i, and the constants, all at the working precision when built.
struct Model {
  int r = 0;
  int m = 0;
  Domain domain = Domain::sphere;
  std::vector<IvVec> u;
  std::vector<IvVec> bperp;
  std::vector<bool> b_zero;  // b_i is exactly 0 (then b_i⊥ = 0 and its terms vanish)
  std::vector<Iv> alpha;     // as stated
  /// α with the dipole masses folded in (α_a + mass, α_b − mass): the same function η̃,
  /// used by every derivative; equal to `alpha` without dipoles.
  std::vector<Iv> alpha_folded;
  std::vector<DipoleTerm> dipoles;
  /// δ(y) = min over these centres of arccos |y·u_j| (the touching points).
  std::vector<std::size_t> touching_centres;
  std::vector<Iv> e;
  Iv residual;  // Σ_i |e_i| / 4 (an enclosure; its upper end is the allowance of §1)
  Iv pi;
  Iv half_pi;
  Iv inv_two_pi;
  Iv rho;
  Iv tau_prime;
  Iv tau;
};

/// Encloses the certificate's numbers at the working precision and runs the interval
/// Gram–Schmidt. Precondition: the certificate was read by read_certificate_*.
Model build_model(const Certificate& c);

/// Every interval of the model rounded outward to `bits` (box enclosures need far fewer
/// bits than the data carry; the enclosures are kept).
Model at_precision(const Model& md, mpfr_prec_t bits);

/// The point x/|x| of a face chart of the unit sphere in R^n (docs/proofs.md §2):
/// x_k = sign (k 1-based), the other n − 1 coordinates `free` in increasing order.
/// `v` is enclosed coordinate by coordinate at its exact range over the box (each v_j is
/// monotone in x_j and in the squares of the others).
struct ChartImage {
  IvVec x;
  IvVec v;
  Iv norm;
};
ChartImage face_chart(int n, int face, int sign, const IvVec& free);

/// K(x) = (x asin x + sqrt(1 − x²) − 1)/(2π) over x ∈ X ⊆ [−1, 1]: its exact range (K is even
/// and increasing in |x|), rounded outward.
Iv kernel_K(const Model& md, const Iv& X);
/// The same given asin_X, an enclosure of asin over X (asin is odd, so |asin_X| encloses
/// asin(|X|) at the ends): saves the second asin.
Iv kernel_K(const Model& md, const Iv& X, const Iv& asin_X);

/// Per-centre quantities of η̃ over a box: x_i = y·u_i, asin(x_i), l_i = y·b_i⊥.
struct CentreTerms {
  std::vector<Iv> x;
  std::vector<Iv> asx;
  std::vector<Iv> l;
};

/// Main-chart box (face k, coordinates: the sphere's r − 1 free ones, or s then those for
/// the ball) and what the plain enclosure of η̃ needed on it.
struct ChartTerms {
  ChartImage chart;
  Iv s;  // radius (exactly 1 on the sphere)
  CentreTerms t;
};

/// Plain enclosure of η̃ over the box; fills `terms` when given.
Iv eta_plain(const Model& md, int face, const IvVec& coords, ChartTerms* terms);

/// Enclosure of F = |η̃| + ρδ² − 1 over a main-chart box, δ the angle to the nearest
/// touching point. The plain enclosure first; when
/// `always_mean_value` or when its upper end is not <= τ', intersected with the mean-value
/// form of §3 (when η̃ is differentiable on the box).
struct FEnclosure {
  Iv F;
  Iv eta;
  Iv delta_sq;
  bool mean_value = false;
};
FEnclosure enclose_F(const Model& md, int face, const IvVec& coords, bool always_mean_value);

/// |y·u_j| over a sphere face box (r − 1 free coordinates): the cap membership test of §3.
Iv abs_projection(const Model& md, int face, const IvVec& free, int centre);

/// Box of doubles as intervals.
IvVec box_intervals(const Box& b);

}  // namespace zg::checker
