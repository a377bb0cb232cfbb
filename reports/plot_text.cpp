// The text of a figure's files (reports/plot.hpp): the rules a PlotSpec must meet, the
// CSV data and the gnuplot script that draws it. Pure functions of the spec; writing the
// files and running gnuplot is reports/plot.cpp's job.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/plot_spec.hpp"
#include "reports/plot.hpp"
#include "reports/utf8.hpp"

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

const char* kGridSuffix = ".grid";

/// Key entries beyond which the key is set in a smaller font.
constexpr std::size_t kLongKey = 10;

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

/// "" when `text` is valid UTF-8, else where it is not.
std::string utf8_problem(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const detail::DecodedCodePoint cp = detail::decode_utf8_at(text, i);
    const bool encoded_replacement = text.compare(i, 3, "\xEF\xBF\xBD") == 0;
    if (cp.value == detail::kReplacementCharacter && !encoded_replacement)
      return fmt::format("byte {} is not valid UTF-8", i);
    i += cp.length;
  }
  return "";
}

/// "" when `latex` can be pasted into a LaTeX text argument: braces balanced (\{ and \}
/// aside), $ signs paired (\$ aside), no line break, no % that would comment out the rest.
std::string latex_problem(const std::string& latex) {
  int depth = 0;
  bool in_math = false;
  for (std::size_t i = 0; i < latex.size(); ++i) {
    const char c = latex[i];
    if (c == '\\') {
      ++i;  // an escaped character or the first letter of a command
      continue;
    }
    if (c == '\n' || c == '\r') return "it has a line break";
    if (c == '%') return "it has an unescaped %, which would comment out the rest of the line (write \\%)";
    if (c == '$') in_math = !in_math;
    if (c == '{') ++depth;
    if (c == '}' && --depth < 0) return "a } closes no {";
  }
  if (depth != 0) return "a { is not closed";
  if (in_math) return "a $ opens math mode that no $ closes";
  return "";
}

/// "" when `label` is fit for both renderings, else why not, naming it as `what`.
std::string label_problem(const MathLabel& label, const std::string& what) {
  const std::string bad_text = utf8_problem(label.text);
  if (!bad_text.empty()) return fmt::format("{} \"{}\": {}", what, one_line(label.text), bad_text);
  const std::string bad_latex = latex_problem(label.latex);
  if (!bad_latex.empty())
    return fmt::format("{} has LaTeX \"{}\" that cannot be typeset: {}; fix its MathLabel::latex",
                       what,
                       one_line(label.latex),
                       bad_latex);
  return "";
}

std::string colour_problem(int colour, const std::string& what) {
  if (colour >= -1 && colour < static_cast<int>(kTeacherColours.size())) return "";
  return fmt::format("{} has colour index {}; use -1 (no teacher direction) or teacher_colour(j), 0 to {}",
                     what,
                     colour,
                     kTeacherColours.size() - 1);
}

std::string axis_values_problem(const std::vector<double>& v, bool log_axis, const char* axis) {
  if (v.size() < 2) return fmt::format("its heat map has {} {} values; a grid needs at least two", v.size(), axis);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!std::isfinite(v[i]) || (log_axis && !(v[i] > 0)))
      return fmt::format("heat map {}[{}] is {}; cell centres must be finite{}",
                         axis,
                         i,
                         number(v[i]),
                         log_axis ? " and positive on a logarithmic axis" : "");
    if (i > 0 && !(v[i] > v[i - 1]))
      return fmt::format("heat map {}[{}] = {} does not follow {}[{}] = {}; cell centres must increase strictly",
                         axis,
                         i,
                         number(v[i]),
                         axis,
                         i - 1,
                         number(v[i - 1]));
  }
  return "";
}

