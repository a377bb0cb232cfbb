// Tests for the H1–H3 checks: they pass on the true closed forms with the measurement
// names the reports promise, and each fails on a perturbed closed form (STYLE.md habit 12).
#include "lemmas/hermite_checks.hpp"

#include <set>

#include "tests/support/problems.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Verdict;
using zg::test::default_like_problem;
using zg::test::names;

namespace {

// 30 digits keeps the suite fast; the claims run at 50+ in the audit.
constexpr unsigned kDigits = 30;

}  // namespace

TEST_CASE("H1 passes and reports its measurements", "[claims][H1]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = default_like_problem();
  const zg::CheckOutcome o = zg::check_relu_hermite_coefficients(zg::CheckContext{p, kDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  const std::set<std::string> n = names(o);
  for (const char* required : {"coef_max_abs_diff", "parseval_residual", "sigma2_order01_residual"})
    CHECK(n.count(required) == 1);
}

TEST_CASE("H1 fails when one coefficient is off", "[claims][H1][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = default_like_problem();
  zg::HermiteClosedForms bad;
  bad.relu_coefs = [](unsigned n) {
    std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(n);
    c[10] *= Mp("1.000001");
    return c;
  };
  const zg::CheckOutcome o = zg::check_relu_hermite_coefficients(zg::CheckContext{p, kDigits, 1}, bad);
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.margin.value < 0);
  CHECK(o.explanation.find("quadrature") != std::string::npos);
}

TEST_CASE("H1 above the quadrature's precision checks by exact half-moments alone, and says so", "[claims][H1]") {
  constexpr unsigned kHighDigits = 200;  // above kQuadratureMaxDigits (120)
  zg::ScopedDigits digits(kHighDigits);
  const zg::ProblemSpec p = default_like_problem();
  const zg::CheckOutcome o = zg::check_relu_hermite_coefficients(zg::CheckContext{p, kHighDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  const std::set<std::string> n = names(o);
  CHECK(n.count("coef_moments_max_abs_diff") == 1);
  CHECK(n.count("coef_max_abs_diff") == 0);  // no quadrature was run
  CHECK(o.explanation.find("quadrature") == std::string::npos);
  bool said_so = false;
  for (const zg::Measurement& m : o.measurements)
    if (m.name == "coef_independent_routes") said_so = m.value == "half-moments";
  CHECK(said_so);

  zg::HermiteClosedForms bad;  // and it still fails a wrong coefficient there
  bad.relu_coefs = [](unsigned n) {
    std::vector<Mp> c = zg::relu_hermite_coefs<Mp>(n);
    c[10] *= 1 + Mp("1e-60");  // beyond 10^-(digits/2): a false identity, not lost digits
    return c;
  };
  const zg::CheckOutcome wrong = zg::check_relu_hermite_coefficients(zg::CheckContext{p, kHighDigits, 1}, bad);
  CHECK(wrong.verdict == Verdict::Fail);
  CHECK(wrong.explanation.rfind("closed-form c_k against exact half-moments", 0) == 0);
}

TEST_CASE("H2 passes and reports its measurements", "[claims][H2]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = default_like_problem();
  const zg::CheckOutcome o = zg::check_kernel_closed_forms(zg::CheckContext{p, kDigits, 1});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  const std::set<std::string> n = names(o);
  for (const char* required : {"kernel_series_max_diff", "kernel_derivative_max_diff"}) CHECK(n.count(required) == 1);
}

TEST_CASE("H2 fails for the non-homogeneous or mis-signed kernel forms", "[claims][H2][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = default_like_problem();
  SECTION("K with sqrt(1 - rho^2) + 1 instead of - 1") {
    zg::HermiteClosedForms bad;
    bad.relu_ge2_kernel = [](const zg::AngleData<Mp>& g) {
      return Mp((g.rho * g.asin_rho + g.sin_theta + 1) / (2 * zg::pi<Mp>()));
    };
    CHECK(zg::check_kernel_closed_forms(zg::CheckContext{p, kDigits, 1}, bad).verdict == Verdict::Fail);
  }
  SECTION("grad_w G without the |v| factor") {
    zg::HermiteClosedForms bad;
    bad.neuron_kernel_grad = [](const zg::Vec<Mp>& w, const zg::Vec<Mp>& v) {
      const zg::Vec<Mp> unit_v = v / v.norm();
      return zg::neuron_kernel_grad<Mp>(w, unit_v);
    };
    const zg::CheckOutcome o = zg::check_kernel_closed_forms(zg::CheckContext{p, kDigits, 1}, bad);
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.explanation.find("grad_w G against central differences") == 0);
  }
}

TEST_CASE("H3 passes and reports its measurements", "[claims][H3]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = default_like_problem();
  const zg::CheckOutcome o = zg::check_loss_closed_form(zg::CheckContext{p, kDigits, 7});
  INFO(o.explanation);
  CHECK(o.verdict == Verdict::Pass);
  const std::set<std::string> n = names(o);
  for (const char* required : {"loss_closed_form", "loss_hermite_split_residual", "loss_monte_carlo",
                               "loss_monte_carlo_stderr", "grad_fd_max_diff"})
    CHECK(n.count(required) == 1);
}

TEST_CASE("H3 fails for a wrong gradient and for a wrong loss", "[claims][H3][must-fail]") {
  zg::ScopedDigits digits(kDigits);
  const zg::ProblemSpec p = default_like_problem();
  SECTION("gradient off by 1e-6 in one entry: central differences see it") {
    zg::HermiteClosedForms bad;
    bad.loss_gradient = [](const zg::Network<Mp>& s, const zg::Network<Mp>& t) {
      zg::LossGradient<Mp> lg = zg::population_loss_gradient(s, t);
      lg.grad_W(3, 2) += Mp("1e-6");
      return lg;
    };
    const zg::CheckOutcome o = zg::check_loss_closed_form(zg::CheckContext{p, kDigits, 7}, bad);
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.explanation.find("gradient against central differences") == 0);
  }
  SECTION("loss doubled: the Hermite split and Monte Carlo see it") {
    zg::HermiteClosedForms bad;
    bad.loss_gradient = [](const zg::Network<Mp>& s, const zg::Network<Mp>& t) {
      zg::LossGradient<Mp> lg = zg::population_loss_gradient(s, t);
      lg.loss *= 2;
      return lg;
    };
    const zg::CheckOutcome o = zg::check_loss_closed_form(zg::CheckContext{p, kDigits, 7}, bad);
    CHECK(o.verdict == Verdict::Fail);
  }
}

TEST_CASE("H3's measured loss at d and 2d digits agree within the d-digit tolerance", "[claims][H3][precision]") {
  // STYLE.md habit 10: escalation is only sound if a result computed with more digits
  // agrees with the one it replaces within the error the latter claimed.
  const zg::ProblemSpec p = default_like_problem();
  auto loss_at = [&p](unsigned digits) {
    zg::ScopedDigits precision(digits);
    const zg::CheckOutcome o = zg::check_loss_closed_form(zg::CheckContext{p, digits, 3});
    for (const zg::Measurement& m : o.measurements)
      if (m.name == "loss_closed_form") return m.value;
    return std::string();
  };
  const std::string at30 = loss_at(30), at60 = loss_at(60);
  REQUIRE(!at30.empty());
  zg::ScopedDigits digits(60);
  // L is a difference of O(1) terms: absolute error a few hundred eps at 30 digits.
  CHECK_THAT(Mp(at30), zg::test::WithinAbs(Mp(at60), Mp("1e-27")));
  CHECK(Mp(at30) != Mp(at60));  // the 60-digit value really carries more digits
}
