// The certified decay check (claim D2c, MATH.md §4) for a rank-2 teacher: a proof with
// MPFI interval arithmetic that
//     |eta(theta)| <= 1 + tau - rho delta(theta)^2   for every theta on the unit circle of the span,
// where tau bounds max_j |eta(w_j*)| - 1 (the interpolation is exact only to working
// precision). Away from the teacher directions, branch-and-bound over angle intervals
// with plain enclosures; on a cap |theta - phi_j| <= t0, where both sides tend to 1, a
// second-order Taylor bound with an enclosure of the one-sided second derivative (eta is
// C^1 but not C^2 at phi_j; each side is C^2 up to the teacher direction).
#pragma once

#include <cstddef>
#include <string>

#include "core/certificate.hpp"
#include "core/certificate_angle_terms.hpp"

namespace zg {

struct DecayProofOptions {
  Mp rho;                        ///< the constant to prove
  Mp tau;                        ///< allowance above 1 at the touching points (>= the residual);
                                 ///< with derive_tau, the largest allowance accepted
  /// Derive tau from the caps instead: tau_used = max_j (sup h_j(0) + |h_j'(0)| T_j - 1, 0),
  /// h_j = s_j eta on the cap of touching point j (an enclosure), which must not exceed tau.
  bool derive_tau = false;
  double cap_deg = 2;            ///< Taylor caps of this half-width around each teacher direction
  std::size_t max_boxes = 400000;  ///< budget: boxes examined
  double max_seconds = 120;      ///< budget: wall time
};

struct DecayProofResult {
  enum class Status { Proved, Violated, Budget, Unsupported };
  Status status = Status::Budget;
  std::size_t boxes = 0;     ///< boxes examined (angle intervals and cap pieces)
  unsigned max_depth = 0;    ///< deepest bisection
  double seconds = 0;
  Mp cap_rad;                ///< cap half-width actually used
  Mp counter_lo, counter_hi; ///< Violated: theta interval (span angle from w_1*, radians) ...
  Mp counter_excess;         ///< ... on which |eta| + rho delta^2 - 1 >= this > 0 (proved)
  Mp worst_upper;            ///< Proved: largest upper bound of |eta| + rho delta^2 - 1 - tau met
  Mp tau_used;               ///< the tau actually proved (the disc adds the e_i terms' variation)
  std::string detail;        ///< what stopped the proof, for people
};

/// Guarantee: Proved is a proof (every bound is an MPFI enclosure) of the inequality above
/// for the certificate with the given alpha, beta and teacher angles (the angles enclosed
/// from c.U); Violated is a proof that the inequality with tau = 0 fails on counter_*.
/// Requires c.rank() == 2 (Unsupported otherwise). Deterministic.
DecayProofResult prove_decay_on_circle(const Certificate<Mp>& c, const DecayProofOptions& options);

/// The same inequality on the closed unit disc of the span, the domain when d > r: the
/// circle first, then strips at the teacher directions where F = |eta| + rho delta^2 - 1 is
/// proved to increase towards the circle, then branch-and-bound over (|y|, angle) boxes.
/// tau_used may exceed options.tau by the O(eps) beta_i . u_i parts. Same guarantee.
DecayProofResult prove_decay_on_disc(const Certificate<Mp>& c, const DecayProofOptions& options);

/// The same two proofs for any rank-2 kernel sum in angle form (centres, dipoles and
/// touching points; delta is the angle to the nearest touching line). Same guarantee, for
/// the sum whose parameters t encloses. A touching point where h(0) - 1 > tau is proved
/// (lo) is reported as Violated there.
DecayProofResult prove_kernel_sum_decay_on_circle(const detail::interval::AngleTerms& t, const DecayProofOptions& options);
DecayProofResult prove_kernel_sum_decay_on_disc(const detail::interval::AngleTerms& t, const DecayProofOptions& options);

/// Enclosure of |eta| + rho delta^2 - 1 over span angles [theta_lo, theta_hi] (rank 2):
/// a lower bound above 0 proves the decay bound with this rho fails there.
Mpi enclose_decay_excess(const Certificate<Mp>& c, const Mp& theta_lo, const Mp& theta_hi, const Mp& rho);
/// A kernel sum on the disc box |y| in [s_lo, s_hi], span angle in [theta_lo, theta_hi]
/// (s_hi <= 1): enclosures of its value and its partial derivatives in |y| and the angle,
/// as the disc proof uses them.
struct DiscEnclosure {
  Mpi value, d_s, d_theta;
};
DiscEnclosure enclose_kernel_sum_on_disc(const detail::interval::AngleTerms& t, const Mp& s_lo, const Mp& s_hi,
                                         const Mp& theta_lo, const Mp& theta_hi);

/// The same for a kernel sum in angle form.
Mpi enclose_kernel_sum_excess(const detail::interval::AngleTerms& t, const Mp& theta_lo, const Mp& theta_hi,
                              const Mp& rho);

}  // namespace zg
