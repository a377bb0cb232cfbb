// The `verify` command line: list, run and eval. Exit codes: 0 nothing failed, 1 some
// claim failed, 2 usage or input error, 3 nothing failed but something inconclusive.
#pragma once

#include <iosfwd>

namespace zg {

inline constexpr int kExitUsage = 2;

/// Parses argv and runs the subcommand; writes results to `out` and diagnostics to `err`.
/// Never throws: every error becomes a message on `err` and an exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace zg
