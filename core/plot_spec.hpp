// A figure a claim hands over with its result (DESIGN.md "artefacts (plots, tables)").
// Plain data with no numerics and no file names beyond a stem: claims fill it in at check
// time, and reports/plot.hpp later turns it into CSV, a gnuplot script and an SVG.
// Values are double on purpose: plots are read by people, the verdict was decided in T.
#pragma once

#include <string>
#include <vector>

namespace zg {

/// One curve or point cloud: y[i] is plotted against x[i] (the two have equal length).
struct PlotSeries {
  enum class Style { Lines, Points, LinesPoints };

  std::string label;  ///< key entry; "" = not in the key
  std::vector<double> x, y;
  Style style = Style::Lines;
};

struct PlotSpec {
  /// File stem inside the report folder, e.g. "D2_eta_circle": letters, digits, '_', '-'
  /// and '.', not starting with '.'. Unique within a report.
  std::string name;
  std::string title, xlabel, ylabel;
  bool log_x = false, log_y = false;
  std::vector<PlotSeries> series;
  /// Dashed vertical lines at these x, e.g. the teacher angles.
  std::vector<double> vertical_markers;
  /// Labels of the first marker_labels.size() markers (at most one per marker).
  std::vector<std::string> marker_labels;
};

}  // namespace zg
