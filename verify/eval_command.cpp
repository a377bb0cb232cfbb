// `verify eval` quantities (verify/eval_command.hpp).
#include "verify/eval_command.hpp"

#include <fmt/format.h>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/input_error.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/decay_proof_text.hpp"
#include "core/kernels.hpp"
#include "core/lambda_decay_proof.hpp"
#include "core/loss.hpp"
#include "core/quadrature.hpp"
#include "core/regularized_optimum.hpp"
#include "core/relu_hermite.hpp"

namespace zg {
namespace {

// The one place `verify eval` sets the working precision: each subcommand computes at its
// requested digits, and its values carry that precision; to_decimal prints `digits` of them.
template <class Compute>
nlohmann::ordered_json at_digits(unsigned digits, Compute compute) {
  const ScopedDigits precision(digits);
  return compute();
}

}  // namespace

nlohmann::ordered_json eval_coefficient(unsigned k, unsigned digits) {
  return at_digits(digits, [&] {
    const Mp closed = relu_hermite_coef<Mp>(k);
    auto relu_fn = [](const Mp& z) { return relu(z); };
    const Estimate<Mp> q = gaussian_hermite_projection<Mp>(relu_fn, k);
    nlohmann::ordered_json j;
    j["k"] = k;
    j["closed_form"] = to_decimal(closed, digits);
    j["quadrature"] = to_decimal(q.value, digits);
    j["quadrature_error"] = to_decimal(q.abs_error, 6);
    j["digits"] = digits;
    return j;
  });
}

nlohmann::ordered_json eval_kernel(const std::string& rho_text, unsigned digits) {
  return at_digits(digits, [&] {
    Mp rho;
    try {
      rho = parse_decimal<Mp>(rho_text);
    } catch (const std::invalid_argument&) {
      throw InputError("--rho", "", "'" + rho_text + "' is not a decimal number", "give a number in [-1, 1], e.g. --rho 0.3");
    }
    if (rho < -1 || rho > 1)
      throw InputError("--rho", "", rho_text + " lies outside [-1, 1]", "rho is a cosine: give a number in [-1, 1]");
    const AngleData<Mp> g = angle_from_cosine(rho);
    nlohmann::ordered_json j;
    j["rho"] = rho_text;
    j["kappa"] = to_decimal(relu_kernel(g), digits);
    j["K"] = to_decimal(relu_ge2_kernel(g), digits);
    j["K_prime"] = to_decimal(relu_ge2_kernel_d1(g), digits);
    // K'' is +inf at |rho| = 1 (docs/math.md §2); JSON has no infinity, so say so in words.
    j["K_second"] = g.sin_theta > 0 ? to_decimal(relu_ge2_kernel_d2(g), digits) : std::string("inf");
    j["digits"] = digits;
    return j;
  });
}

nlohmann::ordered_json eval_loss(const RunConfig& config, unsigned digits) {
  if (!config.problem.student)
    throw InputError(config.source, "student", "the configuration has no student",
                     "add a [student] table (see docs/config.md)");
  return at_digits(digits, [&] {
    const Network<Mp> teacher = build_teacher<Mp>(config.problem.teacher);
    const Network<Mp> student = build_student<Mp>(*config.problem.student, teacher);
    const LossGradient<Mp> lg = population_loss_gradient(student, teacher);
    nlohmann::ordered_json j;
    j["loss"] = to_decimal(lg.loss, digits);
    j["grad_norm"] = to_decimal(lg.norm(), digits);
    j["digits"] = digits;
    j["width"] = student.width();
    j["dimension"] = student.dim();
    return j;
  });
}

nlohmann::ordered_json eval_certificate(const RunConfig& config, unsigned digits, std::uint64_t seed) {
  return at_digits(digits, [&] {
    Certificate<Mp> c;
    try {
      c = certificate_for(config.problem, digits);
    } catch (const SingularCertificate& e) {
      throw InputError(config.source, "teacher", e.what(), "separate the teacher directions (no two on one line)");
    }
    const DecaySearchResult r = decay_search_for(c, config.problem, seed);
    Mp interpolation(0), max_abs = abs(r.max_abs.eta);
    for (Eigen::Index j = 0; j < c.width(); ++j) {
      const Mp eta_j = certificate_value(c, Vec<Mp>(c.U.col(j)));
      interpolation = std::max(interpolation, Mp(abs(eta_j - c.signs(j))));
      max_abs = std::max(max_abs, Mp(abs(eta_j)));
    }
    nlohmann::ordered_json j;
    j["alpha"] = nlohmann::ordered_json::array();
    for (Eigen::Index i = 0; i < c.width(); ++i) j["alpha"].push_back(to_decimal(c.alpha(i), digits));
    j["interpolation_residual"] = to_decimal(interpolation, 6);
    j["rho_eta"] = to_decimal(r.rho_eta, digits);
    j["max_abs_eta"] = to_decimal(max_abs, digits);
    j["rank"] = c.rank();
    j["condition_number"] = to_decimal(c.condition, 6);
    j["digits"] = digits;
    return j;
  });
}

namespace {

// A SpecNumber as written: the decimal string, or the shortest decimal of the double.
std::string written(const SpecNumber& x) {
  if (const std::string* s = std::get_if<std::string>(&x.repr)) return *s;
  return fmt::format("{}", std::get<double>(x.repr));
}

// Sign of a decimal accepted by parse_decimal: any nonzero mantissa digit makes it nonzero.
bool nonzero_decimal(const std::string& s) {
  const std::string mantissa = s.substr(0, s.find_first_of("eE"));
  return mantissa.find_first_of("123456789") != std::string::npos;
}

}  // namespace

nlohmann::ordered_json eval_optimum(const RunConfig& config, const std::string& lambda_text, unsigned digits) {
  return at_digits(digits, [&] {
    // Every refusal names where lambda came from: the option, or the configuration's key.
    const bool from_option = !lambda_text.empty();
    const std::string shown = from_option ? lambda_text : written(config.problem.lambda);
    const auto refuse = [&](const std::string& problem, const std::string& fix) {
      if (from_option) throw InputError("--lambda", shown, problem, fix);
      throw InputError(config.source, "lambda = " + shown, problem, fix);
    };
    Mp lambda;
    try {
      lambda = from_option ? parse_decimal<Mp>(lambda_text) : config.problem.lambda.as<Mp>();
    } catch (const std::invalid_argument&) {
      throw InputError("--lambda", "", "'" + lambda_text + "' is not a decimal number", "give a positive number, e.g. 1e-3");
    }
    if (!(lambda > 0)) {
      if (from_option && lambda == 0 && nonzero_decimal(lambda_text))
        refuse("rounds to 0 at working precision", "give a positive weight decay, e.g. 1e-3");
      refuse("must be positive", "give a positive weight decay, e.g. 1e-3");
    }
    const Network<Mp> teacher = build_teacher<Mp>(config.problem.teacher);
    // From lambda_0 = K(1) sum_i |a_i*| on, the zero network is the unique minimiser of
    // L_lambda (L_lambda >= L(0) + (lambda - lambda_0) sum_j |a_j| |w_j|, since
    // |<f*, sigma(w.x)>| <= lambda_0 for unit w): there are no masses or angles to report.
    const Mp lambda_zero = relu_ge2_kernel_at_one<Mp>() * teacher.a.cwiseAbs().sum();
    if (!(lambda < lambda_zero))
      refuse("is not below K(1) sum_i |a_i*| = " + to_decimal(lambda_zero, 6) +
                 " for this teacher, where the minimiser of L_lambda becomes the zero network",
             "give a smaller weight decay, e.g. 1e-3");
    Certificate<Mp> c;
    try {
      c = certificate_for(config.problem, digits);
    } catch (const SingularCertificate& e) {
      throw InputError(config.source, "teacher", e.what(), "separate the teacher directions (no two on one line)");
    }
    OptimumResult o;
    try {
      o = newton_optimum(teacher, c.basis, lambda, pow(Mp(10), -static_cast<int>(digits) + 12));
    } catch (const std::invalid_argument& e) {
      // core/loss.hpp refuses a zero weight vector: Newton drove a neuron to zero, so no
      // minimiser with m* nonzero neurons is found at this lambda.
      refuse(std::string("Newton's iteration from the balanced teacher lost a neuron (") + e.what() +
                 "): no minimiser with m* nonzero neurons was found",
             "give a smaller weight decay, e.g. 1e-3");
    }
    // sup |eta_lambda| over seeded points of the domain, and the support itself.
    boost::random::mt19937_64 engine(config.seed);
    boost::random::normal_distribution<double> normal;
    Mp sup_abs(0);
    for (int k = 0; k < 4000; ++k) {
      Vec<Mp> y(c.rank());
      for (Eigen::Index i = 0; i < y.size(); ++i) y(i) = Mp(normal(engine));
      y /= y.norm();
      sup_abs = std::max(sup_abs, Mp(abs(eta_lambda(teacher, o.student, c.basis, lambda, y))));
    }
    nlohmann::ordered_json j;
    j["lambda"] = to_decimal(lambda, digits);
    j["objective"] = to_decimal(o.objective, digits);
    j["grad_norm"] = to_decimal(o.grad_norm, 6);
    j["masses"] = nlohmann::ordered_json::array();
    j["angles_to_teacher"] = nlohmann::ordered_json::array();
    for (Eigen::Index i = 0; i < teacher.width(); ++i) {
      const Mp norm = o.student.W.col(i).norm();
      j["masses"].push_back(to_decimal(Mp(abs(o.student.a(i)) * norm), digits));
      const Mp cosine = std::min(Mp(1), Mp(abs(o.student.W.col(i).dot(teacher.W.col(i))) / norm));
      j["angles_to_teacher"].push_back(to_decimal(Mp(acos(cosine) * 180 / pi<Mp>()), digits));
    }
    j["sup_abs_eta_lambda"] = to_decimal(sup_abs, digits);
    // The proof of sup |eta_lambda| <= 1 + tau on Arb balls (any rank; rho = 0), as claim
    // D3 makes it: tau derived from the caps at the neurons, accepted up to the residual
    // allowance lambda_max_tau_prime.
    {
      DecayProverOptions options;
      options.rho = "0";
      options.max_tau_prime = lambda_max_tau_prime(o.student, c.basis, lambda, o.grad_norm);
      options.max_boxes = 4'000'000;  // deterministic budget; the default teacher needs < 20 000
      options.max_seconds = 120;      // a safety net only
      const DecayCertificate p = prove_lambda_decay(teacher, o.student, c.basis, lambda, options);
      const bool proved = p.outcome == DecayOutcome::Proved;
      j["sup_abs_eta_lambda_certified"] =
          proved ? nlohmann::ordered_json(to_decimal(Mp(1 + parse_decimal<Mp>(p.tau)), digits)) : nlohmann::ordered_json(nullptr);
      j["sup_abs_eta_lambda_certified_status"] = proved ? "proved"
                                                 : p.outcome == DecayOutcome::Violated
                                                     ? "violated: " + witness_text(p)
                                                     : "budget: " + budget_text(p);
    }
    j["converged"] = o.converged;
    j["digits"] = digits;
    return j;
  });
}

}  // namespace zg
