// The results claims share within one run (issue 11): typed products such as the
// teacher's certificate, D2c's proof, the D4 bound, Newton's optimum per lambda and the
// algorithm's stage-2 network. The runner owns one ClaimResults per run and hands each
// check a ResultGrant through its CheckContext; every product is computed once per run, by
// the first check that asks for it, and shared read-only. Nothing here outlives the run.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace zg {

/// The kinds of product. A claim declares the kinds it asks for (ClaimSpec::needs); the
/// kinds a product is computed from are granted with it (product_inputs). The accessors
/// are in lemmas/claim_products.hpp.
enum class Product {
  Certificate,        ///< the pre-certificate at the working digits, or the FAIL of a degenerate teacher
  DecaySearch,        ///< D2's sampled decay constant rho_eta of that certificate
  DecayProof,         ///< D2c's proof of |eta| <= 1 + tau - rho delta^2 (a DecayCertificate)
  TestFunctionBound,  ///< D4's bound: the proved rho (the sampled one when no proof), |p|^2, sum |a_i*|
  NewtonOptimum,      ///< Newton's minimiser of L_lambda with m* neurons, one per (lambda, tolerance)
  StageTwoNetwork,    ///< stages 1 and 2 of the algorithm from the [algorithm] settings, one per seed
};

const char* to_string(Product kind);

/// Inverse of to_string (the names the claims table uses in `needs`); nullopt for unknown text.
std::optional<Product> product_from_string(const std::string& name);

/// The kinds a product of `kind` is computed from, directly.
std::vector<Product> product_inputs(Product kind);

/// `needs` and every kind they are computed from, transitively.
std::set<Product> with_inputs(const std::vector<Product>& needs);

/// One run's products. Not copyable: references to it are handed to the checks.
class ClaimResults {
 public:
  ClaimResults() = default;
  ClaimResults(const ClaimResults&) = delete;
  ClaimResults& operator=(const ClaimResults&) = delete;

  /// The product of `kind` stored under `key` (any type with operator<; it must name
  /// everything the product depends on that may differ within a run, the digits first),
  /// computed by `compute()` (returning a T) on the first request only. Thread-safe:
  /// concurrent first requests compute once and the others wait; `compute` may ask for
  /// other products (each has its own slot, so nothing deadlocks unless products depend
  /// on themselves). A compute that throws leaves the slot empty: the exception reaches
  /// that caller, and the next request computes again.
  template <class T, class Key, class Compute>
  std::shared_ptr<const T> get(Product kind, const Key& key, Compute&& compute) {
    const std::shared_ptr<Slot<T>> slot = slot_for<T>(kind, key);
    std::call_once(slot->once, [&] {
      slot->value = std::make_shared<const T>(compute());
      const std::lock_guard<std::mutex> lock(mutex_);
      ++computed_[kind];
    });
    return slot->value;
  }

  /// How many products of `kind` this run computed (tests: "computed once per run").
  std::size_t computations(Product kind) const;

 private:
  template <class T>
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const T> value;
  };
  struct TableBase {
    virtual ~TableBase() = default;
  };
  template <class Key, class T>
  struct Table final : TableBase {
    std::map<Key, std::shared_ptr<Slot<T>>> slots;
  };

  template <class T, class Key>
  std::shared_ptr<Slot<T>> slot_for(Product kind, const Key& key) {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<TableBase>& base = tables_[{kind, std::type_index(typeid(Table<Key, T>))}];
    if (!base) base = std::make_unique<Table<Key, T>>();
    auto& slots = static_cast<Table<Key, T>&>(*base).slots;  // the type_index in the key says it is one
    std::shared_ptr<Slot<T>>& slot = slots[key];
    if (!slot) slot = std::make_shared<Slot<T>>();
    return slot;
  }

  mutable std::mutex mutex_;
  std::map<std::pair<Product, std::type_index>, std::unique_ptr<TableBase>> tables_;
  std::map<Product, std::size_t> computed_;
};

/// What one claim may take from its run's results: the kinds it declared and their
/// inputs. Asking for anything else is a defect of the claim's registry row (an
/// undeclared coupling), reported as std::logic_error, which the runner turns into FAIL.
class ResultGrant {
 public:
  ResultGrant(ClaimResults& results, std::string claim, const std::vector<Product>& needs)
      : results_(results), claim_(std::move(claim)), allowed_(with_inputs(needs)) {}

  template <class T, class Key, class Compute>
  std::shared_ptr<const T> get(Product kind, const Key& key, Compute&& compute) const {
    if (allowed_.count(kind) == 0)
      throw std::logic_error("claim " + claim_ + " asks for the " + to_string(kind) +
                             " product without declaring it (ClaimSpec::needs)");
    return results_.get<T>(kind, key, std::forward<Compute>(compute));
  }

  const std::string& claim() const { return claim_; }

 private:
  ClaimResults& results_;
  std::string claim_;
  std::set<Product> allowed_;
};

}  // namespace zg
