// `verify eval` quantities (verify/eval_command.hpp).
#include "verify/eval_command.hpp"

#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/decay_proof_text.hpp"
#include "lemmas/lambda_certificate_checks.hpp"
#include "core/kernels.hpp"
#include "core/lambda_decay_proof.hpp"
#include "core/loss.hpp"
#include "core/quadrature.hpp"
#include "core/regularized_optimum.hpp"
#include "core/relu_hermite.hpp"
#include "core/ziv.hpp"

namespace zg {
namespace {

// The one place `verify eval` sets a single working precision: values printed without a
// second evaluation (eval certificate, eval optimum, input checks) are computed at the
// requested digits and carry that precision. Values printed by Ziv's strategy get their
// precisions from stable_decimals (core/ziv.hpp) instead.
template <class Compute>
nlohmann::ordered_json at_digits(unsigned digits, Compute compute) {
  const ScopedDigits precision(digits);
  return compute();
}

// Sign of a decimal accepted by parse_decimal: any nonzero mantissa digit makes it nonzero.
bool nonzero_decimal(const std::string& s) {
  const std::string mantissa = s.substr(0, s.find_first_of("eE"));
  return mantissa.find_first_of("123456789") != std::string::npos;
}

// A value printed by Ziv's strategy; when fewer digits than requested are stable, its
// error travels beside it as "<key>_abs_error" (README "eval").
void put(nlohmann::ordered_json& j, const std::string& key, const StableDecimal& v) {
  j[key] = v.text;
  if (!v.stable) j[key + "_abs_error"] = v.abs_error;
}

// v[first .. first + count) as an array of texts under `key`; when any is unsettled, an
// array "<key>_abs_error" beside it, null where all digits are stable.
void put_array(nlohmann::ordered_json& j,
               const std::string& key,
               const std::vector<StableDecimal>& v,
               std::size_t first,
               std::size_t count) {
  j[key] = nlohmann::ordered_json::array();
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  bool any = false;
  for (std::size_t i = first; i < first + count; ++i) {
    j[key].push_back(v[i].text);
    errors.push_back(v[i].stable ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v[i].abs_error));
    any = any || !v[i].stable;
  }
  if (any) j[key + "_abs_error"] = errors;
}

// The bound 1 + tau (tau an exact nonnegative decimal, 20 digits at most, from the prover)
// printed as a bound: never below it. Rounded to nearest, a tau below the last printed
// place gave "1.000...", less than the bound proved. The sum is taken upward (an upper
// bound) and printed upward; when 1 + tau has at most `digits` digits it prints exactly:
// the lower end printed upward, c, is then 1 + tau itself, which shows as c and 1 + tau
// rounding to the same binary at digits + 40 (two decimals that differ by at least
// 10^(E_tau - 19) >= 10^-(digits + 20) cannot).
std::string one_plus_upper(const std::string& tau, unsigned digits) {
  const unsigned precise = digits + 40;
  const auto printed_up = [&](const Mp& x) {
    std::string out(static_cast<std::size_t>(digits) + 40, '\0');
    const int n = mpfr_snprintf(out.data(), out.size(), "%.*RUe", static_cast<int>(digits) - 1, x.backend().data());
    out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return out;
  };
  const ScopedDigits precision(precise);
  const auto one_plus = [&](mpfr_rnd_t rounding) {
    Mp x;
    mpfr_set_str(x.backend().data(), tau.c_str(), 10, rounding);
    mpfr_add_ui(x.backend().data(), x.backend().data(), 1, rounding);
    return x;
  };
  const std::string c = printed_up(one_plus(MPFR_RNDD));
  const Mp t = parse_decimal<Mp>(tau);
  if (t == 0) return c;
  const bool granular = t >= pow(Mp(10), -static_cast<int>(digits));
  if (granular && parse_decimal<Mp>(c) == parse_one_plus_decimal(tau, +1)) return c;
  return printed_up(one_plus(MPFR_RNDU));
}

// x with at most `digits` digits, as many as an absolute error `err` leaves correct: half
// a unit in the last printed place covers err, so the printed value is within one unit.
std::string decimal_within(const Mp& x, const Mp& err, unsigned digits) {
  if (x == 0) return "0";
  for (unsigned d = digits; d >= 1; --d) {
    const std::string text = to_decimal(x, d);
    const long exponent = std::stol(text.substr(text.find_first_of("eE") + 1));
    if (2 * err <= pow(Mp(10), static_cast<int>(exponent - static_cast<long>(d) + 1))) return text;
  }
  return to_decimal(x, 1);
}

}  // namespace

