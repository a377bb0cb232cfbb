// Tests for `verify sweep seeds` (verify/sweep_seeds.hpp, verify/sweep_seeds_report.hpp):
// the seed list and each of its refusals, a tiny registry whose claim fails on some seeds
// (so the counts, the Wilson interval and the MPFR min / median / max are checked against
// what the records hold), outputs rendered from records read back, and the command line:
// bad options refused before any file, and a small sweep whose values are those of
// `verify run --seed`.
#include "verify/sweep_seeds.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "lemmas/check_ledger.hpp"
#include "tests/reports/scratch_dir.hpp"
#include "verify/cli.hpp"
#include "verify/sweep_seeds_report.hpp"

#include "tests/support/run_cli.hpp"

#include <catch2/catch.hpp>

namespace {

using zg::test::CliResult;

CliResult cli(const std::vector<std::string>& args) { return zg::test::run_cli({}, args); }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Z1 fails on every seed divisible by 3 and prints three values: `centre`, seed + 1/2 (so
// the median of seeds 1..6 interpolates to 4), `fine`, 1 + (7 - seed) 10^-30 (equal as
// doubles, so only a comparison in MPFR finds seed 6 the least), and `routes`, a text
// with a comma. Z2 requires Z1, so it is SKIPPED where Z1 fails.
zg::ClaimRegistry seed_dependent_registry() {
  zg::ClaimRegistry registry;
  zg::ClaimSpec z1;
  z1.id = "Z1";
  z1.title = "fails on seeds divisible by 3";
  z1.module = "test";
  z1.rigor = zg::Rigor::Measured;
  z1.check = [](const zg::CheckContext& ctx) {
    zg::CheckOutcome o;
    o.verdict = ctx.seed % 3 == 0 ? zg::Verdict::Fail : zg::Verdict::Pass;
    o.explanation = "seed " + std::to_string(ctx.seed);
    o.measurements.push_back({"centre", fmt::format("{}.5", ctx.seed), "", "", ""});
    o.measurements.push_back({"fine", fmt::format("1.{:0>30}", 7 - ctx.seed), "", "", ""});
    o.measurements.push_back({"routes", "half-moments, quadrature", "", "", ""});
    return o;
  };
  registry.add(z1);
  zg::ClaimSpec z2;
  z2.id = "Z2";
  z2.title = "needs Z1";
  z2.module = "test";
  z2.rigor = zg::Rigor::Measured;
  z2.requires_claims = {"Z1"};
  z2.check = [](const zg::CheckContext&) {
    zg::CheckOutcome o;
    o.verdict = zg::Verdict::Pass;
    o.explanation = "passes";
    return o;
  };
  registry.add(z2);
  return registry;
}

zg::SeedSweepOptions options(std::vector<std::string> claims, std::string seeds) {
  zg::SeedSweepOptions o;
  o.claims = std::move(claims);
  o.seeds = std::move(seeds);
  return o;
}

}  // namespace

TEST_CASE("sweep seeds: a seed list takes ranges and comma lists, in the order written", "[sweep][seeds]") {
  using Seeds = std::vector<std::uint64_t>;
  CHECK(zg::parse_seed_list("1..5") == Seeds{1, 2, 3, 4, 5});
  CHECK(zg::parse_seed_list("3,7,11") == Seeds{3, 7, 11});
  CHECK(zg::parse_seed_list("11,3..4,0") == Seeds{11, 3, 4, 0});
  CHECK(zg::parse_seed_list("5..5") == Seeds{5});
  CHECK(zg::parse_seed_list("18446744073709551614..18446744073709551615") ==
        Seeds{18446744073709551614ull, 18446744073709551615ull});
  CHECK(zg::parse_seed_list("1..100000").size() == zg::kMaxSweepSeeds);
}

TEST_CASE("sweep seeds: a seed list refuses an empty, malformed, reversed, repeated or too long list, naming --seeds",
          "[sweep][seeds]") {
  const std::vector<std::pair<std::string, std::string>> cases{{"", "no seeds"},
                                                               {"1,,2", "empty item"},
                                                               {",1", "empty item"},
                                                               {"1,", "empty item"},
                                                               {"3..1", "reversed"},
                                                               {"1,1", "given twice"},
                                                               {"1..3,2", "given twice"},
                                                               {"0..100000", "more than 100000"},
                                                               {"1..99999,200000,300000", "more than 100000"},
                                                               {"0..18446744073709551615", "more than 100000"},
                                                               {"01", "leading zero"},
                                                               {"x", "not a seed"},
                                                               {"-1", "not a seed"},
                                                               {"1..", "not a seed"},
                                                               {"..3", "not a seed"},
                                                               {"1...3", "not a seed"},
                                                               {"1 ,2", "not a seed"},
                                                               {"18446744073709551616", "beyond the largest seed"}};
  for (const auto& [text, problem] : cases) {
    INFO("--seeds '" << text << "'");
    try {
      zg::parse_seed_list(text);
      FAIL("accepted");
    } catch (const zg::InputError& e) {
      const std::string message = e.what();
      CHECK(message.rfind("--seeds: ", 0) == 0);
      CHECK(message.find(problem) != std::string::npos);
    }
  }
}

TEST_CASE("sweep seeds: a plan refuses unknown claims, a bad configuration and out-of-range digits, naming the option",
          "[sweep][seeds]") {
  const zg::ClaimRegistry registry = seed_dependent_registry();
  CHECK_NOTHROW(zg::plan_seed_sweep(options({"z1"}, "1..3"), registry));
  CHECK_THROWS_WITH(zg::plan_seed_sweep(options({"Z1", "Q7"}, "1"), registry),
                    Catch::Contains("--claims") && Catch::Contains("Q7"));
  CHECK_THROWS_WITH(zg::plan_seed_sweep(options({}, "1"), registry), Catch::StartsWith("--claims"));
  zg::SeedSweepOptions bad_config = options({"Z1"}, "1");
  bad_config.config_path = "/nonexistent/zg-config.toml";
  CHECK_THROWS_WITH(zg::plan_seed_sweep(bad_config, registry), Catch::Contains("/nonexistent/zg-config.toml"));
  zg::SeedSweepOptions bad_digits = options({"Z1"}, "1");
  bad_digits.digits = 5;
  bad_digits.digits_given = true;
  CHECK_THROWS_WITH(zg::plan_seed_sweep(bad_digits, registry), Catch::StartsWith("--digits"));
}

TEST_CASE("sweep seeds: a claim failing on some seeds is counted, with the Wilson interval of its pass fraction", "[sweep][seeds]") {
  const zg::ClaimRegistry registry = seed_dependent_registry();
  const zg::SeedSweepPlan plan = zg::plan_seed_sweep(options({"Z1", "Z2"}, "1..6"), registry);
  const std::vector<zg::SeedRunRecord> records = zg::run_seed_sweep(plan);
  REQUIRE(records.size() == 6);
  for (std::size_t k = 0; k < records.size(); ++k) {
    INFO("seed " << records[k].seed);
    CHECK(records[k].seed == k + 1);
    REQUIRE(records[k].claims.size() == 2);
    CHECK(records[k].claims[0].verdict == (records[k].seed % 3 == 0 ? zg::Verdict::Fail : zg::Verdict::Pass));
    CHECK(records[k].claims[1].verdict == (records[k].seed % 3 == 0 ? zg::Verdict::Skipped : zg::Verdict::Pass));
  }

  const std::vector<zg::SeedClaimSummary> summaries = zg::summarize_seed_sweep(records);
  REQUIRE(summaries.size() == 2);
  const zg::SeedClaimSummary& z1 = summaries[0];
  CHECK(z1.id == "Z1");
  CHECK(z1.runs == 6);
  CHECK(z1.verdicts.pass == 4);
  CHECK(z1.verdicts.fail == 2);
  CHECK(summaries[1].verdicts.skipped == 2);
  // Wilson's interval for 4 of 6 at z = 1.959963984540054, from the closed form
  // (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n) evaluated in Python:
  // [0.299993315138392, 0.9032285888942195].
  CHECK(std::abs(z1.pass_interval.lower - 0.299993315138392) < 1e-12);
  CHECK(std::abs(z1.pass_interval.upper - 0.9032285888942195) < 1e-12);

  REQUIRE(z1.values.size() == 3);
  const zg::SeedValueSummary& centre = z1.values[0];
  CHECK(centre.name == "centre");
  CHECK(centre.min == "1.5");
  CHECK(centre.median == "4.00e+00");  // (3.5 + 4.5) / 2, printed with one digit more than the samples' 2
  CHECK(centre.max == "6.5");
  const zg::SeedValueSummary& fine = z1.values[1];
  CHECK(fine.min == "1.000000000000000000000000000001");  // seed 6: only MPFR tells it from seed 1's
  CHECK(fine.max == "1.000000000000000000000000000006");
  CHECK(fine.median == "1.0000000000000000000000000000035e+00");  // seeds 4 and 3: the midpoint, exact
  const zg::SeedValueSummary& routes = z1.values[2];
  CHECK(routes.present == 6);
  CHECK(routes.numeric == 0);
  CHECK(routes.min.empty());

  const std::string md = zg::seed_sweep_markdown({"Z1,Z2", "1..6", 6, 50, "<embedded default>"}, records);
  CHECK(md.find("6 runs: 4 PASS, 2 FAIL, 0 INCONCLUSIVE, 0 SKIPPED. Pass fraction 0.6667, Wilson 95% interval "
                "[0.3000, 0.9032].") != std::string::npos);
  CHECK(md.find("6 runs: 4 PASS, 0 FAIL, 0 INCONCLUSIVE, 2 SKIPPED.") != std::string::npos);
}

TEST_CASE("sweep seeds: the outputs are rendered from the records alone: records read back give the same bytes", "[sweep][seeds]") {
  const zg::ClaimRegistry registry = seed_dependent_registry();
  const zg::SeedSweepPlan plan = zg::plan_seed_sweep(options({"Z1", "Z2"}, "4,1..3"), registry);
  const std::vector<zg::SeedRunRecord> records = zg::run_seed_sweep(plan);
  std::vector<zg::SeedRunRecord> read_back;
  for (const zg::SeedRunRecord& r : records) {
    const std::string text = zg::seed_run_record(r);
    read_back.push_back(zg::parse_seed_run_record(text));
    CHECK(zg::seed_run_record(read_back.back()) == text);
  }
  const zg::SeedSweepHeading heading{"Z1,Z2", "4,1..3", 4, 50, "<embedded default>"};
  CHECK(zg::seed_sweep_csv(read_back) == zg::seed_sweep_csv(records));
  CHECK(zg::seed_sweep_markdown(heading, read_back) == zg::seed_sweep_markdown(heading, records));
  CHECK(zg::seed_sweep_text_table(read_back) == zg::seed_sweep_text_table(records));

  const std::string csv = zg::seed_sweep_csv(records);
  std::istringstream lines(csv);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  REQUIRE(rows.size() == 1 + 4 * 2);
  CHECK(rows[0] == "seed,claim,verdict,centre,fine,routes");
  CHECK(rows[1] == "4,Z1,PASS,4.5,1.000000000000000000000000000003,\"half-moments, quadrature\"");
  CHECK(rows[2] == "4,Z2,PASS,,,");
  CHECK(rows[7] == "3,Z1,FAIL,3.5,1.000000000000000000000000000004,\"half-moments, quadrature\"");
  CHECK(rows[8] == "3,Z2,SKIPPED,,,");

  CHECK_THROWS_AS(zg::parse_seed_run_record("{\"seed\": 1}"), std::invalid_argument);
  CHECK_THROWS_AS(zg::parse_seed_run_record("[1]"), std::invalid_argument);
  CHECK_THROWS_AS(zg::parse_seed_run_record(R"({"seed":1,"claims":[{"id":"Z1","verdict":"MAYBE","values":[]}]})"),
                  std::invalid_argument);
}

TEST_CASE("sweep seeds: the fingerprint names the seeds, not how they were written", "[sweep][seeds]") {
  const zg::ClaimRegistry registry = seed_dependent_registry();
  const std::string a = zg::seed_sweep_fingerprint(zg::plan_seed_sweep(options({"Z1"}, "1..3,7"), registry));
  CHECK(a == zg::seed_sweep_fingerprint(zg::plan_seed_sweep(options({"Z1"}, "1,2,3,7"), registry)));
  CHECK(a != zg::seed_sweep_fingerprint(zg::plan_seed_sweep(options({"Z1"}, "1..3,8"), registry)));
  CHECK(a != zg::seed_sweep_fingerprint(zg::plan_seed_sweep(options({"Z1", "Z2"}, "1..3,7"), registry)));
}

TEST_CASE("verify sweep seeds refuses a bad option with exit 2, one line naming it, and no folder",
          "[sweep][seeds][cli]") {
  const zg::test::ScratchDir scratch("sweep-seeds-bad");
  const std::string out_dir = (scratch.path() / "out").string();
  const std::vector<std::vector<std::string>> cases{{"--seeds", "3..1"},
                                                    {"--seeds", "1,1"},
                                                    {"--seeds", "0..100000"},
                                                    {"--seeds", "1,,2"},
                                                    {"--claims", "Q9"},
                                                    {"--config", "/nonexistent/zg-config.toml"},
                                                    {"--digits", "5"}};
  for (const std::vector<std::string>& bad : cases) {
    INFO(bad[0] << " " << bad[1]);
    std::vector<std::string> args{"sweep", "seeds", "--claims", "H1", "--seeds", "1", "--out", out_dir};
    const auto given = std::find(args.begin(), args.end(), bad[0]);
    if (given != args.end())
      given[1] = bad[1];
    else
      args.insert(args.end(), bad.begin(), bad.end());
    const CliResult r = cli(args);
    CHECK(r.code == zg::kExitUsage);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(bad[0] == "--config" ? bad[1] : bad[0]) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out_dir));
  }
}

