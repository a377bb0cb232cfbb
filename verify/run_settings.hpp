// The top-level scalar settings of a configuration (digits, seed, lambda), declared once
// (lemmas/setting_declaration.hpp), with DocsOnly rows for the other top-level keys: the
// reader (verify/config_schema.cpp) and the table of docs/config.md come from them.
#pragma once

#include <cstdint>
#include <string>

#include "core/problem_spec.hpp"
#include "lemmas/setting_declaration.hpp"

namespace zg::detail {

/// The top-level scalars; their defaults are RunConfig's (verify/config.hpp).
struct TopLevelSettings {
  unsigned digits = 50;                    ///< working precision, decimal digits
  std::uint64_t seed = 1;                  ///< master seed
  SpecNumber lambda{std::string("1e-3")};  ///< weight decay, exactly 10^-3
};

/// The top-level keys, in the order docs/config.md lists them.
const SettingTable<TopLevelSettings>& top_level_setting_declarations();

}  // namespace zg::detail
