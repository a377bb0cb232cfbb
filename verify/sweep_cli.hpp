// The command line of `verify sweep certificate`: its CLI11 options, and the command that
// runs the sweep (verify/sweep_command.hpp), prints the table and writes the files
// (verify/sweep_report.hpp). verify/cli.cpp adds it and maps InputError to exit 2.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "verify/sweep_command.hpp"

namespace zg {

/// What the user typed; families stay names until the command parses them.
struct SweepCommandLine {
  SweepOptions options;
  std::vector<std::string> families{"equal", "opposite", "three"};
  std::string checkpoint;  ///< "" = <out>/checkpoint
  bool resume = false;
};

/// Adds `sweep` with its one subcommand `certificate` to `app`; returns `certificate`,
/// whose parsed() says the command was chosen. `line` must outlive the parse.
CLI::App* add_sweep_command(CLI::App& app, SweepCommandLine& line);

/// Runs the sweep on the ranks of the MPI job this process is in (or alone), checkpointing
/// each point; on rank 0 prints the table, the per-family onsets and the files written to
/// `out`, progress (when asked) and warnings to `err`, then removes the checkpoint. Other
/// ranks print nothing. Returns 0; throws InputError for a bad option, an unusable
/// checkpoint or an unwritable folder.
int command_sweep_certificate(const SweepCommandLine& line, std::ostream& out, std::ostream& err, bool progress);

}  // namespace zg
