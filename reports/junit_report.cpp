// The JUnit XML report (render_junit), for CI dashboards: one testsuite, one testcase per
// claim. FAIL becomes <failure>, INCONCLUSIVE and SKIPPED become <skipped>, PASS carries
// its measurements in <system-out>. Attributes follow the schema Jenkins, GitLab and the
// GitHub test-report actions read (testsuite: name, tests, failures, errors, skipped, time).
#include "reports/report_writer.hpp"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/claim_record.hpp"
#include "reports/display_format.hpp"
#include "reports/report_document.hpp"
#include "reports/sha256.hpp"
#include "reports/xml_writer.hpp"

namespace zg {
namespace {

using detail::XmlWriter;

/// Durations as decimal seconds; readers reject the "0.42 s" of the Markdown report.
std::string seconds_attribute(double seconds) {
  return fmt::format("{:.3f}", seconds);
}

/// The explanation and one line per measurement, at full precision.
std::string details(const ClaimResult& c) {
  std::string text = c.explanation + "\n";
  for (const Measurement& m : c.measurements) {
    text += m.name + " = " + m.value;
    if (!m.error.empty()) text += " ± " + m.error;
    if (!m.unit.empty()) text += " " + m.unit;
    if (!m.description.empty()) text += "  (" + m.description + ")";
    text += "\n";
  }
  return text;
}

class JUnitEmitter final {
 public:
  explicit JUnitEmitter(const ReportDocument& doc) : doc_(doc), report_(doc.run) {}

  std::string render() {
    const Summary s = summarize(report_.claims);
    // INCONCLUSIVE has no JUnit counterpart; it is reported as skipped so that a
    // dashboard shows it as neither passed nor failed. errors stays 0: a claim that
    // could not be evaluated is INCONCLUSIVE, never a crash.
    const std::string tests = std::to_string(s.total());
    const std::string failures = std::to_string(s.fail);
    const std::string skipped = std::to_string(s.inconclusive + s.skipped);
    const std::string time = seconds_attribute(report_.seconds);
    {
      const auto suites = xml_.scoped_element("testsuites",
                                              {{"name", report_.tool},
                                               {"tests", tests},
                                               {"failures", failures},
                                               {"skipped", skipped},
                                               {"errors", "0"},
                                               {"time", time}});
      const auto suite = xml_.scoped_element("testsuite",
                                             {{"name", "zhou-ge-2406.01766"},
                                              {"tests", tests},
                                              {"failures", failures},
                                              {"skipped", skipped},
                                              {"errors", "0"},
                                              {"time", time},
                                              {"hostname", report_.host}});
      properties();
      for (const ClaimResult& c : report_.claims) testcase(c);
    }
    return xml_.str();
  }

 private:
  // started_at goes here, not in the timestamp attribute: the schema wants a time
  // without zone there, and ours is UTC with a 'Z'.
  void properties() {
    const auto scope = xml_.scoped_element("properties", {});
    std::vector<std::pair<std::string, std::string>> entries = {
        {"paper", report_.paper},
        {"version", report_.version},
        {"git_commit", report_.git_commit},
        {"compiler", doc_.build.compiler},
        {"flags", doc_.build.flags},
        {"build_type", doc_.build.build_type}};
    for (const LinkedLibrary& l : doc_.build.libraries) entries.emplace_back("library." + l.name, l.version);
    entries.insert(entries.end(),
                   {{"config_source", report_.config_source},
                    {"config_sha256", sha256_hex(report_.config_text)},
                    {"digits", std::to_string(report_.digits)},
                    {"seed", std::to_string(report_.seed)},
                    {"started_at", report_.started_at}});
    if (doc_.baseline) {
      entries.emplace_back("baseline", doc_.baseline->source);
      entries.emplace_back("baseline_regressions", std::to_string(doc_.baseline->regressions()));
    }
    for (const auto& [name, value] : entries) xml_.empty_element("property", {{"name", name}, {"value", value}});
  }

  void testcase(const ClaimResult& c) {
    const auto scope = xml_.scoped_element(
        "testcase", {{"classname", c.module}, {"name", c.id + ": " + c.title}, {"time", seconds_attribute(c.seconds)}});
    switch (c.verdict) {
      case Verdict::Fail: {
        const std::string margin_text = c.margin.text.empty() ? "" : ": " + c.margin.text;
        const std::string message = detail::margin_measured(c.margin)
                                        ? "margin " + detail::format_margin(c.margin) + margin_text
                                        : c.explanation;
        xml_.text_element("failure", {{"message", message}, {"type", "FAIL"}}, details(c));
        return;
      }
      case Verdict::Inconclusive:
      case Verdict::Skipped:
        xml_.empty_element("skipped", {{"message", std::string(to_string(c.verdict)) + ": " + c.explanation}});
        xml_.text_element("system-out", {}, details(c));
        return;
      case Verdict::Pass:
        xml_.text_element("system-out", {}, details(c));
        return;
    }
  }

  const ReportDocument& doc_;
  const RunReport& report_;
  XmlWriter xml_;
};

}  // namespace

std::string render_junit(const ReportDocument& doc) {
  return JUnitEmitter(doc).render();
}

}  // namespace zg
