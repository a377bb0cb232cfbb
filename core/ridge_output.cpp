// Stage 2 (core/ridge_output.hpp): the ridge solve for the output layer and the rebalance.
#include "core/ridge_output.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <Eigen/Cholesky>

namespace zg {

namespace {

// Solves (gram + ridge I) a = rhs into out (gram, rhs, teacher_term already set).
template <class T>
void solve_ridge(RidgeSolution<T>& out, const T& ridge) {
  using std::abs;
  const Eigen::Index m = out.gram.rows();
  out.a = Vec<T>::Constant(m, T(std::numeric_limits<double>::quiet_NaN()));  // until solved
  out.loss = T(std::numeric_limits<double>::quiet_NaN());
  out.residual = out.loss;

  Mat<T> A = out.gram;
  A.diagonal().array() += ridge;
  const Eigen::LLT<Mat<T>> llt(A);
  if (llt.info() != Eigen::Success) return;
  Vec<T> a = llt.solve(out.rhs);
  a += llt.solve(Vec<T>(out.rhs - A * a));  // one refinement step: residual to O(eps |A||a|)
  const Vec<T> r = A * a - out.rhs;
  T worst(0);
  for (Eigen::Index j = 0; j < m; ++j) worst = abs(r(j)) > worst ? T(abs(r(j))) : worst;
  out.a = a;
  out.residual = worst;
  out.loss = a.dot(out.gram * a) - 2 * a.dot(out.rhs) + out.teacher_term;
  out.solved = true;
}

}  // namespace

template <class T>
RidgeSolution<T> ridge_output(const Mat<T>& W, const Network<T>& teacher, const T& ridge) {
  if (!(ridge > 0)) throw std::invalid_argument("ridge_output needs a positive ridge parameter");
  const UnitColumns<T> s = unit_columns(W);
  const UnitColumns<T> t = unit_columns(teacher.W);
  RidgeSolution<T> out;
  out.gram = neuron_gram(self_pair_table(s.dirs), s.norms, s.norms);
  out.rhs = neuron_gram(pair_table(s.dirs, t.dirs), s.norms, t.norms) * teacher.a;
  out.teacher_term = teacher.a.dot(neuron_gram(self_pair_table(t.dirs), t.norms, t.norms) * teacher.a);
  solve_ridge(out, ridge);
  return out;
}

template <class T>
RidgeSolution<T> empirical_ridge_output(const Mat<T>& W, const SampleView<T>& samples, const T& ridge) {
  using std::sqrt;
  if (!(ridge > 0)) throw std::invalid_argument("empirical_ridge_output needs a positive ridge parameter");
  if (W.rows() != samples.X.rows()) throw std::invalid_argument("first layer and samples differ in dimension");
  const UnitColumns<T> s = unit_columns(W);  // rejects zero columns
  const T c = 1 / sqrt(2 * pi<T>());
  const Eigen::Index m = W.cols(), chunk = 4096;  // Phi in blocks of columns: memory O(m chunk)
  RidgeSolution<T> out;
  out.gram = Mat<T>::Zero(m, m);
  out.rhs = Vec<T>::Zero(m);
  for (Eigen::Index first = 0; first < samples.size(); first += chunk) {
    const Eigen::Index b = std::min(chunk, samples.size() - first);
    Mat<T> Phi = (W.transpose() * samples.X.middleCols(first, b)).cwiseAbs() / 2;  // m x b
    for (Eigen::Index j = 0; j < m; ++j) Phi.row(j).array() -= s.norms(j) * c;
    out.gram.noalias() += Phi * Phi.transpose();
    out.rhs.noalias() += Phi * samples.y.segment(first, b);
  }
  const T n = T(samples.size());
  out.gram /= n;
  out.rhs /= n;
  out.teacher_term = samples.y.squaredNorm() / n;
  solve_ridge(out, ridge);
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

template <class T>
StageTwo<T> empirical_stage_two(const Network<T>& after_stage_one, const SampleView<T>& samples, const T& ridge) {
  const UnitColumns<T> s = unit_columns(after_stage_one.W);
  StageTwo<T> out;
  out.ridge = empirical_ridge_output(s.dirs, samples, ridge);
  out.network = rebalance(Network<T>{out.ridge.a, s.dirs});
  return out;
}

template RidgeSolution<double> empirical_ridge_output(const Mat<double>&, const SampleView<double>&, const double&);
template RidgeSolution<Mp> empirical_ridge_output(const Mat<Mp>&, const SampleView<Mp>&, const Mp&);
template StageTwo<double> empirical_stage_two(const Network<double>&, const SampleView<double>&, const double&);
template StageTwo<Mp> empirical_stage_two(const Network<Mp>&, const SampleView<Mp>&, const Mp&);
template RidgeSolution<double> ridge_output(const Mat<double>&, const Network<double>&, const double&);
template RidgeSolution<Mp> ridge_output(const Mat<Mp>&, const Network<Mp>&, const Mp&);
template Network<double> rebalance(const Network<double>&);
template Network<Mp> rebalance(const Network<Mp>&);
template StageTwo<double> stage_two(const Network<double>&, const Network<double>&, const double&);
template StageTwo<Mp> stage_two(const Network<Mp>&, const Network<Mp>&, const Mp&);

}  // namespace zg
