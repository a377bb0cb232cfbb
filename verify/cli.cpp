// The `verify` command line (verify/cli.hpp): argument parsing with CLI11, validation of
// everything the user typed before any work starts, and the mapping to exit codes.
#include "verify/cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <tuple>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/input_error.hpp"
#include "core/numeric_types.hpp"
#include "lemmas/claim_registry.hpp"
#include "reports/atomic_file.hpp"
#include "reports/attachments.hpp"
#include "reports/baseline.hpp"
#include "reports/display_format.hpp"
#include "reports/plot.hpp"
#include "reports/report_document.hpp"
#include "reports/report_writer.hpp"
#include "verify/build_info.hpp"
#include "verify/certificate_checker/check_certificate.hpp"
#include "verify/config.hpp"
#include "verify/eval_command.hpp"
#include "verify/runner.hpp"
#include "verify/sweep_cli.hpp"
#include "verify/sweep_samples.hpp"
#include "verify/text_table.hpp"

namespace zg {
namespace {

void check_digits(unsigned digits, const std::string& field) {
  if (digits < kMinDigits || digits > kMaxDigits)
    throw InputError(field, "", fmt::format("{} is outside {}..{}", digits, kMinDigits, kMaxDigits),
                     fmt::format("choose between {} and {} significant digits", kMinDigits, kMaxDigits));
}

/// Refuses, before any work, an output folder that cannot be one: an existing file, or a
/// path below a file. Creates nothing.
void check_out_dir(const std::string& path, const std::string& option = "--out") {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  while (!p.empty() && !fs::exists(p, ec)) p = p.parent_path();
  if (p.empty() || fs::is_directory(p, ec)) return;
  throw InputError(option,
                   path,
                   p.string() == path ? "exists and is not a folder" : p.string() + " is a file, not a folder",
                   "choose a folder, or a path where one can be made");
}

RunConfig load_config_or_default(const std::string& path) {
  return path.empty() ? default_config() : load_config_file(path);
}

std::vector<ReportFormat> parse_formats(const std::vector<std::string>& names) {
  std::vector<ReportFormat> out;
  for (const std::string& n : names) {
    const std::optional<ReportFormat> f = report_format_from_string(n);
    if (!f) throw InputError("--format", "", "unknown format '" + n + "'", "use any of " + report_format_names());
    out.push_back(*f);
  }
  if (out.empty()) throw InputError("--format", "", "no format given", "use any of " + report_format_names());
  return out;
}

/// A report.json read whole and parsed; `option` names where its path came from.
ReportDocument read_report_file(const std::string& path, const std::string& option) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    const std::filesystem::path inside = std::filesystem::path(path) / "report.json";
    throw InputError(option,
                     path,
                     "is a folder, not a report file",
                     std::filesystem::is_regular_file(inside, ec)
                         ? "give the report.json in it: " + option + " " + inside.string()
                         : "give the path of a report.json that verify run wrote");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(option, "", "cannot read " + path + ": " + std::strerror(errno),
                     "give the path of a report.json that verify run wrote");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty())
    throw InputError(option, path, "the file is empty", "give the path of a report.json that verify run wrote");
  return parse_report_json(text.str(), path);
}

/// --fail-on values: only "regression" so far (failures always set the exit status).
bool parse_fail_on(const std::vector<std::string>& values) {
  bool regression = false;
  for (const std::string& v : values) {
    if (v != "regression")
      throw InputError("--fail-on", "", "unknown condition '" + v + "'", "use --fail-on regression");
    regression = true;
  }
  return regression;
}

struct BaselineOptionsCli {
  std::string path;                  ///< --baseline; "" = none
  unsigned compare_digits = 0;       ///< --baseline-digits; 0 = the values' precision
  std::vector<std::string> fail_on;  ///< --fail-on
};

