// Hot paths of the numeric core: the population loss and its full gradient, in double and
// in 50-digit MPFR, for the default problem's shape (d = 16, m* = 3) and the sizes issue 4
// names (m = 256, d = 32, m* = 4; m = 2048, d = 128, m* = 8; MPFR at m = 64).
// Arguments: m, d, m*. Run: ./build/bench/bench_loss
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
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<T> teacher = random_network<T>(d, state.range(2), 1, true);
  const zg::Network<T> student = random_network<T>(d, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::population_loss_gradient(student, teacher).loss);
}

template <class T>
void BM_Loss(benchmark::State& state) {
  zg::ScopedDigits digits(50);
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<T> teacher = random_network<T>(d, state.range(2), 1, true);
  const zg::Network<T> student = random_network<T>(d, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::population_loss(student, teacher));
}

}  // namespace

BENCHMARK_TEMPLATE(BM_Loss, double)->Args({6, 16, 3})->Args({64, 16, 3});
BENCHMARK_TEMPLATE(BM_LossGradient, double)
    ->Args({6, 16, 3})
    ->Args({64, 16, 3})
    ->Args({256, 32, 4})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_Loss, zg::Mp)->Args({6, 16, 3})->Args({64, 16, 3})->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_LossGradient, zg::Mp)->Args({6, 16, 3})->Args({64, 16, 3})->Unit(benchmark::kMicrosecond);
