// Stage 1 of the algorithm (docs/math.md §5): from a small symmetric initialisation, one
// population gradient step with weight decay lambda = 1/eta, so the initial weights cancel
// and the new weights are -eta grad L(theta_0). For large d each new w_j lies mostly in
// span{w_i*}: the step is dominated by 2 c_2^2 sum_i a_i* (w_i*.w_j) w_i*.
#pragma once

#include <cstdint>
#include <stdexcept>

#include "core/loss.hpp"
#include "core/network.hpp"

namespace zg {

/// `pairs` symmetric pairs in R^d: neurons 2p and 2p + 1 share w_p = scale u_p, u_p a
/// uniform unit direction (a seeded mt19937_64 Gaussian vector in double, normalised at T's
/// precision), with output weights +scale and -scale. So f_theta = 0 at the start and every
/// neuron is balanced (|a_j| = |w_j| = scale). Deterministic per seed. Throws
/// std::invalid_argument for d < 1, pairs < 1 or scale <= 0.
template <class T>
Network<T> symmetric_init(Eigen::Index d, Eigen::Index pairs, const T& scale, std::uint64_t seed);

/// theta_1 = theta_0 - eta (grad L(theta_0) + lambda theta_0) with lambda = 1/eta, evaluated
/// as -eta grad L(theta_0) (the same number in exact arithmetic, without forming
/// theta_0 - theta_0). grad L is population_loss_gradient (docs/math.md §3, closed form).
/// From a symmetric start the student terms cancel and, per neuron,
///   w_j' = 2 eta a_j sum_i a_i* grad_w G(w_j, w_i*),  a_j' = 2 eta sum_i a_i* G(w_j, w_i*).
/// Guarantee: estimate, the error of population_loss_gradient times eta (one more rounding
/// per entry). Throws std::invalid_argument on a zero weight vector or eta <= 0.
template <class T>
Network<T> stage_one_step(const Network<T>& start, const Network<T>& teacher, const T& eta);

/// The same step from a gradient computed elsewhere (an empirical loss, for the
/// finite-sample chain): theta_1 = -eta grad, grad = the objective's gradient at the start.
/// Guarantee: exact up to one rounding per entry. Throws std::invalid_argument for eta <= 0.
template <class T>
Network<T> stage_one_step(const LossGradient<T>& grad_at_start, const T& eta) {
  if (!(eta > 0)) throw std::invalid_argument("stage_one_step needs a positive step eta");
  Network<T> out;
  out.a = -eta * grad_at_start.grad_a;
  out.W = -eta * grad_at_start.grad_W;
  return out;
}

extern template Network<double> symmetric_init(Eigen::Index, Eigen::Index, const double&, std::uint64_t);
extern template Network<Mp> symmetric_init(Eigen::Index, Eigen::Index, const Mp&, std::uint64_t);
extern template Network<double> stage_one_step(const Network<double>&, const Network<double>&, const double&);
extern template Network<Mp> stage_one_step(const Network<Mp>&, const Network<Mp>&, const Mp&);

}  // namespace zg
