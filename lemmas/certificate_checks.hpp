// The dual-certificate claim family (docs/math.md §4, claims D1 and D2): the pre-certificate's
// construction and its quadratic decay, observed by the sampled search.
#pragma once

#include <variant>

#include "core/certificate.hpp"
#include "core/certificate_search.hpp"
#include "core/decay_certificate.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// The teacher's pre-certificate at the working precision (rank tolerance 10^-(digits/2)).
/// Throws SingularCertificate for a degenerate teacher.
Certificate<Mp> certificate_for(const ProblemSpec& problem, unsigned digits);

/// The certificate of the problem's teacher at `digits`, or, for a degenerate teacher (a
/// singular interpolation system: an expected numerical outcome, not an error, STYLE.md
/// habit 14), the FAIL outcome every certificate claim reports.
std::variant<Certificate<Mp>, CheckOutcome> build_certificate_or_failure(const ProblemSpec& problem, unsigned digits);

/// The same for the run's teacher at ctx.digits: a copy of the run's shared product
/// (Product::Certificate, lemmas/claim_products.hpp), so the claim must declare it.
std::variant<Certificate<Mp>, CheckOutcome> certificate_or_failure(const CheckContext& ctx);

/// The decay search with the configuration's [certificate] settings and the run's seed.
DecaySearchResult decay_search_for(const Certificate<Mp>& c, const ProblemSpec& problem, std::uint64_t seed);

/// The decay search with explicit options over the certificate's domain; on the ball
/// (d > r) the span's sphere is searched too, and the smaller constant and the larger
/// |eta| kept (each search is an upper bound of the infimum).
DecaySearchResult decay_search_on_domain(const Certificate<Mp>& c, const DecaySearchOptions& options);

/// D1: eta(w_i*) = sign(a_i*) and a zero tangential gradient at every w_i*, to working
/// precision less the digits the system's condition costs.
CheckOutcome check_certificate_interpolation(const CheckContext& ctx);

/// D2 (sampled): rho_eta = inf (1 - |eta|) / delta^2 over the domain exceeds the floor.
CheckOutcome check_certificate_decay_sampled(const CheckContext& ctx);

/// The proof of docs/proofs.md for the run's teacher (core/decay_proof.hpp): |eta| <= 1 +
/// tau - rho delta^2 with rho = certify_fraction x rho_eta rounded down to 6 digits, or, when
/// rho_eta <= 0, rho = 0: a degenerate teacher then ends in a witness of |eta| > 1 (the
/// prover hunts for one, largest excess first, before it builds any cover). The
/// teacher and coefficients are stated with digits + 10 significant digits.
DecayCertificate prove_certificate_decay(const Certificate<Mp>& c, const CheckContext& ctx, const Mp& rho_eta);

/// D2c (certified): the proof above on the unit sphere (d = r) or ball (d > r) of a
/// rank-r span, with its certificate attached as certificates/D2c.json. A teacher whose
/// sampled rho_eta is <= 0 FAILs with a proved witness of |eta| > 1.
CheckOutcome check_certificate_decay_certified(const CheckContext& ctx);

}  // namespace zg
