// How every sweep runs (docs/scale-out.md): a sweep is a number of tasks, each computed
// from its index alone into a record (a line of JSON text), so that which rank computes a
// task, and in which order, cannot change a result. The engine hands the tasks out from the
// ranks' shared counter (verify/sweep_ranks.hpp), streams each record to the rank's
// checkpoint shard as it finishes (verify/sweep_checkpoint.hpp), skips the tasks an earlier
// run finished when resuming, and gathers every record on rank 0 in task order. A sweep's
// outputs are then rendered from these records alone, which is why `mpirun -n N`, `-n 1`,
// the build without MPI and an interrupted-then-resumed run write the same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "verify/sweep_ranks.hpp"

namespace zg {

struct SweepJob {
  std::string name;         ///< e.g. "certificate": names the checkpoint and the messages
  std::string fingerprint;  ///< canonical text of every option the records depend on
  std::uint64_t tasks = 0;
  /// The record of task i: a function of i and the options in `fingerprint` only, the
  /// same on every rank. An exception ends the sweep with that rank's message.
  std::function<std::string(std::uint64_t task)> compute;
};

/// How far a sweep is, on rank 0 after each of its own tasks.
struct SweepProgressInfo {
  std::uint64_t done = 0;     ///< tasks finished, all ranks and earlier runs included
  std::uint64_t total = 0;    ///< tasks of the sweep
  std::uint64_t resumed = 0;  ///< of `done`, those an earlier run finished
  double seconds = 0;         ///< since this run started
  int ranks = 1;
  /// The task rank 0 finished last. Tasks are drawn in index order from one counter, so
  /// this is where the sweep is working (e.g. which atlas cell), give or take one per rank.
  std::uint64_t latest = 0;
};

/// Tasks that come in consecutive groups (an atlas cell: N teachers), for the progress line.
struct ProgressGroups {
  std::uint64_t size = 0;  ///< tasks per group; 0 = no groups shown
  std::string name;        ///< "cell"
};

struct SweepExecution {
  std::string checkpoint_dir;  ///< "" = no checkpoint
  bool resume = false;         ///< continue the run whose shards are in checkpoint_dir
  std::function<void(const SweepProgressInfo&)> progress;  ///< may be empty
};

/// A task of a sweep threw something other than InputError: the computation failed.
class SweepFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Runs `job` on `ranks`. Returns, on rank 0, the record of every task in task order (on
/// other ranks, an empty vector). Throws InputError for a checkpoint that cannot be used
/// (read_checkpoint; on every rank) or written (on rank 0, naming the rank), SweepFailure
/// naming the rank when a task threw (on rank 0; the other ranks return normally after the
/// gather). Tasks finished before a failure stay in the checkpoint.
std::vector<std::string> run_sweep_job(const SweepJob& job, const SweepExecution& execution, SweepRanks& ranks);

/// The progress line: "[done/total] 12.3 tasks/s, 40 s left (2 ranks)".
std::string progress_line(const SweepProgressInfo& info, const std::string& unit, const ProgressGroups& groups = {});

}  // namespace zg
