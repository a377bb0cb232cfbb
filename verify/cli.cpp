// The `verify` command line (verify/cli.hpp): the app, the checks every option's text
// passes before CLI11 converts it, dispatch to the subcommands (one file each:
// list_command, run_command, report_command, eval_cli, sweep_cli) and the mapping to exit codes.
#include "verify/cli.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/input_error.hpp"
#include "core/numeric_types.hpp"
#include "verify/build_info.hpp"
#include "verify/certificate_checker/check_certificate.hpp"
#include "verify/command_common.hpp"
#include "verify/eval_cli.hpp"
#include "verify/list_command.hpp"
#include "verify/report_command.hpp"
#include "verify/run_command.hpp"
#include "verify/sweep_atlas_cli.hpp"
#include "verify/sweep_cli.hpp"
#include "verify/sweep_samples.hpp"
#include "verify/sweep_seeds.hpp"

namespace zg {
namespace {

// What the user typed is what runs. CLI11 2.1 reads unsigned options with strtoull(text,
// 0): "-3" wraps to 2^64 - 3, "010" is octal, "0x10" hexadecimal and an overflow clamps to
// the largest value; floats go through strtold, which also takes "nan", "inf", "1e999"
// (infinity) and hexadecimal. So every option is checked as text before CLI11 converts
// it: integers are decimal digits within the option's range, numbers finite decimals
// within double's, and no value is empty (an empty --config would mean the default, an
// empty --out name no folder).

/// A whole number in lo..hi, in decimal digits with '-' only for a negative one.
CLI::Validator whole_number(std::int64_t lo, std::uint64_t hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        const std::string range = fmt::format("{}..{}", lo, hi);
        const bool negative = !text.empty() && text.front() == '-';
        const std::string digits = negative ? text.substr(1) : text;
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
          return fmt::format("'{}' is not a whole number; give one in {}, in decimal digits", text, range);
        if (digits.size() > 1 && digits.front() == '0')
          return fmt::format("'{}' has a leading zero (read as octal by some parsers); write it without", text);
        bool inside = false;
        if (negative) {
          std::int64_t v = 0;
          const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
          inside = error == std::errc() && end == text.data() + text.size() && v >= lo;
        } else {
          std::uint64_t v = 0;
          const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
          inside = error == std::errc() && end == digits.data() + digits.size() && v <= hi &&
                   (lo <= 0 || v >= static_cast<std::uint64_t>(lo));
        }
        return inside ? "" : fmt::format("{} is outside {}; give a whole number in that range", text, range);
      },
      "",
      "whole number");
}

/// A finite decimal within double's range: no nan, inf, hexadecimal or overflow to inf,
/// and no nonzero value that underflows to 0.
CLI::Validator finite_decimal() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double x = 0;
        try {
          if (text.find('_') != std::string::npos) throw std::invalid_argument("separator");
          x = parse_decimal<double>(text);
        } catch (const std::invalid_argument&) {
          return fmt::format(
              "'{}' is not a decimal number; write digits with an optional sign, point and exponent, "
              "e.g. 12.5",
              text);
        }
        const std::string mantissa = text.substr(0, text.find_first_of("eE"));
        const bool nonzero = mantissa.find_first_of("123456789") != std::string::npos;
        if (!std::isfinite(x) || (x == 0 && nonzero))
          return fmt::format("{} lies beyond the range of double; give a magnitude between 1e-300 and 1e300", text);
        return "";
      },
      "",
      "finite decimal");
}

CLI::Validator non_empty(bool required) {
  return CLI::Validator(
      [required](std::string& text) -> std::string {
        if (!text.empty()) return "";
        return required ? "the value is empty; give one" : "the value is empty; give one, or leave the option out";
      },
      "",
      "non-empty");
}

