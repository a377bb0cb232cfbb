// Tests for reports/attachments.cpp: a certificate attachment lands beside the report
// with its SHA-256 named in the claim record, survives the JSON round trip, and a path
// that would leave the report folder is refused before anything is written.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "reports/attachments.hpp"
#include "reports/report_writer.hpp"
#include "reports/sha256.hpp"
#include "tests/reports/sample_report.hpp"
#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

TEST_CASE("a certificate attachment is written and named with its digest", "[attachments]") {
  test::ScratchDir dir("attachments");
  ReportDocument doc = test::sample_report();
  const std::string content = "{\"format\": \"zgverify-decay-certificate\"}\n";
  doc.run.claims[0].attachments.push_back({"certificates/H1.json", "certificate", "the proof", content});
  const std::size_t artefacts_before = doc.run.claims[0].artefacts.size();

  write_claim_attachments(doc.run, dir.path().string());

  CHECK(test::read_file(dir.path() / "certificates" / "H1.json") == content);
  const ClaimResult& c = doc.run.claims[0];
  REQUIRE(c.certificate.has_value());
  CHECK(c.certificate->path == "certificates/H1.json");
  // The digest is of the bytes on disk, computed independently here from the file.
  CHECK(c.certificate->sha256 == sha256_hex(test::read_file(dir.path() / "certificates" / "H1.json")));
  REQUIRE(c.artefacts.size() == artefacts_before + 1);
  CHECK(c.artefacts.back().kind == "certificate");
  CHECK_FALSE(doc.run.claims[1].certificate.has_value());

  SECTION("report.json names it and reads it back") {
    const std::string json = render_json(doc);
    CHECK(json.find("\"sha256\": \"" + c.certificate->sha256 + "\"") != std::string::npos);
    const ReportDocument back = parse_report_json(json, "report.json");
    REQUIRE(back.run.claims[0].certificate.has_value());
    CHECK(back.run.claims[0].certificate->sha256 == c.certificate->sha256);
    CHECK_FALSE(back.run.claims[1].certificate.has_value());
    CHECK(render_json(back) == json);
  }
}

TEST_CASE("an attachment outside the report folder is refused", "[attachments]") {
  test::ScratchDir dir("attachments-refused");
  for (const std::string path : {"../escape.json", "/tmp/abs.json", "", "a/../../b.json"}) {
    ReportDocument doc = test::sample_report();
    doc.run.claims[0].attachments.push_back({path, "certificate", "", "x"});
    CHECK_THROWS_AS(write_claim_attachments(doc.run, dir.path().string()), InputError);
    CHECK_FALSE(doc.run.claims[0].certificate.has_value());
  }
  CHECK(test::entries(dir.path()).empty());
  CHECK_FALSE(std::filesystem::exists(dir.path().parent_path() / "escape.json"));
}

TEST_CASE("a malformed certificate record in report.json is refused", "[attachments]") {
  ReportDocument doc = test::sample_report();
  doc.run.claims[0].certificate = CertificateRef{"certificates/H1.json", std::string(64, 'a')};
  doc.run.claims[0].certificates = {*doc.run.claims[0].certificate};
  const std::string good = render_json(doc);
  CHECK_NOTHROW(parse_report_json(good, "report.json"));
  std::string bad_digest = good;
  bad_digest.replace(bad_digest.find(std::string(64, 'a')), 64, std::string(63, 'a') + "G");
  CHECK_THROWS_AS(parse_report_json(bad_digest, "report.json"), InputError);
  std::string bad_path = good;
  bad_path.replace(bad_path.find("certificates/H1.json"), 20, "../certificates.json");
  CHECK_THROWS_AS(parse_report_json(bad_path, "report.json"), InputError);
  // The two keys go together, the main certificate first in the list.
  nlohmann::json j = nlohmann::json::parse(good);
  nlohmann::json no_list = j;
  no_list["claims"][0].erase("certificates");
  CHECK_THROWS_AS(parse_report_json(no_list.dump(2), "report.json"), InputError);
  nlohmann::json no_main = j;
  no_main["claims"][0].erase("certificate");
  CHECK_THROWS_AS(parse_report_json(no_main.dump(2), "report.json"), InputError);
  nlohmann::json other_first = j;
  other_first["claims"][0]["certificates"][0]["sha256"] = std::string(64, 'b');
  CHECK_THROWS_AS(parse_report_json(other_first.dump(2), "report.json"), InputError);
}

TEST_CASE("a claim with several certificates lists them all, the first as the main one", "[attachments]") {
  test::ScratchDir dir("attachments-several");
  ReportDocument doc = test::sample_report();
  doc.run.claims[0].attachments.push_back({"certificates/D3_a.json", "certificate", "first", "{\"a\": 1}\n"});
  doc.run.claims[0].attachments.push_back({"certificates/D3_b.json", "certificate", "second", "{\"b\": 2}\n"});

  write_claim_attachments(doc.run, dir.path().string());

  const ClaimResult& c = doc.run.claims[0];
  REQUIRE(c.certificates.size() == 2);
  CHECK(c.certificates[0].path == "certificates/D3_a.json");
  CHECK(c.certificates[1].path == "certificates/D3_b.json");
  CHECK(c.certificates[1].sha256 == sha256_hex(test::read_file(dir.path() / "certificates" / "D3_b.json")));
  REQUIRE(c.certificate.has_value());
  CHECK(c.certificate->path == c.certificates[0].path);
  const std::string json = render_json(doc);
  const ReportDocument back = parse_report_json(json, "report.json");
  REQUIRE(back.run.claims[0].certificates.size() == 2);
  CHECK(back.run.claims[0].certificates[1].sha256 == c.certificates[1].sha256);
  CHECK(render_json(back) == json);
}

}  // namespace
}  // namespace zg
