// A figure a claim hands over with its result (DESIGN.md "artefacts (plots, tables)").
// Plain data with no numerics and no file names beyond a stem: claims fill it in at check
// time, and reports/plot.hpp later turns it into CSV, a gnuplot script and an SVG.
// Values are double on purpose: plots are read by people, the verdict was decided in T.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zg {

/// A label written the way the paper writes it, twice: `text` in Unicode (the SVG, the
/// CSV comments, report.json: "L_λ(θ₀) − L_λ*") and `latex` for the LaTeX report, where
/// it is copied as written ("$L_\lambda(\theta_0) - L_\lambda^*$"; text-mode material, so
/// mathematics goes between $...$). `latex` "" means the text escaped for LaTeX. A plain
/// string converts to a label with that text, so `plot.xlabel = "iteration"` still works.
struct MathLabel {
  std::string text;
  std::string latex;

  MathLabel() = default;
  MathLabel(const char* text_) : text(text_) {}             // NOLINT: implicit on purpose
  MathLabel(std::string text_) : text(std::move(text_)) {}  // NOLINT: implicit on purpose
  MathLabel(std::string text_, std::string latex_) : text(std::move(text_)), latex(std::move(latex_)) {}

  bool empty() const { return text.empty() && latex.empty(); }
  bool operator==(const MathLabel& o) const { return text == o.text && latex == o.latex; }
  bool operator!=(const MathLabel& o) const { return !(*this == o); }
};

/// The colours of teacher directions w_1*, w_2*, ... (Okabe–Ito, safe for colour-blind
/// readers), as RGB hex: a series or marker that belongs to teacher direction j (0-based)
/// takes colour index j % size, in every figure, in the SVG and in the LaTeX report.
inline constexpr std::array<const char*, 7> kTeacherColours = {
    "0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "882255"};

/// The colours of series that belong to no teacher direction, in the order such series
/// appear in a figure (cycled): dark and muted, so that they never look like a teacher.
inline constexpr std::array<const char*, 5> kOtherSeriesColours = {"000000", "7F7F7F", "8C564B", "17BECF", "BCBD22"};

/// Colour index of teacher direction j (0-based): the same j gets the same colour everywhere.
inline int teacher_colour(std::size_t j) {
  return static_cast<int>(j % kTeacherColours.size());
}

/// The colour map of heat maps, low to high at equal spacing (viridis: ordered in
/// lightness, readable in grey and by colour-blind readers).
inline constexpr std::array<const char*, 5> kHeatMapColours = {"440154", "3B528B", "21918C", "5EC962", "FDE725"};

/// The colour of marker lines that belong to no teacher direction.
inline constexpr const char* kMarkerGrey = "666666";

/// The RGB hex colours of a figure's series, given their colour indices in order: index
/// j >= 0 is kTeacherColours[j], and the -1 series take kOtherSeriesColours in turn. The
/// gnuplot script and the LaTeX report both colour series by this, so the two agree.
/// Indices are checked by plot_spec_problem; one out of range here is drawn grey.
inline std::vector<std::string> series_colours(const std::vector<int>& indices) {
  std::vector<std::string> out;
  std::size_t others = 0;
  for (const int j : indices) {
    if (j >= 0 && static_cast<std::size_t>(j) < kTeacherColours.size())
      out.emplace_back(kTeacherColours[static_cast<std::size_t>(j)]);
    else if (j < 0)
      out.emplace_back(kOtherSeriesColours[others++ % kOtherSeriesColours.size()]);
    else
      out.emplace_back(kMarkerGrey);
  }
  return out;
}

/// The label of teacher direction j (0-based): "w₁*" and "$w_{1}^*$" for j = 0.
inline MathLabel teacher_direction_label(std::size_t j) {
  static constexpr const char* kSubscriptDigits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  const std::string number = std::to_string(j + 1);
  std::string text = "w";
  for (const char digit : number) text += kSubscriptDigits[digit - '0'];
  return MathLabel(text + "*", "$w_{" + number + "}^*$");
}

/// One curve or point cloud: y[i] is plotted against x[i] (the two have equal length).
struct PlotSeries {
  enum class Style { Lines, Points, LinesPoints };

  MathLabel label;  ///< key entry; empty = not in the key
  std::vector<double> x, y;
  Style style = Style::Lines;
  /// Index into kTeacherColours when the series belongs to a teacher direction
  /// (teacher_colour(j)); -1 = the next of kOtherSeriesColours.
  int colour = -1;
};

/// A heat map: one cell per (x[i], y[j]), coloured by value[j * x.size() + i] (rows of
/// constant y, x varying), with a colour bar. Cell centres are given; the cells reach
/// halfway to their neighbours (geometric halfway on a logarithmic axis).
struct PlotHeatMap {
  std::vector<double> x, y;   ///< cell centres, strictly increasing, at least two each
  std::vector<double> value;  ///< x.size() * y.size() values: finite, or NaN for a cell without data (blank)
  MathLabel value_label;      ///< the colour bar's label
  /// The colour bar's range; value_min == value_max means from the data.
  double value_min = 0, value_max = 0;
};

struct PlotSpec {
  /// File stem inside the report folder, e.g. "D2_eta_circle": letters, digits, '_', '-'
  /// and '.', not starting with '.' and not ending in ".grid" (a heat map's data file is
  /// <name>.grid.csv). Unique within a report.
  std::string name;
  /// In the paper's notation like the axis labels: Unicode `text` in the SVG, `latex` in
  /// the LaTeX report's caption (a plain string is its own text, escaped there).
  MathLabel title;
  MathLabel xlabel, ylabel;
  bool log_x = false, log_y = false;
  std::vector<PlotSeries> series;
  /// Dashed vertical lines at these x, e.g. the teacher angles.
  std::vector<double> vertical_markers;
  /// Labels of the first marker_labels.size() markers (at most one per marker).
  std::vector<MathLabel> marker_labels;
  /// Colours of the first marker_colours.size() markers: an index into kTeacherColours,
  /// or -1 for grey (at most one per marker).
  std::vector<int> marker_colours;
  /// Drawn under the series when present; a figure needs series, a heat map, or both.
  std::optional<PlotHeatMap> heat_map;
};

}  // namespace zg
