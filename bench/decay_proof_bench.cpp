// The rank-r decay proof on Arb balls (core/decay_proof.hpp): one enclosure of K over a
// ball of cosines against the same closed form on an MPFI interval, the whole default D2c
// proof (three directions in R^16, the ball B^2, rho = 0.9 x the
// sampled constant, tau' = 1e-40), and the replay of its certificate by the independent
// MPFI checker (verify/certificate_checker). Run: ./build/bench/bench_decay_proof
#include <benchmark/benchmark.h>

#include <boost/math/constants/constants.hpp>

#include "core/arb_ball.hpp"
#include "core/certificate_search.hpp"
#include "core/decay_proof.hpp"
#include "core/kernel_sum_ball.hpp"
#include "core/numeric_types.hpp"
#include "certificate_checker/certificate_reader.hpp"
#include "certificate_checker/checker.hpp"
#include "lemmas/decay_certificate_json.hpp"

namespace {

struct DefaultTeacher {
  std::vector<std::vector<std::string>> directions;
  zg::Certificate<zg::Mp> certificate;
  zg::Mp rho;
};

const DefaultTeacher& default_teacher() {
  static const DefaultTeacher t = [] {
    zg::ScopedDigits digits(50);
    zg::Network<zg::Mp> n{zg::Vec<zg::Mp>(3), zg::Mat<zg::Mp>::Zero(16, 3)};
    const int degrees[3] = {0, 60, 120};
    const int signs[3] = {1, -1, 1};
    for (int i = 0; i < 3; ++i) {
      const zg::Mp a = zg::Mp(degrees[i]) * zg::pi<zg::Mp>() / 180;
      n.W(0, i) = cos(a);
      n.W(1, i) = sin(a);
      n.a(i) = signs[i];
    }
    DefaultTeacher d;
    d.directions = zg::decimal_columns(n.W, 60);
    d.certificate = zg::build_precertificate(n, zg::Mp("1e-20"));
    d.rho = zg::Mp(zg::Mp("0.9") * zg::search_decay(d.certificate, zg::DecaySearchOptions{}).rho_eta);
    return d;
  }();
  return t;
}

// K over the cosines [0.8, 0.8 + 2^-20] at `bits` (the mean-value form of
// core/kernel_sum_ball.hpp, with the arcsine it needs).
void BM_KernelBallArb(benchmark::State& state) {
  const long bits = state.range(0);
  zg::decay::KernelSumInput in;
  in.directions = {{"1", "0"}, {"0", "1"}};
  in.alpha = {"1", "1"};
  in.touching = {{0, 1}};
  const zg::decay::KernelSum s = zg::decay::build_kernel_sum(in, bits);
  const zg::ArbBall x = zg::ArbBall::interval(0.8, 0.8 + 0x1p-20, bits);
  for (auto _ : state) {
    const zg::ArbBall a = zg::asin_of_unit_part(x);
    benchmark::DoNotOptimize(zg::decay::kernel_on_ball(s, x, a));
  }
  state.SetLabel(std::to_string(bits) + " bits");
}

// The same enclosure by the closed form on an MPFI interval at 50 digits (the arithmetic
// of the checker and of the project's earlier rank-2 proofs).
void BM_KernelIntervalMpfi(benchmark::State& state) {
  zg::ScopedDigits digits(50);
  const zg::Mpi x(zg::Mp(0.8), zg::Mp(0.8 + 0x1p-20));
  const zg::Mpi two_pi = 2 * boost::math::constants::pi<zg::Mpi>();
  for (auto _ : state) {
    const zg::Mpi k = (x * asin(x) + sqrt(1 - x * x) - 1) / two_pi;
    benchmark::DoNotOptimize(k);
  }
  state.SetLabel("50 digits");
}

void BM_DefaultD2cArb(benchmark::State& state) {
  const DefaultTeacher& t = default_teacher();
  zg::DecayProverOptions o;
  o.rho = zg::to_decimal(t.rho, 6);
  o.tau_prime = "1e-40";
  for (auto _ : state) {
    const zg::DecayCertificate c = zg::prove_precertificate_decay(t.directions, {"1", "-1", "1"}, t.certificate, o);
    if (c.outcome != zg::DecayOutcome::Proved) state.SkipWithError("not proved");
    state.counters["boxes"] = static_cast<double>(c.statistics.boxes);
  }
  state.SetLabel("rank 2, ball, d = 16, Arb");
}

// The default D2c certificate replayed: the cover rebuilt exactly, every leaf, cap and
// strip recomputed in MPFI (reading the JSON included).
void BM_DefaultD2cCheckMpfi(benchmark::State& state) {
  const DefaultTeacher& t = default_teacher();
  zg::DecayProverOptions o;
  o.rho = zg::to_decimal(t.rho, 6);
  o.tau_prime = "1e-40";
  const zg::DecayCertificate c = zg::prove_precertificate_decay(t.directions, {"1", "-1", "1"}, t.certificate, o);
  const std::string json = zg::decay_certificate_json(c);
  for (auto _ : state) {
    const zg::checker::CheckResult r = zg::checker::check_certificate(zg::checker::read_certificate_text(json));
    if (r.status != zg::checker::CheckResult::Status::proved) state.SkipWithError("not accepted");
  }
  state.counters["leaves"] = static_cast<double>(c.leaves.size());
  state.SetLabel("rank 2, ball, d = 16, MPFI checker");
}

}  // namespace

BENCHMARK(BM_KernelBallArb)->Arg(64)->Arg(192)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_KernelIntervalMpfi)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DefaultD2cArb)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_DefaultD2cCheckMpfi)->Unit(benchmark::kMillisecond)->Iterations(5);
