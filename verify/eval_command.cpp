// `verify eval` quantities (verify/eval_command.hpp).
#include "verify/eval_command.hpp"

#include "core/input_error.hpp"
#include "core/kernels.hpp"
#include "core/loss.hpp"
#include "core/quadrature.hpp"
#include "core/relu_hermite.hpp"

namespace zg {

nlohmann::ordered_json eval_coefficient(unsigned k, unsigned digits) {
  ScopedDigits precision(digits);
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
}

nlohmann::ordered_json eval_kernel(const std::string& rho_text, unsigned digits) {
  ScopedDigits precision(digits);
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
  // K'' is +inf at |rho| = 1 (MATH.md §2); JSON has no infinity, so say so in words.
  j["K_second"] = g.sin_theta > 0 ? to_decimal(relu_ge2_kernel_d2(g), digits) : std::string("inf");
  j["digits"] = digits;
  return j;
}

nlohmann::ordered_json eval_loss(const RunConfig& config, unsigned digits) {
  if (!config.problem.student)
    throw InputError(config.source, "student", "the configuration has no student",
                     "add a [student] table (see docs/config.md)");
  ScopedDigits precision(digits);
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
}

}  // namespace zg
