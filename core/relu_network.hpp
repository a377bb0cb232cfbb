// Plain ReLU networks with an affine part, g(x) = sum_j a_j relu(w_j.x) + alpha + beta.x,
// and the Hermite-order split of E[(g - g*)^2] (docs/math.md §1 "Loss decomposition"): the
// squared order-0 difference, the squared norm of the order-1 difference and the relu>=2
// loss. The direct form uses the arc-cosine kernel kappa; the split uses K; they agree
// because kappa = 1/(2 pi) + rho/4 + K, which is what the check exercises.
#pragma once

#include <cmath>

#include "core/kernels.hpp"
#include "core/loss.hpp"

namespace zg {

template <class T>
struct AffineReluNetwork {
  Network<T> net;  ///< a_j, w_j (any nonzero w_j)
  T alpha{0};      ///< constant term
  Vec<T> beta;     ///< linear term, length d
};

template <class T>
struct OrderSplit {
  T order0;     ///< (alpha' + c_0 sum_j c_j |w_j|)^2
  T order1;     ///< |beta' + c_1 sum_j c_j w_j|^2
  T order_ge2;  ///< sum_jk c_j c_k |w_j| |w_k| K(rho_jk) = the relu>=2 loss of docs/math.md §3
  T total() const { return order0 + order1 + order_ge2; }
};

namespace detail {

// The difference g - g* as one network: neurons of g with weights a, neurons of g* with
// weights -a*, alpha' = alpha - alpha*, beta' = beta - beta*.
template <class T>
AffineReluNetwork<T> affine_difference(const AffineReluNetwork<T>& g, const AffineReluNetwork<T>& gs) {
  AffineReluNetwork<T> diff;
  const Eigen::Index m = g.net.width(), ms = gs.net.width(), d = g.net.dim();
  diff.net.a.resize(m + ms);
  diff.net.a << g.net.a, -gs.net.a;
  diff.net.W.resize(d, m + ms);
  diff.net.W << g.net.W, gs.net.W;
  diff.alpha = g.alpha - gs.alpha;
  diff.beta = g.beta - gs.beta;
  return diff;
}

}  // namespace detail

/// E[(g - g*)^2] computed directly from E[relu(w.x) relu(v.x)] = |w||v| kappa(rho),
/// E[relu(w.x)] = |w| / sqrt(2 pi), E[relu(w.x) x] = w / 2 and E[x x^T] = I.
/// Guarantee: estimate, absolute error O(n^2 d eps) times the squared weight scale.
template <class T>
T relu_network_loss_direct(const AffineReluNetwork<T>& g, const AffineReluNetwork<T>& gs) {
  using std::sqrt;
  const AffineReluNetwork<T> e = detail::affine_difference(g, gs);
  const UnitColumns<T> u = unit_columns(e.net.W);
  const PairTable<T> p = self_pair_table(u.dirs);
  const Eigen::Index n = e.net.width();
  T quad(0);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index k = 0; k < n; ++k)
      quad += e.net.a(j) * e.net.a(k) * u.norms(j) * u.norms(k) *
              relu_kernel(AngleData<T>{p.rho(j, k), p.sin_theta(j, k), p.asin_rho(j, k)});
  const T mean_relu = e.net.a.dot(u.norms) / sqrt(2 * pi<T>());
  const T cross_linear = e.beta.dot(e.net.W * e.net.a) / 2;
  return quad + e.alpha * e.alpha + e.beta.squaredNorm() + 2 * e.alpha * mean_relu + 2 * cross_linear;
}

/// The three Hermite-order parts of E[(g - g*)^2] (docs/math.md §1).
/// Guarantee: estimate, as relu_network_loss_direct.
template <class T>
OrderSplit<T> relu_network_loss_split(const AffineReluNetwork<T>& g, const AffineReluNetwork<T>& gs) {
  using std::sqrt;
  const AffineReluNetwork<T> e = detail::affine_difference(g, gs);
  const UnitColumns<T> u = unit_columns(e.net.W);
  const T c0 = 1 / sqrt(2 * pi<T>());
  const T c1 = T(1) / T(2);
  OrderSplit<T> s;
  const T zero_order = e.alpha + c0 * e.net.a.dot(u.norms);
  s.order0 = zero_order * zero_order;
  s.order1 = (e.beta + c1 * (e.net.W * e.net.a)).squaredNorm();
  const Mat<T> G = neuron_gram(self_pair_table(u.dirs), u.norms, u.norms);
  s.order_ge2 = e.net.a.dot(G * e.net.a);
  return s;
}

/// g(x) for each column x of X: sum_j a_j relu(w_j.x) + alpha + beta.x.
template <class T>
Vec<T> affine_relu_outputs(const AffineReluNetwork<T>& g, const Mat<T>& X) {
  const Mat<T> Z = g.net.W.transpose() * X;
  Vec<T> out = (g.net.a.transpose() * Z.cwiseMax(T(0))).transpose();
  out += (g.beta.transpose() * X).transpose();
  out.array() += g.alpha;
  return out;
}

}  // namespace zg
