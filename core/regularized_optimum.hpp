// The minimiser of L_lambda = L + (lambda/2)(|a|^2 + |W|_F^2) with m* neurons near the
// teacher (docs/math.md §3-§4), by damped Newton at working precision in the teacher's span,
// and the lambda-certificate eta_lambda(w) = (2/lambda) E[(f* - f_theta)(x) relu>=2(w.x)]
// whose sup |eta_lambda| <= 1 certifies a stationary point as the global minimiser.
#pragma once

#include <cmath>
#include <string>

#include "core/certificate.hpp"
#include "core/regularized_loss.hpp"

namespace zg {

struct OptimumResult {
  Network<Mp> student;  ///< the minimiser, in R^d (neurons in the teacher's span)
  Mp objective;         ///< L_lambda there
  Mp grad_norm;         ///< |grad L_lambda| there
  int iterations = 0;
  bool converged = false;
  std::string detail;   ///< why it stopped
};

/// Damped Newton on L_lambda over (a, W) restricted to the span of the teacher (basis Q:
/// d x r), starting from the balanced teacher (a_j = s_j sqrt|a_j*|, w_j = sqrt|a_j*| w_j*).
/// The Hessian is the central difference of the closed-form gradient (error O(eps^(2/3)),
/// which only slows the last step; convergence is judged on the exact gradient).
/// Converged when |grad L_lambda| <= tol. Guarantee: estimate (a stationary point; global
/// optimality is what sup |eta_lambda| <= 1 decides).
OptimumResult newton_optimum(const Network<Mp>& teacher, const Mat<Mp>& basis, const Mp& lambda, const Mp& tol,
                             int max_iterations = 60);

/// eta_lambda(w) for unit w in R^d, given as span coordinates y = Q^T w (|y| <= 1):
/// (2/lambda) (sum_i a_i* K(y.u_i*) - sum_j a_j |w_j| K(y.v_j)) with u_i*, v_j the span
/// coordinates of the unit teacher and student directions. Guarantee: estimate, absolute
/// error O(m eps / lambda).
Mp eta_lambda(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis, const Mp& lambda,
              const Vec<Mp>& y);

}  // namespace zg
