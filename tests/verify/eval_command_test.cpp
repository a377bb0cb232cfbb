// Tests for verify/eval_command.cpp: every digit `eval kernel` prints is correct next to the
// kernels' vanishing and singular points (rho -> -1, +1, 0 at distances 10^-3 ... 10^-40),
// judged against the textbook forms at twice the digits plus what their cancellation costs;
// `eval optimum` and `eval certificate` hold at twice the digits; a zero angle prints as 0;
// `eval optimum`'s sampled sup |eta_lambda| is claim D3's, computed by the same code.
#include "verify/eval_command.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/kernels.hpp"
#include "core/problem_spec.hpp"
#include "lemmas/lambda_certificate_checks.hpp"
#include "verify/config.hpp"
#include "tests/support/outcomes.hpp"
#include "tests/support/printed_digits.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;

namespace {

// The four decimals at distance 10^-k from -1, +1 and 0 (both sides of 0).
std::vector<std::string> points_at(int k) {
  const std::string nines(static_cast<std::size_t>(k), '9');
  return {"-0." + nines, "0." + nines, "1e-" + std::to_string(k), "-1e-" + std::to_string(k)};
}

}  // namespace

TEST_CASE("eval kernel: every printed digit is correct near rho = -1, +1 and 0", "[eval][ziv]") {
  Mp worst_units(0);
  Mp worst_digits(1000);
  std::string worst_at;
  for (unsigned d : {20u, 50u}) {
    for (int k = 3; k <= 40; ++k) {
      for (const std::string& rho : points_at(k)) {
        const nlohmann::ordered_json j = zg::eval_kernel(rho, d);
        // Twice the digits, plus 2k for the textbook forms' cancellation at distance 10^-k
        // (kappa near -1 and K near 0 lose that much), plus 20 spare.
        const zg::test::KernelReference ref =
            zg::test::textbook_kernels(rho, 2 * d + 2 * static_cast<unsigned>(k) + 20);
        const std::pair<const char*, Mp> values[] = {
            {"kappa", ref.kappa}, {"K", ref.K}, {"K_prime", ref.K_prime}, {"K_second", ref.K_second}};
        for (const auto& [key, reference] : values) {
          INFO("rho = " << rho << ", digits = " << d << ", " << key << " = " << j[key].get<std::string>());
          const std::string text = j[key];
          // All requested digits are stable here: none is dropped, no error is attached.
          CHECK(zg::test::printed_digits(text) == d);
          CHECK_FALSE(j.contains(std::string(key) + "_abs_error"));
          // Correct within one unit in the last printed place (correct rounding gives 1/2).
          const Mp units = zg::test::units_in_last_place(text, reference);
          CHECK(units <= 1);
          if (units > worst_units) worst_units = units;
          const Mp agree = zg::test::agreeing_digits(text, reference);
          if (agree < worst_digits) {
            worst_digits = agree;
            worst_at = std::string(key) + " at rho = " + rho + ", " + std::to_string(d) + " digits";
          }
        }
      }
    }
  }
  // The measurement the issue asks for (shown with -s): the worst case over all points.
  INFO("worst error " << zg::to_decimal(worst_units, 3) << " units in the last place; worst agreement "
                      << zg::to_decimal(worst_digits, 4) << " digits (" << worst_at << ")");
  CHECK(worst_units <= Mp(1) / 2 + Mp("1e-6"));  // correctly rounded up to the reference's own error
}

TEST_CASE("eval kernel: the naive evaluation these points defeat is not what is printed", "[eval][ziv]") {
  // At rho = -1 + 10^-20 and 30 digits, kappa from a rounded rho keeps ~10 digits: the test
  // above would catch it (a check that cannot fail is a defect).
  const std::string rho = "-0.99999999999999999999";
  Mp naive;
  {
    zg::ScopedDigits digits(30);
    const Mp r = zg::parse_decimal<Mp>(rho);
    const Mp p = zg::pi<Mp>();
    naive = (sqrt(Mp(1 - r * r)) + (p - acos(r)) * r) / (2 * p);
  }
  const zg::test::KernelReference ref = zg::test::textbook_kernels(rho, 120);
  CHECK(zg::test::units_in_last_place(zg::to_decimal(naive, 30), ref.kappa) > 1);
  CHECK(zg::test::units_in_last_place(zg::eval_kernel(rho, 30)["kappa"], ref.kappa) <= 1);
}

