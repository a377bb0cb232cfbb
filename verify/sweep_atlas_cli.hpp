// `verify sweep atlas` on the command line (verify/sweep_atlas.hpp): its options, the
// lists they take ("2..6", "5,10,20"), and the command that runs the atlas on the ranks of
// the job, prints the per-panel tables and writes the files (verify/sweep_atlas_report.hpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "verify/sweep_atlas.hpp"

namespace zg {

/// What the user typed; lists stay text until the command parses them.
struct AtlasCommandLine {
  AtlasOptions options;
  std::string ranks = "2,3";
  std::string signs = "alternating,random,positive";
  std::string widths = "2..6";
  std::string separations = "5,10,15,20,30,40,50,60";
  std::string checkpoint;  ///< "" = <out>/checkpoint
  bool resume = false;
};

/// "2..6" or "2,3,5" or a mix ("2,4..6"): integers, in the order given. Throws InputError
/// naming `option` for anything else, a reversed range or a list of more than `max_size`.
std::vector<int> parse_integer_list(const std::string& text, const std::string& option, std::size_t max_size);

/// "5,10,22.5": numbers in degrees, in the order given. Throws InputError naming `option`.
std::vector<double> parse_number_list(const std::string& text, const std::string& option);

/// The sign patterns named in "alternating,random,positive". Throws InputError.
std::vector<AtlasSigns> parse_atlas_signs(const std::string& text);

/// The options of `line` with its lists parsed, validated (validate_atlas_options).
AtlasOptions atlas_options(const AtlasCommandLine& line);

/// Adds `atlas` under an existing `sweep` command; returns it.
CLI::App* add_sweep_atlas_command(CLI::App& sweep, AtlasCommandLine& line);

/// Runs the atlas (sweep_cli_common.hpp's session: ranks, checkpoint, progress); on rank 0
/// prints one table per rank and sign pattern and the files written. Returns 0; throws
/// InputError for a bad option, an unusable checkpoint or an unwritable folder.
int command_sweep_atlas(const AtlasCommandLine& line, std::ostream& out, std::ostream& err, bool progress);

}  // namespace zg