TEST_CASE("verify sweep seeds --claims H1 --seeds 1..3 writes the CSV and the summary, exit 0", "[sweep][seeds][cli]") {
  const zg::test::ScratchDir scratch("sweep-seeds-h1");
  const std::filesystem::path out_dir = scratch.path() / "out";
  const CliResult r = cli({"sweep", "seeds", "--claims", "H1", "--seeds", "1..3", "--out", out_dir.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string csv = read_file(out_dir / "sweep_seeds.csv");
  CHECK(csv.rfind("seed,claim,verdict,", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);
  CHECK(csv.find("\n1,H1,PASS,") != std::string::npos);
  CHECK(csv.find("\n3,H1,PASS,") != std::string::npos);
  const std::string md = read_file(out_dir / "sweep_seeds.md");
  CHECK(md.find("## H1") != std::string::npos);
  CHECK(md.find("3 runs: 3 PASS") != std::string::npos);
  CHECK(r.out.find("sweep_seeds.md") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out_dir / "checkpoint"));
}

TEST_CASE("sweep seeds: a seed's values in the sweep are those `verify run --seed` prints", "[sweep][seeds][cli]") {
  // S1 is fast and its values depend on the seed; seed 2 is the second task of the sweep.
  const zg::test::ScratchDir scratch("sweep-seeds-run");
  const std::filesystem::path sweep_dir = scratch.path() / "sweep";
  const std::filesystem::path run_dir = scratch.path() / "run";
  REQUIRE(cli({"sweep", "seeds", "--claims", "S1", "--seeds", "1,2", "--out", sweep_dir.string()}).code == 0);
  REQUIRE(cli({"run", "--claims", "S1", "--seed", "2", "--format", "json", "--out", run_dir.string()}).code == 0);
  const nlohmann::json report = nlohmann::json::parse(read_file(run_dir / "report.json"));
  const nlohmann::json& measurements = report.at("claims").at(0).at("measurements");

  std::istringstream lines(read_file(sweep_dir / "sweep_seeds.csv"));
  std::string header, seed1, seed2;
  std::getline(lines, header);
  std::getline(lines, seed1);
  std::getline(lines, seed2);
  const auto cells = [](const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
    return out;
  };
  const std::vector<std::string> names = cells(header), values = cells(seed2);
  REQUIRE(names.size() == values.size());
  REQUIRE(names.size() > 3);
  CHECK(values[0] == "2");
  CHECK(values[2] == report.at("claims").at(0).at("verdict").get<std::string>());
  for (std::size_t k = 3; k < names.size(); ++k) {
    INFO(names[k]);
    CHECK(values[k] == measurements.at(names[k]).at("value").get<std::string>());
  }
  CHECK(seed1.substr(seed1.find(",S1,")) != seed2.substr(seed2.find(",S1,")));  // the seed matters to S1
}
