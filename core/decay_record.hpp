// From the engine's results to the certificate's decimals (core/decay_certificate.hpp,
// docs/proofs.md §7): exact decimals for box corners and for bounds that are already
// outward-rounded doubles, outward-rounded decimals for balls.
#pragma once

#include <vector>

#include "core/branch_and_bound.hpp"
#include "core/decay_cap.hpp"
#include "core/decay_certificate.hpp"

namespace zg::decay {

/// Decimal digits that carry a `prec`-bit ball's information (ceil(prec log10 2) + 2).
int decimal_digits(long prec);

/// Each corner's exact decimal. Exact.
DecimalBox decimal_box(const bnb::Box& box);

/// The main cover's leaves: face = the root's tag, method and index from the evaluator,
/// "bound" (Enclosure leaves) the exact decimal of the outward-rounded double.
std::vector<DecayLeaf> leaf_records(const std::vector<bnb::Root>& roots, const bnb::Result& result);

/// A cap's record: T, the constants rounded outward at `prec`'s digits, and one piece per
/// leaf (d2_upper = the leaf's bound, d2_lower = its second number).
DecayCap cap_record(int touching, double T, const CapConstants& constants, long prec,
                    const std::vector<bnb::Root>& roots, const bnb::Result& result);

/// A strip's record: s0, T, one piece per leaf (ds_lower = bound, h_lower = second).
DecayStrip strip_record(int touching, double s0, double T, const std::vector<bnb::Root>& roots,
                        const bnb::Result& result);

}  // namespace zg::decay