/// Reads the baseline before any work, so that a bad one stops the run early.
std::optional<ReportDocument> load_baseline(const BaselineOptionsCli& b) {
  const bool gate = parse_fail_on(b.fail_on);
  if (gate && b.path.empty())
    throw InputError("--fail-on", "", "regression needs a baseline to compare with", "add --baseline OLD/report.json");
  if (b.path.empty()) return std::nullopt;
  return read_report_file(b.path, "--baseline");
}

void compare(ReportDocument& doc, const std::optional<ReportDocument>& baseline, const BaselineOptionsCli& b) {
  if (!baseline) return;
  BaselineOptions options;
  if (b.compare_digits != 0) options.compare_digits = b.compare_digits;
  doc.baseline = compare_with_baseline(doc.run, baseline->run, b.path, options);
}

/// The baseline's verdict in a few lines: the count, then each regression.
void print_baseline(const ReportDocument& doc, std::ostream& out) {
  if (!doc.baseline) return;
  const BaselineComparison& b = *doc.baseline;
  out << fmt::format("\nbaseline {}: {} change(s), {} regression(s)\n", b.source, b.changes.size(), b.regressions());
  for (const BaselineChange& c : b.changes) {
    if (!c.regression) continue;
    std::string line = fmt::format("  REGRESSION {} {} {}: {} -> {}", c.claim_id, c.item, to_string(c.kind),
                                   detail::shorten_decimal(c.before, 20), detail::shorten_decimal(c.after, 20));
    if (!c.difference.empty()) line += " (|difference| " + c.difference + " > tolerance " + c.tolerance + ")";
    out << line << "\n";
  }
}

/// A run's exit status with --fail-on regression: 4 when something regressed and nothing
/// failed outright (a FAIL keeps its 1).
int exit_code_with_baseline(int code, const ReportDocument& doc, const BaselineOptionsCli& b) {
  const bool gate = !b.fail_on.empty();
  if (gate && code != 1 && doc.baseline && doc.baseline->regressions() > 0) return kExitRegression;
  return code;
}

// Progress on an interactive terminal only: CI logs and pipes stay quiet.
bool show_progress() { return isatty(fileno(stderr)) != 0 && std::getenv("CI") == nullptr; }

