// How the decay proofs (D2c, D3) state their inputs and outcomes to people: the decay
// constant as a decimal that never overstates the sampled one, boxes and domains as text.
#pragma once

#include <string>

#include "core/decay_certificate.hpp"
#include "core/numeric_types.hpp"

namespace zg {

/// `target` (> 0) rounded DOWN to 6 significant digits, as an exact decimal: the rho a
/// proof is asked for. A smaller rho is a weaker claim, so the rounding never overstates
/// what is proved. Exact for the decimal it returns.
std::string rho_statement(const Mp& target);

/// A chart box "[lo, hi] x [lo, hi]" in the certificate's decimals, or "(the face point)".
std::string box_text(const DecimalBox& box);

/// "the unit sphere of the rank-3 span" / "the unit ball of ...".
std::string domain_text(const DecayCertificate& cert);

/// The witness of a Violated proof in one sentence: the proved excess, face and box.
std::string witness_text(const DecayCertificate& cert);

/// Budget: the fraction proved, the hardest box and what stopped it.
std::string budget_text(const DecayCertificate& cert);

}  // namespace zg
