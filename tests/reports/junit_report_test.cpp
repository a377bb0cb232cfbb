// Tests for reports/junit_report.cpp: the golden report, counts that agree with the
// claims, FAIL as <failure>, INCONCLUSIVE and SKIPPED as <skipped>, and escaping.
#include <string>

#include <catch2/catch.hpp>

#include "reports/report_writer.hpp"
#include "tests/reports/golden_file.hpp"
#include "tests/reports/sample_report.hpp"

namespace zg {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// The text of the <testcase> element whose name starts with `id`.
std::string testcase(const std::string& xml, const std::string& id) {
  const std::size_t begin = xml.find("<testcase classname=");
  const std::size_t at = xml.find("name=\"" + id + ": ", begin);
  REQUIRE(at != std::string::npos);
  const std::size_t open = xml.rfind("<testcase", at);
  return xml.substr(open, xml.find("</testcase>", at) - open);
}

TEST_CASE("JUnit report matches the golden file", "[junit_report]") {
  test::check_golden("report.junit.xml", render_junit(test::sample_report()));
}

TEST_CASE("JUnit counts agree with the claims", "[junit_report]") {
  const std::string xml = render_junit(test::sample_report());
  CHECK_THAT(xml, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  CHECK_THAT(
      xml,
      Catch::Contains(R"(<testsuites name="verify" tests="4" failures="1" skipped="2" errors="0" time="12.500">)"));
  CHECK_THAT(
      xml,
      Catch::Contains(
          R"(<testsuite name="zhou-ge-2406.01766" tests="4" failures="1" skipped="2" errors="0" time="12.500")"));
  CHECK(occurrences(xml, "<testcase ") == 4);
  CHECK(occurrences(xml, "</testcase>") == 4);
  CHECK(occurrences(xml, "<failure ") == 1);
  CHECK(occurrences(xml, "<skipped ") == 2);
}

TEST_CASE("JUnit maps each verdict to its element", "[junit_report]") {
  const std::string xml = render_junit(test::sample_report());
  const std::string pass = testcase(xml, "H1");
  CHECK_THAT(pass, Catch::Contains(R"(classname="hermite")") && Catch::Contains(R"(time="0.420")"));
  CHECK_THAT(pass, Catch::Contains("<system-out>") && Catch::Contains(test::kPi60));
  CHECK_THAT(pass, !Catch::Contains("<failure") && !Catch::Contains("<skipped"));

  const std::string fail = testcase(xml, "S2");
  CHECK_THAT(
      fail,
      Catch::Contains(R"(<failure message="margin -1.3 digits: worst loss 3.2e-3 &gt; bound 1.6e-4" type="FAIL">)"));
  CHECK_THAT(fail, Catch::Contains("worst_loss = 0.0032 ± 1e-40"));

  CHECK_THAT(testcase(xml, "D1"), Catch::Contains(R"(<skipped message="INCONCLUSIVE: The margin is within)"));
  CHECK_THAT(testcase(xml, "A1"), Catch::Contains(R"(<skipped message="SKIPPED: Not applicable)"));
}

TEST_CASE("JUnit escapes titles and drops characters XML cannot hold", "[junit_report]") {
  const std::string xml = render_junit(test::sample_report());
  CHECK_THAT(xml, Catch::Contains(R"(name="S2: Stage-2 loss decreases &amp; stays &lt; λ²")"));
  CHECK_THAT(xml, !Catch::Contains("decreases & stays"));

  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  r.claims[0].title = "bell\a \"quoted\" 'single'";
  r.claims[0].explanation = "line one\nline two <b>";
  const std::string escaped = render_junit(doc);
  CHECK_THAT(escaped, Catch::Contains("name=\"H1: bell\xEF\xBF\xBD &quot;quoted&quot; &apos;single&apos;\""));
  CHECK_THAT(escaped, Catch::Contains("<system-out>line one\nline two &lt;b&gt;\n"));
}

TEST_CASE("JUnit with no claims is still a consistent document", "[junit_report]") {
  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  r.claims.clear();
  const std::string xml = render_junit(doc);
  CHECK_THAT(xml, Catch::Contains(R"(tests="0" failures="0" skipped="0" errors="0")"));
  CHECK_THAT(xml, Catch::EndsWith("  </testsuite>\n</testsuites>\n"));
}

}  // namespace
}  // namespace zg
