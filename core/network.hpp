// Two-layer networks with Eigen storage (docs/math.md §3). A network holds output weights a
// (length m) and first-layer weights W (d x m, column j is w_j). The teacher is the same
// type with unit columns.
#pragma once

#include <Eigen/Dense>

#include <boost/multiprecision/eigen.hpp>

#include "core/numeric_types.hpp"

namespace zg {

template <class T>
using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
template <class T>
using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

template <class T>
struct Network {
  Vec<T> a;  ///< output weights, length m
  Mat<T> W;  ///< first layer, d x m; column j is neuron j's weight vector

  Eigen::Index width() const { return a.size(); }
  Eigen::Index dim() const { return W.rows(); }
};

/// Converts every entry to another scalar type (rounded to the target's precision;
/// exact when the target is wider).
template <class U, class T>
Network<U> network_cast(const Network<T>& n) {
  Network<U> out;
  out.a = n.a.template cast<U>();
  out.W = n.W.template cast<U>();
  return out;
}

}  // namespace zg
