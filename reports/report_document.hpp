// What one report holds beyond the run's records (core/claim_record.hpp): the build that
// produced it (compiler, flags, linked library versions), the figures drawn beside it
// (their metadata; the data stays in the CSV files) and, when the run was compared with
// an earlier one, what moved. Every emitter renders a ReportDocument and nothing else;
// report.json stores all of it, so `verify report --from` re-renders without recomputing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/claim_record.hpp"

namespace zg {

/// One library as actually linked, e.g. {"mpfr", "4.2.0"} from mpfr_get_version().
struct LinkedLibrary {
  std::string name;
  std::string version;
};

/// How the program that wrote the report was built.
struct BuildProvenance {
  std::string compiler;    ///< "GNU 12.2.0"
  std::string flags;       ///< compiler flags of the build type, e.g. "-O3 -DNDEBUG"
  std::string build_type;  ///< "Release", ...
  std::vector<LinkedLibrary> libraries;  ///< boost, mpfr, gmp, mpfi, eigen, in that order
};

/// One curve of a figure: its key entry and how many rows it has in the CSV file, so
/// that a reader (pgfplots) can pick its rows out of the shared file.
struct FigureSeries {
  MathLabel label;
  std::string style;   ///< "lines", "points" or "linespoints"
  std::size_t rows = 0;  ///< data rows in the CSV (an empty series is one "nan,nan" row)
  int colour = -1;       ///< PlotSeries::colour: an index into kTeacherColours, or -1
};

/// A figure's heat map: its cells are in <name>.grid.csv (reports/plot.hpp).
struct FigureHeatMap {
  std::size_t columns = 0, rows = 0;  ///< x and y values of the grid
  MathLabel value_label;
  double value_min = 0, value_max = 0;  ///< colour range; equal = from the data
};

/// A figure drawn beside the report: what PlotSpec said, minus the data, which is in
/// <name>.csv (reports/plot.hpp describes that file).
struct Figure {
  std::string claim_id;
  std::string name;  ///< file stem: <name>.csv, <name>.gp, <name>.svg
  MathLabel title;
  MathLabel xlabel, ylabel;
  bool log_x = false, log_y = false;
  std::vector<FigureSeries> series;
  std::vector<double> vertical_markers;
  std::vector<MathLabel> marker_labels;
  std::vector<int> marker_colours;  ///< indices into kTeacherColours, or -1 for grey
  std::optional<FigureHeatMap> heat_map;
};

/// One difference between this run and a baseline report.
struct BaselineChange {
  enum class Kind {
    VerdictChanged,      ///< before/after are verdicts
    ValueMoved,          ///< a measurement moved by more than its tolerance
    MeasurementMissing,  ///< in the baseline, not in this run
    MeasurementAdded,    ///< in this run, not in the baseline
    ClaimMissing,        ///< claim in the baseline, not run this time
    ClaimAdded,          ///< claim run this time, not in the baseline
  };
  std::string claim_id;
  std::string item;  ///< "verdict", a measurement name, or "" for a whole claim
  Kind kind = Kind::ValueMoved;
  std::string before, after;  ///< verdicts or decimal values; "" when absent
  std::string difference;     ///< |after − before|, decimal, 3 significant digits; "" if not numeric
  std::string tolerance;      ///< the tolerance it was compared with, decimal; "" if not numeric
  bool regression = false;    ///< a verdict that got worse, a value that moved or vanished
};

const char* to_string(BaselineChange::Kind k);
std::optional<BaselineChange::Kind> baseline_change_kind_from_string(const std::string& s);

/// This run against an earlier report.json.
struct BaselineComparison {
  std::string source;      ///< path of the baseline report.json as given
  std::string git_commit;  ///< the baseline's
  std::string started_at;  ///< the baseline's
  std::vector<BaselineChange> changes;  ///< in the order of this run's claims
  std::size_t regressions() const;
};

/// Everything a report file renders.
struct ReportDocument {
  RunReport run;
  BuildProvenance build;
  std::vector<Figure> figures;  ///< in claim order; only figures whose CSV was written
  std::optional<BaselineComparison> baseline;
};

/// The figures of `run`: one per ClaimResult::plots entry whose CSV is among that
/// claim's artefacts (render_report_plots wrote it). Call after render_report_plots.
std::vector<Figure> figures_of(const RunReport& run);

/// Figures of one claim, in order.
std::vector<const Figure*> figures_for(const ReportDocument& doc, const std::string& claim_id);

}  // namespace zg
