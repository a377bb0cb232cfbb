// Catch2 matchers for values of any working precision (STYLE.md habit 4). Tolerances are
// multiples of the epsilon of the value under test; both values print in full; nothing
// goes through double or Approx.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "core/numeric_types.hpp"

namespace Catch {
template <>
struct StringMaker<zg::Mp> {
  static std::string convert(const zg::Mp& x) { return zg::to_decimal(x, x.precision() + 2); }
};
template <>
struct StringMaker<zg::Mpi> {
  static std::string convert(const zg::Mpi& x) { return zg::to_decimal(x, x.precision()); }
};
}  // namespace Catch

namespace zg::test {

inline unsigned print_digits(double) { return 17; }
inline unsigned print_digits(const Mp& x) { return x.precision() + 2; }

/// |actual - expected| <= tol, with tol an absolute bound in T.
template <class T>
class WithinAbsMatcher : public Catch::MatcherBase<T> {
 public:
  WithinAbsMatcher(T expected, T tol) : expected_(std::move(expected)), tol_(std::move(tol)) {}

  bool match(const T& actual) const override {
    if constexpr (std::is_same_v<T, Mp>) {
      // A reference less precise than the value under test cannot judge its last digits.
      if (expected_.precision() < actual.precision())
        throw std::logic_error("reference has fewer digits than the value under test");
    }
    using std::abs;
    error_ = abs(actual - expected_);
    return error_ <= tol_;
  }
  std::string describe() const override {
    std::ostringstream s;
    s << "is within " << to_decimal(tol_, 3) << " of " << to_decimal(expected_, print_digits(expected_))
      << " (error " << to_decimal(error_, 3) << ", error/tolerance "
      << to_decimal(T(error_ / tol_), 3) << ")";
    return s.str();
  }

 private:
  T expected_;
  T tol_;
  mutable T error_{0};
};

/// |actual - expected| <= k eps max(|expected|, 1), eps the epsilon of `expected`'s precision.
/// Use when the value is O(1) or larger; for tiny values state an absolute tolerance.
template <class T>
WithinAbsMatcher<T> WithinEps(const T& expected, double k) {
  using std::abs;
  const T scale = abs(expected) > 1 ? abs(expected) : T(1);
  return WithinAbsMatcher<T>(expected, T(k) * eps_of(expected) * scale);
}

template <class T>
WithinAbsMatcher<T> WithinAbs(const T& expected, const T& tol) {
  return WithinAbsMatcher<T>(expected, tol);
}

/// Digits used by the Mp tests: above 50 so that identities are tested well past double.
inline constexpr unsigned kTestDigits = 60;

}  // namespace zg::test
