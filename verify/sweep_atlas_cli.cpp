// `verify sweep atlas` on the command line (verify/sweep_atlas_cli.hpp).
#include "verify/sweep_atlas_cli.hpp"

#include <charconv>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "verify/cli.hpp"
#include "verify/sweep_atlas_report.hpp"
#include "verify/sweep_cli_common.hpp"

namespace zg {
namespace {

std::vector<std::string> split(const std::string& text, const std::string& option) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    items.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  for (const std::string& item : items)
    if (item.empty())
      throw InputError(option, "", "'" + text + "' has an empty entry", "separate the values by single commas");
  return items;
}

std::optional<long> whole(const std::string& text) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::vector<int> parse_integer_list(const std::string& text, const std::string& option, std::size_t max_size) {
  const std::string fix = "give integers and ranges, e.g. 2..6 or 2,3,5";
  std::vector<int> out;
  for (const std::string& item : split(text, option)) {
    const std::size_t dots = item.find("..");
    const std::optional<long> lo = whole(item.substr(0, dots));
    const std::optional<long> hi = dots == std::string::npos ? lo : whole(item.substr(dots + 2));
    if (!lo || !hi || std::abs(*lo) > 1000000 || std::abs(*hi) > 1000000)
      throw InputError(option, "", "'" + item + "' is not an integer or a range A..B", fix);
    if (*hi < *lo) throw InputError(option, "", "the range '" + item + "' is reversed", "write it as A..B with A <= B");
    if (out.size() + static_cast<std::size_t>(*hi - *lo + 1) > max_size)
      throw InputError(option, "", fmt::format("'{}' lists more than {} values", text, max_size), "list fewer");
    for (long v = *lo; v <= *hi; ++v) out.push_back(static_cast<int>(v));
  }
  return out;
}

std::vector<double> parse_number_list(const std::string& text, const std::string& option) {
  std::vector<double> out;
  for (const std::string& item : split(text, option)) {
    double value = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (error != std::errc() || end != item.data() + item.size() || !std::isfinite(value))
      throw InputError(option, "", "'" + item + "' is not a number", "give degrees as decimals, e.g. 5,10,22.5");
    out.push_back(value);
  }
  return out;
}

std::vector<AtlasSigns> parse_atlas_signs(const std::string& text) {
  std::vector<AtlasSigns> out;
  for (const std::string& item : split(text, "--signs")) {
    std::optional<AtlasSigns> found;
    for (AtlasSigns s : {AtlasSigns::Alternating, AtlasSigns::Random, AtlasSigns::Positive})
      if (item == to_string(s)) found = s;
    if (!found)
      throw InputError("--signs", "", "unknown sign pattern '" + item + "'",
                       "use any of alternating, random, positive, comma-separated");
    if (std::find(out.begin(), out.end(), *found) != out.end())
      throw InputError("--signs", "", "'" + item + "' is given twice", "name each pattern once");
    out.push_back(*found);
  }
  return out;
}

AtlasOptions atlas_options(const AtlasCommandLine& line) {
  AtlasOptions o = line.options;
  o.ranks = parse_integer_list(line.ranks, "--ranks", 1000);
  o.signs = parse_atlas_signs(line.signs);
  o.widths = parse_integer_list(line.widths, "--widths", 1000);
  o.separations_deg = parse_number_list(line.separations, "--separations");
  validate_atlas_options(o);
  return o;
}

CLI::App* add_sweep_atlas_command(CLI::App& sweep, AtlasCommandLine& line) {
  CLI::App* cmd = sweep.add_subcommand(
      "atlas", "How often is a random teacher non-degenerate? N teachers per (rank, signs, m*, Δ_min) cell");
  AtlasOptions& o = line.options;
  cmd->add_option("--ranks", line.ranks, "Ranks r of the teachers' span, e.g. 2,3")->capture_default_str();
  cmd->add_option("--signs", line.signs, "Sign patterns: alternating, random, positive")->capture_default_str();
  cmd->add_option("--widths", line.widths, "Widths m*, e.g. 2..6")->capture_default_str();
  cmd->add_option("--separations", line.separations, "Least separations Δ_min in degrees, increasing")
      ->capture_default_str();
  cmd->add_option("--dimension", o.dimension, "Input dimension d >= every rank (0: d = r, the sphere)")
      ->capture_default_str();
  cmd->add_option("--teachers", o.teachers, "Teachers N per cell")->capture_default_str();
  cmd->add_option("--seed", o.seed, "Teacher k of every cell has generate.seed = seed + k")->capture_default_str();
  cmd->add_option("--digits", o.digits, "Working precision in significant decimal digits")->capture_default_str();
  cmd->add_option("--start-points", o.start_points, "Start points of each sampled decay search")
      ->capture_default_str();
  cmd->add_option("--refined-starts", o.refined_starts, "Best starts refined locally in each search")
      ->capture_default_str();
  cmd->add_option("--certify", o.certify, "Per cell, prove the decay of teachers k < this (rho = rho_eta / 2)")
      ->capture_default_str();
  cmd->add_option("--proof-boxes", o.proof_boxes, "Box budget of one decay proof (deterministic)")
      ->capture_default_str();
  cmd->add_option("--proof-seconds", o.proof_seconds,
                  "Wall-time safety net of one proof (a proof it stops is noted, and makes runs differ)")
      ->capture_default_str();
  cmd->add_option("--out", o.out_dir, "Folder for sweep_atlas.{csv,md,tex} and the heat maps")->capture_default_str();
  add_checkpoint_options(cmd, line.checkpoint, line.resume);
  return cmd;
}

int command_sweep_atlas(const AtlasCommandLine& line, std::ostream& out, std::ostream& err, bool progress) {
  // Everything is validated before any work or any file: bad input leaves nothing behind.
  const AtlasOptions options = atlas_options(line);
  SweepSession session(line.checkpoint, line.resume, options.out_dir, err, progress, "teachers");
  session.show_groups({options.teachers, "cell"});  // a cell's N teachers are consecutive tasks
  AtlasResult result;
  if (!session.run([&] { result = run_atlas(options, session.execution(), &session.ranks()); })) return kExitUsage;
  if (!session.is_root()) return 0;
  const AtlasFiles files = write_atlas_files(result, options.out_dir);
  out << atlas_text_summary(result, summarize_atlas(result));
  out << fmt::format("{} teachers in {} cells in {:.1f} s ({:.1f} teachers/s)\n", result.teachers.size(),
                     result.cells.size(), result.seconds,
                     result.seconds > 0 ? static_cast<double>(result.teachers.size()) / result.seconds : 0.0);
  for (const std::string& w : files.warnings) err << "verify: warning: " << w << "\n";
  for (const std::string& path : files.written) out << "wrote " << path << "\n";
  session.outputs_written();
  return 0;
}

}  // namespace zg
