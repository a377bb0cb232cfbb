// The ReportDocument helpers (reports/report_document.hpp): change kinds as text, the
// regression count, and the figures of a run taken from its plot specs.
#include "reports/report_document.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace zg {
namespace {

constexpr std::pair<BaselineChange::Kind, const char*> kKinds[] = {
    {BaselineChange::Kind::VerdictChanged, "verdict_changed"},
    {BaselineChange::Kind::ValueMoved, "value_moved"},
    {BaselineChange::Kind::MeasurementMissing, "measurement_missing"},
    {BaselineChange::Kind::MeasurementAdded, "measurement_added"},
    {BaselineChange::Kind::ClaimMissing, "claim_missing"},
    {BaselineChange::Kind::ClaimAdded, "claim_added"},
};

const char* style_name(PlotSeries::Style s) {
  switch (s) {
    case PlotSeries::Style::Lines: return "lines";
    case PlotSeries::Style::Points: return "points";
    case PlotSeries::Style::LinesPoints: return "linespoints";
  }
  return "lines";
}

bool has_csv(const ClaimResult& c, const std::string& name) {
  return std::any_of(c.artefacts.begin(), c.artefacts.end(), [&](const Artefact& a) {
    return a.kind == "csv" && a.path == name + ".csv";
  });
}

}  // namespace

const char* to_string(BaselineChange::Kind k) {
  for (const auto& [kind, name] : kKinds)
    if (kind == k) return name;
  return "value_moved";
}

std::optional<BaselineChange::Kind> baseline_change_kind_from_string(const std::string& s) {
  for (const auto& [kind, name] : kKinds)
    if (s == name) return kind;
  return std::nullopt;
}

std::size_t BaselineComparison::regressions() const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [](const BaselineChange& c) { return c.regression; }));
}

std::vector<Figure> figures_of(const RunReport& run) {
  std::vector<Figure> out;
  for (const ClaimResult& c : run.claims) {
    for (const PlotSpec& p : c.plots) {
      if (!has_csv(c, p.name)) continue;  // not drawn: invalid, or a name taken earlier
      Figure f;
      f.claim_id = c.id;
      f.name = p.name;
      f.title = p.title;
      f.xlabel = p.xlabel;
      f.ylabel = p.ylabel;
      f.log_x = p.log_x;
      f.log_y = p.log_y;
      for (const PlotSeries& s : p.series)
        f.series.push_back(FigureSeries{s.label, style_name(s.style), std::max<std::size_t>(s.x.size(), 1), s.colour});
      f.vertical_markers = p.vertical_markers;
      f.marker_labels = p.marker_labels;
      f.marker_colours = p.marker_colours;
      if (p.heat_map)
        f.heat_map = FigureHeatMap{p.heat_map->x.size(),
                                   p.heat_map->y.size(),
                                   p.heat_map->value_label,
                                   p.heat_map->value_min,
                                   p.heat_map->value_max};
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::vector<const Figure*> figures_for(const ReportDocument& doc, const std::string& claim_id) {
  std::vector<const Figure*> out;
  for (const Figure& f : doc.figures)
    if (f.claim_id == claim_id) out.push_back(&f);
  return out;
}

}  // namespace zg