nlohmann::ordered_json eval_coefficient(unsigned k, unsigned digits) {
  const StableDecimal closed = stable_decimal([&] { return relu_hermite_coef<Mp>(k); }, digits);
  // The quadrature is the independent route: computed with guard digits and printed with
  // only the digits its own error estimate supports.
  return at_digits(digits + ZivOptions{}.guard_digits, [&] {
    auto relu_fn = [](const Mp& z) { return relu(z); };
    const Estimate<Mp> q = gaussian_hermite_projection<Mp>(relu_fn, k);
    nlohmann::ordered_json j;
    j["k"] = k;
    put(j, "closed_form", closed);
    j["quadrature"] = decimal_within(q.value, q.abs_error, digits);
    j["quadrature_error"] = to_decimal(q.abs_error, 6);
    j["digits"] = digits;
    return j;
  });
}

nlohmann::ordered_json eval_kernel(const std::string& rho_text, unsigned digits) {
  // Refusals first, at the requested precision; the values below are read afresh from the
  // text at each precision Ziv's strategy tries (core/ziv.hpp).
  at_digits(digits, [&] {
    Mp rho;
    try {
      rho = parse_decimal<Mp>(rho_text);
    } catch (const std::invalid_argument&) {
      throw InputError("--rho", "", "'" + rho_text + "' is not a decimal number", "give a number in [-1, 1], e.g. --rho 0.3");
    }
    // Also by the exact distances to +-1: 1 + 10^-2000 rounds to 1 but lies outside.
    if (rho < -1 || rho > 1 || parse_one_plus_decimal(rho_text, +1) < 0 || parse_one_plus_decimal(rho_text, -1) < 0)
      throw InputError("--rho", "", rho_text + " lies outside [-1, 1]", "rho is a cosine: give a number in [-1, 1]");
    // K ~ rho^2 / (4 pi) must not underflow to an exact-looking 0 (MPFR's exponent range).
    if (nonzero_decimal(rho_text) && Mp(rho * rho) == 0)
      throw InputError("--rho",
                       rho_text,
                       "is too small: rho^2 underflows the working exponent range",
                       "give 0 itself, or |rho| above 1e-100000000");
    return nlohmann::ordered_json();
  });
  // kappa, K, K', K'' from the angle data of the exact decimal (core/kernels.hpp); K'' is
  // +inf at |rho| = 1 (docs/math.md §2) and prints as "inf", since JSON has no infinity.
  const std::vector<StableDecimal> v = stable_decimals(
      [&] {
        const AngleData<Mp> g = angle_from_decimal(rho_text);
        const Mp second = g.sin_theta > 0 ? relu_ge2_kernel_d2(g) : Mp(std::numeric_limits<Mp>::infinity());
        return std::vector<Mp>{relu_kernel(g), relu_ge2_kernel(g), relu_ge2_kernel_d1(g), second};
      },
      digits);
  nlohmann::ordered_json j;
  j["rho"] = rho_text;
  put(j, "kappa", v[0]);
  put(j, "K", v[1]);
  put(j, "K_prime", v[2]);
  put(j, "K_second", v[3]);
  j["digits"] = digits;
  return j;
}

nlohmann::ordered_json eval_loss(const RunConfig& config, unsigned digits) {
  if (!config.problem.student)
    throw InputError(config.source, "student", "the configuration has no student",
                     "add a [student] table (see docs/config.md)");
  // The networks are rebuilt from the configuration's numbers at each precision tried.
  Eigen::Index width = 0, dimension = 0;
  const std::vector<StableDecimal> v = stable_decimals(
      [&] {
        const Network<Mp> teacher = build_teacher<Mp>(config.problem.teacher);
        const Network<Mp> student = build_student<Mp>(*config.problem.student, teacher);
        width = student.width();
        dimension = student.dim();
        const LossGradient<Mp> lg = population_loss_gradient(student, teacher);
        return std::vector<Mp>{lg.loss, lg.norm()};
      },
      digits);
  nlohmann::ordered_json j;
  put(j, "loss", v[0]);
  put(j, "grad_norm", v[1]);
  j["digits"] = digits;
  j["width"] = width;
  j["dimension"] = dimension;
  return j;
}

