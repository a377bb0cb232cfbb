// The certified lambda-certificate (claim D3, MATH.md §4) for a rank-2 span: a proof with
// MPFI intervals that the regularised optimum's
//     eta_lambda(y) = (2/lambda) (sum_i a_i* K(y.u_i*) - sum_j a_j |w_j| K(y.v_j))
// satisfies |eta_lambda| <= 1 + tau - rho delta_lambda^2 on the domain (the unit circle of
// the span when d = r, its disc when d > r), delta_lambda = the angle to the nearest
// +-v_j. eta_lambda is a kernel sum with beta = 0 (core/certificate_angle_terms.hpp): it
// touches +-1 at the optimum's directions v_j, where the Taylor caps go, and each neuron
// is paired with the teacher direction it came from as a dipole, so the O(1/lambda)
// coefficients cancel inside the enclosures instead of widening them.
#pragma once

#include <vector>

#include "core/certificate_proof.hpp"
#include "core/network.hpp"

namespace zg {

/// eta_lambda in angle form. The function enclosed is that of the student whose span
/// coordinates are Q^T w_j and the teacher directions Q^T w_i* (normalised), as
/// eta_lambda in core/regularized_optimum.hpp computes it: angles by atan2 and masses
/// a_j |Q^T w_j| enclosed from those Mp numbers. Neuron j is paired (a dipole) with the
/// nearest unpaired teacher line within 45 degrees; the rest are plain centres. One
/// touching point per neuron, of sign sign(a_j). Requires basis.cols() == 2 and nonzero
/// neurons (asserted). Guarantee: an enclosure of every coefficient and angle.
detail::interval::AngleTerms lambda_angle_terms(const Network<Mp>& teacher, const Network<Mp>& student,
                                                const Mat<Mp>& basis, const Mp& lambda);

/// The proof of the bound above, on the circle (d = r) or the disc (d > r) of the span of
/// `basis` (d x 2; Unsupported for another rank). tau: options.derive_tau derives it from
/// the enclosures of s_j eta_lambda and its derivative at each v_j (the optimality
/// residuals, MATH.md §4: eta_lambda(v_j) = sign(a_j), zero tangential derivative),
/// tau = max_j (sup s_j eta_lambda(v_j) + |eta_lambda'(v_j)| T_j - 1), T_j the cap
/// half-width, and options.tau is the largest tau accepted; a v_j where
/// s_j eta_lambda(v_j) - 1 > options.tau is proved is a violation. Guarantee as
/// prove_decay_on_circle: Proved is a proof for the enclosed function; Violated proves
/// |eta_lambda| + rho delta^2 - 1 > 0 (or > options.tau at a v_j) on counter_*. Deterministic.
DecayProofResult prove_lambda_certificate(const Network<Mp>& teacher, const Network<Mp>& student,
                                          const Mat<Mp>& basis, const Mp& lambda, const DecayProofOptions& options);

/// delta_lambda(y) = min_j arccos |y.v_j| for y in the closed unit ball of the span
/// (v_j = Q^T w_j / |Q^T w_j|), the angle to the nearest neuron line.
/// Guarantee: estimate; absolute error O(sqrt(eps)) near a neuron line (a rounded cosine).
Mp lambda_touching_delta(const Network<Mp>& student, const Mat<Mp>& basis, const Vec<Mp>& y);

/// The sampled decay constant of eta_lambda: min (1 - |eta_lambda|) / delta_lambda^2 over
/// `points` (span coordinates, |y| <= 1) and, on the circle, 40 points within 2 degrees of
/// each neuron line (the curvature there is what the caps must prove). Points with
/// delta_lambda < 1e-4 are skipped: there 1 - |eta_lambda| ~ delta^2 meets the optimum's
/// residual. Guarantee: estimate (an upper bound on the true constant up to the residual).
Mp sampled_lambda_decay(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                        const Mp& lambda, const std::vector<Vec<Mp>>& points);

}  // namespace zg
