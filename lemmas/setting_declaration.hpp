// The declaration of a configuration setting: key, type, default, range, unit, meaning and
// the fix shown when a value is refused, stated once next to the claims that use it. The
// reader (verify/settings_reader.hpp), its error messages and the tables of docs/config.md
// (verify/settings_docs.hpp) are all derived from these declarations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/problem_spec.hpp"

namespace zg {

/// One end of a range: its value and whether the value itself is allowed.
struct RangeEnd {
  double value = 0;
  bool closed = true;
};

inline RangeEnd closed_end(double value) {
  return RangeEnd{value, true};
}
inline RangeEnd open_end(double value) {
  return RangeEnd{value, false};
}

/// The values a setting, or each entry of an array setting, may take. A missing end is
/// unbounded; integer settings use closed ends only.
struct SettingRange {
  std::optional<RangeEnd> low;
  std::optional<RangeEnd> high;

  bool contains(double x) const {
    const bool above = !low || (low->closed ? x >= low->value : x > low->value);
    const bool below = !high || (high->closed ? x <= high->value : x < high->value);
    return above && below;
  }
};

inline SettingRange any_value() {
  return {};
}
inline SettingRange positive() {
  return SettingRange{open_end(0), std::nullopt};
}
inline SettingRange between(RangeEnd low, RangeEnd high) {
  return SettingRange{low, high};
}
/// The closed integer range lo ... hi.
inline SettingRange integers(double lo, double hi) {
  return between(closed_end(lo), closed_end(hi));
}

/// Rules on an array setting as a whole (its entries obey the setting's range).
struct ArrayRule {
  std::size_t min_entries = 0;  ///< fewer entries are refused
  bool increasing = false;      ///< each entry larger than the one before it (a sweep's axis)
  std::string why_min_entries;  ///< the reason for min_entries, told to the user
};

/// What kind of value a setting holds; follows from the struct member it fills. A Seed is an
/// integer member declared with .seed() (0 ... 2^64 - 1); an ExactNumber is a SpecNumber kept
/// as written; DocsOnly rows (no member) are read by their caller and only shown in the docs.
enum class SettingKind { Number, Integer, IntegerArray, Seed, ExactNumber, DocsOnly };

/// One setting of the settings struct S (a member of it) in config table [name].
template <class S>
struct Setting {
  using Member = std::variant<double S::*,
                              int S::*,
                              long S::*,
                              unsigned S::*,
                              std::size_t S::*,
                              std::vector<int> S::*,
                              std::vector<long> S::*,
                              SpecNumber S::*,
                              std::monostate>;

  std::string key;       ///< the key in the table
  Member member;         ///< the member it fills; its default is the member's default in S{}
  SettingRange range;    ///< of the value, or of each entry of an array
  ArrayRule array;       ///< array settings only
  std::string unit;      ///< "degrees", or empty when the value has none
  std::string meaning;   ///< one line of Markdown for docs/config.md
  std::string fix;       ///< what to give instead, for a refused number ("give ..."); ", e.g. <default>" follows
  std::string run_rule;  ///< a rule the claim checks when it runs (it needs the problem), docs only
  std::string cross_rule;    ///< a rule with other keys, checked by the table's reader; docs only
  bool is_seed = false;      ///< an integer member read as a seed, 0 ... 2^64 - 1
  std::string required;      ///< non-empty: the key must be given; what to give, told when it is missing
  std::string example;       ///< the "e.g." of a refusal when the default is no example (required keys)
  std::string default_text;  ///< docs: the default when it depends on other keys ("top-level `seed`")
  std::string type_text;     ///< docs: the type of a DocsOnly row ("table", "array of numbers")
  std::string range_doc;     ///< docs: the range of a DocsOnly row, or one that depends on other keys

