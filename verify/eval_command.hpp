// `verify eval`: single quantities at any precision, as ordered name -> value pairs whose
// values are decimal strings with the requested digits (docs/math.md §1–§3). Every value
// prints by Ziv's strategy (core/ziv.hpp, docs/math.md §2.2 "Printed digits"): a value
// whose digits do not settle prints fewer of them with "<key>_abs_error" beside it.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "verify/config.hpp"

namespace zg {

/// {"k", "closed_form", "quadrature", "quadrature_error", "digits"} for c_k.
nlohmann::ordered_json eval_coefficient(unsigned k, unsigned digits);

/// {"rho", "kappa", "K", "K_prime", "K_second", "digits"}; rho_text is read as an exact
/// decimal (1 - rho and 1 + rho formed exactly) and must lie in [-1, 1], with rho^2 not
/// underflowing (InputError naming --rho otherwise). K'' at |rho| = 1 is "inf".
nlohmann::ordered_json eval_kernel(const std::string& rho_text, unsigned digits);

/// {"loss", "grad_norm", "digits", "width", "dimension"} for the configuration's student
/// against its teacher. InputError when the configuration has no student.
nlohmann::ordered_json eval_loss(const RunConfig& config, unsigned digits);

/// {"alpha": [...], "interpolation_residual", "rho_eta", "max_abs_eta", "rank",
/// "condition_number", "digits"} (plus "alpha_abs_error" when an alpha is unsettled) for
/// the configuration's teacher (docs/math.md §4);
/// max_abs_eta is the largest |eta| over the whole domain, teacher directions included.
/// A degenerate teacher is an InputError naming the teacher.
nlohmann::ordered_json eval_certificate(const RunConfig& config, unsigned digits, std::uint64_t seed);

/// {"lambda", "objective", "grad_norm", "masses": [...], "angles_to_teacher": [...] (degrees),
/// "sup_abs_eta_lambda", ..., "digits"} (plus "masses_abs_error" / "angles_to_teacher_abs_error"
/// arrays when an entry is unsettled): Newton's minimiser of L_lambda with m* neurons from the
/// balanced teacher; sup |eta_lambda| over the seeded points of the span's ball/sphere that
/// claim D3 samples (lemmas/lambda_certificate_checks.hpp), by the same code.
/// lambda_text empty = the configuration's lambda. InputError for a bad or non-positive
/// lambda, for lambda >= K(1) sum_i |a_i*| (from there on the minimiser is the zero
/// network), for a neuron that Newton drives to zero, and for a degenerate teacher.
nlohmann::ordered_json eval_optimum(const RunConfig& config, const std::string& lambda_text, unsigned digits);

}  // namespace zg
