// The double fast path of the population loss and its gradient (MATH.md §2–§3): one
// matrix product for all cosines, one fused element-wise pass over the lower triangle of
// the symmetric Gram block, one matrix product for the gradient. core/loss.hpp forwards
// population_loss / population_loss_gradient for T = double here.
#pragma once

#include "core/network.hpp"

namespace zg {

template <class T>
struct LossGradient;

namespace detail {

/// L = E[(f_student - f_teacher)^2] in double (MATH.md §3). Same contract as
/// population_loss<double>: throws std::invalid_argument on a zero (or NaN) weight column.
/// Guarantee: estimate; absolute error O((m + m*) d eps) sum_p |c_p| |w_p| times
/// max_q |c_q| |w_q|, with c = (a, -a*): the loss is a difference of O(1) terms, so values
/// below about that bound are noise. Cost: one (m + m*)^2 d / 2 product plus (m + m*)^2 / 2
/// arcsines; memory O((m + m*)^2).
double population_loss_double(const Network<double>& student, const Network<double>& teacher);

/// L and its full gradient in double (MATH.md §3), the same values as
/// population_loss_gradient<double>. Guarantee: estimate; loss as population_loss_double;
/// each gradient entry has absolute error O((m + m*) d eps |a_j|) sum_p |c_p| |w_p|. Near
/// |rho| = 1 the rounded cosine gives arcsin(rho) and sqrt(1 - rho^2) only to ~sqrt(d eps),
/// but grad_w G is first-order insensitive to the angle there (its angle derivative,
/// -v^ + cos(theta) w^, vanishes at theta = 0 and pi), so the gradient stays O(d eps).
/// Cost: the above plus one d x (m + m*) x (m + m*) product.
LossGradient<double> population_loss_gradient_double(const Network<double>& student,
                                                     const Network<double>& teacher);

}  // namespace detail
}  // namespace zg