std::string heat_map_problem(const PlotSpec& spec) {
  const PlotHeatMap& h = *spec.heat_map;
  std::string problem = axis_values_problem(h.x, spec.log_x, "x");
  if (problem.empty()) problem = axis_values_problem(h.y, spec.log_y, "y");
  if (!problem.empty()) return problem;
  if (h.value.size() != h.x.size() * h.y.size())
    return fmt::format("its heat map grid is incomplete: {} values for {} x {} cells (one per x and y)",
                       h.value.size(),
                       h.x.size(),
                       h.y.size());
  // NaN marks a cell without data (left blank); an infinity is a broken computation.
  for (std::size_t k = 0; k < h.value.size(); ++k)
    if (std::isinf(h.value[k]))
      return fmt::format("heat map cell (x = {}, y = {}) has value {}; every cell needs a finite value or NaN (no data)",
                         number(h.x[k % h.x.size()]),
                         number(h.y[k / h.x.size()]),
                         number(h.value[k]));
  if (std::none_of(h.value.begin(), h.value.end(), [](double v) { return std::isfinite(v); }))
    return "its heat map has no cell with data (every value is NaN)";
  if (!std::isfinite(h.value_min) || !std::isfinite(h.value_max) || h.value_min > h.value_max)
    return fmt::format("heat map colour range [{}, {}] is not finite with value_min <= value_max",
                       number(h.value_min),
                       number(h.value_max));
  return label_problem(h.value_label, "the heat map's colour bar label");
}

/// Where a cell reaches: halfway to each neighbour (geometric halfway on a log axis), and
/// as far beyond the first and last centre as it reaches inward.
std::vector<std::pair<double, double>> cell_bounds(const std::vector<double>& c, bool log_axis) {
  const auto mid = [&](double a, double b) { return log_axis ? std::sqrt(a) * std::sqrt(b) : (a + b) / 2; };
  const auto mirror = [&](double centre, double edge) {
    return log_axis ? centre * (centre / edge) : 2 * centre - edge;
  };
  std::vector<std::pair<double, double>> out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double low = i > 0 ? mid(c[i - 1], c[i]) : mirror(c[i], mid(c[i], c[i + 1]));
    const double high = i + 1 < c.size() ? mid(c[i], c[i + 1]) : mirror(c[i], mid(c[i - 1], c[i]));
    out.emplace_back(low, high);
  }
  return out;
}

/// A gnuplot colour clause for an RGB hex colour.
std::string gnuplot_colour(const std::string& hex) {
  return "linecolor rgb '#" + hex + "'";
}

}  // namespace

std::string plot_grid_stem(const PlotSpec& spec) {
  return spec.name + kGridSuffix;
}

std::string plot_spec_problem(const PlotSpec& spec) {
  if (!is_safe_stem(spec.name))
    return fmt::format(
        "name \"{}\" is not a file stem of at most 100 letters, digits, '_', '-' and '.' that does not start with '.'",
        one_line(spec.name));
  if (ends_with(spec.name, kGridSuffix))
    return fmt::format(
        "name \"{}\" ends in \"{}\", which would take another plot's heat-map file name", spec.name, kGridSuffix);
  if (spec.series.empty() && !spec.heat_map) return "it has no series and no heat map";
  for (const auto& [label, what] : {std::pair<const MathLabel*, const char*>{&spec.title, "the title"},
                                    {&spec.xlabel, "the x label"},
                                    {&spec.ylabel, "the y label"}}) {
    const std::string problem = label_problem(*label, what);
    if (!problem.empty()) return problem;
  }
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const PlotSeries& s = spec.series[i];
    const std::string what = fmt::format("series {} (\"{}\")", i, one_line(s.label.text));
    if (s.x.size() != s.y.size())
      return fmt::format("{} has {} x values but {} y values", what, s.x.size(), s.y.size());
    std::string problem = label_problem(s.label, what + "'s label");
    if (problem.empty()) problem = colour_problem(s.colour, what);
    if (!problem.empty()) return problem;
  }
  if (spec.marker_labels.size() > spec.vertical_markers.size())
    return fmt::format(
        "it has {} marker labels for {} markers", spec.marker_labels.size(), spec.vertical_markers.size());
  if (spec.marker_colours.size() > spec.vertical_markers.size())
    return fmt::format(
        "it has {} marker colours for {} markers", spec.marker_colours.size(), spec.vertical_markers.size());
  for (std::size_t i = 0; i < spec.marker_labels.size(); ++i) {
    const std::string problem = label_problem(spec.marker_labels[i], fmt::format("the label of marker {}", i));
    if (!problem.empty()) return problem;
  }
  for (std::size_t i = 0; i < spec.marker_colours.size(); ++i) {
    const std::string problem = colour_problem(spec.marker_colours[i], fmt::format("marker {}", i));
    if (!problem.empty()) return problem;
  }
  for (std::size_t i = 0; i < spec.vertical_markers.size(); ++i) {
    const double x = spec.vertical_markers[i];
    if (!std::isfinite(x)) return fmt::format("vertical marker {} is {}; markers must be finite", i, number(x));
    if (spec.log_x && !(x > 0))
      return fmt::format("vertical marker {} is {}, not positive, on a logarithmic x axis", i, number(x));
  }
  if (spec.heat_map) return heat_map_problem(spec);
  return "";
}