TEST_CASE("eval kernel: exact values print exactly", "[eval][ziv]") {
  const nlohmann::ordered_json zero = zg::eval_kernel("0", 30);
  CHECK(zero["K"] == "0");
  CHECK(zero["K_prime"] == "0");
  CHECK(zero["kappa"] == "1.59154943091895335768883763373e-01");  // 1/(2 pi), correctly rounded
  const nlohmann::ordered_json minus_one = zg::eval_kernel("-1", 30);
  CHECK(minus_one["kappa"] == "0");
  CHECK(minus_one["K_second"] == "inf");
  const nlohmann::ordered_json one = zg::eval_kernel("1.000", 30);
  CHECK(one["kappa"] == "5.00000000000000000000000000000e-01");
  CHECK(one["K_second"] == "inf");
  // 1 - 10^-2000 rounds to 1 at any working precision but is not 1: K'' is finite.
  const nlohmann::ordered_json near = zg::eval_kernel("0." + std::string(2000, '9'), 30);
  CHECK(near["K_second"] != "inf");
  CHECK(zg::test::printed_digits(near["K_second"]) == 30);
}

TEST_CASE("eval optimum: digits agree with a solve at twice the digits, and a zero angle prints as 0", "[eval][ziv]") {
  const zg::RunConfig config = zg::default_config();
  const nlohmann::ordered_json at20 = zg::eval_optimum(config, "", 20);
  const nlohmann::ordered_json at40 = zg::eval_optimum(config, "", 40);
  // The reference is the same solve at twice the digits (not an independent method):
  // Newton to a tolerance 10^-28 instead of 10^-8, its Ziv pair at 50 and 100 digits.
  // Every stable 20-digit value must lie within one unit in its last place of the 40-digit
  // one. (At 20 digits Newton's own residual, grad_norm ~ 4e-10, used to leave the masses
  // and angles only ~9 correct digits.)
  const auto check = [](const std::string& text20, const std::string& text40) {
    INFO(text20 << " against " << text40);
    if (text20 == "0") return;
    zg::ScopedDigits digits(40);
    CHECK(zg::test::units_in_last_place(text20, zg::parse_decimal<Mp>(text40)) <= 1);
  };
  for (const char* key : {"lambda", "objective", "sup_abs_eta_lambda"}) check(at20[key], at40[key]);
  for (const char* key : {"masses", "angles_to_teacher"})
    for (std::size_t i = 0; i < at20[key].size(); ++i) check(at20[key][i], at40[key][i]);
  // The default teacher is symmetric: the middle neuron lies on its teacher line, an angle
  // 0 that Newton reaches only to its tolerance. It prints as 0 with the error beside it,
  // not as 20 digits of rounding.
  REQUIRE(at20["angles_to_teacher"].size() == 3);
  CHECK(at20["angles_to_teacher"][1] == "0");
  REQUIRE(at20.contains("angles_to_teacher_abs_error"));
  CHECK(at20["angles_to_teacher_abs_error"][0].is_null());
  zg::ScopedDigits digits(30);
  CHECK(zg::parse_decimal<Mp>(at20["angles_to_teacher_abs_error"][1]) < Mp("1e-15"));
}

