// Tests for D3: on the default-like teacher the optimum is certified at every lambda (by
// the Arb prover) and eta_lambda -> eta at rate ~lambda; for a
// teacher whose pre-certificate exceeds 1 the m*-neuron optimum cannot be certified, and
// at lambda = 1e-2 the violation is proved (STYLE.md habit 12); on a rank-3 span the Arb
// prover refutes it too and attaches a certificate per lambda.
#include "lemmas/lambda_certificate_checks.hpp"

#include "tests/support/problems.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::value_of;

TEST_CASE("D3 certifies the optimum and measures a linear rate on the default teacher", "[claims][D3]") {
  zg::ScopedDigits digits(40);
  const zg::CheckOutcome o = zg::check_lambda_certificate(zg::CheckContext{zg::test::default_like_problem(), 40, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  // Angles, mass gaps and sup |eta_lambda - eta| all shrink like lambda^1 here.
  for (const char* name : {"eta_lambda_rate_exponent", "angle_exponent", "mass_gap_exponent"})
    CHECK_THAT(Mp(value_of(o, name)), zg::test::WithinAbs(Mp(1), Mp("0.05")));
  // The interval proofs at every lambda, with rho > 0 and tau from the residual.
  for (const char* lambda : {"1e-2", "1e-3", "1e-4", "1e-5", "1e-6"}) {
    const std::string suffix = std::string("_lambda_") + lambda;
    INFO("lambda = " << lambda);
    CHECK(value_of(o, "certified_proved" + suffix) == "1");
    CHECK(Mp(value_of(o, "certified_rho" + suffix)) > 0);
    CHECK(Mp(value_of(o, "certified_tau" + suffix)) < Mp("1e-20"));
    CHECK(Mp(value_of(o, "sup_abs_eta_lambda_certified" + suffix)) - 1 < Mp("1e-20"));
  }
}

TEST_CASE("D3 fails when the pre-certificate exceeds 1 somewhere", "[claims][D3][must-fail]") {
  // The five-direction 2-D teacher with |eta| up to 1 + 1.5e-5 (tests of D2): as lambda -> 0,
  // eta_lambda approaches eta, so the m*-neuron stationary point is not certified.
  zg::ScopedDigits digits(40);
  const zg::ProblemSpec p = zg::test::planar_problem(2, {110, 71, 168, 133, 41}, {-1, 1, 1, -1, 1});
  const zg::CheckOutcome o = zg::check_lambda_certificate(zg::CheckContext{p, 40, 1});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("sup |eta_lambda| - 1") == 0);
  // At lambda = 1e-2 the Arb proof itself refutes the bound (|eta_lambda| - 1 ~ 1.5e-3).
  CHECK(value_of(o, "certified_proved_lambda_1e-2") == "0");
  CHECK(o.explanation.find("sup |eta_lambda| - 1 <= tau at lambda = 1e-2: counterexample") != std::string::npos);
}

TEST_CASE("D3 on a rank-3 span: the Arb prover refutes the optimum and attaches one certificate per lambda",
          "[claims][D3][must-fail]") {
  // configs/rank3_sphere.toml's teacher: Newton's m*-neuron optimum exceeds 1 near neuron 0
  // (an MPFR evaluation at the witness agrees, tests/core/lambda_decay_proof_test.cpp), so
  // D3 must FAIL, with each lambda's proof written as a certificate.
  zg::ScopedDigits digits(40);
  zg::ProblemSpec p;
  p.teacher.dimension = 3;
  zg::ExplicitDirections dirs;
  for (const auto& row : std::vector<std::vector<std::string>>{{"1", "0", "0"}, {"0.8", "0.6", "0"}, {"0.7", "0.3", "0.65"}}) {
    std::vector<zg::SpecNumber> r;
    for (const std::string& x : row) r.emplace_back(x);
    dirs.directions.push_back(r);
  }
  p.teacher.directions = dirs;
  for (double w : {1.0, 1.0, -1.0}) p.teacher.weights.emplace_back(w);
  const zg::CheckOutcome o = zg::check_lambda_certificate(zg::CheckContext{p, 40, 1});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(value_of(o, "certified_proved_lambda_1e-2") == "0");
  CHECK(o.explanation.find("sup |eta_lambda| - 1 <= tau at lambda = 1e-2: counterexample") != std::string::npos);
  REQUIRE(o.attachments.size() == 5);
  CHECK(o.attachments[0].path == "certificates/D3_lambda_1e-2.json");
  CHECK(o.attachments[4].path == "certificates/D3_lambda_1e-6.json");
  for (const zg::AttachedFile& a : o.attachments) {
    CHECK(a.kind == "certificate");
    CHECK(a.content.find("\"claim\": \"D3\"") != std::string::npos);
  }
}