std::string plot_csv(const PlotSpec& spec) {
  std::string out = fmt::format("# {}: {}\n", spec.name, one_line(spec.title.text));
  out += fmt::format("# x: {}; y: {}\n", one_line(spec.xlabel.text), one_line(spec.ylabel.text));
  out += fmt::format("# {} series, one block each, separated by two blank lines (gnuplot: index N is series N)\n",
                     spec.series.size());
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const PlotSeries& s = spec.series[i];
    if (i > 0) out += "\n\n";
    out += fmt::format("# series {}: {}\n# x,y\n", i, one_line(s.label.text));
    if (s.x.empty()) out += "nan,nan\n";  // placeholder: gnuplot does not count an empty block
    for (std::size_t k = 0; k < s.x.size(); ++k) out += number(s.x[k]) + "," + number(s.y[k]) + "\n";
  }
  return out;
}

std::string plot_grid_csv(const PlotSpec& spec) {
  if (!spec.heat_map) return "";
  const PlotHeatMap& h = *spec.heat_map;
  std::string out = fmt::format("# {}: {} (heat map)\n", spec.name, one_line(spec.title.text));
  out += fmt::format("# x: {}; y: {}; value: {}\n",
                     one_line(spec.xlabel.text),
                     one_line(spec.ylabel.text),
                     one_line(h.value_label.text));
  out +=
      fmt::format("# {} x {} cells, one line of constant y per block of {} rows, blocks separated by a blank line;\n",
                  h.x.size(),
                  h.y.size(),
                  h.x.size());
  out += "# x_low..y_high are the cell's edges (halfway to its neighbours), for drawing it\n";
  out += "# x,y,value,x_low,x_high,y_low,y_high\n";
  const auto xb = cell_bounds(h.x, spec.log_x), yb = cell_bounds(h.y, spec.log_y);
  for (std::size_t j = 0; j < h.y.size(); ++j) {
    if (j > 0) out += "\n";
    for (std::size_t i = 0; i < h.x.size(); ++i)
      out += fmt::format("{},{},{},{},{},{},{}\n",
                         number(h.x[i]),
                         number(h.y[j]),
                         number(h.value[j * h.x.size() + i]),
                         number(xb[i].first),
                         number(xb[i].second),
                         number(yb[j].first),
                         number(yb[j].second));
  }
  return out;
}

