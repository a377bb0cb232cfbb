// `verify list`: the registered claims, one row each.
#pragma once

#include <iosfwd>

#include <CLI/CLI.hpp>

namespace zg {

/// Adds `list` (no options) to `app`; returns it, whose parsed() says it was chosen.
CLI::App* add_list_command(CLI::App& app);

/// Prints id, title, kind of check and paper location of every claim. Returns 0.
int command_list(std::ostream& out);

}  // namespace zg
