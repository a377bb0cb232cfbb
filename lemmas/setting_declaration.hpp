// The declaration of a configuration setting: key, type, default, range, unit, meaning and
// the fix shown when a value is refused, stated once next to the claims that use it. The
// reader (verify/settings_reader.hpp), its error messages and the tables of docs/config.md
// (verify/settings_docs.hpp) are all derived from these declarations.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

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

/// What kind of value a setting holds; follows from the struct member it fills.
enum class SettingKind { Number, Integer, IntegerArray };

/// One setting of the settings struct S (a member of it) in config table [name].
template <class S>
struct Setting {
  using Member =
      std::variant<double S::*, int S::*, long S::*, std::size_t S::*, std::vector<int> S::*, std::vector<long> S::*>;

  std::string key;       ///< the key in the table
  Member member;         ///< the member it fills; its default is the member's default in S{}
  SettingRange range;    ///< of the value, or of each entry of an array
  ArrayRule array;       ///< array settings only
  std::string unit;      ///< "degrees", or empty when the value has none
  std::string meaning;   ///< one line of Markdown for docs/config.md
  std::string fix;       ///< what to give instead, for a refused number ("give ..."); ", e.g. <default>" follows
  std::string run_rule;  ///< a rule the claim checks when it runs (it needs the problem), docs only

  Setting(std::string key_, Member member_) : key(std::move(key_)), member(member_) {}
  Setting& in(SettingRange r) { return range = r, *this; }
  Setting& entries(ArrayRule a) { return array = std::move(a), *this; }
  Setting& measured_in(std::string u) { return unit = std::move(u), *this; }
  Setting& means(std::string text) { return meaning = std::move(text), *this; }
  Setting& fix_hint(std::string text) { return fix = std::move(text), *this; }
  Setting& checked_at_run(std::string text) { return run_rule = std::move(text), *this; }

  SettingKind kind() const {
    if (std::holds_alternative<double S::*>(member)) return SettingKind::Number;
    if (std::holds_alternative<std::vector<int> S::*>(member) || std::holds_alternative<std::vector<long> S::*>(member))
      return SettingKind::IntegerArray;
    return SettingKind::Integer;
  }
};

/// A setting's value as the docs show it: a number, an integer or an array of integers.
using SettingValue = std::variant<double, long long, std::vector<long long>>;

/// The value `setting` has in `settings`; value_of(s, S{}) is its default.
template <class S>
SettingValue value_of(const Setting<S>& setting, const S& settings) {
  return std::visit(
      [&](auto S::*member) -> SettingValue {
        const auto& v = settings.*member;
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, double>) {
          return v;
        } else if constexpr (std::is_integral_v<V>) {
          return static_cast<long long>(v);
        } else {
          return std::vector<long long>(v.begin(), v.end());
        }
      },
      setting.member);
}

/// The declarations of one configuration table, in the order docs/config.md lists them.
template <class S>
struct SettingTable {
  std::string name;  ///< the table's key: "certificate" for [certificate]
  std::vector<Setting<S>> settings;

  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const Setting<S>& s : settings) out.push_back(s.key);
    return out;
  }
};

}  // namespace zg
