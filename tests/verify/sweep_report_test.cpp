// Tests for verify/sweep_report on a hand-made SweepResult: one CSV row per (family, Δ)
// with every digit of rho_eta and "nan" for a singular system, the plot's series and
// axis, the onset sentences, the Markdown summary, and the files written whole.
#include "verify/sweep_report.hpp"

#include <limits>
#include <sstream>

#include "tests/reports/scratch_dir.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::SweepFamily;
using zg::SweepPoint;

namespace {

constexpr unsigned kDigits = 30;

SweepPoint point(SweepFamily family, double delta_deg, const char* rho) {
  SweepPoint p;
  p.family = family;
  p.delta_deg = delta_deg;
  p.singular = std::string(rho) == "nan";
  const Mp nan = std::numeric_limits<Mp>::quiet_NaN();
  p.rho_eta = p.singular ? nan : Mp(rho);
  p.worst_angle_deg = p.singular ? nan : Mp(delta_deg / 2);
  p.max_abs_eta = p.singular ? nan : Mp("0.999");
  p.condition = p.singular ? nan : Mp(12);
  if (p.singular) p.note = "no certificate: the interpolation system is singular";
  return p;
}

// Two families on the grid 10, 50, 90; `three` has no certificate at 90 degrees.
zg::SweepResult hand_result() {
  zg::SweepResult r;
  r.options.families = {SweepFamily::Equal, SweepFamily::Three};
  r.options.from_deg = 10;
  r.options.to_deg = 90;
  r.options.steps = 3;
  r.options.digits = kDigits;
  r.points = {point(SweepFamily::Equal, 10, "0.0009796190893731292443101343421173"),
              point(SweepFamily::Equal, 50, "0.034"),
              point(SweepFamily::Equal, 90, "0.13"),
              point(SweepFamily::Three, 10, "0.35"),
              point(SweepFamily::Three, 50, "0.058"),
              point(SweepFamily::Three, 90, "nan")};
  return r;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the sweep CSV has one row per family and separation", "[sweep]") {
  zg::ScopedDigits digits(kDigits);
  const zg::SweepResult r = hand_result();
  const std::vector<std::vector<std::string>> rows = csv_rows(zg::sweep_csv(r));
  REQUIRE(rows.size() == 1 + r.points.size());
  CHECK(rows[0] ==
        std::vector<std::string>{"family", "delta_deg", "rho_eta", "worst_angle_deg", "max_abs_eta", "condition"});
  std::set<std::pair<std::string, std::string>> keys;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    REQUIRE(rows[k].size() == 6);
    keys.insert({rows[k][0], rows[k][1]});
  }
  CHECK(keys.size() == r.points.size());
  CHECK(keys.count({"three", "90"}) == 1);
  // Every working digit of rho_eta, read back to the same value.
  const std::string rho = rows[1][2];
  CHECK(rho == zg::to_decimal(r.points[0].rho_eta, kDigits));
  CHECK_THAT(Mp(rho), zg::test::WithinEps(r.points[0].rho_eta, 1));
  // Nothing measured: every value is nan, never a number that could pass for one.
  CHECK(rows[6] == std::vector<std::string>{"three", "90", "nan", "nan", "nan", "nan"});
}

TEST_CASE("the sweep plot has a series per family and leaves singular points out", "[sweep]") {
  zg::ScopedDigits digits(kDigits);
  zg::SweepResult r = hand_result();
  zg::PlotSpec plot = zg::sweep_plot(r);
  CHECK(plot.name == "sweep_certificate_rho");
  CHECK(zg::plot_spec_problem(plot).empty());
  REQUIRE(plot.series.size() == 2);
  CHECK(plot.series[0].label == "equal");
  CHECK(plot.series[0].x == std::vector<double>{10, 50, 90});
  CHECK(plot.series[1].x == std::vector<double>{10, 50});
  CHECK(plot.log_y);
  r.points[4].rho_eta = Mp("-1e-6");  // a sign change must show: linear axis
  CHECK_FALSE(zg::sweep_plot(r).log_y);
}

