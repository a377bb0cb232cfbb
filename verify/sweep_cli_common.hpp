// What every sweep command shares on the command line (docs/scale-out.md): the checkpoint
// options, the progress line on the terminal, and the session that runs a sweep on the
// ranks of its job.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/input_error.hpp"
#include "verify/sweep_engine.hpp"
#include "verify/sweep_ranks.hpp"

namespace zg {

/// Adds --checkpoint DIR and --resume to a sweep command.
void add_checkpoint_options(CLI::App* command, std::string& checkpoint, bool& resume);

/// The checkpoint folder: `given`, or <out_dir>/checkpoint when none was given.
std::string checkpoint_folder(const std::string& given, const std::string& out_dir);

/// One line on a terminal, rewritten in place ("\r") at most twice a second, with the
/// tasks done, the rate and the time left (progress_line); finish() ends it with a newline
/// if anything was shown. For a terminal only: the caller decides (show_progress()).
class ProgressLine {
 public:
  ProgressLine(std::ostream& err, std::string unit) : err_(err), unit_(std::move(unit)) {}
  void set_groups(ProgressGroups groups) { groups_ = std::move(groups); }
  void show(const SweepProgressInfo& info);
  void finish();

 private:
  std::ostream& err_;
  std::string unit_;
  ProgressGroups groups_;
  double last_seconds_ = -1;
  bool shown_ = false;
};

/// What a sweep command sets up around its work: the ranks of the job this process is in
/// (sweep_ranks()), the checkpoint folder and --resume, and on rank 0 the progress line.
class SweepSession {
 public:
  /// `unit` names the tasks on the progress line ("points", "seeds", "teachers").
  SweepSession(const std::string& checkpoint, bool resume, const std::string& out_dir, std::ostream& err,
               bool progress, const std::string& unit = "points");
  SweepSession(const SweepSession&) = delete;  // the progress callback holds `this`
  SweepSession& operator=(const SweepSession&) = delete;

  SweepRanks& ranks() { return *ranks_; }
  const SweepExecution& execution() const { return execution_; }
  bool is_root() const { return ranks_->rank() == 0; }
  /// Shows, on the progress line, which group of `groups.size` consecutive tasks the sweep
  /// is in (the atlas: "cell 37/150").
  void show_groups(ProgressGroups groups) { line_.set_groups(std::move(groups)); }

  /// Runs `work` (the sweep), then ends the progress line. Returns false on a rank other
  /// than 0 when the work refused its input: every rank refuses alike, and rank 0, which
  /// rethrows the InputError, says why.
  template <class Work>
  bool run(Work&& work) {
    try {
      work();
    } catch (const InputError&) {
      if (!is_root()) return false;
      throw;
    }
    line_.finish();
    return true;
  }

  /// After rank 0 wrote the outputs, which hold everything the checkpoint saved: removes it.
  void outputs_written() const;

 private:
  std::unique_ptr<SweepRanks> ranks_;
  SweepExecution execution_;
  ProgressLine line_;
};

}  // namespace zg
