// Tests for reports/json_report.cpp and json_report_parse.cpp: the golden report, an exact
// round trip (measurement strings byte for byte), and errors that name the field for
// truncated, foreign and mistyped documents.
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "reports/report_writer.hpp"
#include "reports/sha256.hpp"
#include "tests/reports/golden_file.hpp"
#include "tests/reports/sample_report.hpp"

namespace zg {
namespace {

/// The message of the InputError that parsing `text` throws ("" if it does not throw).
std::string parse_error(const std::string& text) {
  try {
    parse_report_json(text, "in.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

/// render_json of the sample report with the first occurrence of `from` replaced by `to`.
std::string edited_sample(const std::string& from, const std::string& to) {
  std::string text = render_json(test::sample_report());
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("JSON report matches the golden file", "[json_report]") {
  test::check_golden("report.json", render_json(test::sample_report()));
}

TEST_CASE("JSON report round-trips byte for byte", "[json_report]") {
  const std::string text = render_json(test::sample_report());
  const ReportDocument back = parse_report_json(text, "report.json");
  CHECK(render_json(back) == text);

  REQUIRE(back.run.claims.size() == 4);
  const Measurement& pi = back.run.claims[0].measurements[1];
  CHECK(pi.name == "pi_reference");
  CHECK(pi.value == test::kPi60);  // all 60 digits, never through double
  CHECK(pi.error == "1e-60");
  CHECK(back.run.claims[2].measurements[0].unit == "σ");
  CHECK(back.run.claims[1].verdict == Verdict::Fail);
  CHECK(back.run.claims[2].rigor == Rigor::Statistical);
  CHECK(back.run.seed == 42);
  CHECK(back.run.config_text == test::sample_report().run.config_text);
}

TEST_CASE("JSON keeps measurement order and extreme values", "[json_report]") {
  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  ClaimResult& c = r.claims[0];
  // Names deliberately out of alphabetical order: the document must keep insertion order.
  c.measurements = {
      Measurement{"zeta", "1", "", "", ""},
      Measurement{"alpha", "-0.000", "", "", ""},
      Measurement{"mid", "1.000000000000000000000000000000000000000000000000000000000001e-999999", "", "", ""}};
  c.margin.value = std::numeric_limits<double>::quiet_NaN();  // written as null
  r.seed = std::numeric_limits<std::uint64_t>::max();
  const std::string text = render_json(doc);
  CHECK(text.find("\"zeta\"") < text.find("\"alpha\""));
  CHECK(text.find("\"alpha\"") < text.find("\"mid\""));
  CHECK(text.find("18446744073709551615") != std::string::npos);

  const ReportDocument back = parse_report_json(text, "report.json");
  CHECK(render_json(back) == text);
  CHECK(back.run.claims[0].measurements[2].value == c.measurements[2].value);
  CHECK(std::isnan(back.run.claims[0].margin.value));
  CHECK(back.run.seed == r.seed);
}

TEST_CASE("JSON refuses a claim with two measurements of the same name", "[json_report]") {
  ReportDocument doc = test::sample_report();
  RunReport& r = doc.run;
  r.claims[0].measurements.push_back(Measurement{"max_residual", "1", "", "", ""});
  CHECK_THROWS_WITH(render_json(doc), Catch::Contains("H1") && Catch::Contains("max_residual"));
}

TEST_CASE("truncated JSON names the source and the field where it breaks off", "[json_report]") {
  const std::string text = render_json(test::sample_report());
  const std::size_t in_pi = text.find(test::kPi60) + 10;  // inside the value of pi_reference
  const std::string message = parse_error(text.substr(0, in_pi));
  CHECK_THAT(message, Catch::StartsWith("in.json: claims[0].measurements.pi_reference.value: "));
  CHECK_THAT(message, Catch::Contains("not valid JSON"));

  CHECK_THAT(parse_error(text.substr(0, text.size() / 3)), Catch::StartsWith("in.json: claims["));
  CHECK_THAT(parse_error(""), Catch::StartsWith("in.json: not valid JSON"));
}

TEST_CASE("foreign JSON is refused, naming the first missing field", "[json_report]") {
  CHECK(parse_error(R"({"foo": 1})") ==
        "in.json: tool: this JSON is not a report of verify (no \"tool\": \"verify\"); "
        "give the report.json a `verify run` wrote");
  CHECK_THAT(parse_error(R"({"tool": "pytest", "version": "8"})"), Catch::Contains("not a report of verify"));
  CHECK_THAT(parse_error("[1, 2]"), Catch::StartsWith("in.json: expected a JSON object, found array"));
  CHECK_THAT(parse_error(edited_sample("\"summary\"", "\"totals\"")), Catch::StartsWith("in.json: summary: missing"));
  CHECK_THAT(parse_error(edited_sample("\"rigor\"", "\"kind\"")),
             Catch::StartsWith("in.json: claims[0].rigor: missing"));
}

TEST_CASE("fields of the wrong type are named with what was expected", "[json_report]") {
  // A measurement value as a JSON number would have gone through double.
  CHECK_THAT(parse_error(edited_sample("\"value\": \"2.0e-105\"", "\"value\": 2.0e-105")),
             Catch::StartsWith("in.json: claims[0].measurements.max_residual.value: expected a string, found number"));
  CHECK_THAT(parse_error(edited_sample("\"digits\": 60", "\"digits\": \"60\"")),
             Catch::StartsWith("in.json: digits: expected a non-negative integer, found string"));
  CHECK_THAT(parse_error(edited_sample("\"seed\": 42", "\"seed\": -42")),
             Catch::StartsWith("in.json: seed: expected a non-negative integer, found negative integer"));
  CHECK_THAT(parse_error(edited_sample("\"claims\": [", "\"claims\": 7, \"x\": [")),
             Catch::StartsWith("in.json: claims: expected an array, found non-negative integer"));
  CHECK_THAT(parse_error(edited_sample("\"margin\": {", "\"margin\": [1], \"x\": {")),
             Catch::StartsWith("in.json: claims[0].margin: expected an object, found array"));
  CHECK_THAT(parse_error(edited_sample("\"digits\": 120", "\"digits\": 1.5")),
             Catch::StartsWith("in.json: claims[2].digits: expected a non-negative integer, found number"));
}

TEST_CASE("errors inside arrays and object members name the element", "[json_report]") {
  // The readers see a value, not its path; parse_report_json finds the path in the document.
  CHECK_THAT(parse_error(edited_sample("\"gmp\": \"6.2.1\"", "\"gmp\": 6")),
             Catch::StartsWith("in.json: build.libraries.gmp: expected a string, found non-negative integer"));
  CHECK_THAT(parse_error(edited_sample("\"k = 4.5\"", "null")),
             Catch::StartsWith("in.json: claims[0].figures[0].marker_labels[0]: expected a string, found null"));
  CHECK_THAT(parse_error(edited_sample("\"rows\": 2", "\"rows\": 2, \"x\": [[[[{}]]]]}, {\"label\": 1")),
             Catch::StartsWith(
                 "in.json: claims[0].figures[0].series[2].label: expected a string, found non-negative integer"));
  CHECK_THAT(parse_error(edited_sample("\"vertical_markers\": [", "\"vertical_markers\": [\"4\", ")),
             Catch::StartsWith("in.json: claims[0].figures[0].vertical_markers[0]: expected a number, found string"));
}

TEST_CASE("unknown verdicts and a summary that disagrees with the claims are refused", "[json_report]") {
  CHECK_THAT(parse_error(edited_sample("\"verdict\": \"FAIL\"", "\"verdict\": \"MAYBE\"")),
             Catch::StartsWith("in.json: claims[1].verdict: \"MAYBE\" is not PASS"));
  CHECK_THAT(parse_error(edited_sample("\"rigor\": \"audit\"", "\"rigor\": \"proof\"")),
             Catch::StartsWith("in.json: claims[3].rigor: \"proof\""));
  CHECK_THAT(parse_error(edited_sample("\"fail\": 1", "\"fail\": 0")),
             Catch::StartsWith("in.json: summary.fail: says 0 but the claims give 1"));
}

}  // namespace
}  // namespace zg

namespace zg {
namespace {

TEST_CASE("JSON records the build, the linked libraries and the configuration digest", "[json_report]") {
  const nlohmann::json j = nlohmann::json::parse(render_json(test::sample_report()));
  CHECK(j["build"]["compiler"] == "GNU 12.2.0");
  CHECK(j["build"]["flags"] == "-O3 -DNDEBUG -std=c++17");
  CHECK(j["build"]["build_type"] == "Release");
  for (const char* lib : {"boost", "mpfr", "gmp", "mpfi", "eigen"}) CHECK(j["build"]["libraries"].contains(lib));
  CHECK(j["config"]["sha256"] == sha256_hex(test::sample_run().config_text));
  CHECK(j["baseline"].is_null());
  REQUIRE(j["claims"][0]["figures"].size() == 1);
  CHECK(j["claims"][0]["figures"][0]["series"][0]["rows"] == 12);
  CHECK(j["claims"][1]["figures"].empty());
}

TEST_CASE("an edited configuration text no longer matches its digest and is refused", "[json_report]") {
  CHECK_THAT(parse_error(edited_sample("m_star = 2", "m_star = 3")),
             Catch::StartsWith("in.json: config.sha256: does not match"));
}

TEST_CASE("figures and a baseline comparison round-trip byte for byte", "[json_report]") {
  ReportDocument doc = test::sample_report();
  BaselineComparison b;
  b.source = "old/report.json";
  b.git_commit = "fedcba987654";
  b.started_at = "2024-05-01T00:00:00Z";
  b.changes = {{"H1", "pi_reference", BaselineChange::Kind::ValueMoved, "3.14", "3.15", "1.00e-02", "1.00e-55", true},
               {"S2", "verdict", BaselineChange::Kind::VerdictChanged, "FAIL", "PASS", "", "", false}};
  doc.baseline = b;
  const std::string text = render_json(doc);
  const ReportDocument back = parse_report_json(text, "report.json");
  CHECK(render_json(back) == text);
  REQUIRE(back.baseline.has_value());
  CHECK(back.baseline->regressions() == 1);
  CHECK(back.baseline->changes[1].kind == BaselineChange::Kind::VerdictChanged);
  REQUIRE(back.figures.size() == 1);
  CHECK(back.figures[0].claim_id == "H1");
  CHECK(back.figures[0].marker_labels == std::vector<MathLabel>{"k = 4.5"});
  CHECK(back.figures[0].title == MathLabel("Residual per degree"));
  CHECK_THAT(text, !Catch::Contains("title_latex"));  // a plain title writes no LaTeX field

  doc.figures[0].title = {"ρ_η per degree", "$\\rho_\\eta$ per degree"};
  const std::string with_latex = render_json(doc);
  CHECK_THAT(with_latex, Catch::Contains("\"title_latex\": \"$\\\\rho_\\\\eta$ per degree\""));
  CHECK(parse_report_json(with_latex, "report.json").figures[0].title == doc.figures[0].title);
  CHECK(back.build.libraries.size() == 5);

  std::string lying = text;
  lying.replace(lying.find("\"regressions\": 1"), 16, "\"regressions\": 0");
  CHECK_THAT(parse_error(lying), Catch::StartsWith("in.json: baseline.regressions: says 0 but the changes give 1"));
}

TEST_CASE("artefact paths that could leave the report folder are refused", "[json_report]") {
  for (const char* bad : {"/etc/passwd", "../outside.csv", "plots/../../x", ""}) {
    INFO(bad);
    CHECK_THAT(parse_error(edited_sample("\"path\": \"plots/h1_residuals.csv\"",
                                         std::string("\"path\": \"") + bad + "\"")),
               Catch::StartsWith("in.json: claims[0].artefacts[0].path: "));
  }
}

// An input tests/fuzz found (tests/fuzz/regressions/report/): a number beyond double is
// nlohmann's out_of_range, not a parse_error, and escaped parse_report_json uncaught.
TEST_CASE("a number beyond double is refused as invalid JSON, naming the source", "[json_report][fuzz]") {
  std::ifstream in(std::string(ZG_SOURCE_DIR) + "/tests/fuzz/regressions/report/number_beyond_double.json",
                   std::ios::binary);
  REQUIRE(in);
  const std::string found((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(parse_error(found), Catch::Matchers::Contains("in.json") && Catch::Matchers::Contains("number overflow"));
  CHECK_THAT(parse_error("{\"tool\": \"verify\", \"seconds\": 1e400}"),
             Catch::Matchers::Contains("in.json: seconds: not valid JSON") &&
                 Catch::Matchers::Contains("number overflow"));
}

}  // namespace
}  // namespace zg

namespace zg {
namespace {

TEST_CASE("digits_confirmed is written only when set, round-trips, and must exceed digits", "[json_report][confirm]") {
  ReportDocument doc = test::sample_report();
  CHECK(render_json(doc).find("digits_confirmed") == std::string::npos);  // the golden file has none
  doc.run.claims[0].confirmed_digits = doc.run.claims[0].digits + 12;
  const std::string text = render_json(doc);
  const std::size_t at = text.find("\"digits_confirmed\": " + std::to_string(doc.run.claims[0].digits + 12));
  CHECK(at != std::string::npos);
  const ReportDocument back = parse_report_json(text, "report.json");
  CHECK(back.run.claims[0].confirmed_digits == doc.run.claims[0].digits + 12);
  CHECK(back.run.claims[1].confirmed_digits == 0);
  CHECK(render_json(back) == text);

  std::string lower = text;
  const std::string key = "\"digits_confirmed\": " + std::to_string(doc.run.claims[0].digits + 12);
  lower.replace(at, key.size(), "\"digits_confirmed\": " + std::to_string(doc.run.claims[0].digits));
  CHECK_THAT(parse_error(lower), Catch::StartsWith("in.json: claims[0].digits_confirmed: must exceed"));
}

}  // namespace
}  // namespace zg
