// The MPFR (zg::Mp) fast path of the population loss and its gradient (docs/math.md §2–§3):
// the same closed form and the same stable angle forms as the generic path of
// core/loss.hpp, evaluated on FLINT/Arb floating-point numbers (arf midpoints, Arb's
// arb_asin and arb_approx_dot) instead of Boost's mpfr_float, which allocates every
// temporary and whose asin costs ten times Arb's. core/loss.hpp forwards
// population_loss / population_loss_gradient for T = Mp here.
#pragma once

#include "core/network.hpp"

namespace zg {

template <class T>
struct LossGradient;

namespace detail {

/// L = E[(f_student - f_teacher)^2] at the working precision of Mp (docs/math.md §3). Same
/// contract as population_loss<Mp>: throws std::invalid_argument on a zero weight column.
/// Guarantee: estimate; absolute error O((m + m*) d eps) sum_p |c_p| |w_p| times
/// max_q |c_q| |w_q|, c = (a, -a*), eps of the current default precision (the inner
/// arithmetic carries 16 guard bits, the result is rounded once to the working precision).
/// Angles as kernels.hpp's angle_between_unit: for |cos| <= 1/2 from one dot product, for
/// |cos| > 1/2 from |u - v| (or |u + v|), so sin(theta) keeps its relative accuracy down to
/// theta ~ sqrt(d) eps. Cost: (m + m*)^2 / 2 dot products of length d and as many arcsines.
Mp population_loss_mp(const Network<Mp>& student, const Network<Mp>& teacher);

/// L and its full gradient at the working precision of Mp (docs/math.md §3), the values of
/// population_loss_gradient_generic<Mp> to its precision. Guarantee: estimate; loss as
/// population_loss_mp, each gradient entry absolute error O((m + m*) d eps |a_j|)
/// sum_p |c_p| |w_p|. Cost: the above plus m d dot products of length m + m*.
LossGradient<Mp> population_loss_gradient_mp(const Network<Mp>& student, const Network<Mp>& teacher);

}  // namespace detail
}  // namespace zg