  Setting(std::string key_, Member member_) : key(std::move(key_)), member(member_) {}
  /// A row the docs show whose value the table's reader reads by hand (structure, cross-key ranges).
  static Setting docs_only(std::string key_, std::string type) {
    Setting s(std::move(key_), std::monostate{});
    s.type_text = std::move(type);
    return s;
  }
  Setting& in(SettingRange r) { return range = r, *this; }
  Setting& entries(ArrayRule a) { return array = std::move(a), *this; }
  Setting& measured_in(std::string u) { return unit = std::move(u), *this; }
  Setting& means(std::string text) { return meaning = std::move(text), *this; }
  Setting& fix_hint(std::string text) { return fix = std::move(text), *this; }
  Setting& checked_at_run(std::string text) { return run_rule = std::move(text), *this; }
  Setting& checked_with(std::string text) { return cross_rule = std::move(text), *this; }
  Setting& seed() { return is_seed = true, *this; }
  Setting& required_as(std::string what) { return required = std::move(what), *this; }
  Setting& example_value(std::string text) { return example = std::move(text), *this; }
  Setting& default_shown(std::string text) { return default_text = std::move(text), *this; }
  Setting& range_shown(std::string text) { return range_doc = std::move(text), *this; }

  SettingKind kind() const {
    if (std::holds_alternative<std::monostate>(member)) return SettingKind::DocsOnly;
    if (std::holds_alternative<SpecNumber S::*>(member)) return SettingKind::ExactNumber;
    if (is_seed) return SettingKind::Seed;
    if (std::holds_alternative<double S::*>(member)) return SettingKind::Number;
    if (std::holds_alternative<std::vector<int> S::*>(member) || std::holds_alternative<std::vector<long> S::*>(member))
      return SettingKind::IntegerArray;
    return SettingKind::Integer;
  }
};

/// A setting's value as the docs show it: a number, an integer, an array of integers or an
/// exact number (as written, or a double), or nothing for a DocsOnly row.
using SettingValue = std::variant<double, long long, std::vector<long long>, SpecNumber, std::monostate>;

namespace detail {

template <class M>
struct member_value {};
template <class S, class V>
struct member_value<V S::*> {
  using type = V;
};

}  // namespace detail

/// Whether a setting held in a member pointer of type M can exist for S: a member larger
/// than S itself cannot, and a visit's branch for it is dead code. Visits skip such
/// branches, which GCC 12 otherwise flags (-Warray-bounds) for a struct as small as
/// LandscapeSettings, whose only member is one double.
template <class S, class M>
inline constexpr bool possible_member_v = sizeof(typename detail::member_value<M>::type) <= sizeof(S);

/// The value `setting` has in `settings`; value_of(s, S{}) is its default.
// GCC 12 analyses the visit's branches for member types S does not have (dead code: no
// such Setting can be made) and reports an uninitialised read there after inlining.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
template <class S>
SettingValue value_of(const Setting<S>& setting, const S& settings) {
  return std::visit(
      [&](auto member) -> SettingValue {
        if constexpr (std::is_same_v<decltype(member), std::monostate>) {
          return std::monostate{};
        } else if constexpr (!possible_member_v<S, decltype(member)>) {
          return std::monostate{};  // never taken: no such member exists (possible_member_v)
        } else {
          const auto& v = settings.*member;
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, double> || std::is_same_v<V, SpecNumber>) {
            return v;
          } else if constexpr (std::is_integral_v<V>) {
            return static_cast<long long>(v);
          } else {
            return std::vector<long long>(v.begin(), v.end());
          }
        }
      },
      setting.member);
}
#pragma GCC diagnostic pop

/// The declarations of one configuration table, in the order docs/config.md lists them.
template <class S>
struct SettingTable {
  std::string name;  ///< the table's key: "certificate" for [certificate]
  std::vector<Setting<S>> settings;

  /// The declaration of `key`, which must be declared.
  const Setting<S>& at(const std::string& key) const {
    for (const Setting<S>& s : settings)
      if (s.key == key) return s;
    throw std::logic_error("no setting " + key + " in [" + name + "]");
  }

  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const Setting<S>& s : settings) out.push_back(s.key);
    return out;
  }
};

}  // namespace zg
