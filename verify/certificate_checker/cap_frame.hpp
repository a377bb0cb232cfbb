// Caps at the touching points (docs/proofs.md §4) and strips inside the ball (§5): the
// Householder frame H, the numbers h0 and γ, the second t-derivative h'' over a cap piece,
// and h and ∂G/∂s over a strip piece. Enclosures built from enclosures.
#pragma once

#include <vector>

#include "certificate_checker/interval.hpp"
#include "certificate_checker/kernel_sum.hpp"

namespace zg::checker {

/// The frame of touching point j: σ, w = e_1 − σ u_j, and per centre i the frame
/// coordinates A_i = (H u_i)_1, P_i = (H u_i)_{2..r}, C_i = (H b_i⊥)_1, Q_i = (H b_i⊥)_{2..r}
/// (for i = j: p_j = σ e_1 and C_j = 0 exactly, so only Q_j is kept).
struct CapFrame {
  int centre = 0;
  int sign = 1;   // s_j
  int sigma = 1;  // σ
  Iv T;
  Iv cos_T;
  IvVec w;
  Iv wtw;
  std::vector<Iv> A;
  std::vector<Iv> C;
  std::vector<IvVec> P;
  std::vector<IvVec> Q;
  /// Per dipole in angle form: (H n)_1 = σ u_j·n and (H n)_{2..r} (empty otherwise).
  std::vector<Iv> NA;
  std::vector<IvVec> NP;
  /// Per dipole: (H gap)_1 = σ u_j·gap and (H gap)_{2..r}, for the gap form of its value.
  std::vector<Iv> GA;
  std::vector<IvVec> GP;
  Iv h0;     // h(t = 0) = s_j η̃(u_j)
  IvVec g;   // h'(0, ẑ) = ẑ·g
  Iv gamma;  // |g|
};

/// Builds the frame of centre `centre` with sign s_j and half-width T (a double).
CapFrame build_cap_frame(const Model& md, int centre, int sign, double T);

/// Every interval of the frame rounded outward to `bits`.
CapFrame at_precision(const CapFrame& f, mpfr_prec_t bits);

/// H x = x − 2 w (w·x)/(wᵀw).
IvVec householder(const CapFrame& f, const IvVec& x);

/// h'' = s_j d²η̃/dt² over t ∈ `t`, ẑ ∈ `zhat` (an enclosure of a set of unit vectors of
/// R^{r−1}); the whole line when a centre with b⊥ ≠ 0 has 1 − x² ∋ 0 on the piece. With
/// dipoles (D3), also as the stated α plus each dipole's mass times (the direct difference
/// of its kernel parts ∩ its angle form), intersected with the folded sum: the folded α
/// carry O(1/λ) masses, whose box widths the angle form (an O(λ) angle) avoids.
Iv cap_second_derivative(const Model& md, const CapFrame& f, const Iv& t, const IvVec& zhat);

/// Over a strip piece s ∈ `s`, t ∈ `t`, ẑ ∈ `zhat`: h = s_j η̃(s H(cos t, sin t ẑ)),
/// ∂h/∂s, and ∂G/∂s = ∂h/∂s − 2ρ cos t φ(s cos t) with φ bounded by φ(inf s cos t).
/// With dipoles (D3), h and ∂h/∂s are also taken with the stated α plus each dipole's
/// mass times (its direct difference ∩ its gap form, resp. its angle form), and
/// intersected with the folded sum, for the reason given at cap_second_derivative.
struct StripValues {
  Iv h;
  Iv dh_ds;
  Iv dG_ds;
};
StripValues strip_values(const Model& md, const CapFrame& f, const Iv& s, const Iv& t, const IvVec& zhat);

/// η̃(y) for y given in span coordinates (|y| <= 1), plainly: for tests and refutations.
Iv eta_at(const Model& md, const IvVec& y);

}  // namespace zg::checker
