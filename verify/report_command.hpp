// `verify report`: re-renders a report.json in other formats without recomputing anything
// (reports/publish.hpp, with the earlier report's artefacts copied beside the new one).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "verify/command_common.hpp"

namespace zg {

/// What the user typed.
struct ReportOptions {
  std::string from;
  std::string out_dir;
  std::vector<std::string> formats{"md", "json", "junit"};
  BaselineOptionsCli baseline;
};

/// Adds `report` with its options to `app`; returns it. `o` must outlive the parse.
CLI::App* add_report_command(CLI::App& app, ReportOptions& o);

/// Reads and checks everything, then publishes. Returns 0, kExitUsage when a format could
/// not be made, kExitRegression as --fail-on says; throws InputError for bad input,
/// before any file is written.
int command_report(const ReportOptions& o, std::ostream& out, std::ostream& err);

}  // namespace zg