TEST_CASE("eval certificate: alpha, rho_eta and max |eta| at d digits agree with 2d digits", "[eval][ziv]") {
  const zg::RunConfig config = zg::default_config();
  const nlohmann::ordered_json at30 = zg::eval_certificate(config, 30, config.seed);
  const nlohmann::ordered_json at60 = zg::eval_certificate(config, 60, config.seed);
  // The reference is the same solve and search at twice the digits. (Printed at the working
  // precision alone, rho_eta's last 3 of 30 digits and alpha's last one were wrong.)
  const auto check = [](const std::string& text30, const std::string& text60) {
    INFO(text30 << " against " << text60);
    CHECK(zg::test::printed_digits(text30) == 30);
    zg::ScopedDigits digits(60);
    CHECK(zg::test::units_in_last_place(text30, zg::parse_decimal<Mp>(text60)) <= 1);
  };
  check(at30["rho_eta"], at60["rho_eta"]);
  check(at30["max_abs_eta"], at60["max_abs_eta"]);
  REQUIRE(at30["alpha"].size() == at60["alpha"].size());
  for (std::size_t i = 0; i < at30["alpha"].size(); ++i) check(at30["alpha"][i], at60["alpha"][i]);
  CHECK_FALSE(at30.contains("alpha_abs_error"));
  // beta in R^d: the default's teacher spans (e1, e2) of R^16 and is symmetric about its
  // middle direction, so b_2 and the last 14 coordinates of every b_i are zero at both
  // precisions (printed "0", maybe with an error of ~1e-60); every other entry is checked
  // like alpha.
  REQUIRE(at30["beta"].size() == at60["beta"].size());
  int nonzero = 0;
  for (std::size_t i = 0; i < at30["beta"].size(); ++i)
    for (std::size_t k = 0; k < at30["beta"][i].size(); ++k) {
      {
        zg::ScopedDigits digits(60);
        if (abs(zg::parse_decimal<Mp>(at60["beta"][i][k])) < Mp("1e-50")) {
          CHECK(abs(zg::parse_decimal<Mp>(at30["beta"][i][k])) < Mp("1e-25"));
          continue;
        }
      }
      check(at30["beta"][i][k], at60["beta"][i][k]);
      ++nonzero;
    }
  CHECK(nonzero >= 2);  // the comparison ran on entries that are not zero
}

TEST_CASE("eval optimum's sampled sup |eta_lambda| is claim D3's measurement at the same lambda", "[eval][D3]") {
  // Both are run on one configuration with its seed, at lambda = 1e-3 (one of D3's five):
  // eval at 20 digits (Ziv: every printed digit settled), D3 at 40, its value rounded to
  // the 20 digits eval printed. Equal strings mean one set of points and one supremum (the
  // 4000 sphere points eval used to sample gave 0.99999999879744... on the default).
  // On the default the sup is 1 to 20 digits (its symmetric middle neuron lies on its
  // teacher line); the tilted teacher has no neuron on a sampled point, so there every
  // printed digit is a digit of the sampled sup.
  zg::RunConfig config = zg::default_config();
  zg::RunConfig tilted = config;
  tilted.problem.teacher = zg::test::planar_problem(16, {0, 70, 130}, {1, -1, 1}).teacher;
  for (const zg::RunConfig& c : {config, tilted}) {
    const nlohmann::ordered_json eval = zg::eval_optimum(c, "1e-3", 20);
    const std::string printed = eval["sup_abs_eta_lambda"];
    REQUIRE(zg::test::printed_digits(printed) == 20);
    zg::ScopedDigits digits(40);
    const zg::CheckOutcome d3 = zg::check_lambda_certificate(zg::CheckContext{c.problem, 40, c.seed});
    const std::string measured = zg::test::value_of(d3, "sup_abs_eta_lambda_lambda_1e-3");
    REQUIRE_FALSE(measured.empty());
    INFO("eval: " << printed << ", D3: " << measured);
    CHECK(zg::to_decimal(zg::parse_decimal<Mp>(measured), 20) == printed);
  }
}

namespace {

// eta(w) = sum_i [alpha_i K(w.w_i*) + arcsin(w.w_i*) (b_i.w) / (2 pi)] from the printed
// alpha and beta alone (docs/math.md §4), at the current precision: independent of the
// solver, of its span basis and of the search.
Mp eta_from_printed(const nlohmann::ordered_json& j, const zg::Network<Mp>& teacher, const zg::Vec<Mp>& w) {
  Mp eta(0);
  const Mp two_pi = 2 * boost::math::constants::pi<Mp>();
  for (Eigen::Index i = 0; i < teacher.W.cols(); ++i) {
    const zg::AngleData<Mp> g = zg::angle_from_cosine<Mp>(Mp(w.dot(teacher.W.col(i))));
    Mp b_dot_w(0);
    for (Eigen::Index k = 0; k < w.size(); ++k)
      b_dot_w += zg::parse_decimal<Mp>(j["beta"][static_cast<std::size_t>(i)][static_cast<std::size_t>(k)]) * w(k);
    eta += zg::parse_decimal<Mp>(j["alpha"][static_cast<std::size_t>(i)]) * zg::relu_ge2_kernel(g) +
           g.asin_rho * b_dot_w / two_pi;
  }
  return eta;
}

}  // namespace

