// Tests for T1: on the default-like teacher a small map converges from its small gaps and
// measures the threshold; a budget too short to converge, or an understated optimum, must
// FAIL; the same seed gives the same map whether one thread runs it or two.
#include "lemmas/threshold_map.hpp"

#include "tests/support/outcomes.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::value_of;

namespace {

// Two lambdas, gaps from small to far, one seed: a map in seconds.
zg::ThresholdMapSettings small_map() {
  zg::ThresholdMapSettings s;
  s.lambdas = {"1e-2", "1e-3"};
  s.initial_gaps = {1e-5, 1e-3, 3};
  s.seeds = 1;
  return s;
}

zg::CheckOutcome run(const zg::ThresholdMapSettings& s, const Mp& offset = Mp(0)) {
  return zg::check_threshold_map(zg::CheckContext{zg::test::default_like_problem(), 30, 1}, s, offset);
}

}  // namespace

TEST_CASE("T1: descent converges from small gaps and the map is measured", "[claims][T1]") {
  zg::ScopedDigits digits(30);
  const zg::CheckOutcome o = run(small_map());
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  for (const char* name : {"threshold_gap_lambda_1e-2", "threshold_gap_lambda_1e-3", "convergence_rate_over_lambda",
                           "test_function_max_ratio_descent", "success_fraction", "runs"})
    CHECK(value_of(o, name) != "");
  CHECK(value_of(o, "runs") == "6");
  // Every recorded state obeys the D4 bound: a theorem, so the ratio stays below 1.
  CHECK(Mp(value_of(o, "test_function_max_ratio_descent")) <= 1);
  // The local rate scales with lambda (time in units of 1/lambda): a few per unit here.
  const Mp rate(value_of(o, "convergence_rate_over_lambda"));
  CHECK(rate > Mp("0.5"));
  CHECK(rate < 50);
  CHECK(o.plots.size() == 3);
}

TEST_CASE("T1 fails when the budget is too short for any run to converge", "[claims][T1][must-fail]") {
  zg::ScopedDigits digits(30);
  zg::ThresholdMapSettings s = small_map();
  s.horizon = 1e-3;  // a thousandth of 1/lambda: no gap closes by a factor of a hundred
  const zg::CheckOutcome o = run(s);
  CHECK(o.verdict == Verdict::Fail);
  CHECK(value_of(o, "success_fraction") == "0");
  CHECK(value_of(o, "threshold_exponent_fit") == "");
}

TEST_CASE("T1 fails against an understated optimum: the gaps never close", "[claims][T1][must-fail]") {
  zg::ScopedDigits digits(30);
  const zg::CheckOutcome o = run(small_map(), Mp("-1e-6"));
  CHECK(o.verdict == Verdict::Fail);
}

TEST_CASE("T1 gives the same map from one thread and from two", "[claims][T1]") {
  zg::ScopedDigits digits(30);
  zg::ThresholdMapSettings one = small_map(), two = small_map();
  one.threads = 1;
  two.threads = 2;
  const zg::CheckOutcome a = run(one), b = run(two);
  REQUIRE(a.measurements.size() == b.measurements.size());
  for (std::size_t k = 0; k < a.measurements.size(); ++k) {
    INFO(a.measurements[k].name);
    CHECK(a.measurements[k].value == b.measurements[k].value);
  }
}
