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
/// An exact number (kept as written) in `range`, whose ends may only be 0: the sign decides.
SpecNumber declared_exact_number(const ConfigField& field,
                                 const SettingRange& range,
                                 const std::string& fix,
                                 const std::string& example);
/// An integer in the closed range `range`.
std::int64_t declared_integer(const ConfigField& field, const SettingRange& range);
/// An array of integers, each in `range`, obeying `rule`.
std::vector<std::int64_t> declared_integers(const ConfigField& field, const SettingRange& range, const ArrayRule& rule);

/// A number as docs/config.md and the refusals write it: "0.9", "25", "1e-3".
std::string setting_number_text(double x);
/// An exact number as TOML writes it: "\"1e-3\"" for a decimal string, "1" for a double.
std::string exact_number_text(const SpecNumber& x);

template <class S>
void read_declared(const ConfigTable& t, const Setting<S>& declared, S& settings);

/// The declared keys of table `t` read into `settings`, in declaration order: a missing key
/// keeps the value `settings` already holds (or is refused when declared required); DocsOnly
/// keys are left to the caller. `t` must allow table.keys().
template <class S>
void read_declared(const ConfigTable& t, const SettingTable<S>& table, S& settings) {
  for (const Setting<S>& declared : table.settings) read_declared(t, declared, settings);
}

/// The one key `declared` of table `t` read into `settings`, as read_declared reads each key:
/// for tables whose reader interleaves cross-key rules with its keys.
template <class S>
void read_declared(const ConfigTable& t, const Setting<S>& declared, S& settings) {
  if (declared.kind() == SettingKind::DocsOnly) return;
  const std::optional<ConfigField> f =
      declared.required.empty() ? t.find(declared.key) : t.at(declared.key, declared.required);
  if (!f) return;
  std::visit(
      [&](auto member) {
        if constexpr (std::is_same_v<decltype(member), std::monostate>) {
          return;  // a DocsOnly row: the table's reader reads it
        } else if constexpr (possible_member_v<S, decltype(member)>) {  // else never taken
          auto& value = settings.*member;
          using V = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<V, double>) {
            const std::string e = declared.example.empty() ? setting_number_text(value) : declared.example;
            value = declared_number(*f, declared.range, declared.fix, e);
          } else if constexpr (std::is_same_v<V, SpecNumber>) {
            const std::string e = declared.example.empty() ? exact_number_text(value) : declared.example;
            value = declared_exact_number(*f, declared.range, declared.fix, e);
          } else if constexpr (std::is_integral_v<V>) {
            if (declared.is_seed)
              value = static_cast<V>(f->seed());
            else
              value = static_cast<V>(declared_integer(*f, declared.range));
          } else {
            value.clear();
            for (std::int64_t x : declared_integers(*f, declared.range, declared.array))
              value.push_back(static_cast<typename V::value_type>(x));
          }
        }
      },
      declared.member);
}

/// Table [table.name] of `root` read into S; a missing table or key keeps S{}'s default.
template <class S>
S read_settings(const ConfigTable& root, const SettingTable<S>& table) {
  S settings;
  const std::optional<ConfigField> table_field = root.find(table.name);
  if (!table_field) return settings;
  read_declared(ConfigTable(*table_field, table.keys()), table, settings);
  return settings;
}

}  // namespace zg::detail
