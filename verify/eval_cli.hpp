// The command line of `verify eval` and its five subcommands (coef, kernel, loss,
// certificate, optimum): their CLI11 options, and printing what verify/eval_command.hpp
// computes as a table or one JSON object. verify/cli.cpp adds it and maps InputError to exit 2.
#pragma once

#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

namespace zg {

/// What the user typed, and the subcommands (their parsed() says which was chosen).
struct EvalCommandLine {
  unsigned digits = 50;
  bool json = false;
  unsigned coef_k = 0;
  std::string rho_text;
  std::string config_path;
  std::string lambda_text;
  CLI::App* coef = nullptr;
  CLI::App* kernel = nullptr;
  CLI::App* loss = nullptr;
  CLI::App* certificate = nullptr;
  CLI::App* optimum = nullptr;
};

/// Adds `eval` and its subcommands to `app`; returns `eval`. `line` must outlive the parse.
CLI::App* add_eval_command(CLI::App& app, EvalCommandLine& line);

/// Evaluates the chosen quantity and prints it to `out`. Returns 0; throws InputError for
/// bad input.
int command_eval(const EvalCommandLine& line, std::ostream& out);

}  // namespace zg
