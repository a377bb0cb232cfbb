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
  /// The files written, paths relative to the folder: csv, grid csv (with a heat map), gp,
  /// then svg if drawn.
  std::vector<Artefact> artefacts;
};

/// "" when `spec` can be drawn, else the first rule it breaks: a safe file stem not ending
/// in ".grid", at least one series or a heat map, x and y of equal length in each series,
/// labels of valid UTF-8 whose LaTeX has balanced braces and $ and no % or line break,
/// colour indices of -1 or into kTeacherColours, finite markers (positive on a log x
/// axis), no more marker labels or colours than markers, and a heat map grid that is
/// complete (x.size() * y.size() values), finite, with at least two strictly increasing
/// centres per axis (positive on a log axis) and a finite range with min <= max.
std::string plot_spec_problem(const PlotSpec& spec);

/// The data file. One block per series, in order, blocks separated by two blank lines
/// (gnuplot's `index N` is series N); each block opens with comment lines naming the
/// series and the columns "x,y", then one "x,y" row per point. Values are written in the
/// shortest form that reads back to the same double; NaN and ±inf as nan, inf, -inf. An
/// empty series is one "nan,nan" row, so that the block keeps its index.
std::string plot_csv(const PlotSpec& spec);

/// The stem of a heat map's data file, "<name>.grid" (PlotSpec names cannot end so).
std::string plot_grid_stem(const PlotSpec& spec);

/// The heat map's data file, "" without a heat map: comment lines naming the plot, the
/// axes and the columns, then one row "x,y,value,x_low,x_high,y_low,y_high" per cell (the
/// last four are the cell's edges, for drawing), rows of constant y in blocks of x.size()
/// rows separated by one blank line (gnuplot's and pgfplots' scan lines).
std::string plot_grid_csv(const PlotSpec& spec);

/// The gnuplot script: reads <name>.csv (and <name>.grid.csv) from its own folder and
/// writes <name>.svg (svg terminal, 800x500, or 1100x500 beside a key of more than ten
/// entries; 14 pt sans-serif, UTF-8, labels printed literally in their Unicode form, key
/// outside right of the plot, in a smaller font when long; series and markers in
/// the colours series_colours and kTeacherColours give, a heat map as coloured boxes with
/// a labelled colour bar), unless the variable svg_file is set first (gnuplot -e
/// "svg_file='other.svg'").
std::string plot_gnuplot_script(const PlotSpec& spec);

/// Writes <name>.csv, <name>.grid.csv (with a heat map) and <name>.gp into `dir` (an existing folder), each atomically,
/// then runs gnuplot there on the script; the SVG is drawn to a temporary name and renamed into place only when gnuplot
/// succeeded. Throws InputError only when a file cannot be written; a bad spec or gnuplot trouble is reported in the
/// outcome.
PlotOutcome render_plot(const PlotSpec& spec, const std::string& dir);

/// Renders every ClaimResult::plots of `report` into `dir` (created if missing) and
/// appends the files to that claim's artefacts; call it once, before write_reports, so
/// that the reports list and embed them. A plot whose name an earlier plot of the report
/// took is not drawn. Returns one line per plot not drawn cleanly, "<claim>: plot
/// <name>: <message>", for the caller to show as warnings. Throws InputError as
/// render_plot does, or when `dir` cannot be created.
std::vector<std::string> render_report_plots(RunReport& report, const std::string& dir);

}  // namespace zg
