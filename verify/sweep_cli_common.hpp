// What every sweep command shares on the command line (docs/scale-out.md): the checkpoint
// options and the progress line on the terminal.
#pragma once

#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

#include "verify/sweep_engine.hpp"

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
  void show(const SweepProgressInfo& info);
  void finish();

 private:
  std::ostream& err_;
  std::string unit_;
  double last_seconds_ = -1;
  bool shown_ = false;
};

}  // namespace zg