std::string plot_gnuplot_script(const PlotSpec& spec) {
  const std::string csv = quoted(spec.name + ".csv");
  std::string out = "# " + one_line(spec.title.text.empty() ? spec.name : spec.title.text) + "\n";
  out += "# Drawn from " + spec.name + ".csv by verify; redraw with: gnuplot " + spec.name + ".gp\n";
  out += "if (!exists(\"svg_file\")) svg_file = " + quoted(spec.name + ".svg") + "\n";
  out += "set encoding utf8\n";
  // noenhanced: labels are printed as written, so "He_n" keeps its underscore.
  const auto in_key = static_cast<std::size_t>(
      std::count_if(spec.series.begin(), spec.series.end(), [](const PlotSeries& s) { return !s.label.text.empty(); }));
  // A long key beside the plot needs a wider canvas, or it squeezes the plot to a strip.
  out += fmt::format("set terminal svg size {},500 fixed font 'sans-serif,14' noenhanced background rgb 'white'\n",
                     in_key > kLongKey ? 1100 : 800);
  out += "set output svg_file\n";
  out += "set datafile separator comma\n";
  // Centred on the canvas, not over the plot area (which the key outside pushes left), so
  // that a long title is not cut off at the left edge.
  if (!spec.title.text.empty())
    out += "set tmargin 3\nset label " + quoted(spec.title.text) + " at screen 0.5, screen 0.96 center front\n";
  if (!spec.xlabel.text.empty()) out += "set xlabel " + quoted(spec.xlabel.text) + "\n";
  if (!spec.ylabel.text.empty()) out += "set ylabel " + quoted(spec.ylabel.text) + "\n";
  if (spec.log_x) out += "set logscale x\n";
  if (spec.log_y) out += "set logscale y\n";
  // Log axes label decades as 1e-05, 0.001, 100 rather than gnuplot's fixed "%f" default.
  if (spec.log_x) out += "set format x '%g'\n";
  if (spec.log_y) out += "set format y '%g'\n";
  out += "set grid\n";
  const bool any_label =
      std::any_of(spec.series.begin(), spec.series.end(), [](const PlotSeries& s) { return !s.label.text.empty(); });
  // Outside the plot area, right of it (and of a heat map's colour bar): never over the data.
  // A long key (S3's 24 neurons) in a smaller font still fits beside a 500-pixel plot.
  out += !any_label          ? "unset key\n"
         : in_key > kLongKey ? "set key outside right top vertical Left reverse box font ',9' spacing 0.9\n"
                             : "set key outside right top vertical Left reverse box\n";
  for (std::size_t i = 0; i < spec.vertical_markers.size(); ++i) {
    const std::string x = number(spec.vertical_markers[i]);
    const int colour = i < spec.marker_colours.size() ? spec.marker_colours[i] : -1;
    const std::string hex = colour >= 0 ? kTeacherColours[static_cast<std::size_t>(colour)] : kMarkerGrey;
    out += "set arrow from first " + x + ", graph 0 to first " + x + ", graph 1 nohead dashtype 2 " +
           gnuplot_colour(hex) + " back\n";
    if (i < spec.marker_labels.size() && !spec.marker_labels[i].text.empty())  // staggered so neighbours stay legible
      out +=
          fmt::format("set label {} at first {}, graph {:.2f} offset character 0.5,0 left front textcolor rgb '#{}'\n",
                      quoted(spec.marker_labels[i].text),
                      x,
                      0.96 - 0.06 * static_cast<double>(i % 3),
                      hex);
  }
  std::string plots;
  if (spec.heat_map) {
    const PlotHeatMap& h = *spec.heat_map;
    // The same colour map as the LaTeX report's (kHeatMapColours), and a labelled colour bar.
    std::string stops;
    for (std::size_t k = 0; k < kHeatMapColours.size(); ++k)
      stops += fmt::format("{}{} '#{}'", k == 0 ? "" : ", ", k, kHeatMapColours[k]);
    out += "set palette defined (" + stops + ")\n";
    out += "set colorbox\n";
    if (!h.value_label.text.empty()) out += "set cblabel " + quoted(h.value_label.text) + "\n";
    if (h.value_min < h.value_max)
      out += fmt::format("set cbrange [{}:{}]\n", number(h.value_min), number(h.value_max));
    // Boxes with explicit edges rather than `with image`, which spaces cells linearly even on
    // a logarithmic axis: columns 4..7 of the grid file are the cell edges, 3 its value.
    plots += quoted(plot_grid_stem(spec) + ".csv") +
             " using 1:2:4:5:6:7:3 with boxxyerror fillstyle solid 1.0 noborder linecolor palette notitle";
  }
  std::vector<int> indices;
  for (const PlotSeries& s : spec.series) indices.push_back(s.colour);
  const std::vector<std::string> colours = series_colours(indices);
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const PlotSeries& s = spec.series[i];
    if (!plots.empty()) plots += ", \\\n     ";
    plots += fmt::format("{} index {} using 1:2 {} {} ", csv, i, style_clause(s.style), gnuplot_colour(colours[i]));
    plots += s.label.text.empty() ? "notitle" : "title " + quoted(s.label.text);
  }
  out += "plot " + plots;
  out += "\nunset output\n";
  return out;
}

}  // namespace zg
