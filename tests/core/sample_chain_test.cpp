// Tests for the finite-sample chain: more samples give a smaller test error (the
// population loss of the result), the same options give the same result, and the train
// loss of a small sample overfits (below its test error).
#include "core/sample_chain.hpp"

#include "core/problem_spec.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

namespace {

zg::Network<double> default_teacher() {
  zg::ScopedDigits digits(30);
  return zg::network_cast<double>(zg::build_teacher<zg::Mp>(zg::test::default_like_problem().teacher));
}

zg::SampleChainResult chain(long n) {
  zg::SampleChainOptions o;
  o.samples = n;
  o.batch_size = 256;
  o.pairs = 16;
  o.schedule = {1e-2, 0.5, 3};
  o.horizon = 5;
  return zg::run_sample_chain(default_teacher(), o);
}

}  // namespace

TEST_CASE("the finite-sample chain: more samples, smaller test error; deterministic", "[chain]") {
  const zg::SampleChainResult small = chain(60), large = chain(6000);
  INFO("n = 60: test " << small.test_error << ", train " << small.train_loss << "; n = 6000: test " << large.test_error);
  // 60 samples cannot pin 16 pairs of neurons in R^16: the fit overfits.
  CHECK(small.train_loss < small.test_error);
  // With 6000 the test error is within a small factor of the lambda-limited floor (~1e-4 at
  // lambda = 2.5e-3), orders below the small sample's.
  CHECK(large.test_error < small.test_error / 10);
  CHECK(large.max_angle_deg < 5);
  const zg::SampleChainResult again = chain(6000);
  CHECK(again.test_error == large.test_error);
  CHECK(again.steps == large.steps);
}
