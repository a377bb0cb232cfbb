// Running and reading check outcomes in tests: a claim's check by its id, a measurement's
// value by name, and the set of names.
#pragma once

#include <set>
#include <stdexcept>
#include <string>

#include "lemmas/claim_registry.hpp"

namespace zg::test {

/// The check bound to `claim_id` in the built-in registry, run on `ctx`: what the runner
/// would run, without the runner's requirements, retries or confirming run. A test of a new
/// claim calls it by id, so the claim needs no declaration in its family's header
/// (docs/adding-a-claim.md: check, table, test). Throws when no claim has that id.
inline CheckOutcome check_claim(const std::string& claim_id, const CheckContext& ctx) {
  const ClaimSpec* spec = ClaimRegistry::builtin().find(claim_id);
  if (spec == nullptr) throw std::invalid_argument("no claim with id '" + claim_id + "'");
  return spec->check(ctx);
}

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
