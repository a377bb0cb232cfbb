// Tests for lemmas/decay_certificate_json.cpp: the file of docs/proofs.md §7 parses as
// JSON with every field where the format puts it, one leaf per line, deterministically.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "lemmas/decay_certificate_json.hpp"

namespace zg {
namespace {

DecayCertificate small_certificate() {
  DecayCertificate c;
  c.claim = "D2c";
  c.precision_bits = 170;
  c.directions = {{"1", "0"}, {"0.6", "0.8"}};
  c.weights = {"1", "-1"};
  c.rank = 2;
  c.dimension = 2;
  c.domain = DecayDomain::Sphere;
  c.alpha = {"3.5", "-3.5"};
  c.beta = {{"0", "0.25"}, {"-0.2", "0.15"}};
  c.touching = {{0, 1}, {1, -1}};
  c.rho = "0.021";
  c.tau_prime = "1e-40";
  c.tau = "1.5e-40";
  c.outcome = DecayOutcome::Proved;
  c.leaves = {DecayLeaf{1, {{"-1", "-0.5"}}, LeafMethod::Enclosure, -1, "-0.61"},
              DecayLeaf{1, {{"-0.5", "0"}}, LeafMethod::Cap, 0, ""}};
  DecayCap cap;
  cap.touching = 0;
  cap.T = "0.03125";
  cap.h0_upper = "1.0000000001";
  cap.h0_lower = "0.9999999999";
  cap.slope_upper = "1e-45";
  cap.pieces = {CapPiece{1, 1, {{"0", "0.03125"}}, "-0.3", "-0.4"}, CapPiece{1, -1, {{"0", "0.03125"}}, "-0.3", "-0.5"}};
  c.caps = {cap};
  c.statistics.boxes = 12;
  return c;
}

TEST_CASE("the certificate file carries the statement, the leaves and the caps", "[decay_certificate_json]") {
  const std::string text = decay_certificate_json(small_certificate());
  const nlohmann::json j = nlohmann::json::parse(text);
  CHECK(j["format"] == "zgverify-decay-certificate");
  CHECK(j["version"] == 1);
  CHECK(j["claim"] == "D2c");
  CHECK(j["outcome"] == "proved");
  CHECK(j["teacher"]["directions"][1][1] == "0.8");
  CHECK(j["teacher"]["weights"][1] == "-1");
  CHECK(j["domain"] == "sphere");
  CHECK(j["coefficients"]["beta"][1][0] == "-0.2");
  CHECK(j["touching"][1]["sign"] == -1);
  CHECK(j["tau_prime"] == "1e-40");
  REQUIRE(j["leaves"].size() == 2);
  CHECK(j["leaves"][0]["method"] == "enclosure");
  CHECK(j["leaves"][0]["bound"] == "-0.61");
  CHECK_FALSE(j["leaves"][0].contains("index"));
  CHECK(j["leaves"][1]["method"] == "cap");
  CHECK(j["leaves"][1]["index"] == 0);
  CHECK(j["leaves"][1]["box"][0][1] == "0");
  CHECK(j["caps"][0]["pieces"][1]["face"] == nlohmann::json::array({1, -1}));
  CHECK(j["caps"][0]["T"] == "0.03125");
  CHECK(j["strips"].empty());
  CHECK(j["witness"].is_null());
  CHECK_FALSE(j.contains("dipoles"));
  // One leaf per line, and the same certificate gives the same bytes.
  CHECK(text.find("{\"face\":1,\"box\":[[\"-1\",\"-0.5\"]],\"method\":\"enclosure\",\"bound\":\"-0.61\"}") !=
        std::string::npos);
  CHECK(text == decay_certificate_json(small_certificate()));
  CHECK(text.back() == '\n');
}

TEST_CASE("a violated certificate carries its witness", "[decay_certificate_json]") {
  DecayCertificate c = small_certificate();
  c.outcome = DecayOutcome::Violated;
  c.leaves.clear();
  c.caps.clear();
  c.witness = DecayWitness{2, {{"0.25", "0.25048828125"}}, "3.1e-6"};
  const nlohmann::json j = nlohmann::json::parse(decay_certificate_json(c));
  CHECK(j["outcome"] == "violated");
  CHECK(j["witness"]["face"] == 2);
  CHECK(j["witness"]["excess_lower"] == "3.1e-6");
  CHECK(j["leaves"].empty());
}

}  // namespace
}  // namespace zg
