// Tests for reports/publish.cpp: a fresh run's figures and attachments land beside its
// reports, a re-render copies the earlier artefacts (and drops a figure whose data is
// gone), the baseline is compared, and an output folder that cannot be made stops it.
#include "reports/publish.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/input_error.hpp"
#include "tests/reports/sample_report.hpp"
#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

namespace fs = std::filesystem;
using test::entries;
using test::read_file;
using test::ScratchDir;

PlotSpec small_plot() {
  PlotSpec p;
  p.name = "h1_small";
  p.title = "a small plot";
  p.xlabel = "x";
  p.ylabel = "y";
  p.series = {PlotSeries{"y = x", {0, 1}, {0, 1}, PlotSeries::Style::Lines}};
  return p;
}

TEST_CASE("publish_run draws a fresh run's plots, writes its attachments and lists both", "[publish]") {
  const ScratchDir scratch("publish-fresh");
  const fs::path out = scratch.path() / "out";
  ReportDocument doc = test::document(test::sample_run());
  doc.run.claims[0].artefacts.clear();
  doc.run.claims[0].plots = {small_plot()};
  doc.run.claims[0].attachments = {AttachedFile{"certificates/H1.json", "certificate", "a proof", "{}\n"}};
  PublishOptions options;
  options.out_dir = out.string();
  options.formats = {ReportFormat::Json, ReportFormat::Markdown};
  std::vector<std::string> notes;
  options.on_note = [&](const std::string& n) { notes.push_back(n); };

  const WriteOutcome written = publish_run(doc, options);

  CHECK(written.written == std::vector<std::string>{(out / "report.json").string(), (out / "report.md").string()});
  CHECK(fs::is_regular_file(out / "h1_small.csv"));
  CHECK(read_file(out / "certificates" / "H1.json") == "{}\n");
  REQUIRE(doc.figures.size() == 1);
  CHECK(doc.figures[0].name == "h1_small");
  REQUIRE(doc.run.claims[0].certificate.has_value());
  CHECK(doc.run.claims[0].certificate->path == "certificates/H1.json");
  // What is on disk is the document as published, figures and certificate included.
  CHECK(read_file(out / "report.json") == render_json(doc));
  CHECK_FALSE(doc.baseline.has_value());
  // Without gnuplot the plot is a note, never an error; with it there is no note.
  for (const std::string& n : notes) CHECK(n.rfind("H1: plot h1_small:", 0) == 0);
}

TEST_CASE("publish_run re-renders: copies the artefacts, notes a missing one and drops its figure", "[publish]") {
  const ScratchDir scratch("publish-rerender");
  const fs::path from = scratch.path() / "from";
  const fs::path out = scratch.path() / "out";
  fs::create_directories(from / "plots");
  std::ofstream(from / "plots" / "h1_residuals.csv") << "0,1\n";
  ReportDocument doc = test::sample_report();
  // A second artefact that the earlier folder no longer has: the data of the figure.
  doc.run.claims[0].artefacts.push_back(Artefact{"h1_residuals.csv", "csv", "the figure's data"});
  ReportDocument earlier = doc;
  earlier.run.claims[0].verdict = Verdict::Fail;  // this run's PASS is then a change, not a regression
  PublishOptions options;
  options.out_dir = out.string();
  options.formats = {ReportFormat::Json};
  options.artefacts_from = from.string();
  options.baseline = PublishBaseline{&earlier, "earlier/report.json", {}};
  std::vector<std::string> notes;
  options.on_note = [&](const std::string& n) { notes.push_back(n); };

  publish_run(doc, options);

  CHECK(read_file(out / "plots" / "h1_residuals.csv") == "0,1\n");
  CHECK(notes ==
        std::vector<std::string>{"H1: artefact " + (from / "h1_residuals.csv").string() + " is missing; not copied"});
  CHECK(doc.figures.empty());
  REQUIRE(doc.baseline.has_value());
  CHECK(doc.baseline->source == "earlier/report.json");
  REQUIRE_FALSE(doc.baseline->changes.empty());
  CHECK(doc.baseline->changes[0].kind == BaselineChange::Kind::VerdictChanged);
  CHECK(doc.baseline->regressions() == 0);
  CHECK(read_file(out / "report.json") == render_json(doc));
}

TEST_CASE("publish_run into a folder that cannot be made throws naming the field and writes nothing",
          "[publish][must-fail]") {
  const ScratchDir scratch("publish-blocked");
  std::ofstream(scratch.path() / "file") << "x";
  const fs::path out = scratch.path() / "file" / "out";
  ReportDocument doc = test::sample_report();
  PublishOptions options;
  options.out_dir = out.string();
  options.out_dir_field = "--out";
  options.formats = {ReportFormat::Json};
  options.artefacts_from = scratch.path().string();
  CHECK_THROWS_WITH(publish_run(doc, options), Catch::Contains("--out") && Catch::Contains("cannot create the folder"));
  CHECK(entries(scratch.path()) == std::set<std::string>{"file"});
}

}  // namespace
}  // namespace zg
