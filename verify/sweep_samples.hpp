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
#include "verify/sweep_engine.hpp"

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
  std::string checkpoint;   ///< "" = <out_dir>/checkpoint (docs/scale-out.md)
  bool resume = false;
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
/// first r axes), so its geometry is the same at every d. One engine task per point
/// (verify/sweep_engine.hpp) on `ranks` (this process alone when null), with the
/// checkpoint and progress of `execution`. On rank 0 every point, on other ranks none;
/// the same points whatever the ranks (each point's `seconds` aside).
std::vector<SampleSweepPoint> run_sample_sweep(const SampleSweepOptions& options,
                                               const SpanTeacher& teacher,
                                               const SweepExecution& execution = {},
                                               SweepRanks* ranks = nullptr);

/// The options and the teacher every point depends on, as canonical JSON text (the
/// checkpoint's fingerprint): the output folder and the configuration's path aside.
std::string sample_sweep_fingerprint(const SampleSweepOptions& options, const SpanTeacher& teacher);

/// A point as the engine's record, every double in the shortest text that reads back to
/// it, and back. The parse throws std::invalid_argument for a text of another shape.
std::string sample_point_record(const SampleSweepPoint& point);
SampleSweepPoint parse_sample_point_record(const std::string& record);

/// Header "dimension,samples,train_loss,test_error,stage2_test_error,max_angle_deg,far_mass,steps,seconds".
std::string sample_sweep_csv(const std::vector<SampleSweepPoint>& points);

/// Adds `samples` under an existing `sweep` command; returns it.
CLI::App* add_sweep_samples_command(CLI::App& sweep, SampleSweepOptions& options);

/// Runs the sweep, prints the table and the files written to `out`, progress to `err`
/// (when asked). Returns 0; throws InputError for a bad option or an unwritable folder.
int command_sweep_samples(const SampleSweepOptions& options, std::ostream& out, std::ostream& err, bool progress);

}  // namespace zg
