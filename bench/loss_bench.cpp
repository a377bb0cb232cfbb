// Hot paths of the numeric core: the population loss and its full gradient for the
// default problem's shape (d = 16, m = 6, m* = 3) and a wider student, in double and in
// 50-digit MPFR. Run: ./build/bench/bench_loss
#include <benchmark/benchmark.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/loss.hpp"

namespace {

template <class T>
zg::Network<T> random_network(Eigen::Index d, Eigen::Index m, std::uint64_t seed, bool unit) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  zg::Network<T> n{zg::Vec<T>(m), zg::Mat<T>(d, m)};
  for (Eigen::Index j = 0; j < m; ++j) {
    n.a(j) = T(normal(engine));
    for (Eigen::Index i = 0; i < d; ++i) n.W(i, j) = T(normal(engine));
    if (unit) n.W.col(j) /= n.W.col(j).norm();
  }
  return n;
}

template <class T>
void BM_LossGradient(benchmark::State& state) {
  zg::ScopedDigits digits(50);
  const auto m = static_cast<Eigen::Index>(state.range(0));
  const zg::Network<T> teacher = random_network<T>(16, 3, 1, true);
  const zg::Network<T> student = random_network<T>(16, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::population_loss_gradient(student, teacher).loss);
  state.SetLabel("d=16, m*=3");
}

template <class T>
void BM_Loss(benchmark::State& state) {
  zg::ScopedDigits digits(50);
  const auto m = static_cast<Eigen::Index>(state.range(0));
  const zg::Network<T> teacher = random_network<T>(16, 3, 1, true);
  const zg::Network<T> student = random_network<T>(16, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::population_loss(student, teacher));
  state.SetLabel("d=16, m*=3");
}

}  // namespace

BENCHMARK_TEMPLATE(BM_Loss, double)->Arg(6)->Arg(64);
BENCHMARK_TEMPLATE(BM_LossGradient, double)->Arg(6)->Arg(64);
BENCHMARK_TEMPLATE(BM_Loss, zg::Mp)->Arg(6)->Arg(64)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_LossGradient, zg::Mp)->Arg(6)->Arg(64)->Unit(benchmark::kMicrosecond);
