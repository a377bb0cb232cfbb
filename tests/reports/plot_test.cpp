// Tests for reports/plot.cpp and plot_text.cpp: CSV values read back bit for bit, the
// script names its files and quotes labels safely, gnuplot draws an SVG, and a missing or
// failing gnuplot (faked through PATH) leaves the data and script with a clear message.
#include "reports/plot.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <catch2/catch.hpp>

#include "core/claim_record.hpp"
#include "core/plot_spec.hpp"
#include "reports/report_writer.hpp"
#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

namespace fs = std::filesystem;
using Style = PlotSeries::Style;
using test::entries;
using test::read_file;
using test::ScopedEnv;
using test::ScratchDir;

PlotSpec eta_plot() {
  PlotSpec p;
  p.name = "D2_eta_circle";
  p.title = "η on the unit circle";
  p.xlabel = "angle (rad)";
  p.ylabel = "η";
  p.series = {PlotSeries{"η(w)", {0, 0.5, 1, 1.5}, {0.25, 1, 0.5, -0.125}, Style::Lines},
              PlotSeries{"teacher", {0.5}, {1}, Style::Points}};
  p.vertical_markers = {0.5};
  p.marker_labels = {"θ1"};
  return p;
}

/// A 3 x 2 grid: value = x + y at x in {0, 0.5, 1}, y in {1, 2}.
PlotHeatMap heat_map() {
  PlotHeatMap h;
  h.x = {0, 0.5, 1};
  h.y = {1, 2};
  h.value = {1, 1.5, 2, 2, 2.5, 3};
  h.value_label = {"fraction ζ", "fraction $\\zeta$"};
  h.value_min = 0;
  h.value_max = 1;
  return h;
}

bool gnuplot_on_path() {
  return std::system("command -v gnuplot >/dev/null 2>&1") == 0;
}

std::uint64_t bits(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

/// The rows of each block of a plot CSV, parsed independently of plot_text.cpp: blocks
/// are separated by blank lines, '#' starts a comment, a row is "x,y".
std::vector<std::vector<std::pair<double, double>>> parse_blocks(const std::string& csv) {
  std::vector<std::vector<std::pair<double, double>>> blocks(1);
  std::istringstream in(csv);
  int blank_run = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      if (++blank_run == 2) blocks.emplace_back();
      continue;
    }
    blank_run = 0;
    if (line[0] == '#') continue;
    const std::size_t comma = line.find(',');
    REQUIRE(comma != std::string::npos);
    REQUIRE(line.find(',', comma + 1) == std::string::npos);
    char* end = nullptr;
    const double x = std::strtod(line.c_str(), &end);
    REQUIRE(end == line.c_str() + comma);
    const double y = std::strtod(line.c_str() + comma + 1, &end);
    REQUIRE(*end == '\0');
    blocks.back().emplace_back(x, y);
  }
  return blocks;
}

/// A folder holding an executable `gnuplot` that runs `body` (sh), to stand in for it on PATH.
void fake_gnuplot(const fs::path& dir, const std::string& body) {
  const fs::path exe = dir / "gnuplot";
  std::ofstream(exe) << "#!/bin/sh\n" << body << "\n";
  fs::permissions(exe, fs::perms::owner_all);
}

TEST_CASE("plot_csv writes one block per series whose values read back bit for bit", "[plot]") {
  const double inf = std::numeric_limits<double>::infinity();
  PlotSpec p = eta_plot();
  const std::vector<double> hard = {0.1,
                                    1.0 / 3.0,
                                    -0.0,
                                    1e-300,
                                    std::numeric_limits<double>::denorm_min(),
                                    std::numeric_limits<double>::max(),
                                    3.141592653589793,
                                    2.718281828459045e22,
                                    -inf};
  std::vector<double> index;
  for (std::size_t i = 0; i < hard.size(); ++i) index.push_back(static_cast<double>(i) + 0.1);
  p.series = {PlotSeries{"hard", index, hard, Style::Lines},
              PlotSeries{"empty", {}, {}, Style::Points},
              PlotSeries{"nan", {std::nan("")}, {inf}, Style::Points}};
  const std::string csv = plot_csv(p);

  CHECK_THAT(csv, Catch::StartsWith("# D2_eta_circle: η on the unit circle\n# x: angle (rad); y: η\n"));
  CHECK_THAT(csv, Catch::Contains("# series 0: hard\n# x,y\n0.1,0.1\n"));
  CHECK_THAT(csv, Catch::Contains("\n\n\n# series 1: empty\n# x,y\nnan,nan\n\n\n# series 2: nan\n# x,y\nnan,inf\n"));

  const auto blocks = parse_blocks(csv);
  REQUIRE(blocks.size() == 3);  // the empty series keeps its place: gnuplot's index 2 is series 2
  REQUIRE(blocks[0].size() == hard.size());
  for (std::size_t i = 0; i < hard.size(); ++i) {
    INFO("row " << i);
    CHECK(bits(blocks[0][i].first) == bits(index[i]));
    CHECK(bits(blocks[0][i].second) == bits(hard[i]));  // shortest round-trip: exact, sign of zero kept
  }
  REQUIRE(blocks[1].size() == 1);
  CHECK((std::isnan(blocks[1][0].first) && std::isnan(blocks[1][0].second)));
}

