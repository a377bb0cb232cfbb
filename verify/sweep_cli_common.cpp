// The sweep commands' shared options and progress line (verify/sweep_cli_common.hpp).
#include "verify/sweep_cli_common.hpp"

#include <filesystem>
#include <ostream>

#include "verify/sweep_checkpoint.hpp"

namespace zg {

void add_checkpoint_options(CLI::App* command, std::string& checkpoint, bool& resume) {
  command->add_option("--checkpoint",
                      checkpoint,
                      "Folder the results stream to as they finish (default: <out>/checkpoint; removed once the "
                      "outputs are written)");
  command->add_flag("--resume",
                    resume,
                    "Continue an interrupted run from its checkpoint: compute only what it lacks (same options)");
}

std::string checkpoint_folder(const std::string& given, const std::string& out_dir) {
  return given.empty() ? (std::filesystem::path(out_dir) / "checkpoint").string() : given;
}

SweepSession::SweepSession(const std::string& checkpoint, bool resume, const std::string& out_dir,
                           std::ostream& err, bool progress, const std::string& unit)
    : ranks_(sweep_ranks()), line_(err, unit) {
  execution_.checkpoint_dir = checkpoint_folder(checkpoint, out_dir);
  execution_.resume = resume;
  if (progress && is_root()) execution_.progress = [this](const SweepProgressInfo& info) { line_.show(info); };
}

void SweepSession::outputs_written() const { remove_checkpoint(execution_.checkpoint_dir); }

void ProgressLine::show(const SweepProgressInfo& info) {
  const bool last = info.done == info.total;
  if (!last && last_seconds_ >= 0 && info.seconds - last_seconds_ < 0.5) return;
  last_seconds_ = info.seconds;
  err_ << "\r" << progress_line(info, unit_, groups_) << "\x1b[K" << std::flush;  // erase the rest of the old line
  shown_ = true;
}

void ProgressLine::finish() {
  if (shown_) err_ << "\n" << std::flush;
  shown_ = false;
}

}  // namespace zg
