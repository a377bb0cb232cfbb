// Writing a figure's files and drawing it (reports/plot.hpp): the CSV and the script are
// written atomically side by side, then gnuplot runs on the script in that folder and
// draws to a hidden temporary that is renamed to <name>.svg only on success.
#include "reports/plot.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <unistd.h>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "reports/subprocess.hpp"

namespace zg {
namespace {

namespace fs = std::filesystem;

/// gnuplot draws a plot of this size in well under a second; a minute means it hangs.
constexpr std::chrono::milliseconds kGnuplotTimeout{60'000};

/// Writes all the files or none: temporaries first, then the renames; if a rename fails
/// the temporaries left are discarded and the files already renamed into place removed.
void write_all(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> temporaries;
  try {
    for (const auto& [path, contents] : files) temporaries.push_back(write_temporary_beside(path, contents));
  } catch (...) {
    for (const std::string& t : temporaries) discard_temporary(t);
    throw;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      commit_temporary(temporaries[i], files[i].first);
    } catch (...) {
      for (std::size_t k = i; k < files.size(); ++k) discard_temporary(temporaries[k]);
      for (std::size_t k = 0; k < i; ++k) discard_temporary(files[k].first);  // removes the files renamed into place
      throw;
    }
  }
}

std::string trimmed(const std::string& text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

/// The last non-blank line: where gnuplot puts "<file>" line N: <what went wrong>.
std::string last_line(const std::string& text) {
  const std::string t = trimmed(text);
  const std::size_t newline = t.find_last_of('\n');
  return newline == std::string::npos ? t : trimmed(t.substr(newline + 1));
}

/// Why a gnuplot run that drew nothing failed, without what it said on stderr.
std::string failure(const detail::ProcessResult& run) {
  if (!run.error.empty()) return run.error;
  if (run.exit_code != 0) return "gnuplot exited with status " + std::to_string(run.exit_code);
  return "gnuplot exited normally but wrote no SVG";
}

bool non_empty_file(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return !ec && size > 0;
}

/// What running gnuplot on a plot's script came to.
struct Drawing {
  PlotStatus status;
  std::string message;  ///< for PlotOutcome::message
  std::string reason;   ///< one line saying why no SVG was drawn; "" when it was
};

/// Runs gnuplot on <name>.gp in `dir`, drawing to a hidden temporary that becomes
/// <name>.svg only when gnuplot exited cleanly and wrote something.
Drawing draw_svg(const PlotSpec& spec, const std::string& dir) {
  const std::string svg_name = spec.name + ".svg";
  const std::string temporary = "." + svg_name + ".tmp." + std::to_string(::getpid());
  const std::string temporary_path = (fs::path(dir) / temporary).string();
  // The stem is checked to be [A-Za-z0-9_.-]+, so the quoted name is one gnuplot token.
  const detail::ProcessResult run =
      detail::run_program({"gnuplot", "-e", "svg_file='" + temporary + "'", spec.name + ".gp"}, dir, kGnuplotTimeout);
  const std::string said = trimmed(run.stderr_text);

  if (run.status == detail::ProcessResult::Status::NotFound) {
    discard_temporary(temporary_path);
    return {PlotStatus::GnuplotMissing,
            "gnuplot is not on PATH, so " + svg_name + " was not drawn; install gnuplot (Debian: gnuplot-nox) and " +
                "run `gnuplot " + spec.name + ".gp` in the report folder",
            "gnuplot is not on PATH"};
  }
  const bool exited_cleanly = run.status == detail::ProcessResult::Status::Exited && run.exit_code == 0;
  if (!exited_cleanly || !non_empty_file(temporary_path)) {
    discard_temporary(temporary_path);
    const std::string how = failure(run);
    return {PlotStatus::GnuplotFailed, how + (said.empty() ? "" : ":\n" + said), said.empty() ? how : last_line(said)};
  }
  commit_temporary(temporary_path, (fs::path(dir) / svg_name).string());
  return {PlotStatus::Rendered, said.empty() ? "" : "gnuplot warned:\n" + said, ""};
}

}  // namespace

const char* to_string(PlotStatus s) {
  switch (s) {
    case PlotStatus::Rendered:
      return "rendered";
    case PlotStatus::GnuplotMissing:
      return "gnuplot missing";
    case PlotStatus::GnuplotFailed:
      return "gnuplot failed";
    case PlotStatus::InvalidSpec:
      return "invalid plot";
  }
  return "?";
}

PlotOutcome render_plot(const PlotSpec& spec, const std::string& dir) {
  PlotOutcome outcome;
  const std::string problem = plot_spec_problem(spec);
  if (!problem.empty()) {
    outcome.status = PlotStatus::InvalidSpec;
    outcome.message = "not drawn: " + problem;
    return outcome;
  }
  const std::string csv = spec.name + ".csv", script = spec.name + ".gp", svg = spec.name + ".svg";
  const std::string grid = plot_grid_stem(spec) + ".csv";
  std::vector<std::pair<std::string, std::string>> files = {{(fs::path(dir) / csv).string(), plot_csv(spec)}};
  if (spec.heat_map) files.emplace_back((fs::path(dir) / grid).string(), plot_grid_csv(spec));
  files.emplace_back((fs::path(dir) / script).string(), plot_gnuplot_script(spec));
  write_all(files);

  const Drawing drawing = draw_svg(spec, dir);
  outcome.status = drawing.status;
  outcome.message = drawing.message;
  const std::string title = spec.title.text.empty() ? spec.name : spec.title.text;
  outcome.artefacts.push_back({csv, "csv", "data behind " + svg + ": one block per series (gnuplot index N)"});
  if (spec.heat_map)
    outcome.artefacts.push_back(
        {grid, "csv", "heat map behind " + svg + ": x,y,value per cell, then the cell's edges"});
  std::string script_note = "gnuplot script: `gnuplot " + script + "` in this folder redraws " + svg;
  if (!drawing.reason.empty()) script_note += "; the SVG was not drawn: " + drawing.reason;
  outcome.artefacts.push_back({script, "gp", script_note});
  if (outcome.status == PlotStatus::Rendered) outcome.artefacts.push_back({svg, "svg", title});
  return outcome;
}

std::vector<std::string> render_report_plots(RunReport& report, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw InputError(dir, "", "cannot write plots: " + ec.message(), "choose a writable --out folder");

  std::vector<std::string> notes;
  std::map<std::string, std::string> owner;  // plot name -> id of the claim that drew it
  for (ClaimResult& claim : report.claims) {
    for (const PlotSpec& spec : claim.plots) {
      const std::string prefix = claim.id + ": plot " + spec.name + ": ";
      const auto [taken, fresh] = owner.emplace(spec.name, claim.id);
      if (!fresh) {
        notes.push_back(prefix + "not drawn: claim " + taken->second + " already has a plot of that name");
        continue;
      }
      PlotOutcome outcome = render_plot(spec, dir);
      for (Artefact& a : outcome.artefacts) claim.artefacts.push_back(std::move(a));
      if (!outcome.message.empty()) notes.push_back(prefix + outcome.message);
    }
  }
  return notes;
}

}  // namespace zg
