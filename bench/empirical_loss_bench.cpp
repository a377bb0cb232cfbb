// The finite-sample hot path: one pass of the empirical loss and its full gradient over n
// samples (core/empirical_loss.hpp), at the shapes `verify sweep samples` runs (n up to
// 10^5, d up to 512, m up to 256). BM_EmpiricalGemmReference times the pass's two matrix
// products alone (W^T X and X S^T at the same shapes), so "reference time / pass time" says
// what fraction of the machine's matrix-product speed the pass reaches. Arguments: n, d, m.
// Every case reports the minimum over repetitions (a shared machine is noisy). Run:
//   ./build/bench/bench_empirical_loss --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/empirical_loss.hpp"

namespace {

zg::Network<double> random_network(Eigen::Index d, Eigen::Index m, std::uint64_t seed, bool unit) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  zg::Network<double> n{zg::Vec<double>(m), zg::Mat<double>(d, m)};
  for (Eigen::Index j = 0; j < m; ++j) {
    n.a(j) = normal(engine);
    for (Eigen::Index i = 0; i < d; ++i) n.W(i, j) = normal(engine);
    if (unit) n.W.col(j) /= n.W.col(j).norm();
  }
  return n;
}

void BM_EmpiricalLossGradient(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const auto m = static_cast<Eigen::Index>(state.range(2));
  const zg::SampleSet samples = zg::make_samples(random_network(d, 4, 1, true), n, 3);
  const zg::Network<double> student = random_network(d, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::empirical_loss_gradient(student, samples).loss);
  state.counters["samples/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_EmpiricalGemmReference(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const auto m = static_cast<Eigen::Index>(state.range(2));
  const zg::SampleSet samples = zg::make_samples(random_network(d, 4, 1, true), n, 3);
  const zg::Network<double> student = random_network(d, m, 2, false);
  zg::Mat<double> Z(m, n), G(d, m);
  for (auto _ : state) {
    Z.noalias() = student.W.transpose() * samples.X;
    G.noalias() = samples.X * Z.transpose();
    benchmark::DoNotOptimize(G.data());
    benchmark::ClobberMemory();
  }
}

double min_of(const std::vector<double>& v) {
  return *std::min_element(v.begin(), v.end());
}

}  // namespace

BENCHMARK(BM_EmpiricalLossGradient)
    ->Args({1000, 16, 6})
    ->Args({100000, 16, 64})
    ->Args({10000, 128, 256})
    ->Args({100000, 512, 256})
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_EmpiricalGemmReference)
    ->Args({100000, 16, 64})
    ->Args({10000, 128, 256})
    ->Args({100000, 512, 256})
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", min_of);