nlohmann::ordered_json eval_certificate(const RunConfig& config, unsigned digits, std::uint64_t seed) {
  // The certificate, its decay search and the residual at the current working precision.
  struct Solved {
    Certificate<Mp> c;
    DecaySearchResult r;
    Mp interpolation, max_abs;
  };
  const auto solve = [&] {
    Solved s;
    try {
      s.c = certificate_for(config.problem, working_digits<Mp>());
    } catch (const SingularCertificate& e) {
      throw InputError(config.source, "teacher", e.what(), "separate the teacher directions (no two on one line)");
    }
    s.r = decay_search_for(s.c, config.problem, seed);
    s.interpolation = 0;
    s.max_abs = abs(s.r.max_abs.eta);
    for (Eigen::Index j = 0; j < s.c.width(); ++j) {
      const Mp eta_j = certificate_value(s.c, Vec<Mp>(s.c.U.col(j)));
      s.interpolation = std::max(s.interpolation, Mp(abs(eta_j - s.c.signs(j))));
      s.max_abs = std::max(s.max_abs, Mp(abs(eta_j)));
    }
    return s;
  };
  nlohmann::ordered_json at;
  at_digits(digits, [&] {
    const Solved s = solve();
    at["interpolation_residual"] = to_decimal(s.interpolation, 6);
    at["rank"] = s.c.rank();
    at["condition_number"] = to_decimal(s.c.condition, 6);
    at["width"] = s.c.width();
    at["dimension"] = s.c.dim();
    // Where |eta| is largest: the search's point, or a teacher direction when none beats it
    // (a non-degenerate certificate peaks at 1 on its teachers). In R^d, w = Q y. An
    // estimate: a maximiser is fixed to about half the digits of its value, so 10 are shown.
    Vec<Mp> y = s.r.max_abs.y;
    Mp best = abs(s.r.max_abs.eta);
    Mp delta = s.r.max_abs.delta;
    for (Eigen::Index j = 0; j < s.c.width(); ++j) {
      const Mp eta_j = abs(certificate_value(s.c, Vec<Mp>(s.c.U.col(j))));
      if (eta_j > best || y.size() == 0) {
        best = eta_j;
        y = s.c.U.col(j);
        delta = 0;
      }
    }
    const Vec<Mp> w = s.c.basis * y;
    at["argmax_abs_eta"] = nlohmann::ordered_json::array();
    for (Eigen::Index i = 0; i < w.size(); ++i) at["argmax_abs_eta"].push_back(to_decimal(w(i), 10));
    at["argmax_delta_deg"] = to_decimal(Mp(delta * 180 / pi<Mp>()), 6);
    return nlohmann::ordered_json();
  });
  // alpha, rho_eta and max |eta| by Ziv's strategy, the certificate solved and searched
  // afresh at each precision; capped at 4 (digits + 10) like eval optimum (bounded cost).
  ZivOptions ziv;
  ziv.max_working_digits = 4 * (digits + ziv.guard_digits);
  const std::vector<StableDecimal> v = stable_decimals(
      [&] {
        const Solved s = solve();
        std::vector<Mp> out(s.c.alpha.data(), s.c.alpha.data() + s.c.width());
        // b_i = Q beta_i in R^d: basis-free (b_i . w = beta_i . Q^T w), so stable across
        // precisions although Q itself is only fixed up to the QR's choices.
        const Mat<Mp> b = s.c.basis * s.c.beta;
        for (Eigen::Index i = 0; i < b.cols(); ++i)
          for (Eigen::Index k = 0; k < b.rows(); ++k) out.push_back(b(k, i));
        out.push_back(s.r.rho_eta);
        out.push_back(s.max_abs);
        return out;
      },
      digits,
      ziv);
  const std::size_t m = at["width"].get<std::size_t>();
  const std::size_t d = at["dimension"].get<std::size_t>();
  nlohmann::ordered_json j;
  put_array(j, "alpha", v, 0, m);
  // beta: one row of d decimals per teacher direction; errors as for put_array, per row.
  j["beta"] = nlohmann::ordered_json::array();
  nlohmann::ordered_json beta_errors = nlohmann::ordered_json::array();
  bool beta_unsettled = false;
  for (std::size_t i = 0; i < m; ++i) {
    nlohmann::ordered_json row;
    put_array(row, "b", v, m + i * d, d);
    j["beta"].push_back(row["b"]);
    beta_errors.push_back(row.contains("b_abs_error") ? row["b_abs_error"] : nlohmann::ordered_json(nullptr));
    beta_unsettled = beta_unsettled || row.contains("b_abs_error");
  }
  if (beta_unsettled) j["beta_abs_error"] = beta_errors;
  j["interpolation_residual"] = at["interpolation_residual"];
  put(j, "rho_eta", v[v.size() - 2]);
  put(j, "max_abs_eta", v.back());
  j["argmax_abs_eta"] = at["argmax_abs_eta"];
  j["argmax_delta_deg"] = at["argmax_delta_deg"];
  j["rank"] = at["rank"];
  j["condition_number"] = at["condition_number"];
  j["digits"] = digits;
  return j;
}

