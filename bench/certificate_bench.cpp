// Evaluation of the dual pre-certificate eta (docs/math.md §4), the inner loop of the
// sampled search: double, 40-digit MPFR and 40-digit MPFI, for the
// default teacher (three directions, rank 2). Run: ./build/bench/bench_certificate
#include <benchmark/benchmark.h>

#include "core/certificate.hpp"

namespace {

constexpr unsigned kDigits = 40;

zg::Certificate<zg::Mp> default_certificate() {
  zg::Network<zg::Mp> t{zg::Vec<zg::Mp>(3), zg::Mat<zg::Mp>::Zero(16, 3)};
  const int degrees[3] = {0, 60, 120};
  const int signs[3] = {1, -1, 1};
  for (int i = 0; i < 3; ++i) {
    const zg::Mp a = zg::Mp(degrees[i]) * zg::pi<zg::Mp>() / 180;
    t.W(0, i) = cos(a);
    t.W(1, i) = sin(a);
    t.a(i) = signs[i];
  }
  return zg::build_precertificate(t, zg::Mp("1e-20"));
}

template <class T>
zg::Certificate<T> cast_certificate(const zg::Certificate<zg::Mp>& c) {
  zg::Certificate<T> out;
  out.basis = c.basis.template cast<T>();
  out.U = c.U.template cast<T>();
  out.signs = c.signs.template cast<T>();
  out.alpha = c.alpha.template cast<T>();
  out.beta = c.beta.template cast<T>();
  return out;
}

template <class T>
void BM_CertificateValue(benchmark::State& state) {
  zg::ScopedDigits digits(kDigits);
  const zg::Certificate<T> c = cast_certificate<T>(default_certificate());
  zg::Vec<T> y(2);
  y << T(0.6), T(0.7);
  for (auto _ : state) benchmark::DoNotOptimize(zg::certificate_value(c, y));
  state.SetLabel("m*=3, r=2, 40 digits");
}

}  // namespace

BENCHMARK_TEMPLATE(BM_CertificateValue, double);
BENCHMARK_TEMPLATE(BM_CertificateValue, zg::Mp)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_CertificateValue, zg::Mpi)->Unit(benchmark::kMicrosecond);
