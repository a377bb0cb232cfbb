// `verify report` (verify/report_command.hpp).
#include "verify/report_command.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "reports/publish.hpp"
#include "verify/cli.hpp"
#include "verify/runner.hpp"

namespace zg {

CLI::App* add_report_command(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("report", "Re-render a report.json in other formats, without recomputing anything");
  cmd->add_option("--from", o.from, "The report.json to render (its figures' files beside it)")->required();
  cmd->add_option("--out", o.out_dir, "Folder for the new reports (artefacts are copied there)")->required();
  cmd->add_option("--format", o.formats, "Comma-separated formats: " + report_format_names())
      ->delimiter(',')
      ->capture_default_str();
  add_baseline_options(cmd, o.baseline);
  return cmd;
}

int command_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  // Everything is read and checked before the first file is written.
  PublishOptions publish;
  publish.formats = parse_formats(o.formats);
  check_out_dir(o.out_dir);
  ReportDocument doc = read_report_file(o.from, "--from");
  const std::optional<ReportDocument> baseline = load_baseline(o.baseline);
  publish.baseline = publish_baseline(baseline, o.baseline);
  const std::string from_dir = std::filesystem::path(o.from).parent_path().string();
  publish.out_dir = o.out_dir;
  publish.out_dir_field = "--out";
  publish.on_note = [&err](const std::string& note) { err << "verify: warning: " << note << "\n"; };
  publish.artefacts_from = from_dir.empty() ? "." : from_dir;
  const WriteOutcome written = publish_run(doc, publish);
  for (const std::string& w : written.warnings) err << "verify: warning: " << w << "\n";
  const Summary s = summarize(doc.run.claims);
  out << fmt::format("{}: {} passed, {} failed, {} inconclusive, {} skipped (re-rendered, nothing recomputed)\n",
                     o.from,
                     s.pass,
                     s.fail,
                     s.inconclusive,
                     s.skipped);
  print_baseline(doc, out);
  for (const std::string& path : written.written) out << "wrote " << path << "\n";
  // Rendering is this command's only job: a format that could not be made fails it.
  if (!written.warnings.empty()) return kExitUsage;
  return exit_code_with_baseline(0, doc, o.baseline);
}

}  // namespace zg
