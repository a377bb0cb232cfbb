// The built-in claim registry: the claims table's rows with their bound checks (lemmas/claim_table.hpp).
#include "lemmas/claim_registry.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

#include "lemmas/claim_table.hpp"

namespace zg {

namespace {

// A function-local static, so it exists before the first BindCheck whatever order the
// files are initialised in.
std::vector<CheckBinding>& binding_list() {
  static std::vector<CheckBinding> bindings;  // the claims' code, not their results: filled before main
  return bindings;
}

}  // namespace

BindCheck::BindCheck(const char* claim_id,
                     std::function<CheckOutcome(const CheckContext&)> check,
                     const char* defined_in) {
  binding_list().push_back(CheckBinding{claim_id, std::move(check), defined_in});
}

const std::vector<CheckBinding>& bound_checks() {
  return binding_list();
}

const ClaimRegistry& ClaimRegistry::builtin() {
  static const ClaimRegistry registry =
      registry_from_table(embedded_claim_table(), "lemmas/claims.toml", bound_checks());
  return registry;
}

void ClaimRegistry::add(ClaimSpec spec) {
  if (find(spec.id) != nullptr) throw std::logic_error("claim registered twice: " + spec.id);
  claims_.push_back(std::move(spec));
}

const ClaimSpec* ClaimRegistry::find(const std::string& id) const {
  auto same = [&id](const ClaimSpec& c) {
    return std::equal(c.id.begin(), c.id.end(), id.begin(), id.end(), [](char a, char b) {
      return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
    });
  };
  auto it = std::find_if(claims_.begin(), claims_.end(), same);
  return it == claims_.end() ? nullptr : &*it;
}

}  // namespace zg