void print_json_or_text(const nlohmann::ordered_json& j, bool as_json, std::ostream& out) {
  if (as_json) {
    out << j.dump() << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows{{"quantity", "value"}};
  for (const auto& [key, value] : j.items())
    rows.push_back({key, value.is_string() ? value.get<std::string>() : value.dump()});
  out << format_text_table(rows);
}

struct RunOptions {
  std::string config_path;
  std::vector<std::string> claims;
  unsigned digits = 0;
  bool digits_given = false;  // false: the configuration's digits
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::string out_dir = "audit";
  std::vector<std::string> formats{"md", "json", "junit"};
  BaselineOptionsCli baseline;
};

struct ReportOptions {
  std::string from;
  std::string out_dir;
  std::vector<std::string> formats{"md", "json", "junit"};
  BaselineOptionsCli baseline;
};

int command_list(std::ostream& out) {
  std::vector<std::vector<std::string>> rows{{"id", "title", "kind", "paper"}};
  for (const ClaimSpec& c : ClaimRegistry::builtin().claims())
    rows.push_back({c.id, c.title, to_string(c.rigor), c.paper_location});
  out << format_text_table(rows);
  return 0;
}

int command_run(const RunOptions& o, std::ostream& out, std::ostream& err) {
  // Validate everything before any work or any file: bad input leaves nothing behind.
  check_out_dir(o.out_dir);
  const RunConfig config = load_config_or_default(o.config_path);
  const unsigned digits = o.digits_given ? o.digits : config.digits;
  check_digits(digits, o.digits_given ? "--digits" : config.source + ": digits");
  const std::vector<std::string>& ids = o.claims.empty() ? config.claims : o.claims;
  const std::vector<const ClaimSpec*> claims =
      resolve_claims(ClaimRegistry::builtin(), ids, o.claims.empty() ? config.source + ": claims" : "--claims");
  const std::vector<ReportFormat> formats = parse_formats(o.formats);
  const std::optional<ReportDocument> baseline = load_baseline(o.baseline);

  RunRequest request;
  request.config = &config;
  request.claims = claims;
  request.digits = digits;
  request.seed = o.seed_given ? o.seed : config.seed;

  ProgressFn progress;
  if (show_progress()) {
    progress = [&err](std::size_t i, std::size_t n, const ClaimSpec& c, const ClaimResult* done) {
      if (done == nullptr)
        err << fmt::format("[{}/{}] {} {} ...", i + 1, n, c.id, c.title) << std::flush;
      else
        err << fmt::format(" {} ({:.2f} s)\n", to_string(done->verdict), done->seconds) << std::flush;
    };
  }
  ReportDocument doc;
  doc.run = run_claims(request, progress);
  doc.build = build_provenance();
  const RunReport& report = doc.run;
  // Figures first, so the reports can list them; a missing gnuplot is a warning only.
  for (const std::string& note : render_report_plots(doc.run, o.out_dir)) err << "verify: warning: " << note << "\n";
  write_claim_attachments(doc.run, o.out_dir);  // certificates, before report.json names them
  doc.figures = figures_of(doc.run);
  compare(doc, baseline, o.baseline);
  const WriteOutcome written = write_reports(doc, o.out_dir, formats);
  for (const std::string& w : written.warnings) err << "verify: warning: " << w << "\n";

  std::vector<std::vector<std::string>> rows{{"claim", "verdict", "margin", "digits", "time", "title"}};
  for (const ClaimResult& r : report.claims)
    rows.push_back({r.id,
                    to_string(r.verdict),
                    detail::format_margin(r.margin),
                    std::to_string(r.digits),
                    fmt::format("{:.2f} s", r.seconds),
                    r.title});
  out << format_text_table(rows);
  const Summary s = summarize(report.claims);
  out << fmt::format("\n{} passed, {} failed, {} inconclusive, {} skipped in {:.1f} s\n",
                     s.pass,
                     s.fail,
                     s.inconclusive,
                     s.skipped,
                     report.seconds);
  print_baseline(doc, out);
  for (const std::string& path : written.written) out << "wrote " << path << "\n";
  return exit_code_with_baseline(exit_code_for(s), doc, o.baseline);
}

/// Copies the artefacts the report lists from `from_dir` into `to_dir`, each atomically.
/// A missing one is a warning; a figure whose CSV is missing is dropped from `doc`, since
/// the LaTeX could not draw it.
void copy_artefacts(ReportDocument& doc, const std::string& from_dir, const std::string& to_dir, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool same = fs::exists(to_dir) && fs::equivalent(from_dir, to_dir, ec);
  std::vector<std::string> missing;
  for (const ClaimResult& c : doc.run.claims) {
    for (const Artefact& a : c.artefacts) {
      const fs::path source = fs::path(from_dir) / a.path;
      std::ifstream in(source, std::ios::binary);
      if (!in) {
        err << "verify: warning: " << c.id << ": artefact " << source.string() << " is missing; not copied\n";
        missing.push_back(a.path);
        continue;
      }
      if (same) continue;
      std::ostringstream bytes;
      bytes << in.rdbuf();
      const fs::path target = fs::path(to_dir) / a.path;
      fs::create_directories(target.parent_path(), ec);
      commit_temporary(write_temporary_beside(target.string(), bytes.str()), target.string());
    }
  }
  doc.figures.erase(std::remove_if(doc.figures.begin(),
                                   doc.figures.end(),
                                   [&](const Figure& f) {
                                     return std::find(missing.begin(), missing.end(), f.name + ".csv") !=
                                            missing.end();
                                   }),
                    doc.figures.end());
}

int command_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  // Everything is read and checked before the first file is written.
  const std::vector<ReportFormat> formats = parse_formats(o.formats);
  check_out_dir(o.out_dir);
  ReportDocument doc = read_report_file(o.from, "--from");
  const std::optional<ReportDocument> baseline = load_baseline(o.baseline);
  const std::string from_dir = std::filesystem::path(o.from).parent_path().string();
  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  if (ec) throw InputError("--out", o.out_dir, "cannot create the folder: " + ec.message(), "choose a writable folder");
  copy_artefacts(doc, from_dir.empty() ? "." : from_dir, o.out_dir, err);
  compare(doc, baseline, o.baseline);
  const WriteOutcome written = write_reports(doc, o.out_dir, formats);
  for (const std::string& w : written.warnings) err << "verify: warning: " << w << "\n";
  const Summary s = summarize(doc.run.claims);
  out << fmt::format("{}: {} passed, {} failed, {} inconclusive, {} skipped (re-rendered, nothing recomputed)\n",
                     o.from, s.pass, s.fail, s.inconclusive, s.skipped);
  print_baseline(doc, out);
  for (const std::string& path : written.written) out << "wrote " << path << "\n";
  // Rendering is this command's only job: a format that could not be made fails it.
  if (!written.warnings.empty()) return kExitUsage;
  return exit_code_with_baseline(0, doc, o.baseline);
}

