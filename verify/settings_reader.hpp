// One reader for every declared settings table (lemmas/setting_declaration.hpp): unknown
// keys with suggestions, then each key's type, range and array rules, every refusal built
// from the declaration (field path, value, range, fix). Format: docs/config.md.
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "lemmas/setting_declaration.hpp"
#include "verify/config_field.hpp"

namespace zg::detail {

/// A number in `range`; `fix` is followed by ", e.g. <example>" in the refusal.
double declared_number(const ConfigField& field,
                       const SettingRange& range,
                       const std::string& fix,
                       const std::string& example);
/// An integer in the closed range `range`.
std::int64_t declared_integer(const ConfigField& field, const SettingRange& range);
/// An array of integers, each in `range`, obeying `rule`.
std::vector<std::int64_t> declared_integers(const ConfigField& field, const SettingRange& range, const ArrayRule& rule);

/// A number as docs/config.md and the refusals write it: "0.9", "25", "1e-3".
std::string setting_number_text(double x);

/// Table [table.name] of `root` read into S; a missing table or key keeps S{}'s default.
template <class S>
S read_settings(const ConfigTable& root, const SettingTable<S>& table) {
  S settings;
  const std::optional<ConfigField> table_field = root.find(table.name);
  if (!table_field) return settings;
  const ConfigTable t(*table_field, table.keys());
  for (const Setting<S>& declared : table.settings) {
    const std::optional<ConfigField> f = t.find(declared.key);
    if (!f) continue;
    std::visit(
        [&](auto S::*member) {
          auto& value = settings.*member;
          using V = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<V, double>) {
            value = declared_number(*f, declared.range, declared.fix, setting_number_text(value));
          } else if constexpr (std::is_integral_v<V>) {
            value = static_cast<V>(declared_integer(*f, declared.range));
          } else {
            value.clear();
            for (std::int64_t x : declared_integers(*f, declared.range, declared.array))
              value.push_back(static_cast<typename V::value_type>(x));
          }
        },
        declared.member);
  }
  return settings;
}

}  // namespace zg::detail
