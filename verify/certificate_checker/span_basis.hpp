// The span of the teacher directions (docs/proofs.md §1 "Span coordinates"): the exact
// check that `basis_skips` lists exactly the directions dependent on the earlier ones
// (rational arithmetic on the decimals), and the interval Gram–Schmidt that encloses the
// basis Q and the span coordinates u_i = Qᵀ ŵ_i.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "certificate_checker/interval.hpp"

namespace zg::checker {

/// Exact (GMP rationals): direction i is dependent on directions 0..i-1 iff i is in
/// `skips`. Returns nullopt when that holds, otherwise what fails, e.g.
/// "direction 2 is not in the span of the earlier directions but basis_skips lists it".
std::optional<std::string> check_basis_skips(const std::vector<std::vector<std::string>>& directions,
                                             const std::vector<int>& skips);

/// Enclosures of u_i = Qᵀ ŵ_i (each of length r) for every direction, Q the exact
/// Gram–Schmidt basis of the normalised directions in order, skipping `skips`. For the
/// k-th basis direction the coordinates after k are exactly 0 and the k-th is |v_k| > 0
/// (exact Gram–Schmidt), which the enclosure uses. Enclosure; the intervals are wide or
/// unbounded when a direction is nearly dependent on the earlier ones.
std::vector<IvVec> span_coordinates(const std::vector<std::vector<std::string>>& directions,
                                    const std::vector<int>& skips,
                                    int rank);

}  // namespace zg::checker