void add_baseline_options(CLI::App* cmd, BaselineOptionsCli& b) {
  cmd->add_option("--baseline", b.path, "An earlier report.json: report what moved beyond its tolerance");
  cmd->add_option("--baseline-digits",
                  b.compare_digits,
                  "Compare measurements to this many significant digits (default: their working digits less 5)");
  cmd->add_option("--fail-on", b.fail_on, "regression: exit 4 when a verdict got worse or a value moved")
      ->delimiter(',');
}

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

  app.add_subcommand("list", "List the registered claims: id, title, kind of check, paper location");

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "Run claims and write reports");
  run_cmd->add_option("--config", run.config_path, "TOML or JSON configuration (default: the embedded default)");
  run_cmd->add_option("--claims", run.claims, "Comma-separated claim ids (default: the configuration's, else all)")
      ->delimiter(',');
  run_cmd->add_option("--digits", run.digits, "Working precision in significant decimal digits (16..1000)");
  run_cmd->add_option("--seed", run.seed, "Master seed (default: the configuration's)");
  run_cmd->add_option("--out", run.out_dir, "Folder for the reports")->capture_default_str();
  run_cmd->add_option("--format", run.formats, "Comma-separated formats: " + report_format_names())
      ->delimiter(',')
      ->capture_default_str();
  add_baseline_options(run_cmd, run.baseline);

  ReportOptions report;
  CLI::App* report_cmd =
      app.add_subcommand("report", "Re-render a report.json in other formats, without recomputing anything");
  report_cmd->add_option("--from", report.from, "The report.json to render (its figures' files beside it)")
      ->required();
  report_cmd->add_option("--out", report.out_dir, "Folder for the new reports (artefacts are copied there)")
      ->required();
  report_cmd->add_option("--format", report.formats, "Comma-separated formats: " + report_format_names())
      ->delimiter(',')
      ->capture_default_str();
  add_baseline_options(report_cmd, report.baseline);

  std::string certificate_path;
  CLI::App* check_cert_cmd = app.add_subcommand(
      "check-certificate",
      "Replay a proof certificate (certificates/*.json beside a report) with independent MPFI code: exit 0 when it "
      "proves its statement, 1 naming the first leaf that does not hold, 2 when the file is malformed");
  check_cert_cmd->add_option("file", certificate_path, "The certificate file (docs/proofs.md §7)")->required();

  CLI::App* eval_cmd = app.add_subcommand("eval", "Evaluate one quantity at any precision");
  eval_cmd->require_subcommand(1);
  unsigned eval_digits = 50;
  bool eval_json = false;
  unsigned coef_k = 0;
  std::string rho_text;
  std::string loss_config;
  CLI::App* coef_cmd = eval_cmd->add_subcommand("coef", "ReLU Hermite coefficient c_k: closed form and quadrature");
  coef_cmd->add_option("--k", coef_k, "Order k (0..2000)")->required();
  CLI::App* kernel_cmd = eval_cmd->add_subcommand("kernel", "kappa, K, K', K'' at rho (read as an exact decimal)");
  kernel_cmd->add_option("--rho", rho_text, "Cosine rho in [-1, 1]")->required();
  CLI::App* loss_cmd = eval_cmd->add_subcommand("loss", "Population loss and gradient norm of the configured student");
  loss_cmd->add_option("--config", loss_config, "TOML or JSON configuration (default: the embedded default)");
  CLI::App* cert_cmd =
      eval_cmd->add_subcommand("certificate", "Dual pre-certificate of the configured teacher: alpha, residual, rho_eta");
  cert_cmd->add_option("--config", loss_config, "TOML or JSON configuration (default: the embedded default)");
  CLI::App* optimum_cmd =
      eval_cmd->add_subcommand("optimum", "Minimiser of L_lambda with m* neurons: objective, masses, angles, sup |eta_lambda|");
  std::string optimum_lambda;
  optimum_cmd->add_option("--config", loss_config, "TOML or JSON configuration (default: the embedded default)");
  optimum_cmd->add_option("--lambda", optimum_lambda, "Weight decay, read as an exact decimal (default: the configuration's)");
  for (CLI::App* sub : {coef_cmd, kernel_cmd, loss_cmd, cert_cmd, optimum_cmd}) {
    sub->add_option("--digits", eval_digits, "Significant decimal digits (16..1000)")->capture_default_str();
    sub->add_flag("--json", eval_json, "Print one JSON object");
  }

  SweepCommandLine sweep;
  CLI::App* sweep_cert_cmd = add_sweep_command(app, sweep);
  SampleSweepOptions sample_sweep;
  CLI::App* sweep_samples_cmd = add_sweep_samples_command(*app.get_subcommand("sweep"), sample_sweep);

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
           {coef_cmd, "--k", 0, 2000},
           {coef_cmd, "--digits", kMinDigits, kMaxDigits},
           {kernel_cmd, "--digits", kMinDigits, kMaxDigits},
           {loss_cmd, "--digits", kMinDigits, kMaxDigits},
           {cert_cmd, "--digits", kMinDigits, kMaxDigits},
           {optimum_cmd, "--digits", kMinDigits, kMaxDigits},
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
           {sweep_samples_cmd, "--seed", 0, any_seed}})
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
  run.seed_given = run_cmd->count("--seed") > 0;
  run.digits_given = run_cmd->count("--digits") > 0;

  try {
    if (app.got_subcommand("list")) return command_list(out);
    if (app.got_subcommand("run")) return command_run(run, out, err);
    if (app.got_subcommand("report")) return command_report(report, out, err);
    if (check_cert_cmd->parsed()) return checker::check_certificate_file(certificate_path, out, err);
    if (sweep_cert_cmd->parsed()) {
      check_out_dir(sweep.options.out_dir);
      return command_sweep_certificate(sweep, out, err, show_progress());
    }
    if (sweep_samples_cmd->parsed()) {
      check_out_dir(sample_sweep.out_dir);
      return command_sweep_samples(sample_sweep, out, err, show_progress());
    }
    check_digits(eval_digits, "--digits");
    if (coef_cmd->parsed()) print_json_or_text(eval_coefficient(coef_k, eval_digits), eval_json, out);
    if (kernel_cmd->parsed()) print_json_or_text(eval_kernel(rho_text, eval_digits), eval_json, out);
    if (loss_cmd->parsed())
      print_json_or_text(eval_loss(load_config_or_default(loss_config), eval_digits), eval_json, out);
    if (optimum_cmd->parsed())
      print_json_or_text(eval_optimum(load_config_or_default(loss_config), optimum_lambda, eval_digits), eval_json, out);
    if (cert_cmd->parsed()) {
      const RunConfig config = load_config_or_default(loss_config);
      print_json_or_text(eval_certificate(config, eval_digits, config.seed), eval_json, out);
    }
    return 0;
  } catch (const InputError& e) {
    err << "verify: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace zg
