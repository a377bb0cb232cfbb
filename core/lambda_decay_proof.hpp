// D3's lambda-certificate on the rank-r Arb prover (core/decay_proof.hpp): the bound
//     |eta_lambda(y)| <= 1 + tau - rho delta_lambda(y)^2
// on the sphere (d = r) or ball (d > r) of the span, for
//     eta_lambda(y) = (2/lambda) (sum_i a_i* K(y.u_i*) - sum_j a_j |v_j| K(y.v_j / |v_j|)),
// u_i*, v_j the span coordinates Q^T w of the teacher's and the student's directions
// (core/regularized_optimum.hpp). As a kernel sum: beta = 0, touching at the neurons, and
// each neuron paired with the teacher line it came from as a dipole, so that the
// O(1/lambda) coefficients cancel inside the enclosures:
//     A_i K_i - B_j K_j = (A_i - B_j) K_i + B_j (K_i - K_j).
#pragma once

#include <string>

#include "core/decay_certificate.hpp"
#include "core/decay_proof.hpp"
#include "core/kernel_sum_ball.hpp"
#include "core/network.hpp"

namespace zg {

/// eta_lambda as exact decimals (`digits` significant; round to nearest, before any
/// proof: the statement is about these numbers). Directions: the span coordinates Q^T w of
/// the teacher's directions (centres 0..m*-1) then the student's neurons (m*..m*+m-1),
/// padded with exact zeros to d coordinates, so that d > r gives the ball. alpha_i =
/// A_i - (the B_j paired with it) for teacher i, 0 for a paired neuron and -B_j for an
/// unpaired one, A_i = 2 a_i*/lambda, B_j = 2 a_j |v_j|/lambda; dipole (i, j) of mass B_j
/// for neuron j paired with the nearest unpaired teacher line within 45 degrees (a choice
/// on midpoints); touching at every neuron with sign sign(a_j). Requires nonzero
/// projected neurons (asserted).
decay::KernelSumInput lambda_kernel_sum(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                                        const Mp& lambda, unsigned digits = 60);

/// The proof of the bound above for that kernel sum (any rank r >= 2; inputs at 60
/// digits), the certificate's claim "D3" and the weights recorded (the teacher's, then the neurons'). Guarantee as
/// prove_kernel_sum_decay: Proved is a proof (Arb enclosures only) for the decimal kernel
/// sum; Violated proves |eta_lambda| + rho delta_lambda^2 - 1 > 0 on the witness box.
/// tau at the neurons: the optimum only has eta_lambda(v_j) = sign(a_j) and a vanishing
/// tangential gradient up to its residual, so leave options.tau_prime empty (derived from
/// the caps, max_j (sup h0_j + gamma_j T_j - 1)) and set options.max_tau_prime to
/// lambda_max_tau_prime(...): a neuron whose cap needs more than that leaves its cap
/// unproved, and the proof ends in Budget (never in a false Proved).
DecayCertificate prove_lambda_decay(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                                    const Mp& lambda, const DecayProverOptions& options);

/// The largest tau' D3 should accept (exact decimal, 3 digits, rounded up): the support
/// allowance of docs/math.md §4.1 for a stationarity residual `grad_norm` = |grad L_lambda|,
///     2 (grad_norm + 1e12 eps) / (lambda min_j |Q^T w_j|),
/// eps the working precision's: the values at the neurons move by g / (lambda |w_j|), the
/// tangential gradient by as much over |a_j| = |w_j| (balance; it enters times T < 1), and
/// the optimum's own rounding leaves ~1e10 eps / lambda (measured: 4e-30 at 40 digits,
/// lambda = 1e-3). Estimate (a ceiling, not a bound): a larger residual fails safely.
std::string lambda_max_tau_prime(const Network<Mp>& student, const Mat<Mp>& basis, const Mp& lambda,
                                 const Mp& grad_norm);

}  // namespace zg
