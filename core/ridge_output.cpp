// Stage 2 (core/ridge_output.hpp): the ridge solve for the output layer and the rebalance.
#include "core/ridge_output.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <Eigen/Cholesky>

namespace zg {

template <class T>
RidgeSolution<T> ridge_output(const Mat<T>& W, const Network<T>& teacher, const T& ridge) {
  using std::abs;
  if (!(ridge > 0)) throw std::invalid_argument("ridge_output needs a positive ridge parameter");
  const UnitColumns<T> s = unit_columns(W);
  const UnitColumns<T> t = unit_columns(teacher.W);
  const Eigen::Index m = W.cols();
  RidgeSolution<T> out;
  out.gram = neuron_gram(self_pair_table(s.dirs), s.norms, s.norms);
  out.rhs = neuron_gram(pair_table(s.dirs, t.dirs), s.norms, t.norms) * teacher.a;
  out.teacher_term = teacher.a.dot(neuron_gram(self_pair_table(t.dirs), t.norms, t.norms) * teacher.a);
  out.a = Vec<T>::Constant(m, T(std::numeric_limits<double>::quiet_NaN()));  // until solved
  out.loss = T(std::numeric_limits<double>::quiet_NaN());
  out.residual = out.loss;

  Mat<T> A = out.gram;
  A.diagonal().array() += ridge;
  const Eigen::LLT<Mat<T>> llt(A);
  if (llt.info() != Eigen::Success) return out;
  Vec<T> a = llt.solve(out.rhs);
  a += llt.solve(Vec<T>(out.rhs - A * a));  // one refinement step: residual to O(eps |A||a|)
  const Vec<T> r = A * a - out.rhs;
  T worst(0);
  for (Eigen::Index j = 0; j < m; ++j) worst = abs(r(j)) > worst ? T(abs(r(j))) : worst;
  out.a = a;
  out.residual = worst;
  out.loss = a.dot(out.gram * a) - 2 * a.dot(out.rhs) + out.teacher_term;
  out.solved = true;
  return out;
}

template <class T>
Network<T> rebalance(const Network<T>& n) {
  using std::abs;
  using std::sqrt;
  Network<T> out{Vec<T>(n.width()), Mat<T>(n.dim(), n.width())};
  for (Eigen::Index j = 0; j < n.width(); ++j) {
    const T norm = n.W.col(j).norm();
    const T mass = abs(n.a(j)) * norm;
    if (!(mass > 0)) {
      out.a(j) = T(0);
      out.W.col(j).setZero();
      continue;
    }
    const T root = sqrt(mass);
    out.a(j) = n.a(j) < 0 ? T(-root) : root;
    out.W.col(j) = (root / norm) * n.W.col(j);
  }
  return out;
}

template <class T>
StageTwo<T> stage_two(const Network<T>& after_stage_one, const Network<T>& teacher, const T& ridge) {
  const UnitColumns<T> s = unit_columns(after_stage_one.W);
  StageTwo<T> out;
  out.ridge = ridge_output(s.dirs, teacher, ridge);
  out.network = rebalance(Network<T>{out.ridge.a, s.dirs});
  return out;
}

template RidgeSolution<double> ridge_output(const Mat<double>&, const Network<double>&, const double&);
template RidgeSolution<Mp> ridge_output(const Mat<Mp>&, const Network<Mp>&, const Mp&);
template Network<double> rebalance(const Network<double>&);
template Network<Mp> rebalance(const Network<Mp>&);
template StageTwo<double> stage_two(const Network<double>&, const Network<double>&, const double&);
template StageTwo<Mp> stage_two(const Network<Mp>&, const Network<Mp>&, const Mp&);

}  // namespace zg
