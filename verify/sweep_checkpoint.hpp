// A sweep's checkpoint (docs/scale-out.md, "Checkpoints and resume"): a folder of shard
// files, one per rank and run, `run-<run>-rank-<rank>.jsonl`. A shard opens with a header
// line naming the sweep, its number of tasks and its fingerprint (the options every result
// depends on); then one line per finished task, `{"task": i, "record": "<record>"}`,
// written and flushed the moment the task finishes, so that a killed run (Ctrl-C, SIGTERM,
// a lost rank) loses only the tasks in flight. Each rank writes its own shard: no rank
// waits on another to save its work. `--resume` reads every shard of the folder and the
// run recomputes only the tasks none of them holds.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

namespace zg {

/// What a shard's first line states; a resumed run must state the same.
struct CheckpointHeader {
  std::string sweep;        ///< the sweep's name, e.g. "certificate"
  std::uint64_t tasks = 0;  ///< how many tasks the whole sweep has
  std::string fingerprint;  ///< canonical text of the options that decide the results
};

/// What earlier runs left in a checkpoint folder.
struct CheckpointState {
  std::map<std::uint64_t, std::string> done;  ///< finished tasks: index -> record text
  unsigned next_run = 1;                      ///< the number the new run's shards take
};

/// Reads the shards in `dir`; a folder that does not exist, or holds no shard, is an empty
/// state. A shard's last line without its newline (its writer was killed mid-line) is not
/// counted. Throws InputError naming --checkpoint when the folder holds finished tasks and
/// `resume` is false (the fix: --resume, or remove the folder); when a shard's header
/// differs from `expected` (another sweep, or other options); when a line other than a
/// shard's last is not a task line; when a task index is out of range; and when two shards
/// hold different records for one task.
CheckpointState read_checkpoint(const std::string& dir, const CheckpointHeader& expected, bool resume);

/// One rank's shard of one run, created (with its folder) on construction; each append is
/// one line, flushed to the operating system at once (a killed process keeps it) and
/// synced to the disk at most once a second (a rebooted node keeps all but the last
/// second), and on destruction. Throws InputError naming --checkpoint when the folder or
/// the file cannot be made or written.
class CheckpointWriter {
 public:
  CheckpointWriter(const std::string& dir, const CheckpointHeader& header, unsigned run, int rank);
  ~CheckpointWriter();
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

  void append(std::uint64_t task, const std::string& record);

 private:
  void write_line(const std::string& line);
  void sync();

  std::string path_;
  std::FILE* file_ = nullptr;
  double last_sync_ = 0;  ///< seconds on the steady clock
};

/// Removes the shards of `dir`, then `dir` itself if that leaves it empty: after a sweep's
/// outputs are written, its checkpoint has nothing left to save. Never throws.
void remove_checkpoint(const std::string& dir) noexcept;

}  // namespace zg