/// Adds the checks above to every option of `app` and of its subcommands, by the type
/// CLI11 converts to ("UINT", "INT", "FLOAT", "TEXT"; a list's element type). An option
/// given its own range before keeps that message: its check runs first.
void check_every_option(CLI::App& app) {
  for (CLI::Option* o : app.get_options()) {
    const std::string type = o->get_type_name().substr(0, o->get_type_name().find(':'));
    if (type == "UINT")
      o->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()));
    else if (type == "INT")
      o->check(whole_number(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()));
    else if (type == "FLOAT")
      o->check(finite_decimal());
    else if (type == "TEXT")
      o->check(non_empty(o->get_required()));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) check_every_option(*sub);
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "verify: numerical verification of Zhou & Ge, arXiv 2406.01766 "
      "(gradient descent with weight decay learns the teacher's features)"};
  app.set_version_flag("--version", std::string(build_info::kVersion) + " (" + build_info::kGitCommit + ")");
  app.require_subcommand(1);

  CLI::App* list_cmd = add_list_command(app);
  RunOptions run;
  CLI::App* run_cmd = add_run_command(app, run);
  ReportOptions report;
  CLI::App* report_cmd = add_report_command(app, report);

  std::string certificate_path;
  CLI::App* check_cert_cmd = app.add_subcommand(
      "check-certificate",
      "Replay a proof certificate (certificates/*.json beside a report) with independent MPFI code: exit 0 when it "
      "proves its statement, 1 naming the first leaf that does not hold, 2 when the file is malformed");
  check_cert_cmd->add_option("file", certificate_path, "The certificate file (docs/proofs.md §7)")->required();

  EvalCommandLine eval;
  CLI::App* eval_cmd = add_eval_command(app, eval);

  SweepCommandLine sweep;
  CLI::App* sweep_cert_cmd = add_sweep_command(app, sweep);
  SampleSweepOptions sample_sweep;
  CLI::App* sweep_samples_cmd = add_sweep_samples_command(*app.get_subcommand("sweep"), sample_sweep);
  SeedSweepOptions seed_sweep;
  CLI::App* sweep_seeds_cmd = add_sweep_seeds_command(*app.get_subcommand("sweep"), seed_sweep);
  AtlasCommandLine atlas;
  CLI::App* sweep_atlas_cmd = add_sweep_atlas_command(*app.get_subcommand("sweep"), atlas);

  // Each integer option's range, checked on its text (the sweeps' are those that
  // validate_sweep_options and validate_sample_sweep enforce), then every option by type.
  const std::uint64_t any_seed = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t any_long = std::numeric_limits<long>::max();
  for (const auto& [command, option, lo, hi] :
       std::vector<std::tuple<CLI::App*, const char*, std::int64_t, std::uint64_t>>{
           {run_cmd, "--digits", kMinDigits, kMaxDigits},
           {run_cmd, "--seed", 0, any_seed},
           {run_cmd, "--baseline-digits", 1, kMaxDigits},
           {report_cmd, "--baseline-digits", 1, kMaxDigits},
           {eval.coef, "--k", 0, 2000},
           {eval.coef, "--digits", kMinDigits, kMaxDigits},
           {eval.kernel, "--digits", kMinDigits, kMaxDigits},
           {eval.loss, "--digits", kMinDigits, kMaxDigits},
           {eval.certificate, "--digits", kMinDigits, kMaxDigits},
           {eval.optimum, "--digits", kMinDigits, kMaxDigits},
           {sweep_cert_cmd, "--steps", 2, 1000},
           {sweep_cert_cmd, "--digits", kMinDigits, kMaxDigits},
           {sweep_cert_cmd, "--seed", 0, any_seed},
           {sweep_cert_cmd, "--start-points", 1, 1000000},
           {sweep_cert_cmd, "--dimension", 2, 1000},
           {sweep_samples_cmd, "--samples", 10, 10000000},
           {sweep_samples_cmd, "--dimensions", 2, 4096},
           {sweep_samples_cmd, "--batch", 0, any_long},
           {sweep_samples_cmd, "--pairs", 1, 4096},
           {sweep_samples_cmd, "--epochs", 1, 40},
           {sweep_samples_cmd, "--seed", 0, any_seed},
           {sweep_atlas_cmd, "--dimension", 0, 1000},
           {sweep_atlas_cmd, "--teachers", 1, 1000000},
           {sweep_atlas_cmd, "--seed", 0, any_seed},
           {sweep_atlas_cmd, "--digits", kMinDigits, kMaxDigits},
           {sweep_atlas_cmd, "--start-points", 16, 1000000},
           {sweep_atlas_cmd, "--refined-starts", 1, 1000},
           {sweep_atlas_cmd, "--certify", 0, 1000000},
           {sweep_atlas_cmd, "--proof-boxes", 1, 1000000000}})
    command->get_option(option)->check(whole_number(lo, hi));
  check_every_option(app);

  // CLI11 reports a missing subcommand before an unexpected word; name the word instead.
  if (argc >= 2 && argv[1][0] != '-' && app.get_subcommands([&](const CLI::App* sub) {
                                           return sub->get_name() == argv[1];
                                         }).empty()) {
    err << "verify: unknown command '" << argv[1] << "'; use list, run, report, eval or sweep (run 'verify --help')\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << app.version() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // Help for a subcommand is reported through the same exception family.
    if (e.get_exit_code() == 0) {
      std::ostringstream os;
      app.exit(e, os, os);
      out << os.str();
      return 0;
    }
    err << "verify: " << e.what() << " (run 'verify --help')\n";
    return kExitUsage;
  }
  note_given_options(*run_cmd, run);
  note_seed_sweep_options(*sweep_seeds_cmd, seed_sweep);

  try {
    if (list_cmd->parsed()) return command_list(out);
    if (run_cmd->parsed()) return command_run(run, out, err);
    if (report_cmd->parsed()) return command_report(report, out, err);
    if (check_cert_cmd->parsed()) return checker::check_certificate_file(certificate_path, out, err);
    if (sweep_cert_cmd->parsed()) {
      check_out_dir(sweep.options.out_dir);
      return command_sweep_certificate(sweep, out, err, show_progress());
    }
    if (sweep_samples_cmd->parsed()) {
      check_out_dir(sample_sweep.out_dir);
      return command_sweep_samples(sample_sweep, out, err, show_progress());
    }
    if (sweep_seeds_cmd->parsed()) return command_sweep_seeds(seed_sweep, out, err, show_progress());
    if (sweep_atlas_cmd->parsed()) {
      check_out_dir(atlas.options.out_dir);
      return command_sweep_atlas(atlas, out, err, show_progress());
    }
    if (eval_cmd->parsed()) return command_eval(eval, out);
    return 0;
  } catch (const InputError& e) {
    err << "verify: " << e.what() << "\n";
    return kExitUsage;
  } catch (const SweepFailure& e) {
    err << "verify: " << e.what() << "\n";
    return kExitSweepFailure;
  }
}

}  // namespace zg
