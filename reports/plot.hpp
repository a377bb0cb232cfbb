// Figures beside the report. A PlotSpec (core/plot_spec.hpp) becomes <name>.csv (the
// data), <name>.gp (a gnuplot script that reads it) and, when gnuplot is on PATH,
// <name>.svg drawn by running that script, so anyone can redraw or restyle the figure.
// Plots are optional: gnuplot missing or failing is a status and a message, never a throw.
#pragma once

#include <string>
#include <vector>

#include "core/claim_record.hpp"
#include "core/plot_spec.hpp"

namespace zg {

enum class PlotStatus {
  Rendered,        ///< csv, gp and svg written
  GnuplotMissing,  ///< csv and gp written; gnuplot is not on PATH
  GnuplotFailed,   ///< csv and gp written; gnuplot ran but drew no SVG
  InvalidSpec,     ///< nothing written: the spec breaks a rule of PlotSpec
};
const char* to_string(PlotStatus s);

struct PlotOutcome {
  PlotStatus status = PlotStatus::InvalidSpec;
  /// Why the SVG is missing, or gnuplot's warnings when it was drawn; "" if all went well.
  std::string message;
  /// The files written, paths relative to the folder: csv, gp, then svg if drawn.
  std::vector<Artefact> artefacts;
};

/// "" when `spec` can be drawn, else the first rule it breaks: a safe file stem, x and y
/// of equal length in each series, at least one series, finite markers (positive on a
/// log x axis) and no more labels than markers.
std::string plot_spec_problem(const PlotSpec& spec);

/// The data file. One block per series, in order, blocks separated by two blank lines
/// (gnuplot's `index N` is series N); each block opens with comment lines naming the
/// series and the columns "x,y", then one "x,y" row per point. Values are written in the
/// shortest form that reads back to the same double; NaN and ±inf as nan, inf, -inf. An
/// empty series is one "nan,nan" row, so that the block keeps its index.
std::string plot_csv(const PlotSpec& spec);

/// The gnuplot script: reads <name>.csv from its own folder and writes <name>.svg (svg
/// terminal, 800x500, 14 pt sans-serif, key below the plot, labels printed literally),
/// unless the variable svg_file is set first (gnuplot -e "svg_file='other.svg'").
std::string plot_gnuplot_script(const PlotSpec& spec);

/// Writes <name>.csv and <name>.gp into `dir` (an existing folder), each atomically, then
/// runs gnuplot there on the script; the SVG is drawn to a temporary name and renamed
/// into place only when gnuplot succeeded. Throws InputError only when a file cannot be
/// written; a bad spec or gnuplot trouble is reported in the outcome.
PlotOutcome render_plot(const PlotSpec& spec, const std::string& dir);

/// Renders every ClaimResult::plots of `report` into `dir` (created if missing) and
/// appends the files to that claim's artefacts; call it once, before write_reports, so
/// that the reports list and embed them. A plot whose name an earlier plot of the report
/// took is not drawn. Returns one line per plot not drawn cleanly, "<claim>: plot
/// <name>: <message>", for the caller to show as warnings. Throws InputError as
/// render_plot does, or when `dir` cannot be created.
std::vector<std::string> render_report_plots(RunReport& report, const std::string& dir);

}  // namespace zg
