// The run configuration: what the user asked for in a TOML (or JSON) file, validated.
// Format documented in docs/config.md. Every error is an InputError naming the file,
// the field and the fix; nothing here touches the numerics beyond storing exact numbers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/problem_spec.hpp"
#include "verify/run_settings.hpp"

namespace zg {

struct RunConfig {
  ProblemSpec problem;
  unsigned digits = detail::TopLevelSettings{}.digits;   ///< working precision, decimal digits, kMinDigits..kMaxDigits
  std::uint64_t seed = detail::TopLevelSettings{}.seed;  ///< master seed for every random choice of the run
  std::vector<std::string> claims;  ///< claim ids to run; empty = every registered claim
  std::string source;          ///< file path, or "<embedded default>"
  std::string text;            ///< the configuration exactly as read
};

/// Reads and validates a configuration file. ".json" files are read as JSON, anything
/// else as TOML. Throws InputError (file, field, fix) on any problem.
RunConfig load_config_file(const std::string& path);

/// Parses configuration text; `source` names it in error messages.
RunConfig parse_config_toml(const std::string& text, const std::string& source);
RunConfig parse_config_json(const std::string& text, const std::string& source);

/// The embedded default configuration (configs/default.toml, compiled in).
const std::string& default_config_text();
RunConfig default_config();

}  // namespace zg
