// The `verify` command line: list, run, report, eval and sweep. Exit codes: 0 nothing
// failed, 1 some claim failed, 2 usage or input error (or, for `report`, a format that
// could not be made), 3 nothing failed but something inconclusive, 4 nothing failed but
// --fail-on regression found a regression against the --baseline; for `sweep`, 1 means a
// task's computation failed (its message names the rank; the finished tasks stay in the
// checkpoint for --resume).
#pragma once

#include <iosfwd>

namespace zg {

inline constexpr int kExitSweepFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRegression = 4;

/// Parses argv and runs the subcommand; writes results to `out` and diagnostics to `err`.
/// Never throws: every error becomes a message on `err` and an exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace zg
