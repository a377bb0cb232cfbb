// The empirical loss and its gradient (core/empirical_loss.hpp), instantiated for double
// (the fast path of long finite-sample runs) and Mp (the reference the tests compare with).
#include "core/empirical_loss.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

namespace zg {
namespace {

// Columns per chunk: Z (m x chunk) and sign(Z) diag(r) stay in cache-sized blocks and
// memory stays O(m chunk) whatever n is.
constexpr Eigen::Index kChunk = 1024;

template <class T>
void check_shapes(const Network<T>& student, const SampleView<T>& samples) {
  if (student.dim() != samples.X.rows())
    throw std::invalid_argument("student dimension " + std::to_string(student.dim()) + " differs from the samples' " +
                                std::to_string(samples.X.rows()));
  if (samples.y.size() != samples.X.cols()) throw std::invalid_argument("sample outputs and inputs differ in count");
  if (samples.size() < 1) throw std::invalid_argument("empty sample view");
}

}  // namespace

template <class T>
SampleView<T> BasicSampleSet<T>::batch(Eigen::Index first, Eigen::Index count) const {
  if (first < 0 || count < 1 || first + count > size())
    throw std::out_of_range("batch [" + std::to_string(first) + ", " + std::to_string(first + count) +
                            ") outside a set of " + std::to_string(size()) + " samples");
  return SampleView<T>{X.middleCols(first, count), y.segment(first, count)};
}

template <class T>
SampleView<T> BasicSampleSet<T>::cyclic_batch(std::uint64_t k, Eigen::Index count) const {
  if (count < 1 || count > size())
    throw std::out_of_range("batch size " + std::to_string(count) + " outside [1, " + std::to_string(size()) + "]");
  const auto whole = static_cast<std::uint64_t>(size() - size() % count);
  const auto first = static_cast<Eigen::Index>((k * static_cast<std::uint64_t>(count)) % whole);
  return batch(first, count);
}

template <class T>
BasicSampleSet<T> make_samples(const Network<T>& teacher, Eigen::Index n, std::uint64_t seed) {
  if (n < 1) throw std::invalid_argument("sample count must be at least 1, got " + std::to_string(n));
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  BasicSampleSet<T> s;
  s.seed = seed;
  s.X.resize(teacher.dim(), n);
  for (Eigen::Index c = 0; c < n; ++c)
    for (Eigen::Index r = 0; r < teacher.dim(); ++r) s.X(r, c) = T(normal(engine));
  s.y = relu_ge2_network_outputs(teacher, s.X);
  return s;
}

template <class T>
LossGradient<T> empirical_loss_gradient(const Network<T>& student, const SampleView<T>& samples) {
  using std::sqrt;
  check_shapes(student, samples);
  const Eigen::Index m = student.width(), d = student.dim(), n = samples.size();
  const Vec<T> norms = student.W.colwise().norm().transpose();
  for (Eigen::Index j = 0; j < m; ++j)
    if (!(norms(j) > 0)) throw std::invalid_argument("zero weight vector in column " + std::to_string(j));
  const T c = 1 / sqrt(2 * pi<T>());
  const T offset = student.a.dot(norms) * c;  // sum_j a_j |w_j| / sqrt(2 pi)

  T loss_sum(0), r_sum(0);
  Vec<T> abs_r = Vec<T>::Zero(m);      // sum_s |z_js| r_s
  Mat<T> sign_x = Mat<T>::Zero(d, m);  // sum_s r_s sign(z_js) x_s
  Mat<T> Z(m, std::min(kChunk, n)), S(m, std::min(kChunk, n));
  Vec<T> r(std::min(kChunk, n));
  for (Eigen::Index first = 0; first < n; first += kChunk) {
    const Eigen::Index b = std::min(kChunk, n - first);
    const auto Xc = samples.X.middleCols(first, b);
    Z.leftCols(b).noalias() = student.W.transpose() * Xc;
    // f_s = (1/2) sum_j a_j |z_js| - offset, then r_s = f_s - y_s.
    for (Eigen::Index s = 0; s < b; ++s) {
      T f(0);
      for (Eigen::Index j = 0; j < m; ++j) {
        const T z = Z(j, s);
        f += student.a(j) * (z < 0 ? T(-z) : z);
      }
      r(s) = f / 2 - offset - samples.y(first + s);
    }
    // S = sign(Z) diag(r); |Z| r accumulated in the same sweep.
    for (Eigen::Index s = 0; s < b; ++s) {
      const T rs = r(s);
      for (Eigen::Index j = 0; j < m; ++j) {
        const T z = Z(j, s);
        if (z > 0) {
          S(j, s) = rs;
          abs_r(j) += z * rs;
        } else if (z < 0) {
          S(j, s) = -rs;
          abs_r(j) -= z * rs;
        } else {
          S(j, s) = T(0);
        }
      }
    }
    loss_sum += r.head(b).squaredNorm();
    r_sum += r.head(b).sum();
    sign_x.noalias() += Xc * S.leftCols(b).transpose();
  }

  const T nn = T(n);
  LossGradient<T> out;
  out.loss = loss_sum / nn;
  const T k = 2 * c * r_sum / nn;  // the constant part's coefficient, 2 sum_s r_s / (n sqrt(2 pi))
  out.grad_a = abs_r / nn - k * norms;
  out.grad_W.resize(d, m);
  for (Eigen::Index j = 0; j < m; ++j)
    out.grad_W.col(j) = student.a(j) * (sign_x.col(j) / nn - (k / norms(j)) * student.W.col(j));
  return out;
}

template <class T>
T empirical_loss(const Network<T>& student, const SampleView<T>& samples) {
  check_shapes(student, samples);
  T loss_sum(0);
  for (Eigen::Index first = 0; first < samples.size(); first += kChunk) {
    const Eigen::Index b = std::min(kChunk, samples.size() - first);
    const Mat<T> Xc = samples.X.middleCols(first, b);
    const Vec<T> r = relu_ge2_network_outputs(student, Xc) - samples.y.segment(first, b);
    loss_sum += r.squaredNorm();
  }
  return loss_sum / T(samples.size());
}

LossGradient<double> empirical_loss_gradient(const Network<double>& student, const SampleSet& samples) {
  return empirical_loss_gradient(student, samples.all());
}

std::function<LossGradient<double>(const Network<double>&)> empirical_objective(const SampleSet& samples,
                                                                                long batch_size) {
  if (batch_size <= 0 || batch_size >= samples.size())
    return [&samples](const Network<double>& s) { return empirical_loss_gradient(s, samples.all()); };
  auto calls = std::make_shared<std::uint64_t>(0);
  return [&samples, batch_size, calls](const Network<double>& s) {
    return empirical_loss_gradient(s, samples.cyclic_batch((*calls)++, batch_size));
  };
}

template struct BasicSampleSet<double>;
template struct BasicSampleSet<Mp>;
template BasicSampleSet<double> make_samples(const Network<double>&, Eigen::Index, std::uint64_t);
template BasicSampleSet<Mp> make_samples(const Network<Mp>&, Eigen::Index, std::uint64_t);
template LossGradient<double> empirical_loss_gradient(const Network<double>&, const SampleView<double>&);
template LossGradient<Mp> empirical_loss_gradient(const Network<Mp>&, const SampleView<Mp>&);
template double empirical_loss(const Network<double>&, const SampleView<double>&);
template Mp empirical_loss(const Network<Mp>&, const SampleView<Mp>&);

}  // namespace zg
