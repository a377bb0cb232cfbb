// `verify sweep samples`: the three-stage chain on n Gaussian samples over a grid of n and
// d (core/sample_chain.hpp), with the exact population loss of each result as its test
// error: an empirical answer to how many samples the algorithm needs. Writes a table, a
// CSV, a plot of test error and direction error against n, and a Markdown summary.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/sample_chain.hpp"
#include "lemmas/span_teacher.hpp"

namespace zg {

struct SampleSweepOptions {
  std::vector<long> samples{100, 1000, 10000, 100000};  ///< n, increasing
  std::vector<int> dimensions{16};                      ///< d, each >= the teacher's rank
  long batch_size = 1024;   ///< stage-3 mini-batches (0: full batch)
  int pairs = 32;
  int epochs = 5;           ///< lambda from 1e-2 halving: 5 epochs end at 6.25e-4
  double horizon = 10;      ///< each epoch's time budget in units of 1/lambda_k
  std::uint64_t seed = 1;
  std::string config_path;  ///< the teacher's configuration ("" = embedded default)
  std::string out_dir = "sweep";
};

struct SampleSweepPoint {
  long samples = 0;
  int dimension = 0;
  SampleChainResult result;
};

/// Throws InputError naming the first bad option (--samples increasing, each in
/// 10 .. 10^7; --dimensions each in 2 .. 4096; --batch >= 0; --pairs 1 .. 4096;
/// --epochs 1 .. 40; --horizon > 0).
void validate_sample_sweep(const SampleSweepOptions& options);

/// The chain at every (d, n), d outermost; the teacher of the configuration re-embedded in
/// R^d as claims S1 and S2 embed it (lemmas/span_teacher.hpp: its span coordinates on the
/// first r axes), so its geometry is the same at every d.
/// `on_point` hears each finished point; `on_epoch` each finished epoch (progress).
std::vector<SampleSweepPoint> run_sample_sweep(
    const SampleSweepOptions& options,
    const SpanTeacher& teacher,
    const std::function<void(std::size_t, std::size_t, const SampleSweepPoint&)>& on_point = {},
    const std::function<void(const EpochRecord&)>& on_epoch = {});

/// Header "dimension,samples,train_loss,test_error,stage2_test_error,max_angle_deg,far_mass,steps,seconds".
std::string sample_sweep_csv(const std::vector<SampleSweepPoint>& points);

/// Adds `samples` under an existing `sweep` command; returns it.
CLI::App* add_sweep_samples_command(CLI::App& sweep, SampleSweepOptions& options);

/// Runs the sweep, prints the table and the files written to `out`, progress to `err`
/// (when asked). Returns 0; throws InputError for a bad option or an unwritable folder.
int command_sweep_samples(const SampleSweepOptions& options, std::ostream& out, std::ostream& err, bool progress);

}  // namespace zg
