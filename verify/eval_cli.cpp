// `verify eval`'s command line (verify/eval_cli.hpp).
#include "verify/eval_cli.hpp"

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/aligned_table.hpp"
#include "verify/command_common.hpp"
#include "verify/eval_command.hpp"

namespace zg {
namespace {

void print_json_or_text(const nlohmann::ordered_json& j, bool as_json, std::ostream& out) {
  if (as_json) {
    out << j.dump() << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows{{"quantity", "value"}};
  for (const auto& [key, value] : j.items()) {
    // An array of rows (the certificate's beta) gets one table row each: key[1], key[2], ...
    const bool matrix = value.is_array() && !value.empty() && value.front().is_array();
    if (!matrix) {
      rows.push_back({key, value.is_string() ? value.get<std::string>() : value.dump()});
      continue;
    }
    for (std::size_t i = 0; i < value.size(); ++i) rows.push_back({key + "[" + std::to_string(i + 1) + "]", value[i].dump()});
  }
  out << detail::render_text_table(rows);
}

}  // namespace

CLI::App* add_eval_command(CLI::App& app, EvalCommandLine& line) {
  CLI::App* eval_cmd = app.add_subcommand("eval", "Evaluate one quantity at any precision");
  eval_cmd->require_subcommand(1);
  line.coef = eval_cmd->add_subcommand("coef", "ReLU Hermite coefficient c_k: closed form and quadrature");
  line.coef->add_option("--k", line.coef_k, "Order k (0..2000)")->required();
  line.kernel = eval_cmd->add_subcommand("kernel", "kappa, K, K', K'' at rho (read as an exact decimal)");
  line.kernel->add_option("--rho", line.rho_text, "Cosine rho in [-1, 1]")->required();
  line.loss = eval_cmd->add_subcommand("loss", "Population loss and gradient norm of the configured student");
  line.loss->add_option("--config", line.config_path, "TOML or JSON configuration (default: the embedded default)");
  line.certificate = eval_cmd->add_subcommand(
      "certificate", "Dual pre-certificate of the configured teacher: alpha, beta, residual, rho_eta, argmax |eta|");
  line.certificate->add_option(
      "--config", line.config_path, "TOML or JSON configuration (default: the embedded default)");
  line.optimum = eval_cmd->add_subcommand(
      "optimum", "Minimiser of L_lambda with m* neurons: objective, masses, angles, sup |eta_lambda|");
  line.optimum->add_option("--config", line.config_path, "TOML or JSON configuration (default: the embedded default)");
  line.optimum->add_option(
      "--lambda", line.lambda_text, "Weight decay, read as an exact decimal (default: the configuration's)");
  for (CLI::App* sub : {line.coef, line.kernel, line.loss, line.certificate, line.optimum}) {
    sub->add_option("--digits", line.digits, "Significant decimal digits (16..1000)")->capture_default_str();
    sub->add_flag("--json", line.json, "Print one JSON object");
  }
  return eval_cmd;
}

int command_eval(const EvalCommandLine& line, std::ostream& out) {
  check_digits(line.digits, "--digits");
  if (line.coef->parsed()) print_json_or_text(eval_coefficient(line.coef_k, line.digits), line.json, out);
  if (line.kernel->parsed()) print_json_or_text(eval_kernel(line.rho_text, line.digits), line.json, out);
  if (line.loss->parsed())
    print_json_or_text(eval_loss(load_config_or_default(line.config_path), line.digits), line.json, out);
  if (line.optimum->parsed())
    print_json_or_text(
        eval_optimum(load_config_or_default(line.config_path), line.lambda_text, line.digits), line.json, out);
  if (line.certificate->parsed()) {
    const RunConfig config = load_config_or_default(line.config_path);
    print_json_or_text(eval_certificate(config, line.digits, config.seed), line.json, out);
  }
  return 0;
}

}  // namespace zg