TEST_CASE("eval certificate: the printed alpha and beta interpolate sign(a*) with zero tangential slope",
          "[eval][certificate]") {
  // The defining equations (docs/math.md §4), checked on the printed decimals in R^d: eta(w_j*)
  // = sign(a_j*), b_j . w_j* = 0, and a central difference of eta along two tangents at w_j*
  // vanishes. arcsin(w.w_j*) = pi/2 - |t| has a kink at w_j*, so the difference's error is
  // O(h |b_j|) (the 1/4 limit of docs/math.md §4 is its h -> 0 value): h = 1e-25, evaluated at
  // 60 digits (rounding ~ 1e-60 / h = 1e-35), leaves ~1e-26 plus the ~1e-29 the printed
  // 30 digits carry, far below 1e-20 and the ~0.1 slope a wrong beta (e.g. zero) would leave.
  for (const zg::RunConfig& config : {zg::default_config(), zg::load_config_file(std::string(ZG_SOURCE_DIR) +
                                                                                 "/configs/rank3_sphere.toml")}) {
    const nlohmann::ordered_json j = zg::eval_certificate(config, 30, config.seed);
    zg::ScopedDigits digits(60);
    const zg::Network<Mp> teacher = zg::build_teacher<Mp>(config.problem.teacher);
    const Eigen::Index d = teacher.W.rows();
    REQUIRE(j["beta"].size() == static_cast<std::size_t>(teacher.W.cols()));
    const Mp h("1e-25");
    nlohmann::ordered_json zeroed = j;  // the check can fail: with every b_i = 0 it must
    for (auto& row : zeroed["beta"])
      for (auto& entry : row) entry = "0";
    Mp largest_zeroed_slope(0);
    for (Eigen::Index i = 0; i < teacher.W.cols(); ++i) {
      const zg::Vec<Mp> u = teacher.W.col(i);
      REQUIRE(j["beta"][static_cast<std::size_t>(i)].size() == static_cast<std::size_t>(d));
      const Mp sign = teacher.a(i) > 0 ? Mp(1) : Mp(-1);
      CHECK(abs(eta_from_printed(j, teacher, u) - sign) < Mp("1e-27"));
      Mp b_dot_u(0);
      for (Eigen::Index k = 0; k < d; ++k)
        b_dot_u += zg::parse_decimal<Mp>(j["beta"][static_cast<std::size_t>(i)][static_cast<std::size_t>(k)]) * u(k);
      CHECK(abs(b_dot_u) < Mp("1e-27"));
      // Tangents: e_k minus its component along u, for the two coordinates u leans on least.
      for (Eigen::Index k : {Eigen::Index(0), Eigen::Index(1), Eigen::Index(2)}) {
        zg::Vec<Mp> t = zg::Vec<Mp>::Zero(d);
        t(k) = 1;
        t -= u.dot(t) * u;
        if (!(t.norm() > Mp("0.1"))) continue;
        t /= t.norm();
        const zg::Vec<Mp> plus = cos(h) * u + sin(h) * t, minus = cos(h) * u - sin(h) * t;
        const Mp slope = (eta_from_printed(j, teacher, plus) - eta_from_printed(j, teacher, minus)) / (2 * h);
        CAPTURE(i, k, slope.str(6));
        CHECK(abs(slope) < Mp("1e-20"));
        const Mp wrong = (eta_from_printed(zeroed, teacher, plus) - eta_from_printed(zeroed, teacher, minus)) / (2 * h);
        largest_zeroed_slope = std::max(largest_zeroed_slope, Mp(abs(wrong)));
      }
    }
    CHECK(largest_zeroed_slope > Mp("1e-3"));
    // The argmax is a point where the printed alpha, beta give |eta| = max_abs_eta (to the
    // 10 digits it is printed with: a maximiser moves the value by ~ its error squared, or
    // linearly on a boundary, so 1e-8 is loose).
    zg::Vec<Mp> w(d);
    REQUIRE(j["argmax_abs_eta"].size() == static_cast<std::size_t>(d));
    for (Eigen::Index k = 0; k < d; ++k) w(k) = zg::parse_decimal<Mp>(j["argmax_abs_eta"][static_cast<std::size_t>(k)]);
    CHECK(abs(abs(eta_from_printed(j, teacher, w)) - zg::parse_decimal<Mp>(j["max_abs_eta"])) < Mp("1e-8"));
  }
}
