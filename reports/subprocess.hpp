// Runs an external program the safe way: argv goes to posix_spawnp unchanged (no shell
// ever parses it), in a chosen folder, with stdin/stdout on /dev/null and stderr captured.
// reports/plot.cpp uses it to run gnuplot; it is private to the emitters.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace zg::detail {

struct ProcessResult {
  enum class Status {
    Exited,         ///< ran to completion; see exit_code
    NotFound,       ///< argv[0] is not on PATH (or not executable)
    CouldNotStart,  ///< any other reason it did not start; see error
    Killed,         ///< ended by a signal, or killed by us after the timeout
  };
  Status status = Status::CouldNotStart;
  int exit_code = -1;       ///< when Exited
  std::string stderr_text;  ///< what the program wrote to stderr, first kMaxStderr bytes
  std::string error;        ///< why it did not start or was killed; "" otherwise
};

/// stderr beyond this is read and dropped, so a chatty program cannot exhaust memory.
inline constexpr std::size_t kMaxStderr = 64 * 1024;

/// Runs argv[0] (looked up in PATH) with arguments argv[1..] in `working_dir` and waits for
/// it, at most `timeout`, after which it is killed. Never throws for the program's sake;
/// `argv` must not be empty (asserted).
ProcessResult run_program(const std::vector<std::string>& argv,
                          const std::string& working_dir,
                          std::chrono::milliseconds timeout);

}  // namespace zg::detail