TEST_CASE("the gnuplot script reads the CSV and writes the SVG named after the plot", "[plot]") {
  PlotSpec p = eta_plot();
  std::string gp = plot_gnuplot_script(p);
  CHECK_THAT(gp, Catch::Contains("if (!exists(\"svg_file\")) svg_file = 'D2_eta_circle.svg'\n"));
  CHECK_THAT(gp, Catch::Contains("set terminal svg size 800,500"));
  CHECK_THAT(gp, Catch::Contains("set output svg_file\n"));
  CHECK_THAT(
      gp,
      Catch::Contains("plot 'D2_eta_circle.csv' index 0 using 1:2 with lines linewidth 2 linecolor rgb '#000000' "
                      "title 'η(w)'"));
  CHECK_THAT(gp, Catch::Contains("'D2_eta_circle.csv' index 1 using 1:2 with points"));
  CHECK_THAT(gp, Catch::Contains("set arrow from first 0.5, graph 0 to first 0.5, graph 1 nohead"));
  CHECK_THAT(gp, Catch::Contains("set label 'θ1' at first 0.5, graph 0.96"));
  CHECK_THAT(gp, Catch::Contains("set key outside right top"));
  CHECK_THAT(gp, !Catch::Contains("logscale"));

  p.log_x = p.log_y = true;
  for (PlotSeries& s : p.series) s.label = MathLabel();
  gp = plot_gnuplot_script(p);
  CHECK_THAT(gp, Catch::Contains("set logscale x\nset logscale y\n"));
  CHECK_THAT(gp, Catch::Contains("set format y '%g'\n"));
  CHECK_THAT(gp, Catch::Contains("unset key\n"));
  CHECK_THAT(gp, Catch::Contains("index 0 using 1:2 with lines linewidth 2 linecolor rgb '#000000' notitle"));
}

TEST_CASE("labels, keys and colours read like the paper in the gnuplot script", "[plot]") {
  PlotSpec p = eta_plot();
  p.ylabel = {"L_λ(θ₀) − L_λ*", "$L_\\lambda(\\theta_0) - L_\\lambda^*$"};
  p.series[0].colour = teacher_colour(1);
  p.marker_labels = {teacher_direction_label(0)};
  p.marker_colours = {teacher_colour(0)};
  const std::string gp = plot_gnuplot_script(p);
  CHECK_THAT(gp, Catch::Contains("set encoding utf8\n"));
  CHECK_THAT(gp, Catch::Contains("noenhanced"));                     // ρ_η stays ρ_η, not a subscript
  CHECK_THAT(gp, Catch::Contains("set ylabel 'L_λ(θ₀) − L_λ*'\n"));  // the Unicode form, never the LaTeX
  CHECK_THAT(gp, !Catch::Contains("lambda"));
  CHECK_THAT(gp, Catch::Contains("set key outside right top vertical"));
  // Teacher direction 2 is kTeacherColours[1]; the next series without one takes the first other colour.
  CHECK_THAT(gp, Catch::Contains("with lines linewidth 2 linecolor rgb '#D55E00' title 'η(w)'"));
  CHECK_THAT(gp, Catch::Contains("with points pointtype 7 pointsize 1 linecolor rgb '#000000' title 'teacher'"));
  CHECK_THAT(gp, Catch::Contains("graph 1 nohead dashtype 2 linecolor rgb '#0072B2' back"));
  CHECK_THAT(gp, Catch::Contains("set label 'w₁*' at first 0.5"));
  CHECK_THAT(gp, !Catch::Contains("font ',9'"));
  for (int k = 0; k < 9; ++k) p.series.push_back(PlotSeries{"neuron", {1}, {1}, Style::Lines, teacher_colour(k)});
  CHECK_THAT(plot_gnuplot_script(p), Catch::Contains("set key outside right top vertical Left reverse box font ',9'"));
  CHECK_THAT(plot_gnuplot_script(p), Catch::Contains("set terminal svg size 1100,500"));
  CHECK(teacher_direction_label(11).text == "w₁₂*");
  CHECK(teacher_direction_label(11).latex == "$w_{12}^*$");
  CHECK(series_colours({-1, 2, -1, 0}) == std::vector<std::string>{"000000", "009E73", "7F7F7F", "0072B2"});
}

