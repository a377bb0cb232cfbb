// Gradient descent on the weight-decay objective L_lambda = L + (lambda/2)(|a|^2 + |W|_F^2)
// in double (docs/math.md §3, §6): the engine behind the convergence claims (T1, W1, S3). It is
// generic over the objective (population loss in closed form, or an empirical loss): the
// caller passes a function returning L and its gradient at a student. Long runs belong
// here, in double; the states a verdict depends on are re-evaluated in MPFR by the caller.
//
// Step control: the step is min(max_step, ceiling, 1 / beta(theta)) with beta a local
// smoothness estimate (smoothness_estimate below). A step that raises the objective by
// more than its rounding noise is rejected and the ceiling halved (the safeguard); after
// `recover_after` accepted steps in a row the ceiling doubles again, up to max_step.
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/loss.hpp"
#include "core/regularized_loss.hpp"
#include "core/student_geometry.hpp"

namespace zg {

/// A local estimate of the smoothness of L_lambda at theta (its Hessian's largest
/// eigenvalue). The Hessian of L is 2 E[grad f grad f^T] + 2 E[(f - f*) hess f]:
///   lambda                                      the decay term, exact;
///   + 2 sum_j (K(1) |w_j|^2 + a_j^2 / 4)        the Gauss-Newton part, bounded neuron by
///                                               neuron (E[(df/da_j)^2] = K(1)|w_j|^2 and
///                                               |E[grad_w f grad_w f^T]| = a_j^2 / 4; a PSD
///                                               block matrix has norm <= the sum of its
///                                               diagonal blocks' norms);
///   + 2 sqrt(L)                                 the residual against d^2 f / da_j dw_j
///                                               (Cauchy-Schwarz, E[(x.v)^2 / 4] <= 1/4);
///   + 2 sqrt(3 / (2 pi)) max_j |a_j|/|w_j| sqrt(L)  the residual against the kink,
///                                               a_j delta(w_j.x) x x^T / |w_j|, with the
///                                               residual on the hyperplane taken at its
///                                               average size sqrt(L) (the heuristic part).
/// Guarantee: estimate, not a bound (the last term); the descent's halving safeguard
/// covers its misses. On the default teacher it is about twice the measured top eigenvalue.
double smoothness_estimate(const Network<double>& student, double loss, double lambda);

struct DescentOptions {
  double lambda = 0;
  double max_step = 1;    ///< cap on every step
  long max_steps = 10000;  ///< step budget (accepted and rejected steps both count)
  /// time budget: the run stops once the sum of accepted steps reaches it
  double max_time = std::numeric_limits<double>::infinity();
  /// L_lambda* (the optimum's objective), for the gap; NaN: the gap is not tracked and the
  /// run stops only on its budget.
  double optimum = std::numeric_limits<double>::quiet_NaN();
  double gap_tolerance = 0;  ///< stop once L_lambda - optimum <= this (when optimum is set)
  double grad_tolerance = 0;  ///< stop once |grad L_lambda| <= this (when positive)
  double teacher_mass = 0;   ///< sum |a_i*|, for the rounding-noise floor of the objective
  long record_every = 100;   ///< trajectory sampling period (iteration 0 and the last always)
  long recover_after = 50;   ///< accepted steps before a halved ceiling doubles again
  double mass_floor = 1e-3;  ///< neurons below this mass are ignored by max_angle
  double neighbourhood = 10 * 3.14159265358979323846 / 180;  ///< rad; mass farther is "far"
  bool keep_states = false;  ///< also keep the network at every recorded point
  /// Mini-batch objectives: successive calls see different batches, so objective values
  /// are not comparable and the safeguard would judge noise. Every step is then accepted
  /// (the step still comes from the smoothness estimate) and the run ends on its budget.
  bool stochastic = false;
};

/// One recorded state of a run (all in double: for plots and tables; verdicts are taken
/// on MPFR re-evaluations).
struct TrajectoryPoint {
  long iteration = 0;
  double time = 0;       ///< sum of the accepted steps so far (gradient-flow time)
  double objective = 0;  ///< L_lambda
  double loss = 0;       ///< L
  double gap = 0;        ///< L_lambda - optimum (NaN when no optimum was given)
  double grad_norm = 0;  ///< |grad L_lambda|
  double step = 0;       ///< the step about to be taken
  double max_angle_deg = 0;
  double far_mass = 0;
  double balance_gap = 0;  ///< max_j |a_j^2 - |w_j|^2|
};

enum class DescentStop { GapReached, GradientSmall, StepBudget, Stalled, NonFinite };
const char* to_string(DescentStop s);

struct DescentRun {
  Network<double> final_state;
  std::vector<TrajectoryPoint> trajectory;
  std::vector<Network<double>> states;  ///< the recorded networks, when keep_states
  long steps = 0;     ///< accepted steps
  long halvings = 0;  ///< rejected steps (each halved the ceiling)
  DescentStop stop = DescentStop::StepBudget;
  double final_objective = 0, final_gap = 0;
  double time = 0;  ///< sum of the accepted steps
};

/// L and its gradient at a student: the population loss against a teacher, or an
/// empirical loss.
using ObjectiveFn = std::function<LossGradient<double>(const Network<double>&)>;

/// Gradient descent from `start` on L + lambda/2 |theta|^2 with the step control above.
/// `teacher_dirs` (unit columns) are used only for the recorded geometry.
/// Deterministic: the same inputs give the same run bit for bit.
DescentRun gradient_descent(Network<double> start, const ObjectiveFn& loss_gradient,
                            const Mat<double>& teacher_dirs, const DescentOptions& options);

/// The population objective against a teacher, as a ObjectiveFn.
ObjectiveFn population_objective(const Network<double>& teacher);

}  // namespace zg