TEST_CASE("the onset sentence says where a family is non-degenerate", "[sweep]") {
  zg::ScopedDigits digits(kDigits);
  const zg::SweepResult r = hand_result();
  const std::string equal = zg::describe_onset(zg::family_onset(r.points, SweepFamily::Equal));
  CHECK(contains(equal, "over the whole grid, from its smallest Δ = 10°"));
  const std::string three = zg::describe_onset(zg::family_onset(r.points, SweepFamily::Three));
  CHECK(contains(three, "smallest Δ on the grid with rho_eta > 0 is 10°"));
  CHECK(contains(three, "does not stay non-degenerate above that: degenerate again at Δ = 90°"));

  const std::vector<SweepPoint> late{point(SweepFamily::Opposite, 5, "-0.5"), point(SweepFamily::Opposite, 9, "0.5")};
  CHECK(contains(zg::describe_onset(zg::family_onset(late, SweepFamily::Opposite)),
                 "is 9°; it stays non-degenerate over the whole grid above that"));
  const std::vector<SweepPoint> never{point(SweepFamily::Opposite, 5, "-0.5")};
  CHECK(contains(zg::describe_onset(zg::family_onset(never, SweepFamily::Opposite)), "at every Δ on the grid"));
}

TEST_CASE("the sweep Markdown has the onsets, the table and the figure", "[sweep]") {
  zg::ScopedDigits digits(kDigits);
  const zg::SweepResult r = hand_result();
  zg::PlotOutcome drawn;
  drawn.status = zg::PlotStatus::Rendered;
  drawn.artefacts = {{"sweep_certificate_rho.svg", "svg", "t"}};
  const std::string md = zg::sweep_markdown(r, drawn);
  CHECK(contains(md, "- three: the smallest Δ on the grid with rho_eta > 0 is 10°"));
  // The singular point's row shows nan (column widths follow the other rows' digits).
  const std::size_t row = md.find("| three  |      90 |");
  REQUIRE(row != std::string::npos);
  CHECK(md.substr(row, md.find('\n', row) - row).find(" nan |") != std::string::npos);
  CHECK(contains(md, "![rho_eta against the separation Δ](sweep_certificate_rho.svg)"));
  zg::PlotOutcome missing;
  missing.status = zg::PlotStatus::GnuplotMissing;
  missing.message = "gnuplot is not on PATH";
  const std::string without = zg::sweep_markdown(r, missing);
  CHECK_FALSE(contains(without, "!["));
  CHECK(contains(without, "gnuplot is not on PATH"));
}

TEST_CASE("write_sweep_files writes the CSV, the summary and the plot, and no temporaries", "[sweep]") {
  zg::ScopedDigits digits(kDigits);
  const zg::SweepResult r = hand_result();
  const zg::test::ScratchDir scratch("sweep-files");
  const std::string dir = (scratch.path() / "nested" / "out").string();  // created on demand
  const zg::SweepFiles files = zg::write_sweep_files(r, dir);
  CHECK(zg::test::read_file(std::filesystem::path(dir) / "sweep_certificate.csv") == zg::sweep_csv(r));
  const std::string md = zg::test::read_file(std::filesystem::path(dir) / "sweep_certificate.md");
  CHECK(contains(md, "## Non-degeneracy along the grid"));
  const std::set<std::string> names = zg::test::entries(dir);
  for (const std::string& name : names) CHECK(name[0] != '.');  // no temporary left behind
  CHECK(names.count("sweep_certificate_rho.csv") == 1);
  // The summary embeds the SVG exactly when gnuplot drew it.
  CHECK(contains(md, "](sweep_certificate_rho.svg)") == (names.count("sweep_certificate_rho.svg") == 1));
  CHECK(files.written.size() == names.size());
  CHECK(files.warnings.empty() == (names.count("sweep_certificate_rho.svg") == 1));
}
