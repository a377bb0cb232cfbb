// `verify sweep certificate` on the command line (verify/sweep_cli.hpp).
#include "verify/sweep_cli.hpp"

#include <ostream>

#include <fmt/format.h>

#include "verify/cli.hpp"
#include "verify/sweep_cli_common.hpp"
#include "verify/sweep_report.hpp"

namespace zg {

CLI::App* add_sweep_command(CLI::App& app, SweepCommandLine& line) {
  CLI::App* sweep = app.add_subcommand("sweep", "Sweep a quantity over a family of teachers");
  sweep->require_subcommand(1);
  CLI::App* cert = sweep->add_subcommand(
      "certificate", "rho_eta against the teacher separation: where does non-degeneracy break? (docs/math.md §4)");
  SweepOptions& o = line.options;
  cert->add_option("--families", line.families, "Comma-separated: equal, opposite, three")
      ->delimiter(',')
      ->capture_default_str();
  cert->add_option("--from-deg", o.from_deg, "Smallest separation Δ in degrees (> 0)")->capture_default_str();
  cert->add_option("--to-deg", o.to_deg, "Largest separation Δ in degrees (<= 90), included")->capture_default_str();
  cert->add_option("--steps", o.steps, "Grid points, both ends included (>= 2)")->capture_default_str();
  cert->add_option("--digits", o.digits, "Working precision in significant decimal digits (16..1000)")
      ->capture_default_str();
  cert->add_option("--seed", o.seed, "Seed of the decay search's start set")->capture_default_str();
  cert->add_option("--start-points", o.start_points, "Start points of the sampled decay search")->capture_default_str();
  cert->add_option("--dimension", o.dimension, "Dimension d (2: the circle; > 2: the disc of the span)")
      ->capture_default_str();
  cert->add_option("--out", o.out_dir, "Folder for sweep_certificate.{csv,md} and the plot")->capture_default_str();
  add_checkpoint_options(cert, line.checkpoint, line.resume);
  return cert;
}

int command_sweep_certificate(const SweepCommandLine& line, std::ostream& out, std::ostream& err, bool progress) {
  // Validate everything before any work or any file: bad input leaves nothing behind.
  SweepOptions options = line.options;
  options.families = parse_sweep_families(line.families);
  validate_sweep_options(options);

  SweepSession session(line.checkpoint, line.resume, options.out_dir, err, progress);
  SweepResult result;
  if (!session.run([&] { result = run_sweep(options, session.execution(), &session.ranks()); })) return kExitUsage;
  if (!session.is_root()) return 0;
  const SweepFiles files = write_sweep_files(result, options.out_dir);

  out << sweep_text_table(result) << "\n";
  for (SweepFamily f : options.families) out << describe_onset(family_onset(result.points, f)) << "\n";
  out << fmt::format("\n{} points in {:.1f} s\n", result.points.size(), result.seconds);
  for (const std::string& w : files.warnings) err << "verify: warning: " << w << "\n";
  for (const std::string& path : files.written) out << "wrote " << path << "\n";
  session.outputs_written();
  return 0;
}

}  // namespace zg
