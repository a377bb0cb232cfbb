// The built-in claim registry: the lemma modules' claims, in docs/math.md §6 order.
#include "lemmas/claim_registry.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace zg {

const ClaimRegistry& ClaimRegistry::builtin() {
  static const ClaimRegistry registry = [] {
    ClaimRegistry r;
    register_assumption_claims(r);  // first: the claims after it may require A1
    register_hermite_claims(r);
    register_certificate_claims(r);
    register_regularization_claims(r);
    register_algorithm_claims(r);
    register_stage_three_claims(r);
    return r;
  }();
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
