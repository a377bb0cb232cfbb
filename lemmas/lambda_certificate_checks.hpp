// Claim D3 (docs/math.md §4, §6): the certificate of the regularised optimum, eta_lambda, tends
// to the pre-certificate eta as lambda -> 0, and sup |eta_lambda| <= 1 certifies each
// computed optimum as the global minimiser.
#pragma once

#include "lemmas/claim_registry.hpp"

namespace zg {

/// D3 over lambda = 1e-2 ... 1e-6: Newton's optimum with m* neurons at each lambda, sup
/// |eta_lambda| (must be <= 1 + tolerance) and sup |eta_lambda - eta| on sampled points of
/// the span's ball, with the fitted rate exponent of the latter (must be > 0), and how the
/// neurons' angles and masses approach the teacher's. At every lambda, for any rank, the
/// bound |eta_lambda| <= 1 + tau - rho delta_lambda^2 is proved and decides in place of the
/// sampled sup: a proved violation FAILs, a budget stop leaves the sampled check, saying
/// so. The proofs run on Arb balls (core/lambda_decay_proof.hpp), each one's certificate
/// attached as certificates/D3_lambda_<lambda>.json for verify check-certificate.
CheckOutcome check_lambda_certificate(const CheckContext& ctx);

}  // namespace zg