TEST_CASE("a heat map is drawn as coloured cells from its own x,y,value file, with a colour bar", "[plot]") {
  PlotSpec p = eta_plot();
  p.heat_map = heat_map();
  const std::string grid = plot_grid_csv(p);
  // Rows of constant y, x varying; edges halfway to the neighbours, mirrored at the ends.
  CHECK_THAT(grid,
             Catch::Contains("# x,y,value,x_low,x_high,y_low,y_high\n"
                             "0,1,1,-0.25,0.25,0.5,1.5\n0.5,1,1.5,0.25,0.75,0.5,1.5\n1,1,2,0.75,1.25,0.5,1.5\n"
                             "\n0,2,2,-0.25,0.25,1.5,2.5\n"));
  CHECK_THAT(grid, Catch::Contains("value: fraction ζ"));
  const std::string gp = plot_gnuplot_script(p);
  CHECK_THAT(gp, Catch::Contains("set palette defined (0 '#440154'"));
  CHECK_THAT(gp, Catch::Contains("set cblabel 'fraction ζ'\n"));
  CHECK_THAT(gp, Catch::Contains("set cbrange [0:1]\n"));
  CHECK_THAT(gp,
             Catch::Contains("plot 'D2_eta_circle.grid.csv' using 1:2:4:5:6:7:3 with boxxyerror fillstyle solid "
                             "1.0 noborder linecolor palette notitle, \\\n     'D2_eta_circle.csv' index 0"));

  // On a logarithmic axis the edges are geometric midpoints: sqrt(1 * 100) = 10.
  p.log_y = true;
  p.heat_map->y = {1, 100};
  CHECK_THAT(plot_grid_csv(p), Catch::Contains("0,1,1,-0.25,0.25,0.1,10\n"));
  CHECK(plot_grid_csv(eta_plot()).empty());
}

TEST_CASE("labels with quotes and line breaks are quoted for gnuplot", "[plot]") {
  PlotSpec p = eta_plot();
  p.title = "it's \"η\"\nC:\\path";
  p.series[0].label = "'; system 'touch pwned'; '";
  const std::string gp = plot_gnuplot_script(p);
  // Single-quoted gnuplot strings know one escape, '' for a quote; backslashes stay as they are.
  CHECK_THAT(gp, Catch::Contains("set label 'it''s \"η\" C:\\path' at screen 0.5, screen 0.96 center front\n"));
  CHECK_THAT(gp, Catch::Contains("title '''; system ''touch pwned''; '''"));
}

TEST_CASE("a title in mathematics is its Unicode text in the SVG and the CSV, never its LaTeX", "[plot]") {
  PlotSpec p = eta_plot();
  p.title = {"bound 1 − ρ_η δ²", "bound $1 - \\rho_\\eta\\delta^2$"};
  const std::string gp = plot_gnuplot_script(p);
  CHECK_THAT(gp, Catch::Contains("set label 'bound 1 − ρ_η δ²' at screen 0.5, screen 0.96 center front\n"));
  CHECK_THAT(gp, Catch::StartsWith("# bound 1 − ρ_η δ²\n"));
  CHECK_THAT(plot_csv(p), Catch::StartsWith("# D2_eta_circle: bound 1 − ρ_η δ²\n"));
  CHECK_THAT(gp + plot_csv(p), !Catch::Contains("rho"));
}

