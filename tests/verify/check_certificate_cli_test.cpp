// The proof certificate end to end, through the real binary: `verify run --claims D2c`
// writes certificates/D2c.json and names it in report.json with the file's SHA-256;
// `verify check-certificate` (the independent MPFI checker) accepts the untouched file
// and rejects every tampered copy: a leaf deleted (a gap), tau' lowered, a teacher
// direction's digit changed, a weight's sign flipped, rho raised, and a malformed file.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reports/sha256.hpp"
#include "tests/support/shell.hpp"

namespace fs = std::filesystem;

namespace {

using zg::test::shell;

fs::path fresh_dir(const std::string& name) { return zg::test::fresh_dir("zg-cert", name); }

std::string read(const fs::path& p) { return zg::test::read_whole(p); }

void write(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

const std::string kVerify = ZG_VERIFY_EXE;

int check(const fs::path& file, const fs::path& log) {
  return shell(kVerify + " check-certificate " + file.string() + " > " + log.string() + " 2>&1");
}

// Rewrites the certificate as nlohmann would, after `edit`. The checker reads JSON, not
// bytes, so the re-serialisation itself changes nothing it checks (the first case shows it).
fs::path tampered(const fs::path& dir, const std::string& name, const nlohmann::json& original,
                  void (*edit)(nlohmann::json&)) {
  nlohmann::json j = original;
  edit(j);
  const fs::path p = dir / (name + ".json");
  write(p, j.dump());
  return p;
}

}  // namespace

TEST_CASE("D2c's certificate is written, named with its digest, replayed, and tampering is caught", "[e2e][certificate]") {
  const fs::path out = fresh_dir("d2c");
  const fs::path log = out.string() + ".log";
  REQUIRE(shell(kVerify + " run --claims D2c --out " + out.string() + " --format json > " + log.string() + " 2>&1") ==
          0);
  const fs::path cert = out / "certificates" / "D2c.json";
  REQUIRE(fs::exists(cert));

  const nlohmann::json report = nlohmann::json::parse(read(out / "report.json"));
  const nlohmann::json& claim = report["claims"][0];
  REQUIRE(claim["id"] == "D2c");
  CHECK(claim["verdict"] == "PASS");
  REQUIRE(claim.contains("certificate"));
  CHECK(claim["certificate"]["path"] == "certificates/D2c.json");
  CHECK(claim["certificate"]["sha256"] == zg::sha256_hex(read(cert)));

  CHECK(check(cert, log) == 0);
  const nlohmann::json original = nlohmann::json::parse(read(cert));
  REQUIRE(original["outcome"] == "proved");
  REQUIRE(original["leaves"].size() > 10);

  const fs::path dir = out / "tampered";
  fs::create_directories(dir);
  SECTION("re-serialised untouched: accepted") {
    CHECK(check(tampered(dir, "same", original, [](nlohmann::json&) {}), log) == 0);
  }
  SECTION("a leaf deleted: a gap in the cover") {
    const fs::path p = tampered(dir, "gap", original, [](nlohmann::json& j) { j["leaves"].erase(j["leaves"].begin() + 5); });
    CHECK(check(p, log) == 1);
  }
  SECTION("tau' lowered below what the caps need") {
    const fs::path p = tampered(dir, "tau", original, [](nlohmann::json& j) {
      j["tau_prime"] = "1e-80";
      j["tau"] = "1e-79";
    });
    CHECK(check(p, log) == 1);
  }
  SECTION("a teacher direction's digit changed") {
    const fs::path p = tampered(dir, "digit", original, [](nlohmann::json& j) {
      std::string x = j["teacher"]["directions"][1][0];
      // "5.00000000000…e-01" -> "5.00000000010…e-01": a change of 1e-10.
      x[11] = x[11] == '1' ? '2' : '1';
      j["teacher"]["directions"][1][0] = x;
    });
    CHECK(check(p, log) == 1);
  }
  SECTION("a teacher weight's sign flipped") {
    const fs::path p = tampered(dir, "sign", original, [](nlohmann::json& j) {
      std::string w = j["teacher"]["weights"][0];
      j["teacher"]["weights"][0] = w[0] == '-' ? w.substr(1) : "-" + w;
    });
    CHECK(check(p, log) == 1);
  }
  SECTION("rho raised far above the true constant") {
    const fs::path p = tampered(dir, "rho", original, [](nlohmann::json& j) { j["rho"] = "0.5"; });
    CHECK(check(p, log) == 1);
  }
  SECTION("malformed: not JSON, a missing field, an inexact corner") {
    const fs::path broken = dir / "broken.json";
    write(broken, read(cert).substr(0, 200));
    CHECK(check(broken, log) == 2);
    CHECK(check(tampered(dir, "missing", original, [](nlohmann::json& j) { j.erase("rho"); }), log) == 2);
    const fs::path corner = tampered(dir, "corner", original, [](nlohmann::json& j) {
      j["leaves"][0]["box"][0][1] = "0.1";  // not exactly a double
    });
    CHECK(check(corner, log) == 2);
    CHECK(check(dir / "no-such-file.json", log) == 2);
  }
  fs::remove_all(out);
  fs::remove(log);
}

TEST_CASE("planted degenerate teachers fail D2c with a witness the checker confirms, in 2-D and 3-D",
          "[e2e][certificate]") {
  for (const std::string name : {"degenerate_2d", "degenerate_3d"}) {
    const fs::path out = fresh_dir(name);
    const fs::path log = out.string() + ".log";
    const std::string config = std::string(ZG_SOURCE_DIR) + "/configs/" + name + ".toml";
    CHECK(shell(kVerify + " run --config " + config + " --claims A1,D2c --out " + out.string() + " --format json > " +
                log.string() + " 2>&1") == 1);
    const nlohmann::json report = nlohmann::json::parse(read(out / "report.json"));
    const nlohmann::json& d2c = report["claims"][1];
    REQUIRE(d2c["id"] == "D2c");
    CHECK(d2c["verdict"] == "FAIL");
    CHECK(d2c["explanation"].get<std::string>().find("|eta| > 1 is proved") != std::string::npos);
    const fs::path cert = out / "certificates" / "D2c.json";
    const nlohmann::json original = nlohmann::json::parse(read(cert));
    CHECK(original["outcome"] == "violated");
    // The witness holds when replayed independently ...
    CHECK(check(cert, log) == 0);
    // ... and a witness box moved onto a teacher direction (where |eta| = 1, no violation) does not.
    const fs::path moved = tampered(out, "moved", original, [](nlohmann::json& j) {
      nlohmann::json& box = j["witness"]["box"];
      for (auto& range : box) range = nlohmann::json::array({"0", "0.0009765625"});
      j["witness"]["face"] = 1;
    });
    CHECK(check(moved, log) == 1);
    fs::remove_all(out);
    fs::remove(log);
  }
}

TEST_CASE("D3's five certificates on the default teacher are replayed; a dipole's mass changed is caught",
          "[e2e][certificate]") {
  // D3's certificates carry O(1/lambda) dipole masses (the neurons near each teacher line):
  // the checker must take them through its own gap and angle forms on caps and strips.
  const fs::path out = fresh_dir("d3");
  const fs::path log = out.string() + ".log";
  REQUIRE(shell(kVerify + " run --claims D3 --out " + out.string() + " --format json > " + log.string() + " 2>&1") ==
          0);
  const nlohmann::json report = nlohmann::json::parse(read(out / "report.json"));
  const nlohmann::json* d3 = nullptr;
  for (const nlohmann::json& claim : report["claims"])
    if (claim["id"] == "D3") d3 = &claim;
  REQUIRE(d3 != nullptr);
  CHECK((*d3)["verdict"] == "PASS");
  const fs::path dir = out / "tampered";
  fs::create_directories(dir);
  for (const char* lambda : {"1e-2", "1e-3", "1e-4", "1e-5", "1e-6"}) {
    INFO("lambda = " << lambda);
    const fs::path cert = out / "certificates" / (std::string("D3_lambda_") + lambda + ".json");
    REQUIRE(fs::exists(cert));
    CHECK(check(cert, log) == 0);
    const nlohmann::json original = nlohmann::json::parse(read(cert));
    CHECK(original["outcome"] == "proved");
    REQUIRE(!original["dipoles"].empty());
    // A dipole's leading digit changed: another function, which no longer interpolates.
    const fs::path bad = tampered(dir, std::string("mass_") + lambda, original, [](nlohmann::json& j) {
      std::string mass = j["dipoles"][0]["mass"].get<std::string>();
      const std::size_t lead = mass.find_first_of("123456789");
      mass[lead] = mass[lead] == '9' ? '1' : static_cast<char>(mass[lead] + 1);
      j["dipoles"][0]["mass"] = mass;
    });
    CHECK(check(bad, log) == 1);
  }
}
