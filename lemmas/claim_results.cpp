// The run's store of shared products (lemmas/claim_results.hpp): names, inputs, counts.
#include "lemmas/claim_results.hpp"

namespace zg {

const char* to_string(Product kind) {
  switch (kind) {
    case Product::Certificate: return "certificate";
    case Product::DecaySearch: return "decay search";
    case Product::DecayProof: return "decay proof";
    case Product::TestFunctionBound: return "test-function bound";
    case Product::NewtonOptimum: return "Newton optimum";
    case Product::StageTwoNetwork: return "stage-2 network";
  }
  return "unknown";
}

std::optional<Product> product_from_string(const std::string& name) {
  for (Product kind : {Product::Certificate,
                       Product::DecaySearch,
                       Product::DecayProof,
                       Product::TestFunctionBound,
                       Product::NewtonOptimum,
                       Product::StageTwoNetwork})
    if (name == to_string(kind)) return kind;
  return std::nullopt;
}

std::vector<Product> product_inputs(Product kind) {
  switch (kind) {
    case Product::Certificate: return {};
    case Product::DecaySearch: return {Product::Certificate};
    case Product::DecayProof: return {Product::Certificate, Product::DecaySearch};
    case Product::TestFunctionBound: return {Product::Certificate, Product::DecaySearch, Product::DecayProof};
    case Product::NewtonOptimum: return {Product::Certificate};  // the span's basis
    case Product::StageTwoNetwork: return {};
  }
  return {};
}

std::set<Product> with_inputs(const std::vector<Product>& needs) {
  std::set<Product> out;
  std::vector<Product> todo = needs;
  while (!todo.empty()) {
    const Product p = todo.back();
    todo.pop_back();
    if (!out.insert(p).second) continue;
    for (Product q : product_inputs(p)) todo.push_back(q);
  }
  return out;
}

std::size_t ClaimResults::computations(Product kind) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = computed_.find(kind);
  return it == computed_.end() ? 0 : it->second;
}

}  // namespace zg
