// Hot paths of the numeric core: the population loss and its full gradient, in double and
// in 50-digit MPFR, for the default problem's shape (d = 16, m* = 3) and the sizes issue 4
// names (m = 256, d = 32, m* = 4; m = 2048, d = 128, m* = 8; MPFR at m = 64 and m = 256).
// Beside each, in the same binary (issue 12): the matrix products alone
// (BM_LossGradientProducts: the double path's own panels without the element-wise pass;
// BM_GemmReference*: plain general products at the same shapes), the naive Eigen code a
// user would write (BM_NaiveEigenLossGradient), and for MPFR the plain loops over Boost's
// mpfr_float (BM_PlainLoopMpfrLossGradient) and the generic path the Mp fast path replaced
// (BM_LossGradientGeneric). References: bench/loss_reference.hpp. Arguments: m, d, m*.
// Every case also reports the minimum over repetitions (timings on a shared machine are
// noisy; the minimum is the least disturbed); the context line "isa" names the build's
// instruction-set flags (CMake option VERIFY_NATIVE). Run:
//   ./build/bench/bench_loss --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "bench/loss_reference.hpp"
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

// The two matrix products of the double loss+gradient as plain general products:
// U^T U for unit columns U (d x m) and the (d x m) (m x m) product for the gradient.
void BM_GemmReference(benchmark::State& state) {
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<double> net = random_network<double>(d, m, 2, true);
  zg::Mat<double> cosines(m, m), product(d, m);
  for (auto _ : state) {
    cosines.noalias() = net.W.transpose() * net.W;
    product.noalias() = net.W * cosines;
    benchmark::DoNotOptimize(product.data());
    benchmark::ClobberMemory();
  }
}

// The same two products as the double path runs them: the lower triangle of U^T U over
// the m + m* columns (student and teacher), then the product with the symmetric m x m
// block stored in that triangle plus the teacher's (d x m*) (m* x m) block.
void BM_GemmReferenceSymmetric(benchmark::State& state) {
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const auto ms = static_cast<Eigen::Index>(state.range(2));
  const zg::Network<double> net = random_network<double>(d, m + ms, 2, true);
  zg::Mat<double> cosines(m + ms, m + ms), product(d, m);
  for (auto _ : state) {
    cosines.triangularView<Eigen::Lower>() = net.W.transpose() * net.W;
    product.noalias() = net.W.leftCols(m) * cosines.topLeftCorner(m, m).selfadjointView<Eigen::Lower>();
    product.noalias() -= net.W.rightCols(ms) * cosines.bottomLeftCorner(ms, m);
    benchmark::DoNotOptimize(product.data());
    benchmark::ClobberMemory();
  }
}

// The naive Eigen reference (bench/loss_reference.hpp) on the same networks.
void BM_NaiveEigenLossGradient(benchmark::State& state) {
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<double> teacher = random_network<double>(d, state.range(2), 1, true);
  const zg::Network<double> student = random_network<double>(d, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::bench::naive_eigen_loss_gradient(student, teacher).loss);
}

// The double loss+gradient's own matrix products, panel by panel, without the
// element-wise pass: the floor BM_LossGradient<double> is measured against.
void BM_LossGradientProducts(benchmark::State& state) {
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<double> teacher = random_network<double>(d, state.range(2), 1, true);
  const zg::Network<double> student = random_network<double>(d, m, 2, false);
  for (auto _ : state)
    benchmark::DoNotOptimize(zg::detail::population_loss_gradient_products_double(student, teacher));
}

// 50 digits: the generic path over Boost's mpfr_float (what population_loss_gradient<Mp>
// ran before the Arb path) and the plain-loop anchor.
void BM_LossGradientGeneric(benchmark::State& state) {
  zg::ScopedDigits digits(50);
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<zg::Mp> teacher = random_network<zg::Mp>(d, state.range(2), 1, true);
  const zg::Network<zg::Mp> student = random_network<zg::Mp>(d, m, 2, false);
  for (auto _ : state)
    benchmark::DoNotOptimize(zg::detail::population_loss_gradient_generic(student, teacher).loss);
}

void BM_PlainLoopMpfrLossGradient(benchmark::State& state) {
  zg::ScopedDigits digits(50);
  const auto m = static_cast<Eigen::Index>(state.range(0)), d = static_cast<Eigen::Index>(state.range(1));
  const zg::Network<zg::Mp> teacher = random_network<zg::Mp>(d, state.range(2), 1, true);
  const zg::Network<zg::Mp> student = random_network<zg::Mp>(d, m, 2, false);
  for (auto _ : state) benchmark::DoNotOptimize(zg::bench::plain_loop_mpfr_loss_gradient(student, teacher).loss);
}

// The instruction-set flags of this build, in the benchmark's context block.
const bool kIsaContext = [] {
  benchmark::AddCustomContext("isa", ZG_BENCH_ISA_FLAGS[0] ? ZG_BENCH_ISA_FLAGS : "portable (no -march)");
  return true;
}();

double min_of(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

}  // namespace

BENCHMARK_TEMPLATE(BM_Loss, double)
    ->Args({6, 16, 3})
    ->Args({64, 16, 3})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK_TEMPLATE(BM_LossGradient, double)
    ->Args({6, 16, 3})
    ->Args({64, 16, 3})
    ->Args({256, 32, 4})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_LossGradientProducts)
    ->Args({256, 32, 4})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_NaiveEigenLossGradient)
    ->Args({256, 32, 4})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_GemmReference)
    ->Args({256, 32, 4})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_GemmReferenceSymmetric)
    ->Args({256, 32, 4})
    ->Args({2048, 128, 8})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK_TEMPLATE(BM_Loss, zg::Mp)
    ->Args({6, 16, 3})
    ->Args({64, 16, 3})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK_TEMPLATE(BM_LossGradient, zg::Mp)
    ->Args({6, 16, 3})
    ->Args({64, 16, 3})
    ->Args({256, 32, 4})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_LossGradientGeneric)
    ->Args({64, 16, 3})
    ->Args({256, 32, 4})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_PlainLoopMpfrLossGradient)
    ->Args({64, 16, 3})
    ->Args({256, 32, 4})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", min_of);
