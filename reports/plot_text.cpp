// The text of a figure's files (reports/plot.hpp): the rules a PlotSpec must meet, the
// CSV data and the gnuplot script that draws it. Pure functions of the spec; writing the
// files and running gnuplot is reports/plot.cpp's job.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include <fmt/format.h>

#include "core/plot_spec.hpp"
#include "reports/plot.hpp"

namespace zg {
namespace {

/// Shortest decimal that reads back (strtod) to the same double; nan, inf, -inf otherwise.
std::string number(double v) {
  return fmt::format("{}", v);
}

/// Line breaks become spaces: comments and gnuplot commands end at a line break.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

/// A gnuplot single-quoted string: nothing is special inside it except the quote, which
/// is doubled. Double-quoted strings would expand backslash escapes.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : one_line(text)) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

bool is_safe_stem(const std::string& name) {
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  };
  return !name.empty() && name.size() <= 100 && name.front() != '.' && std::all_of(name.begin(), name.end(), allowed);
}

const char* style_clause(PlotSeries::Style style) {
  switch (style) {
    case PlotSeries::Style::Lines:
      return "with lines linewidth 2";
    case PlotSeries::Style::Points:
      return "with points pointtype 7 pointsize 1";
    case PlotSeries::Style::LinesPoints:
      return "with linespoints linewidth 2 pointtype 7 pointsize 0.8";
  }
  return "with lines";
}

}  // namespace

std::string plot_spec_problem(const PlotSpec& spec) {
  if (!is_safe_stem(spec.name))
    return fmt::format(
        "name \"{}\" is not a file stem of at most 100 letters, digits, '_', '-' and '.' that does not start with '.'",
        one_line(spec.name));
  if (spec.series.empty()) return "it has no series";
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const PlotSeries& s = spec.series[i];
    if (s.x.size() != s.y.size())
      return fmt::format(
          "series {} (\"{}\") has {} x values but {} y values", i, one_line(s.label), s.x.size(), s.y.size());
  }
  if (spec.marker_labels.size() > spec.vertical_markers.size())
    return fmt::format(
        "it has {} marker labels for {} markers", spec.marker_labels.size(), spec.vertical_markers.size());
  for (std::size_t i = 0; i < spec.vertical_markers.size(); ++i) {
    const double x = spec.vertical_markers[i];
    if (!std::isfinite(x)) return fmt::format("vertical marker {} is {}; markers must be finite", i, number(x));
    if (spec.log_x && !(x > 0))
      return fmt::format("vertical marker {} is {}, not positive, on a logarithmic x axis", i, number(x));
  }
  return "";
}

std::string plot_csv(const PlotSpec& spec) {
  std::string out = fmt::format("# {}: {}\n", spec.name, one_line(spec.title));
  out += fmt::format("# x: {}; y: {}\n", one_line(spec.xlabel), one_line(spec.ylabel));
  out += fmt::format("# {} series, one block each, separated by two blank lines (gnuplot: index N is series N)\n",
                     spec.series.size());
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const PlotSeries& s = spec.series[i];
    if (i > 0) out += "\n\n";
    out += fmt::format("# series {}: {}\n# x,y\n", i, one_line(s.label));
    if (s.x.empty()) out += "nan,nan\n";  // placeholder: gnuplot does not count an empty block
    for (std::size_t k = 0; k < s.x.size(); ++k) out += number(s.x[k]) + "," + number(s.y[k]) + "\n";
  }
  return out;
}

std::string plot_gnuplot_script(const PlotSpec& spec) {
  const std::string csv = quoted(spec.name + ".csv");
  std::string out = "# " + one_line(spec.title.empty() ? spec.name : spec.title) + "\n";
  out += "# Drawn from " + spec.name + ".csv by verify; redraw with: gnuplot " + spec.name + ".gp\n";
  out += "if (!exists(\"svg_file\")) svg_file = " + quoted(spec.name + ".svg") + "\n";
  out += "set encoding utf8\n";
  // noenhanced: labels are printed as written, so "He_n" keeps its underscore.
  out += "set terminal svg size 800,500 fixed font 'sans-serif,14' noenhanced background rgb 'white'\n";
  out += "set output svg_file\n";
  out += "set datafile separator comma\n";
  if (!spec.title.empty()) out += "set title " + quoted(spec.title) + "\n";
  if (!spec.xlabel.empty()) out += "set xlabel " + quoted(spec.xlabel) + "\n";
  if (!spec.ylabel.empty()) out += "set ylabel " + quoted(spec.ylabel) + "\n";
  if (spec.log_x) out += "set logscale x\n";
  if (spec.log_y) out += "set logscale y\n";
  // Log axes label decades as 1e-05, 0.001, 100 rather than gnuplot's fixed "%f" default.
  if (spec.log_x) out += "set format x '%g'\n";
  if (spec.log_y) out += "set format y '%g'\n";
  out += "set grid\n";
  const bool any_label =
      std::any_of(spec.series.begin(), spec.series.end(), [](const PlotSeries& s) { return !s.label.empty(); });
  out += any_label ? "set key below box\n" : "unset key\n";
  for (std::size_t i = 0; i < spec.vertical_markers.size(); ++i) {
    const std::string x = number(spec.vertical_markers[i]);
    out += "set arrow from first " + x + ", graph 0 to first " + x +
           ", graph 1 nohead dashtype 2 linecolor rgb 'gray40' back\n";
    if (i < spec.marker_labels.size() && !spec.marker_labels[i].empty())  // staggered so neighbours stay legible
      out += fmt::format("set label {} at first {}, graph {:.2f} offset character 0.5,0 left front\n",
                         quoted(spec.marker_labels[i]),
                         x,
                         0.96 - 0.06 * static_cast<double>(i % 3));
  }
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const PlotSeries& s = spec.series[i];
    out += i == 0 ? "plot " : ", \\\n     ";
    out += fmt::format("{} index {} using 1:2 {} ", csv, i, style_clause(s.style));
    out += s.label.empty() ? "notitle" : "title " + quoted(s.label);
  }
  out += "\nunset output\n";
  return out;
}

}  // namespace zg
