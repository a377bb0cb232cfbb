// `verify run`: runs claims (verify/runner.hpp) and publishes the reports
// (reports/publish.hpp); prints the verdict table, the baseline's verdict and the files.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "verify/command_common.hpp"

namespace zg {

/// What the user typed.
struct RunOptions {
  std::string config_path;
  std::vector<std::string> claims;
  unsigned digits = 0;
  bool digits_given = false;  // false: the configuration's digits
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::string out_dir = "audit";
  std::vector<std::string> formats{"md", "json", "junit"};
  BaselineOptionsCli baseline;
};

/// Adds `run` with its options to `app`; returns it. `o` must outlive the parse; after
/// it, note_given_options fills the *_given fields.
CLI::App* add_run_command(CLI::App& app, RunOptions& o);

/// Records which of --digits and --seed `run` was given.
void note_given_options(const CLI::App& run, RunOptions& o);

/// Validates everything, runs the claims, publishes the reports, prints the summary.
/// Returns the run's exit code (verify/cli.hpp); throws InputError for bad input, before
/// any file is written.
int command_run(const RunOptions& o, std::ostream& out, std::ostream& err);

}  // namespace zg
