// The LaTeX report's heat map on a made-up non-uniform grid, so that the code path is
// exercised without T1: render_plot writes the grid file, render_tex the document, and
// pdflatex must typeset it (cells filled from their own edges, a colour range given or
// taken from the data). What the page looks like is checked by eye (docs/reports.md).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/plot_spec.hpp"
#include "reports/pdf_build.hpp"
#include "reports/plot.hpp"
#include "reports/report_writer.hpp"
#include "tests/reports/sample_report.hpp"
#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

bool have_latex() {
  return std::system("command -v latexmk > /dev/null && command -v pdflatex > /dev/null") == 0;
}

/// Rows that widen by a factor 10 per step on a log axis, columns on a linear one that
/// are not evenly spaced either: a lattice-sized cell would be visibly wrong in both.
PlotSpec non_uniform_map(double value_min, double value_max) {
  PlotSpec p;
  p.name = "made_up_map";
  p.title = "made-up non-uniform grid";
  p.xlabel = {"λ", "$\\lambda$"};
  p.ylabel = {"gap", "gap"};
  p.log_y = true;
  PlotHeatMap h;
  h.x = {0, 1, 4};
  h.y = {1e-4, 1e-3, 1e-1, 1};
  for (std::size_t j = 0; j < h.y.size(); ++j)
    for (std::size_t i = 0; i < h.x.size(); ++i) h.value.push_back(0.1 * double(i + 3 * j));
  h.value_label = {"fraction ζ", "fraction $\\zeta$"};
  h.value_min = value_min;
  h.value_max = value_max;
  p.heat_map = h;
  return p;
}

Figure figure_of(const PlotSpec& p) {
  Figure f;
  f.claim_id = "H1";
  f.name = p.name;
  f.title = p.title;
  f.xlabel = p.xlabel;
  f.ylabel = p.ylabel;
  f.log_y = p.log_y;
  f.heat_map = FigureHeatMap{p.heat_map->x.size(),
                             p.heat_map->y.size(),
                             p.heat_map->value_label,
                             p.heat_map->value_min,
                             p.heat_map->value_max};
  return f;
}

TEST_CASE("a heat map of a non-uniform grid typesets, with a given and with a data-driven colour range",
          "[tex_report][heat_map]") {
  if (!have_latex()) {
    if (std::getenv("CI") != nullptr) FAIL("latexmk/pdflatex missing: scripts/setup.sh installs them");
    WARN("latexmk or pdflatex not installed: the heat map was not typeset");
    return;
  }
  for (const auto& [low, high] : {std::pair<double, double>{0, 1}, {0, 0}}) {
    const test::ScratchDir scratch("heatmap");
    const PlotSpec spec = non_uniform_map(low, high);
    REQUIRE(plot_spec_problem(spec).empty());
    render_plot(spec, scratch.path().string());  // the grid file; the SVG is not needed
    REQUIRE(std::filesystem::exists(scratch.path() / "made_up_map.grid.csv"));
    ReportDocument doc = test::sample_report();
    doc.figures = {figure_of(spec)};
    const std::string tex = render_tex(doc);
    CHECK_THAT(tex, Catch::Contains("made_up_map.grid.csv"));
    std::ofstream(scratch.path() / "report.tex") << tex;
    const PdfOutcome pdf = compile_pdf(scratch.path().string(), "report.tex");
    INFO("colour range [" << low << ", " << high << "]: " << pdf.problem);
    CHECK(pdf.made);
  }
}

TEST_CASE("a heat map whose grid file is missing does not typeset (the test above can fail)",
          "[tex_report][heat_map]") {
  if (!have_latex()) return;
  const test::ScratchDir scratch("heatmap-missing");
  ReportDocument doc = test::sample_report();
  doc.figures = {figure_of(non_uniform_map(0, 1))};
  std::ofstream(scratch.path() / "report.tex") << render_tex(doc);
  const PdfOutcome pdf = compile_pdf(scratch.path().string(), "report.tex");
  CHECK_FALSE(pdf.made);
}

}  // namespace
}  // namespace zg
