// Checks, readers and the --baseline options shared by the subcommands
// (verify/command_common.hpp).
#include "verify/command_common.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "core/numeric_types.hpp"
#include "reports/display_format.hpp"
#include "verify/cli.hpp"

namespace zg {
namespace {

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

}  // namespace

void check_digits(unsigned digits, const std::string& field) {
  if (digits < kMinDigits || digits > kMaxDigits)
    throw InputError(field,
                     "",
                     fmt::format("{} is outside {}..{}", digits, kMinDigits, kMaxDigits),
                     fmt::format("choose between {} and {} significant digits", kMinDigits, kMaxDigits));
}

void check_out_dir(const std::string& path, const std::string& option) {
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
    throw InputError(option,
                     "",
                     "cannot read " + path + ": " + std::strerror(errno),
                     "give the path of a report.json that verify run wrote");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty())
    throw InputError(option, path, "the file is empty", "give the path of a report.json that verify run wrote");
  return parse_report_json(text.str(), path);
}

bool show_progress() {
  return isatty(fileno(stderr)) != 0 && std::getenv("CI") == nullptr;
}

void add_baseline_options(CLI::App* cmd, BaselineOptionsCli& b) {
  cmd->add_option("--baseline", b.path, "An earlier report.json: report what moved beyond its tolerance");
  cmd->add_option("--baseline-digits",
                  b.compare_digits,
                  "Compare measurements to this many significant digits (default: their working digits less 5)");
  cmd->add_option("--fail-on", b.fail_on, "regression: exit 4 when a verdict got worse or a value moved")
      ->delimiter(',');
}

std::optional<ReportDocument> load_baseline(const BaselineOptionsCli& b) {
  const bool gate = parse_fail_on(b.fail_on);
  if (gate && b.path.empty())
    throw InputError("--fail-on", "", "regression needs a baseline to compare with", "add --baseline OLD/report.json");
  if (b.path.empty()) return std::nullopt;
  return read_report_file(b.path, "--baseline");
}

std::optional<PublishBaseline> publish_baseline(const std::optional<ReportDocument>& baseline,
                                                const BaselineOptionsCli& b) {
  if (!baseline) return std::nullopt;
  PublishBaseline p;
  p.report = &*baseline;
  p.source = b.path;
  if (b.compare_digits != 0) p.options.compare_digits = b.compare_digits;
  return p;
}

void print_baseline(const ReportDocument& doc, std::ostream& out) {
  if (!doc.baseline) return;
  const BaselineComparison& b = *doc.baseline;
  out << fmt::format("\nbaseline {}: {} change(s), {} regression(s)\n", b.source, b.changes.size(), b.regressions());
  for (const BaselineChange& c : b.changes) {
    if (!c.regression) continue;
    std::string line = fmt::format("  REGRESSION {} {} {}: {} -> {}",
                                   c.claim_id,
                                   c.item,
                                   to_string(c.kind),
                                   detail::shorten_decimal(c.before, 20),
                                   detail::shorten_decimal(c.after, 20));
    if (!c.difference.empty()) line += " (|difference| " + c.difference + " > tolerance " + c.tolerance + ")";
    out << line << "\n";
  }
}

int exit_code_with_baseline(int code, const ReportDocument& doc, const BaselineOptionsCli& b) {
  const bool gate = !b.fail_on.empty();
  if (gate && code != 1 && doc.baseline && doc.baseline->regressions() > 0) return kExitRegression;
  return code;
}

}  // namespace zg
