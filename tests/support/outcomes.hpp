// Reading check outcomes in tests: a measurement's value by name, and the set of names.
#pragma once

#include <set>
#include <string>

#include "lemmas/claim_registry.hpp"

namespace zg::test {

/// The value string of the named measurement, or "" when the outcome has none.
inline std::string value_of(const CheckOutcome& o, const std::string& name) {
  for (const Measurement& m : o.measurements)
    if (m.name == name) return m.value;
  return "";
}

inline std::set<std::string> names(const CheckOutcome& o) {
  std::set<std::string> s;
  for (const Measurement& m : o.measurements) s.insert(m.name);
  return s;
}

}  // namespace zg::test
