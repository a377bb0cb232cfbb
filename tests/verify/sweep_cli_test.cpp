// Tests for `verify sweep certificate` through run_cli: a bad option is exit 2 with one
// line naming it and no output folder; a small sweep exits 0, prints the table and writes
// one CSV row per (family, Δ), with `three` at Δ = 90° (outer teachers on one line)
// recorded as having no certificate.
#include "verify/sweep_cli.hpp"

#include <sstream>

#include "tests/reports/scratch_dir.hpp"
#include "verify/cli.hpp"

#include "tests/support/run_cli.hpp"

#include <catch2/catch.hpp>

namespace {

using zg::test::CliResult;

CliResult sweep(const std::vector<std::string>& args) { return zg::test::run_cli({"sweep", "certificate"}, args); }

long count_lines(const std::string& s) {
  return std::count(s.begin(), s.end(), '\n');
}

}  // namespace

TEST_CASE("verify sweep certificate rejects a bad option with exit 2, naming it", "[sweep][cli]") {
  const zg::test::ScratchDir scratch("sweep-cli-bad");
  const std::string out_dir = (scratch.path() / "out").string();
  const std::vector<std::vector<std::string>> cases{{"--from-deg", "0"},
                                                    {"--to-deg", "120"},
                                                    {"--steps", "1"},
                                                    {"--steps", "many"},
                                                    {"--digits", "12"},
                                                    {"--families", "equal,four"},
                                                    {"--start-points", "0"},
                                                    {"--dimension", "1"}};
  for (const std::vector<std::string>& args : cases) {
    INFO(args[0] << " " << args[1]);
    const CliResult r = sweep({args[0], args[1], "--out", out_dir});
    CHECK(r.code == zg::kExitUsage);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(args[0]) != std::string::npos);
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(out_dir));  // validated before any file
  }
}

TEST_CASE("verify sweep certificate writes one CSV row per family and separation", "[sweep][cli]") {
  const zg::test::ScratchDir scratch("sweep-cli-run");
  const std::string out_dir = (scratch.path() / "out").string();
  const CliResult r = sweep({"--families",
                             "three,equal",
                             "--from-deg",
                             "30",
                             "--to-deg",
                             "90",
                             "--steps",
                             "3",
                             "--digits",
                             "20",
                             "--start-points",
                             "200",
                             "--out",
                             out_dir});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("rho_eta") != std::string::npos);
  CHECK(r.out.find("wrote " + out_dir) != std::string::npos);
  const std::string csv = zg::test::read_file(std::filesystem::path(out_dir) / "sweep_certificate.csv");
  std::istringstream in(csv);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 1 + 2 * 3);
  const std::vector<std::string> keys{"three,30,", "three,60,", "three,90,", "equal,30,", "equal,60,", "equal,90,"};
  for (std::size_t k = 0; k < keys.size(); ++k) CHECK(lines[k + 1].rfind(keys[k], 0) == 0);
  // Outer teachers at -90 and +90 degrees lie on one line: K is even, so two columns of
  // the interpolation system coincide and there is no certificate.
  CHECK(lines[3] == "three,90,nan,nan,nan,nan");
  CHECK(lines[6].find("nan") == std::string::npos);
}
