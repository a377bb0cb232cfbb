// Central finite differences of a scalar function of a parameter vector: the independent
// check of closed-form gradients (docs/math.md §3).
#pragma once

#include <cmath>

#include "core/network.hpp"

namespace zg {

/// Step that balances truncation O(h^2 |f'''|) against rounding O(eps |f| / h) for a
/// central difference: h = eps^(1/3) max(1, |x|). The resulting error is O(eps^(2/3)).
template <class T>
T central_difference_step(const T& x, const T& eps) {
  using std::abs;
  using std::cbrt;
  const T scale = abs(x) > 1 ? abs(x) : T(1);
  return cbrt(eps) * scale;
}

/// grad f(x) by (f(x + h e_i) - f(x - h e_i)) / (2h) per coordinate, h from
/// central_difference_step. Guarantee: estimate; error O(eps^(2/3) (|f'''| + |f|)) per
/// entry for f three times differentiable near x.
template <class T, class F>
Vec<T> central_difference_gradient(F f, const Vec<T>& x, const T& eps) {
  Vec<T> g(x.size());
  Vec<T> y = x;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const T h = central_difference_step(x(i), eps);
    y(i) = x(i) + h;
    const T hi = f(y);
    y(i) = x(i) - h;
    const T lo = f(y);
    // The step actually taken is (x + h) - (x - h) after rounding; divide by that.
    const T taken = (x(i) + h) - (x(i) - h);
    g(i) = (hi - lo) / taken;
    y(i) = x(i);
  }
  return g;
}

/// Flattens a network's parameters as (a, vec(W)) and back.
template <class T>
Vec<T> flatten_parameters(const Network<T>& n) {
  Vec<T> p(n.a.size() + n.W.size());
  p.head(n.a.size()) = n.a;
  p.tail(n.W.size()) = Eigen::Map<const Vec<T>>(n.W.data(), n.W.size());
  return p;
}

template <class T>
Network<T> unflatten_parameters(const Vec<T>& p, Eigen::Index d, Eigen::Index m) {
  Network<T> n;
  n.a = p.head(m);
  n.W = Eigen::Map<const Mat<T>>(p.data() + m, d, m);
  return n;
}

}  // namespace zg
