// The weight-decay objective L_lambda = L + (lambda/2)(|a|^2 + |W|_F^2) of docs/math.md §3 and
// one plain gradient-descent step on it: the pieces the regularisation claim (R1) and the
// later gradient-descent engine share.
#pragma once

#include <cmath>

#include "core/loss.hpp"

namespace zg {

/// (lambda/2)(|a|^2 + |W|_F^2). Guarantee: estimate, relative error O((m + d m) eps).
template <class T>
T weight_decay(const Network<T>& n, const T& lambda) {
  return lambda / 2 * (n.a.squaredNorm() + n.W.squaredNorm());
}

/// lambda sum_j |a_j| |w_j|: the l1 norm of the neuron masses u_j = a_j |w_j|, which the
/// weight decay equals when every neuron is balanced (|a_j| = |w_j|).
/// Guarantee: estimate, relative error O(d eps).
template <class T>
T mass_penalty(const Network<T>& n, const T& lambda) {
  using std::abs;
  T sum(0);
  for (Eigen::Index j = 0; j < n.width(); ++j) sum += abs(n.a(j)) * n.W.col(j).norm();
  return lambda * sum;
}

/// theta - step (grad L(theta) + lambda theta), given grad L at theta.
/// Guarantee: exact up to one rounding per entry.
template <class T>
Network<T> gradient_step(const Network<T>& n, const LossGradient<T>& g, const T& lambda, const T& step) {
  Network<T> out;
  out.a = n.a - step * (g.grad_a + lambda * n.a);
  out.W = n.W - step * (g.grad_W + lambda * n.W);
  return out;
}

/// Balance gaps a_j^2 - |w_j|^2, one per neuron.
template <class T>
Vec<T> balance_gaps(const Network<T>& n) {
  Vec<T> gaps(n.width());
  for (Eigen::Index j = 0; j < n.width(); ++j) gaps(j) = n.a(j) * n.a(j) - n.W.col(j).squaredNorm();
  return gaps;
}

}  // namespace zg
