// The assumption audit, claim A1 (docs/math.md §4, §6): before any claim leans on the teacher,
// check at working precision that no two directions coincide up to sign, that every
// weight is finite and nonzero and that the student is at least as wide; report the raw
// norms, the separation Δ and the rank of the span. A violation is a FAIL, never a throw.
#pragma once

#include "core/network.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {

/// What A1 demands beyond non-degeneracy.
struct AssumptionOptions {
  /// Smallest separation Δ of the ±w_i* accepted, in degrees; Δ below it FAILs. Δ = 0 to
  /// working precision (a duplicate or antipodal pair: the certificate system is
  /// singular) always FAILs, so the default 0 rejects exactly the degenerate teachers. A
  /// positive value demands the paper's Δ-separation for that concrete Δ.
  double min_separation_deg = 0;
};

/// min(∠(u, v), ∠(u, −v)) in radians, in [0, π/2], for unit u, v, computed as
/// 2 atan2(min(|u−v|, |u+v|), max(|u−v|, |u+v|)) (the form of core/kernels.hpp
/// angle_between_unit). Guarantee: estimate, absolute error O(eps) at every angle, the
/// smallest included (no arccos of a dot product near 1).
Mp separation_angle(const Vec<Mp>& u, const Vec<Mp>& v);

/// dim span of W's columns: the number of singular values (Jacobi SVD at W's precision)
/// above 10^-(digits/2) sigma_max; 0 for an empty or zero W.
Eigen::Index numerical_rank(const Mat<Mp>& W, unsigned digits);

/// A1 for ctx.problem at the working precision. Measurements: teacher_width,
/// separation_deg (when m* >= 2), teacher_rank, dimension, weight_min_abs,
/// weight_max_abs, teacher_norm_max_deviation, student_width (when a student is given).
CheckOutcome check_assumptions(const CheckContext& ctx, const AssumptionOptions& options = AssumptionOptions());

}  // namespace zg
