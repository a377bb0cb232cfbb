// Claim D3 (docs/math.md §4, §6): the certificate of the regularised optimum, eta_lambda, tends
// to the pre-certificate eta as lambda -> 0, and sup |eta_lambda| <= 1 certifies each
// computed optimum as the global minimiser.
#pragma once

#include <cstdint>
#include <vector>

#include "core/certificate.hpp"
#include "core/network.hpp"
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

/// The seeded points D3 samples the domain on (span coordinates): 3000 on the span's unit
/// sphere, every other one drawn into the ball when the domain is the ball, then the
/// teacher's directions. `verify eval optimum` samples the same points.
std::vector<Vec<Mp>> lambda_certificate_samples(const Certificate<Mp>& c, std::uint64_t seed);

/// D3's sampled suprema at one optimum `student` of L_lambda: max |eta_lambda| and
/// max |eta_lambda - eta| over `points` (estimates: lower bounds of the true suprema).
struct SampledEtaLambda {
  Mp sup_abs;
  Mp sup_minus_eta;
};
SampledEtaLambda sampled_eta_lambda(const Network<Mp>& teacher,
                                    const Network<Mp>& student,
                                    const Certificate<Mp>& c,
                                    const Mp& lambda,
                                    const std::vector<Vec<Mp>>& points);

}  // namespace zg
