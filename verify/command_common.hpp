// What several subcommands of `verify` share: checks of what the user typed (digits, an
// output folder, formats), reading a configuration or a report.json, the --baseline
// options and their printed verdict, and whether to show progress.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "reports/publish.hpp"
#include "reports/report_document.hpp"
#include "reports/report_writer.hpp"
#include "verify/config.hpp"

namespace zg {

/// InputError naming `field` unless kMinDigits <= digits <= kMaxDigits.
void check_digits(unsigned digits, const std::string& field);

/// Refuses, before any work, an output folder that cannot be one: an existing file, or a
/// path below a file. Creates nothing.
void check_out_dir(const std::string& path, const std::string& option = "--out");

/// The configuration at `path`, or the embedded default when `path` is "".
RunConfig load_config_or_default(const std::string& path);

/// --format names -> formats; InputError naming --format for an unknown or missing one.
std::vector<ReportFormat> parse_formats(const std::vector<std::string>& names);

/// A report.json read whole and parsed; `option` names where its path came from.
ReportDocument read_report_file(const std::string& path, const std::string& option);

/// Progress on an interactive terminal only: CI logs and pipes stay quiet.
bool show_progress();

/// --baseline, --baseline-digits and --fail-on, as typed.
struct BaselineOptionsCli {
  std::string path;                  ///< --baseline; "" = none
  unsigned compare_digits = 0;       ///< --baseline-digits; 0 = the values' precision
  std::vector<std::string> fail_on;  ///< --fail-on
};

void add_baseline_options(CLI::App* cmd, BaselineOptionsCli& b);

/// Reads the baseline before any work, so that a bad one stops the run early.
std::optional<ReportDocument> load_baseline(const BaselineOptionsCli& b);

/// What publish_run compares with: none when `baseline` is empty; `baseline` must
/// outlive the publishing.
std::optional<PublishBaseline> publish_baseline(const std::optional<ReportDocument>& baseline,
                                                const BaselineOptionsCli& b);

/// The baseline's verdict in a few lines: the count, then each regression.
void print_baseline(const ReportDocument& doc, std::ostream& out);

/// A run's exit status with --fail-on regression: 4 when something regressed and nothing
/// failed outright (a FAIL keeps its 1).
int exit_code_with_baseline(int code, const ReportDocument& doc, const BaselineOptionsCli& b);

}  // namespace zg
