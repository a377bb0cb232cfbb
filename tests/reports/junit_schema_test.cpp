// The JUnit output validated against the schema kept in the repository
// (reports/junit.xsd) with xmllint: the sample report (every verdict, escaped text, a
// baseline), a run with no claims, and a report whose counts were tampered with, which
// the schema must reject (so that this test can fail).
#include <cstdlib>
#include <fstream>
#include <string>

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "reports/report_writer.hpp"
#include "tests/reports/sample_report.hpp"
#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

const std::string kSchema = std::string(ZG_SOURCE_DIR) + "/reports/junit.xsd";

/// xmllint's verdict on `xml`: true when it validates against reports/junit.xsd.
bool validates(const std::string& xml, const test::ScratchDir& scratch) {
  const auto file = scratch.path() / "report.junit.xml";
  std::ofstream(file, std::ios::binary) << xml;
  const std::string command =
      "xmllint --noout --schema " + kSchema + " " + file.string() + " > " + file.string() + ".log 2>&1";
  const int status = std::system(command.c_str());
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) UNSCOPED_INFO(test::read_file(file.string() + ".log"));
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST_CASE("JUnit output validates against reports/junit.xsd", "[junit_report][schema]") {
  if (std::system("command -v xmllint > /dev/null") != 0) {
    if (std::getenv("CI") != nullptr) FAIL("xmllint missing: scripts/setup.sh installs libxml2-utils");
    WARN("xmllint not installed (libxml2-utils): JUnit schema not checked");
    return;
  }
  const test::ScratchDir scratch("junit-schema");
  ReportDocument doc = test::sample_report();
  doc.baseline = BaselineComparison{"old/report.json", "abc", "2024-01-01T00:00:00Z", {}};
  CHECK(validates(render_junit(doc), scratch));

  ReportDocument empty = test::sample_report();
  empty.run.claims.clear();
  CHECK(validates(render_junit(empty), scratch));

  // The schema is not a formality: a negative count and a stray element are refused.
  std::string tampered = render_junit(test::sample_report());
  tampered.replace(tampered.find("failures=\"1\""), 12, "failures=\"-1\"");
  CHECK_FALSE(validates(tampered, scratch));
  std::string stray = render_junit(test::sample_report());
  stray.replace(stray.find("<properties>"), 12, "<bogus/><properties>");
  CHECK_FALSE(validates(stray, scratch));
}

}  // namespace
}  // namespace zg