TEST_CASE("plot_spec_problem names the rule a spec breaks", "[plot]") {
  CHECK(plot_spec_problem(eta_plot()).empty());

  struct Case {
    const char* what;
    void (*breaks)(PlotSpec&);
    const char* message;
  };
  const Case cases[] = {
      {"empty name", [](PlotSpec& p) { p.name = ""; }, "name \"\" is not a file stem"},
      {"hidden name", [](PlotSpec& p) { p.name = ".x"; }, "name \".x\""},
      {"path", [](PlotSpec& p) { p.name = "../x"; }, "name \"../x\""},
      {"space", [](PlotSpec& p) { p.name = "a b"; }, "name \"a b\""},
      {"quote", [](PlotSpec& p) { p.name = "a'b"; }, "name \"a'b\""},
      {"no series",
       [](PlotSpec& p) {
         p.series.clear();
         p.heat_map.reset();
       },
       "it has no series and no heat map"},
      {"grid stem", [](PlotSpec& p) { p.name = "a.grid"; }, "ends in \".grid\""},
      {"series colour", [](PlotSpec& p) { p.series[0].colour = 7; }, "series 0 (\"η(w)\") has colour index 7"},
      {"negative colour", [](PlotSpec& p) { p.series[1].colour = -2; }, "has colour index -2; use -1"},
      {"marker colour", [](PlotSpec& p) { p.marker_colours = {99}; }, "marker 0 has colour index 99"},
      {"marker colours",
       [](PlotSpec& p) {
         p.marker_colours = {0, 1};
       },
       "2 marker colours for 1 markers"},
      {"bad UTF-8",
       [](PlotSpec& p) { p.xlabel = std::string("a\xff"); },
       "the x label \"a\xff\": byte 1 is not valid UTF-8"},
      {"open brace", [](PlotSpec& p) { p.ylabel.latex = "$\\eta_{1$"; }, "the y label has LaTeX \"$\\eta_{1$\""},
      {"odd dollar", [](PlotSpec& p) { p.series[0].label.latex = "$\\eta"; }, "a $ opens math mode"},
      {"percent", [](PlotSpec& p) { p.marker_labels[0].latex = "50%"; }, "unescaped %"},
      {"title LaTeX",
       [](PlotSpec& p) {
         p.title = {"ρ_η", "$\\rho_\\eta"};
       },
       "the title has LaTeX \"$\\rho_\\eta\""},
      {"incomplete grid",
       [](PlotSpec& p) { p.heat_map->value.pop_back(); },
       "heat map grid is incomplete: 5 values for 3 x 2"},
      {"infinite cell",
       [](PlotSpec& p) { p.heat_map->value[4] = std::numeric_limits<double>::infinity(); },
       "cell (x = 0.5, y = 2) has value inf"},
      {"no data",
       [](PlotSpec& p) { std::fill(p.heat_map->value.begin(), p.heat_map->value.end(), std::nan("")); },
       "no cell with data"},
      {"one column", [](PlotSpec& p) { p.heat_map->x = {0}; }, "1 x values; a grid needs at least two"},
      {"unsorted grid",
       [](PlotSpec& p) {
         p.heat_map->y = {2, 1};
       },
       "y[1] = 1 does not follow y[0] = 2"},
      {"log grid",
       [](PlotSpec& p) {
         p.log_x = true;
         p.vertical_markers[0] = 1;
       },
       "x[0] is 0; cell centres must be finite and positive"},
      {"range", [](PlotSpec& p) { p.heat_map->value_min = 2; }, "colour range [2, 1]"},
      {"lengths", [](PlotSpec& p) { p.series[1].y.push_back(2); }, "series 1 (\"teacher\") has 1 x values but 2 y"},
      {"labels", [](PlotSpec& p) { p.marker_labels.push_back("θ2"); }, "2 marker labels for 1 markers"},
      {"nan marker", [](PlotSpec& p) { p.vertical_markers[0] = std::nan(""); }, "vertical marker 0 is nan"},
      {"log marker",
       [](PlotSpec& p) {
         p.log_x = true;
         p.vertical_markers[0] = 0;
       },
       "0, not positive"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    PlotSpec p = eta_plot();
    p.heat_map = heat_map();
    REQUIRE(plot_spec_problem(p).empty());
    c.breaks(p);
    CHECK_THAT(plot_spec_problem(p), Catch::Contains(c.message));
  }
}

TEST_CASE("render_plot writes nothing for an invalid spec", "[plot]") {
  const ScratchDir scratch("plot-invalid");
  PlotSpec p = eta_plot();
  p.name = "../escape";
  const PlotOutcome o = render_plot(p, scratch.path().string());
  CHECK(o.status == PlotStatus::InvalidSpec);
  CHECK_THAT(o.message, Catch::StartsWith("not drawn: name \"../escape\""));
  CHECK(o.artefacts.empty());
  CHECK(entries(scratch.path()).empty());
  CHECK_FALSE(fs::exists(scratch.path().parent_path() / "escape.csv"));
}

TEST_CASE("render_plot draws an SVG with gnuplot", "[plot][gnuplot]") {
  if (!gnuplot_on_path()) {
    WARN("gnuplot is not on PATH (scripts/setup.sh installs gnuplot-nox); drawing not tested");
    return;
  }
  const ScratchDir scratch("plot-gnuplot");
  PlotSpec p = eta_plot();
  p.title = "it's \"η\" — a_b^c";  // quotes must survive gnuplot; noenhanced keeps _ and ^
  const PlotOutcome o = render_plot(p, scratch.path().string());
  INFO(o.message);
  REQUIRE(o.status == PlotStatus::Rendered);
  REQUIRE(o.artefacts.size() == 3);
  CHECK(o.artefacts[0].path == "D2_eta_circle.csv");
  CHECK(o.artefacts[0].kind == "csv");
  CHECK(o.artefacts[1].path == "D2_eta_circle.gp");
  CHECK(o.artefacts[1].kind == "gp");
  CHECK(o.artefacts[2].path == "D2_eta_circle.svg");
  CHECK(o.artefacts[2].kind == "svg");
  CHECK(o.artefacts[2].description == p.title.text);

  CHECK(entries(scratch.path()) == std::set<std::string>{"D2_eta_circle.csv", "D2_eta_circle.gp", "D2_eta_circle.svg"});
  CHECK(read_file(scratch.path() / "D2_eta_circle.csv") == plot_csv(p));
  CHECK(read_file(scratch.path() / "D2_eta_circle.gp") == plot_gnuplot_script(p));
  const std::string svg = read_file(scratch.path() / "D2_eta_circle.svg");
  CHECK_THAT(svg, Catch::Contains("<svg"));
  CHECK_THAT(svg, Catch::Contains("it's \"η\" — a_b^c"));
  CHECK_THAT(svg, Catch::Contains("θ1"));
}

TEST_CASE("render_plot draws a heat map on log axes, Unicode labels and all, with gnuplot", "[plot][gnuplot]") {
  if (!gnuplot_on_path()) {
    WARN("gnuplot is not on PATH (scripts/setup.sh installs gnuplot-nox); drawing not tested");
    return;
  }
  const ScratchDir scratch("plot-heat-map");
  PlotSpec p = eta_plot();
  p.log_x = p.log_y = true;
  p.heat_map = heat_map();
  p.heat_map->x = {1e-4, 1e-3, 1e-2};
  p.ylabel = {"L_λ(θ₀) − L_λ*", "$L_\\lambda(\\theta_0) - L_\\lambda^*$"};
  p.vertical_markers = {1e-3};
  const PlotOutcome o = render_plot(p, scratch.path().string());
  INFO(o.message);
  REQUIRE(o.status == PlotStatus::Rendered);
  CHECK(o.message.empty());  // gnuplot said nothing: every command of the script is valid
  REQUIRE(o.artefacts.size() == 4);
  CHECK(o.artefacts[1].path == "D2_eta_circle.grid.csv");
  CHECK(read_file(scratch.path() / "D2_eta_circle.grid.csv") == plot_grid_csv(p));
  const std::string svg = read_file(scratch.path() / "D2_eta_circle.svg");
  CHECK_THAT(svg, Catch::Contains("L_λ(θ₀) − L_λ*"));
  CHECK_THAT(svg, Catch::Contains("fraction ζ"));
}

TEST_CASE("render_plot without gnuplot on PATH writes data and script and says why", "[plot]") {
  const ScratchDir scratch("plot-nognuplot");
  const ScratchDir empty_bin("plot-empty-bin");
  PlotOutcome o;
  {
    const ScopedEnv path("PATH", empty_bin.path().string());
    CHECK_NOTHROW(o = render_plot(eta_plot(), scratch.path().string()));
  }
  CHECK(o.status == PlotStatus::GnuplotMissing);
  CHECK_THAT(o.message, Catch::Contains("gnuplot is not on PATH"));
  CHECK_THAT(o.message, Catch::Contains("`gnuplot D2_eta_circle.gp` in the report folder"));
  REQUIRE(o.artefacts.size() == 2);
  CHECK(o.artefacts[0].kind == "csv");
  CHECK(o.artefacts[1].kind == "gp");
  CHECK_THAT(o.artefacts[1].description, Catch::EndsWith("the SVG was not drawn: gnuplot is not on PATH"));
  CHECK(entries(scratch.path()) == std::set<std::string>{"D2_eta_circle.csv", "D2_eta_circle.gp"});
}

TEST_CASE("render_plot reports a gnuplot that fails or draws nothing", "[plot]") {
  const ScratchDir scratch("plot-failing");
  const ScratchDir bin("plot-fake-bin");

  SECTION("gnuplot exits with an error") {
    fake_gnuplot(bin.path(), "echo 'warming up' >&2; echo '\"D2_eta_circle.gp\" line 3: boom' >&2; exit 1");
    const ScopedEnv path("PATH", bin.path().string());
    const PlotOutcome o = render_plot(eta_plot(), scratch.path().string());
    CHECK(o.status == PlotStatus::GnuplotFailed);
    CHECK(o.message == "gnuplot exited with status 1:\nwarming up\n\"D2_eta_circle.gp\" line 3: boom");
    REQUIRE(o.artefacts.size() == 2);
    CHECK_THAT(o.artefacts[1].description, Catch::EndsWith("not drawn: \"D2_eta_circle.gp\" line 3: boom"));
  }
  SECTION("gnuplot exits normally without drawing") {
    fake_gnuplot(bin.path(), "exit 0");
    const ScopedEnv path("PATH", bin.path().string());
    const PlotOutcome o = render_plot(eta_plot(), scratch.path().string());
    CHECK(o.status == PlotStatus::GnuplotFailed);
    CHECK(o.message == "gnuplot exited normally but wrote no SVG");
  }
  SECTION("gnuplot draws a partial file and then fails") {
    // $2 is the -e argument "svg_file='<temporary>'": the fake writes to that temporary.
    fake_gnuplot(bin.path(), "f=${2#svg_file=\\'}; printf '<svg' > \"${f%\\'}\"; exit 2");
    const ScopedEnv path("PATH", bin.path().string());
    const PlotOutcome o = render_plot(eta_plot(), scratch.path().string());
    CHECK(o.status == PlotStatus::GnuplotFailed);
    CHECK(o.message == "gnuplot exited with status 2");
  }
  // Whatever went wrong, no SVG and no temporary is left behind.
  CHECK(entries(scratch.path()) == std::set<std::string>{"D2_eta_circle.csv", "D2_eta_circle.gp"});
}

TEST_CASE("render_report_plots adds each claim's files to its artefacts and refuses a reused name", "[plot]") {
  const ScratchDir scratch("plot-report");
  const ScratchDir empty_bin("plot-report-bin");
  RunReport report;
  report.claims.resize(2);
  report.claims[0].id = "D2";
  report.claims[0].artefacts = {Artefact{"earlier.csv", "csv", "kept"}};
  report.claims[0].plots = {eta_plot()};
  report.claims[1].id = "D3";
  PlotSpec second = eta_plot();
  second.name = "D3_other";
  report.claims[1].plots = {eta_plot(), second};

  std::vector<std::string> notes;
  {
    const ScopedEnv path("PATH", empty_bin.path().string());
    notes = render_report_plots(report, (scratch.path() / "out").string());
  }
  REQUIRE(notes.size() == 3);
  CHECK_THAT(notes[0], Catch::StartsWith("D2: plot D2_eta_circle: gnuplot is not on PATH"));
  CHECK(notes[1] == "D3: plot D2_eta_circle: not drawn: claim D2 already has a plot of that name");
  CHECK_THAT(notes[2], Catch::StartsWith("D3: plot D3_other: gnuplot is not on PATH"));

  const auto paths = [](const ClaimResult& c) {
    std::vector<std::string> p;
    for (const Artefact& a : c.artefacts) p.push_back(a.path);
    return p;
  };
  CHECK(paths(report.claims[0]) == std::vector<std::string>{"earlier.csv", "D2_eta_circle.csv", "D2_eta_circle.gp"});
  CHECK(paths(report.claims[1]) == std::vector<std::string>{"D3_other.csv", "D3_other.gp"});
  CHECK(entries(scratch.path() / "out") ==
        std::set<std::string>{"D2_eta_circle.csv", "D2_eta_circle.gp", "D3_other.csv", "D3_other.gp"});
}

TEST_CASE("render_report_plots into a folder that cannot exist throws InputError", "[plot]") {
  const ScratchDir scratch("plot-blocked");
  std::ofstream(scratch.path() / "a-file") << "not a folder";
  RunReport report;
  CHECK_THROWS_WITH(render_report_plots(report, (scratch.path() / "a-file" / "out").string()),
                    Catch::Contains("cannot write plots"));
}

}  // namespace
}  // namespace zg
