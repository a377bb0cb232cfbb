// Tests for reports/report_writer.cpp and atomic_file.cpp: format names, all reports
// written with no temporaries left, and a failed write that leaves no report behind.
#include "reports/report_writer.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <unistd.h>
#include <catch2/catch.hpp>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "tests/reports/sample_report.hpp"
#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

namespace fs = std::filesystem;
using test::entries;
using test::read_file;
using test::ScratchDir;

const std::vector<ReportFormat> kAll = {ReportFormat::Markdown, ReportFormat::Json, ReportFormat::JUnit};

TEST_CASE("report formats have fixed names and file names", "[report_writer]") {
  CHECK(report_format_from_string("md") == ReportFormat::Markdown);
  CHECK(report_format_from_string("json") == ReportFormat::Json);
  CHECK(report_format_from_string("junit") == ReportFormat::JUnit);
  CHECK_FALSE(report_format_from_string("xml").has_value());
  CHECK_FALSE(report_format_from_string("MD").has_value());
  CHECK(report_file_name(ReportFormat::Markdown) == "report.md");
  CHECK(report_file_name(ReportFormat::Json) == "report.json");
  CHECK(report_file_name(ReportFormat::JUnit) == "report.junit.xml");
  CHECK(report_format_from_string("tex") == ReportFormat::Tex);
  CHECK(report_format_from_string("tex-fragment") == ReportFormat::TexFragment);
  CHECK(report_format_from_string("pdf") == ReportFormat::Pdf);
  CHECK(report_file_name(ReportFormat::Tex) == "report.tex");
  CHECK(report_file_name(ReportFormat::TexFragment) == "report-fragment.tex");
  CHECK(report_file_name(ReportFormat::Pdf) == "report.pdf");
  CHECK(report_format_names() == "md, json, junit, tex, tex-fragment, pdf");
}

TEST_CASE("write_reports writes every format into a new folder and leaves no temporaries", "[report_writer]") {
  const ScratchDir scratch("write");
  const fs::path out = scratch.path() / "nested" / "out";
  const ReportDocument report = test::sample_report();
  const std::vector<std::string> written = write_reports(report, out.string(), kAll).written;

  CHECK(written == std::vector<std::string>{(out / "report.md").string(),
                                            (out / "report.json").string(),
                                            (out / "report.junit.xml").string()});
  CHECK(entries(out) == std::set<std::string>{"report.md", "report.json", "report.junit.xml"});
  CHECK(read_file(out / "report.md") == render_markdown(report));
  CHECK(read_file(out / "report.json") == render_json(report));
  CHECK(read_file(out / "report.junit.xml") == render_junit(report));
}

TEST_CASE("write_reports replaces earlier reports and writes a repeated format once", "[report_writer]") {
  const ScratchDir scratch("replace");
  std::ofstream(scratch.path() / "report.json") << "old";
  const std::vector<std::string> written =
      write_reports(test::sample_report(), scratch.path().string(), {ReportFormat::Json, ReportFormat::Json}).written;
  CHECK(written.size() == 1);
  CHECK(read_file(scratch.path() / "report.json") == render_json(test::sample_report()));
  CHECK(entries(scratch.path()) == std::set<std::string>{"report.json"});
}

TEST_CASE("write_reports into a folder that cannot exist throws and writes nothing", "[report_writer]") {
  const ScratchDir scratch("blocked");
  const fs::path blocker = scratch.path() / "a-file";
  std::ofstream(blocker) << "not a folder";
  const std::string out = (blocker / "out").string();

  CHECK_THROWS_AS(write_reports(test::sample_report(), out, kAll), InputError);
  CHECK_THROWS_WITH(
      write_reports(test::sample_report(), out, kAll),
      Catch::StartsWith(out + ": cannot write report: ") && Catch::EndsWith("; choose a writable --out folder"));
  CHECK(entries(scratch.path()) == std::set<std::string>{"a-file"});
}

TEST_CASE("a failure after some reports were renamed removes them again", "[report_writer]") {
  // A folder in the place of report.junit.xml lets report.md and report.json be renamed
  // into place before the last rename fails.
  const ScratchDir scratch("rollback");
  fs::create_directory(scratch.path() / "report.junit.xml");
  CHECK_THROWS_WITH(write_reports(test::sample_report(), scratch.path().string(), kAll),
                    Catch::Contains("report.junit.xml") && Catch::Contains("cannot write report"));
  CHECK(entries(scratch.path()) == std::set<std::string>{"report.junit.xml"});
}

TEST_CASE("atomic_file writes beside the target and renames into place", "[report_writer]") {
  const ScratchDir scratch("atomic");
  const std::string target = (scratch.path() / "x.txt").string();
  const std::string temporary = write_temporary_beside(target, "contents");
  CHECK(fs::path(temporary).parent_path() == scratch.path());
  CHECK(fs::path(temporary).filename().string() == ".x.txt.tmp." + std::to_string(::getpid()));
  CHECK_FALSE(fs::exists(target));
  commit_temporary(temporary, target);
  CHECK(read_file(target) == "contents");
  CHECK(entries(scratch.path()) == std::set<std::string>{"x.txt"});

  CHECK_THROWS_AS(write_temporary_beside((scratch.path() / "missing" / "y").string(), ""), InputError);
  discard_temporary((scratch.path() / "never-written").string());  // must not throw
}

}  // namespace
}  // namespace zg
