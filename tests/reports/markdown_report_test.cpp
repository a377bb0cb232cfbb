// Tests for reports/markdown_report.cpp: the golden report, a summary table whose columns
// line up in code points, shortened values with their note, the sections per claim and
// their figures.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "reports/report_writer.hpp"
#include "tests/reports/golden_file.hpp"
#include "tests/reports/sample_report.hpp"

namespace zg {
namespace {

/// Code points in a UTF-8 string, counted independently of the code under test.
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// The lines of the first table that starts with `header_prefix`.
std::vector<std::string> table_lines(const std::string& markdown, const std::string& header_prefix) {
  std::istringstream in(markdown);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (lines.empty() && line.rfind(header_prefix, 0) != 0) continue;
    if (line.empty() || line[0] != '|') break;
    lines.push_back(line);
  }
  return lines;
}

/// Positions, in code points, of the unescaped column separators of a table line.
std::vector<std::size_t> pipe_columns(const std::string& line) {
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) columns.push_back(code_points(line.substr(0, i)));
  return columns;
}

TEST_CASE("Markdown report matches the golden file", "[markdown_report]") {
  test::check_golden("report.md", render_markdown(test::sample_report()));
}

TEST_CASE("Markdown summary table has aligned pipes on every row", "[markdown_report]") {
  const std::string md = render_markdown(test::sample_report());
  const std::vector<std::string> lines = table_lines(md, "| claim ");
  REQUIRE(lines.size() == 2 + 4);  // header, delimiter, one row per claim
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(code_points(line) == code_points(lines[0]));
    CHECK(pipe_columns(line) == pipe_columns(lines[0]));
  }
  CHECK(pipe_columns(lines[0]).size() == 8);  // seven columns
}

TEST_CASE("Markdown header gives provenance and the overall result", "[markdown_report]") {
  const std::string md = render_markdown(test::sample_report());
  CHECK_THAT(md, Catch::StartsWith("# Verification report: Zhou & Ge, arXiv 2406.01766\n"));
  for (const char* fragment : {"0.1.0",
                               "`0123456789ab`",
                               "`configs/paper_example.toml`",
                               "Digits: 60",
                               "Seed: 42",
                               "ci-runner-1",
                               "2024-06-01T12:00:00Z",
                               "Duration: 12.50 s",
                               "**Result: 1 passed, 1 failed, 1 inconclusive, 1 skipped**"})
    CHECK_THAT(md, Catch::Contains(fragment));
}

TEST_CASE("Markdown claim sections carry statement, verdict, measurements and artefacts", "[markdown_report]") {
  const std::string md = render_markdown(test::sample_report());
  CHECK_THAT(md, Catch::Contains("## H1 — Hermite orthogonality"));
  CHECK_THAT(md, Catch::Contains("> For all m, n >= 0:\n> E[He_m(x) He_n(x)]"));
  CHECK_THAT(md, Catch::Contains("**FAIL**: The loss exceeds λ²"));
  CHECK_THAT(md, Catch::Contains("Margin: 0.8 σ (mean 1.2e-3"));
  CHECK_THAT(md, Catch::Contains("[plots/h1_residuals.csv](plots/h1_residuals.csv)"));
  // π is cut to 20 digits on the string; the note says where the rest is.
  CHECK_THAT(md, Catch::Contains("| 3.1415926535897932384… |"));
  CHECK_THAT(md, Catch::Contains("report.json holds every digit"));
  CHECK_THAT(md, !Catch::Contains(test::kPi60));
  CHECK_THAT(md, Catch::Contains("seed = 42\n```\n"));  // the configuration, verbatim
}

TEST_CASE("Markdown shows no shortening note when nothing was cut", "[markdown_report]") {
  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  r.claims.resize(1);
  r.claims[0].measurements.resize(1);
  CHECK_THAT(render_markdown(doc), !Catch::Contains("holds every digit"));
}

TEST_CASE("Markdown fences a configuration that itself contains backticks", "[markdown_report]") {
  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  r.config_text = "note = \"```\"";
  CHECK_THAT(render_markdown(doc), Catch::Contains("````\nnote = \"```\"\n````\n"));
}

TEST_CASE("Markdown embeds SVG artefacts as images above the folded list that links their data", "[markdown_report]") {
  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  r.claims.resize(1);
  r.claims[0].artefacts = {Artefact{"D2 eta.csv", "csv", "data"},
                           Artefact{"D2 eta.svg", "svg", "η [on] the circle"},
                           Artefact{"D2_other.svg", "svg", "second"}};
  const std::string md = render_markdown(doc);
  CHECK_THAT(md,
             Catch::Contains("![η \\[on\\] the circle](<D2 eta.svg>)\n\n"
                             "![second](D2_other.svg)\n\n"
                             "<details><summary>Details: 2 measurements, 3 artefacts</summary>\n\n"));
  CHECK_THAT(md, Catch::Contains("Artefacts:\n\n- [D2 eta.csv]"));
  CHECK_THAT(render_markdown(test::sample_report()), !Catch::Contains("!["));  // no SVG, no image
}

}  // namespace
}  // namespace zg

namespace zg {
namespace {

TEST_CASE("Markdown opens with a verdict badge line and links each claim to its section", "[markdown_report]") {
  const std::string md = render_markdown(test::sample_report());
  const std::string badge = "❌ **FAIL** ·";  // the sample has a FAIL
  CHECK(md.substr(md.find("\n\n") + 2, badge.size()) == badge);
  CHECK_THAT(md, Catch::Contains("| [H1](#claim-h1) |"));
  CHECK_THAT(md, Catch::Contains("<a id=\"claim-h1\"></a>\n\n## H1 — "));
  // Every <details> is closed, and nothing links outside the report folder.
  std::size_t open = 0, closed = 0;
  for (std::size_t at = md.find("<details>"); at != std::string::npos; at = md.find("<details>", at + 1)) ++open;
  for (std::size_t at = md.find("</details>"); at != std::string::npos; at = md.find("</details>", at + 1)) ++closed;
  CHECK(open == 3);  // H1, S2 and D1 have measurements; A1 has none and no fold
  CHECK(open == closed);
  CHECK_THAT(md, !Catch::Contains("](http") && !Catch::Contains("](/"));
}

TEST_CASE("Markdown of an all-pass run says PASS first; a baseline adds its section", "[markdown_report]") {
  ReportDocument doc = zg::test::sample_report();
  doc.run.claims.resize(1);
  BaselineComparison b;
  b.source = "old/report.json";
  b.changes = {{"H1", "pi_reference", BaselineChange::Kind::ValueMoved, "3.14", "3.15", "1.00e-02", "1.00e-55", true}};
  doc.baseline = b;
  const std::string md = render_markdown(doc);
  CHECK_THAT(md, Catch::Contains("✅ **PASS** · ✅ 1 passed") && Catch::Contains("📉 **1 regression(s)**"));
  CHECK_THAT(md, Catch::Contains("## Against the baseline") && Catch::Contains("**value_moved**"));
}

}  // namespace
}  // namespace zg
