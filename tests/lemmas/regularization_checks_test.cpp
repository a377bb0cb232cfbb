// Tests for R1: it passes on the default-like problem at any lambda, and fails when the
// gradient under trial is not that of a 1-homogeneous loss (STYLE.md habit 12).
#include "lemmas/regularization_checks.hpp"

#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;

TEST_CASE("R1 passes with and without weight decay", "[claims][R1]") {
  zg::ScopedDigits digits(40);
  zg::ProblemSpec p = zg::test::default_like_problem();
  for (const char* lambda : {"1e-3", "0.5", "0"}) {
    p.lambda = zg::SpecNumber(std::string(lambda));
    const zg::CheckOutcome o = zg::check_weight_decay_balance(zg::CheckContext{p, 40, 3});
    INFO("lambda = " << lambda << ": " << o.explanation);
    CHECK(o.verdict == Verdict::Pass);
  }
}

TEST_CASE("R1 fails for a gradient that breaks homogeneity", "[claims][R1][must-fail]") {
  zg::ScopedDigits digits(40);
  const zg::ProblemSpec p = zg::test::default_like_problem();
  const auto skewed = [](const zg::Network<Mp>& s, const zg::Network<Mp>& t) {
    zg::LossGradient<Mp> g = zg::population_loss_gradient(s, t);
    g.grad_W *= Mp("1.001");
    return g;
  };
  const zg::CheckOutcome o = zg::check_weight_decay_balance(zg::CheckContext{p, 40, 3}, skewed);
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("a_j dL/da_j") != std::string::npos);
}
