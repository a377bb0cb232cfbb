// `verify run` (verify/run_command.hpp).
#include "verify/run_command.hpp"

#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "lemmas/claim_registry.hpp"
#include "reports/aligned_table.hpp"
#include "reports/display_format.hpp"
#include "reports/publish.hpp"
#include "verify/build_info.hpp"
#include "verify/runner.hpp"

namespace zg {

CLI::App* add_run_command(CLI::App& app, RunOptions& o) {
  CLI::App* cmd = app.add_subcommand("run", "Run claims and write reports");
  cmd->add_option("--config", o.config_path, "TOML or JSON configuration (default: the embedded default)");
  cmd->add_option("--claims", o.claims, "Comma-separated claim ids (default: the configuration's, else all)")
      ->delimiter(',');
  cmd->add_option("--digits", o.digits, "Working precision in significant decimal digits (16..1000)");
  cmd->add_option("--seed", o.seed, "Master seed (default: the configuration's)");
  cmd->add_option("--out", o.out_dir, "Folder for the reports")->capture_default_str();
  cmd->add_option("--format", o.formats, "Comma-separated formats: " + report_format_names())
      ->delimiter(',')
      ->capture_default_str();
  add_baseline_options(cmd, o.baseline);
  return cmd;
}

void note_given_options(const CLI::App& run, RunOptions& o) {
  o.seed_given = run.count("--seed") > 0;
  o.digits_given = run.count("--digits") > 0;
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
  PublishOptions publish;
  publish.out_dir = o.out_dir;
  publish.out_dir_field = "--out";
  publish.on_note = [&err](const std::string& note) { err << "verify: warning: " << note << "\n"; };
  publish.formats = parse_formats(o.formats);
  const std::optional<ReportDocument> baseline = load_baseline(o.baseline);
  publish.baseline = publish_baseline(baseline, o.baseline);

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
  const WriteOutcome written = publish_run(doc, publish);
  for (const std::string& w : written.warnings) err << "verify: warning: " << w << "\n";

  const RunReport& report = doc.run;
  std::vector<std::vector<std::string>> rows{{"claim", "verdict", "margin", "digits", "time", "title"}};
  for (const ClaimResult& r : report.claims)
    rows.push_back({r.id,
                    to_string(r.verdict),
                    detail::format_margin(r.margin),
                    std::to_string(r.digits),
                    fmt::format("{:.2f} s", r.seconds),
                    r.title});
  out << detail::render_text_table(rows);
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

}  // namespace zg
