// The configuration format (docs/config.md) read from a parsed document: which keys exist,
// their types, ranges and defaults, and the rules between them (one weight per direction,
// rows of length d, ...). The teacher generator is resolved here, so the RunConfig holds
// only exact numbers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "verify/config.hpp"

namespace zg::detail {

/// Validates a document (TOML converted to JSON, or JSON) into a RunConfig; `source`
/// names it in error messages. Leaves RunConfig::source and ::text empty.
RunConfig read_run_config(const nlohmann::json& document, const std::string& source);

}  // namespace zg::detail