namespace {

// A SpecNumber as written: the decimal string, or the shortest decimal of the double.
std::string written(const SpecNumber& x) {
  if (const std::string* s = std::get_if<std::string>(&x.repr)) return *s;
  return fmt::format("{}", std::get<double>(x.repr));
}

}  // namespace

nlohmann::ordered_json eval_optimum(const RunConfig& config, const std::string& lambda_text, unsigned digits) {
  // Every refusal names where lambda came from: the option, or the configuration's key.
  const bool from_option = !lambda_text.empty();
  const std::string shown = from_option ? lambda_text : written(config.problem.lambda);
  const auto refuse = [&](const std::string& problem, const std::string& fix) {
    if (from_option) throw InputError("--lambda", shown, problem, fix);
    throw InputError(config.source, "lambda = " + shown, problem, fix);
  };
  // Newton's minimiser at the current working precision, everything read afresh from the
  // configuration and the option's text, each refusal checked.
  struct Solved {
    Mp lambda;
    Network<Mp> teacher;
    Certificate<Mp> c;
    OptimumResult o;
  };
  const auto solve = [&] {
    Solved s;
    try {
      s.lambda = from_option ? parse_decimal<Mp>(lambda_text) : config.problem.lambda.as<Mp>();
    } catch (const std::invalid_argument&) {
      throw InputError("--lambda", "", "'" + lambda_text + "' is not a decimal number", "give a positive number, e.g. 1e-3");
    }
    if (!(s.lambda > 0)) {
      if (from_option && s.lambda == 0 && nonzero_decimal(lambda_text))
        refuse("rounds to 0 at working precision", "give a positive weight decay, e.g. 1e-3");
      refuse("must be positive", "give a positive weight decay, e.g. 1e-3");
    }
    s.teacher = build_teacher<Mp>(config.problem.teacher);
    // From lambda_0 = K(1) sum_i |a_i*| on, the zero network is the unique minimiser of
    // L_lambda (L_lambda >= L(0) + (lambda - lambda_0) sum_j |a_j| |w_j|, since
    // |<f*, sigma(w.x)>| <= lambda_0 for unit w): there are no masses or angles to report.
    const Mp lambda_zero = relu_ge2_kernel_at_one<Mp>() * s.teacher.a.cwiseAbs().sum();
    if (!(s.lambda < lambda_zero))
      refuse("is not below K(1) sum_i |a_i*| = " + to_decimal(lambda_zero, 6) +
                 " for this teacher, where the minimiser of L_lambda becomes the zero network",
             "give a smaller weight decay, e.g. 1e-3");
    const unsigned working = working_digits<Mp>();
    try {
      s.c = certificate_for(config.problem, working);
    } catch (const SingularCertificate& e) {
      throw InputError(config.source, "teacher", e.what(), "separate the teacher directions (no two on one line)");
    }
    try {
      s.o = newton_optimum(s.teacher, s.c.basis, s.lambda, pow(Mp(10), -static_cast<int>(working) + 12));
    } catch (const std::invalid_argument& e) {
      // core/loss.hpp refuses a zero weight vector: Newton drove a neuron to zero, so no
      // minimiser with m* nonzero neurons is found at this lambda.
      refuse(std::string("Newton's iteration from the balanced teacher lost a neuron (") + e.what() +
                 "): no minimiser with m* nonzero neurons was found",
             "give a smaller weight decay, e.g. 1e-3");
    }
    return s;
  };
  // The printed values of one solution: lambda, the objective, the m* masses, the m* angles
  // to the teacher lines (degrees) and sup |eta_lambda| sampled as claim D3 samples it
  // (lemmas/lambda_certificate_checks.hpp: its seeded points, the same at every precision).
  const auto values = [&](const Solved& s) {
    std::vector<Mp> v{s.lambda, s.o.objective};
    const Eigen::Index m = s.teacher.width();
    for (Eigen::Index i = 0; i < m; ++i) v.push_back(abs(s.o.student.a(i)) * s.o.student.W.col(i).norm());
    for (Eigen::Index i = 0; i < m; ++i) {
      // The angle to the line of w_i* as 2 atan2(|u - s w*|, |u + s w*|), s = sign(u.w*):
      // acos of a rounded cosine would keep only half the digits of a small angle.
      const Vec<Mp> u = s.o.student.W.col(i) / s.o.student.W.col(i).norm();
      const Vec<Mp> w = s.teacher.W.col(i);
      const Vec<Mp> line = u.dot(w) < 0 ? Vec<Mp>(-w) : w;
      v.push_back(2 * atan2(Mp((u - line).norm()), Mp((u + line).norm())) * 180 / pi<Mp>());
    }
    const std::vector<Vec<Mp>> points = lambda_certificate_samples(s.c, config.seed);
    v.push_back(sampled_eta_lambda(s.teacher, s.o.student, s.c, s.lambda, points).sup_abs);
    return v;
  };
  nlohmann::ordered_json j;
  // The solution at the requested digits: refusals, the residual, the proof.
  at_digits(digits, [&] {
    const Solved s = solve();
    j["grad_norm"] = to_decimal(s.o.grad_norm, 6);
    // The proof of sup |eta_lambda| <= 1 + tau on Arb balls (any rank; rho = 0), as claim
    // D3 makes it: tau derived from the caps at the neurons, accepted up to the residual
    // allowance lambda_max_tau_prime.
    DecayProverOptions options;
    options.rho = "0";
    options.max_tau_prime = lambda_max_tau_prime(s.o.student, s.c.basis, s.lambda, s.o.grad_norm);
    options.max_boxes = 4'000'000;  // deterministic budget; the default teacher needs < 20 000
    options.max_seconds = 120;      // a safety net only
    const DecayCertificate p = prove_lambda_decay(s.teacher, s.o.student, s.c.basis, s.lambda, options);
    const bool proved = p.outcome == DecayOutcome::Proved;
    j["sup_abs_eta_lambda_certified"] =
        proved ? nlohmann::ordered_json(one_plus_upper(p.tau, digits)) : nlohmann::ordered_json(nullptr);
    j["sup_abs_eta_lambda_certified_status"] = proved ? "proved"
                                               : p.outcome == DecayOutcome::Violated
                                                   ? "violated: " + witness_text(p)
                                                   : "budget: " + budget_text(p);
    j["converged"] = s.o.converged;
    return nlohmann::ordered_json();
  });
  // The printed values by Ziv's strategy, Newton rerun at each precision with its tolerance
  // 10^(12 - working digits). Capped at 4 (digits + 10): each precision costs a Newton solve
  // and D3's 3000-odd evaluations of eta_lambda, and a value that is 0 in exact arithmetic (an angle
  // on a symmetric teacher) never settles; it prints as 0 with its error.
  ZivOptions ziv;
  ziv.max_working_digits = 4 * (digits + ziv.guard_digits);
  const std::vector<StableDecimal> v = stable_decimals([&] { return values(solve()); }, digits, ziv);
  const std::size_t m = (v.size() - 3) / 2;
  nlohmann::ordered_json out;
  put(out, "lambda", v[0]);
  put(out, "objective", v[1]);
  out["grad_norm"] = j["grad_norm"];
  put_array(out, "masses", v, 2, m);
  put_array(out, "angles_to_teacher", v, 2 + m, m);
  put(out, "sup_abs_eta_lambda", v.back());
  for (const char* key : {"sup_abs_eta_lambda_certified", "sup_abs_eta_lambda_certified_status", "converged"})
    out[key] = j[key];
  out["digits"] = digits;
  return out;
}

}  // namespace zg
