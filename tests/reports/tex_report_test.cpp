// Tests for reports/tex_report.cpp and tex_text.cpp: golden files for the document and
// the fragment, escaping of every LaTeX special character and of the Unicode our records
// use, decimal cells for the `r@{}l` alignment, and the figure's rows picked per series.
#include <string>

#include <catch2/catch.hpp>

#include "reports/report_writer.hpp"
#include "reports/tex_text.hpp"
#include "tests/reports/golden_file.hpp"
#include "tests/reports/sample_report.hpp"

namespace zg {
namespace {

using detail::tex_decimal_cells;
using detail::tex_escape;

TEST_CASE("LaTeX document and fragment match their golden files", "[tex_report]") {
  test::check_golden("report.tex", render_tex(test::sample_report()));
  test::check_golden("report-fragment.tex", render_tex_fragment(test::sample_report()));
}

TEST_CASE("tex_escape makes every special character and our Unicode safe for pdflatex", "[tex_report]") {
  CHECK(tex_escape(R"(a_b & 50% #1 $x$ {y} ~ ^ \)") ==
        R"(a\_b \& 50\% \#1 \$x\$ \{y\} \textasciitilde{} \textasciicircum{} \textbackslash{})");
  CHECK(tex_escape("a < b | c > \"d\"") == R"(a \textless{} b \textbar{} c \textgreater{} \textquotedbl{}d\textquotedbl{})");
  CHECK(tex_escape("σ ≥ λ — §2 …") == R"(\ensuremath{\sigma} \ensuremath{\ge} \ensuremath{\lambda} --- \S{}2 \ldots{})");
  CHECK(tex_escape("two\nlines") == "two lines");
  CHECK(tex_escape("日") == "[U+65E5]");  // unknown: its code point, never a LaTeX error
  CHECK(tex_escape(std::string("bad\xff")) == "bad[U+FFFD]");
}

TEST_CASE("decimal cells split at the point, cut the digits and typeset the exponent", "[tex_report]") {
  const auto pi = tex_decimal_cells("3.14159265358979323846", 5);
  CHECK(pi.decimal);
  CHECK(pi.integer == "$3$");
  CHECK(pi.rest == "$.1415\\ldots$");
  const auto tiny = tex_decimal_cells("-2.0e-105", 16);
  CHECK(tiny.integer == "$-2$");
  CHECK(tiny.rest == "$.0\\times10^{-105}$");
  const auto padded = tex_decimal_cells("1e-05", 3, "\\pm");
  CHECK(padded.integer == "$\\pm1$");
  CHECK(padded.rest == "$\\times10^{-5}$");
  const auto count = tex_decimal_cells("6803", 16);
  CHECK(count.integer == "$6803$");
  CHECK(count.rest.empty());
  for (const char* text : {"split", "nan", "", "1.2.3", "e5", "1e"}) {
    INFO(text);
    const auto cells = tex_decimal_cells(text, 16);
    CHECK_FALSE(cells.decimal);
    CHECK(cells.text == text);
  }
}

TEST_CASE("each series of a figure reads its own rows of the shared CSV", "[tex_report]") {
  const std::string tex = render_tex(test::sample_report());
  // 12 rows of the first series, then 2 of the second: [0, 12) and [12, 14).
  CHECK_THAT(tex, Catch::Contains("skip coords between index={0}{0}, skip coords between index={12}{"));
  CHECK_THAT(tex, Catch::Contains("skip coords between index={0}{12}, skip coords between index={14}{"));
  CHECK_THAT(tex, Catch::Contains("ymode=log"));
  CHECK_THAT(tex, Catch::Contains("{\\verifyreportdir h1_residuals.csv}"));
}

TEST_CASE("figures carry LaTeX labels, a key outside the plot, teacher colours and heat maps", "[tex_report]") {
  ReportDocument doc = test::sample_report();
  Figure& f = doc.figures[0];
  std::string tex = render_tex(doc);
  // Labels without a LaTeX rendering are their text escaped; the key sits outside, right.
  CHECK_THAT(tex, Catch::Contains("ylabel={\\textbar{}residual\\textbar{}}"));
  CHECK_THAT(tex, Catch::Contains("legend pos=outer north east"));
  CHECK_THAT(tex, Catch::Contains("\\definecolor{verifyseries0}{HTML}{000000}"));
  CHECK_THAT(tex, Catch::Contains("\\definecolor{verifymarker0}{HTML}{666666}"));

  f.xlabel = {"L_λ(θ₀) − L_λ*", "$L_\\lambda(\\theta_0) - L_\\lambda^*$"};
  f.series[1].label = {"1 − ρ_η δ²", "$1 - \\rho_\\eta\\delta^2$"};
  f.series[1].colour = 2;
  f.marker_labels = {{"w₁*", "$w_{1}^*$"}};
  f.marker_colours = {0};
  f.heat_map = FigureHeatMap{3, 2, {"fraction ζ", "fraction $\\zeta$"}, 0, 1};
  tex = render_tex(doc);
  CHECK_THAT(tex, Catch::Contains("xlabel={$L_\\lambda(\\theta_0) - L_\\lambda^*$}"));
  CHECK_THAT(tex, Catch::Contains("\\addlegendentry{$1 - \\rho_\\eta\\delta^2$}"));
  CHECK_THAT(tex, Catch::Contains("\\definecolor{verifyseries1}{HTML}{009E73}"));  // kTeacherColours[2]
  CHECK_THAT(tex, Catch::Contains("\\definecolor{verifymarker0}{HTML}{0072B2}"));  // teacher direction 1
  CHECK_THAT(tex, Catch::Contains("node[above, font=\\scriptsize] {$w_{1}^*$}"));
  // Each cell is filled from its own edges (columns 3..6 of the grid file), not by matrix plot*.
  CHECK_THAT(
      tex,
      Catch::Contains("\\pgfplotstableread[col sep=comma, header=false]{\\verifyreportdir h1_residuals.grid.csv}"));
  CHECK_THAT(tex, Catch::Contains("{[index]3}\\of\\verifyheatcells\\let\\verifyxlow"));
  CHECK_THAT(tex, Catch::Contains("{[index]6}\\of\\verifyheatcells\\let\\verifyyhigh"));
  CHECK_THAT(tex, Catch::Contains("\\fill[verifyheat\\verifyrow] (axis cs:\\verifyxlow,\\verifyylow) rectangle"));
  CHECK_THAT(tex, !Catch::Contains("matrix plot"));
  CHECK_THAT(tex, Catch::Contains("colorbar, colorbar style={ylabel={fraction $\\zeta$}"));
  CHECK_THAT(tex, Catch::Contains("\\def\\verifyheatmin{0}\\def\\verifyheatmax{1}"));
  CHECK_THAT(tex, Catch::Contains("point meta min=\\verifyheatmin, point meta max=\\verifyheatmax"));
  CHECK_THAT(tex, Catch::Contains("colormap={verifyheat}{HTML=(440154)"));
  CHECK_THAT(tex, !Catch::Contains("legend pos=outer north east"));  // the colour bar takes the right
}

TEST_CASE("a figure title in mathematics is typeset from its LaTeX; a plain one is escaped", "[tex_report]") {
  ReportDocument doc = test::sample_report();
  CHECK_THAT(render_tex(doc), Catch::Contains("\\caption{H1: Residual per degree (data:"));
  doc.figures[0].title = "a_b ρ_η";  // no LaTeX: the text, escaped
  CHECK_THAT(render_tex(doc), Catch::Contains("\\caption{H1: a\\_b \\ensuremath{\\rho}\\_\\ensuremath{\\eta} (data:"));
  doc.figures[0].title = {"bound 1 − ρ_η δ²", "bound $1 - \\rho_\\eta\\delta^2$"};
  CHECK_THAT(render_tex(doc), Catch::Contains("\\caption{H1: bound $1 - \\rho_\\eta\\delta^2$ (data:"));
}

TEST_CASE("a claim statement is split into display lines at its top-level \\quad", "[tex_report]") {
  ReportDocument doc = test::sample_report();
  doc.run.claims[0].statement_latex = R"(a = 1,\quad b_{x,\quad y} = 2,\quadrant)";
  const std::string tex = render_tex(doc);
  // The separator inside braces and the longer command \quadrant are left alone.
  CHECK_THAT(tex, Catch::Contains("\\begin{gather*}\n  a = 1 \\\\\n   b_{x,\\quad y} = 2,\\quadrant\n\\end{gather*}"));
}

TEST_CASE("the LaTeX document carries provenance, the summary and one section per claim", "[tex_report]") {
  const std::string tex = render_tex(test::sample_report());
  CHECK_THAT(tex, Catch::StartsWith("% Verification report written by verify"));
  CHECK_THAT(tex, Catch::Contains("\\documentclass") && Catch::Contains("\\end{document}\n"));
  CHECK_THAT(tex, Catch::Contains("mpfr 4.2.0") && Catch::Contains("SHA-256"));
  std::size_t sections = 0;
  for (std::size_t at = tex.find("\\section{"); at != std::string::npos; at = tex.find("\\section{", at + 1)) ++sections;
  CHECK(sections == 4);
  const std::string fragment = render_tex_fragment(test::sample_report());
  CHECK_THAT(fragment, !Catch::Contains("\\documentclass") && !Catch::Contains("\\section"));
  CHECK_THAT(fragment, Catch::Contains("\\begin{longtable}") && Catch::Contains("\\begin{tikzpicture}"));
}

}  // namespace
}  // namespace zg
