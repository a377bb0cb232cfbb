// Tests for `verify sweep samples` through run_cli: a bad option is exit 2 with one line
// naming it and no folder; a small sweep writes one CSV row per (d, n) and the summary.
#include "verify/sweep_samples.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/reports/scratch_dir.hpp"
#include "verify/cli.hpp"

#include "tests/support/run_cli.hpp"

#include <catch2/catch.hpp>

namespace {

using zg::test::CliResult;

CliResult sweep_samples(const std::vector<std::string>& args) { return zg::test::run_cli({"sweep", "samples"}, args); }

}  // namespace

TEST_CASE("verify sweep samples rejects a bad option with exit 2, naming it", "[sweep][cli][samples]") {
  const zg::test::ScratchDir scratch("sweep-samples-bad");
  const std::string out_dir = (scratch.path() / "out").string();
  const std::vector<std::vector<std::string>> cases{{"--samples", "1000,100"}, {"--samples", "5"},
                                                    {"--dimensions", "1"},     {"--batch", "-3"},
                                                    {"--epochs", "0"},         {"--horizon", "0"}};
  for (const std::vector<std::string>& args : cases) {
    INFO(args[0] << " " << args[1]);
    const CliResult r = sweep_samples({args[0], args[1], "--out", out_dir});
    CHECK(r.code == zg::kExitUsage);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(args[0]) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out_dir));
  }
}

TEST_CASE("verify sweep samples writes one row per dimension and sample size", "[sweep][cli][samples]") {
  const zg::test::ScratchDir scratch("sweep-samples-run");
  const std::string out_dir = (scratch.path() / "out").string();
  const CliResult r = sweep_samples({"--samples", "50,400", "--dimensions", "4,8", "--pairs", "8", "--epochs", "2",
                                     "--horizon", "2", "--batch", "0", "--out", out_dir});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::ifstream csv(std::filesystem::path(out_dir) / "sweep_samples.csv");
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(csv, line)) lines.push_back(line);
  REQUIRE(lines.size() == 5);  // header + 2 x 2
  CHECK(lines[0].rfind("dimension,samples,train_loss,test_error", 0) == 0);
  CHECK(lines[1].rfind("4,50,", 0) == 0);
  CHECK(lines[4].rfind("8,400,", 0) == 0);
  CHECK(std::filesystem::exists(std::filesystem::path(out_dir) / "sweep_samples.md"));
  CHECK(r.out.find("test error") != std::string::npos);
}
