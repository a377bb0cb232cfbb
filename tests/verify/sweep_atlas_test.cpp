// Tests for `verify sweep atlas` (verify/sweep_atlas.hpp): its teachers are those of
// [teacher.generate], read through the configuration (an independent path); planted
// teachers are counted as what they are (a planar width-5 teacher whose certificate an
// independent scan of the circle sees above 1, and a planar pair the certificate sweep
// finds non-degenerate); records read back bit for bit; bad options are refused before any
// file; the outputs follow from the records.
#include "verify/sweep_atlas.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/certificate.hpp"
#include "lemmas/certificate_checks.hpp"
#include "tests/reports/scratch_dir.hpp"
#include "verify/cli.hpp"
#include "verify/config.hpp"
#include "verify/sample_statistics.hpp"
#include "verify/sweep_atlas_cli.hpp"
#include "verify/sweep_atlas_report.hpp"
#include "verify/sweep_command.hpp"

#include "tests/support/run_cli.hpp"

#include <catch2/catch.hpp>

namespace {

double as_double(const zg::SpecNumber& x) {
  const double* d = std::get_if<double>(&x.repr);
  REQUIRE(d != nullptr);  // generated teachers are doubles
  return *d;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

using zg::test::CliResult;

CliResult sweep_atlas(const std::vector<std::string>& args) { return zg::test::run_cli({"sweep", "atlas"}, args); }

// Small and fast: one rank, few start points.
zg::AtlasOptions small_options() {
  zg::AtlasOptions o;
  o.ranks = {2};
  o.signs = {zg::AtlasSigns::Alternating};
  o.widths = {2, 3};
  o.separations_deg = {10, 60};
  o.teachers = 3;
  o.start_points = 64;
  o.digits = 20;
  return o;
}

// A planar cell whose teacher 0 at seed 1 is degenerate (found by a probe atlas, confirmed
// by the circle scan below).
const zg::AtlasCell kDegenerateCell{2, 2, zg::AtlasSigns::Alternating, 5, 15};

}  // namespace

TEST_CASE("sweep atlas: teacher k of a cell is [teacher.generate] with seed + k", "[sweep][atlas]") {
  for (const auto& [signs, name] : {std::pair{zg::AtlasSigns::Alternating, "alternating"},
                                    {zg::AtlasSigns::Random, "random"}, {zg::AtlasSigns::Positive, "positive"}}) {
    const zg::AtlasCell cell{3, 5, signs, 4, 20};
    const std::uint64_t seed = 17;
    const zg::RunConfig config = zg::parse_config_toml(
        "[teacher]\ndimension = 5\n[teacher.generate]\nwidth = 4\nrank = 3\nmin_separation_deg = 20\nsigns = \"" +
            std::string(name) + "\"\nseed = 17\n",
        "test.toml");
    const zg::TeacherSpec from_config = config.problem.teacher;
    const zg::TeacherSpec from_atlas = zg::atlas_teacher_spec(cell, seed);
    CAPTURE(name);
    const auto& a = std::get<zg::ExplicitDirections>(from_atlas.directions).directions;
    const auto& b = std::get<zg::ExplicitDirections>(from_config.directions).directions;
    REQUIRE(a.size() == 4);
    REQUIRE(b.size() == 4);
    for (std::size_t i = 0; i < a.size(); ++i)
      for (std::size_t j = 0; j < 5; ++j) CHECK(as_double(a[i][j]) == as_double(b[i][j]));  // the same doubles
    REQUIRE(from_atlas.weights.size() == from_config.weights.size());
    for (std::size_t i = 0; i < from_atlas.weights.size(); ++i)
      CHECK(as_double(from_atlas.weights[i]) == as_double(from_config.weights[i]));
    // Another seed is another teacher (the comparison can fail).
    const zg::TeacherSpec next = zg::atlas_teacher_spec(cell, seed + 1);
    const auto& c = std::get<zg::ExplicitDirections>(next.directions).directions;
    CHECK(as_double(c[0][0]) != as_double(a[0][0]));
  }
}

TEST_CASE("sweep atlas: planted teachers are counted as what they are", "[sweep][atlas]") {
  zg::ScopedDigits digits(30);
  zg::AtlasOptions o = small_options();
  o.digits = 30;
  o.start_points = 200;
  o.certify = 1;  // teacher 0 gets the proof
  // Degenerate: teacher 0 of the planar cell (width 5, alternating signs, 15 degrees) at
  // seed 1; a scan of eta on the unit circle below confirms |eta| > 1 independently.
  const zg::TeacherSpec degenerate = zg::atlas_teacher_spec(kDegenerateCell, 1);
  // Non-degenerate: two same-sign directions 30 degrees apart (sweep certificate: rho_eta ~ 0.011).
  const zg::TeacherSpec planar = zg::sweep_teacher(zg::SweepFamily::Equal, 30, 2);

  zg::AtlasResult result;
  result.options = o;
  result.options.teachers = 3;
  result.cells = {zg::AtlasCell{2, 2, zg::AtlasSigns::Positive, 2, 30}};
  result.teachers = {zg::classify_teacher(planar, 0, 0, o), zg::classify_teacher(degenerate, 0, 1, o),
                     zg::classify_teacher(degenerate, 0, 2, o)};
  const zg::AtlasTeacher& proved = result.teachers[0];
  CHECK(proved.status == zg::AtlasStatus::Certified);
  CHECK(proved.rho_eta > 0);
  CHECK(zg::Mp(proved.proof) > 0);  // the proved rho, a positive decimal
  CHECK(zg::Mp(proved.proof) <= proved.rho_eta / 2);
  for (std::size_t k : {1, 2}) {
    const zg::AtlasTeacher& t = result.teachers[k];
    CHECK(t.status == zg::AtlasStatus::Degenerate);
    CHECK(t.max_abs_eta > 1);          // the sampled search saw |eta| > 1 ...
    CHECK(zg::Mp(t.proof) > 0);        // ... and the prover proved it on a box
  }
  const std::vector<zg::AtlasCellSummary> cells = zg::summarize_atlas(result);
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].counts[static_cast<std::size_t>(zg::AtlasStatus::Degenerate)] == 2);
  CHECK(cells[0].counts[static_cast<std::size_t>(zg::AtlasStatus::Certified)] == 1);
  CHECK(cells[0].non_degenerate == 1);
  CHECK(cells[0].generated == 3);
  CHECK(cells[0].interval.lower == zg::wilson_interval(1, 3).lower);
  CHECK(cells[0].interval.upper == zg::wilson_interval(1, 3).upper);
}

TEST_CASE("sweep atlas: the planted degenerate teacher is above 1 on the circle", "[sweep][atlas]") {
  // Independent of the atlas's search and prover: eta at 3600 equally spaced points of the
  // unit circle (the sphere of R^2), at 30 digits. The atlas saw max |eta| - 1 ~ 2.4e-5;
  // the grid's spacing (0.1 degree) misses the peak by at most ~rho_eta (pi / 3600)^2 ~
  // 1e-9 (eta ~ 1 - rho delta^2 near its maxima), far below the excess.
  zg::ScopedDigits digits(30);
  zg::ProblemSpec problem;
  problem.teacher = zg::atlas_teacher_spec(kDegenerateCell, 1);
  const zg::Certificate<zg::Mp> c = zg::certificate_for(problem, 30);
  zg::Mp best(0);
  const zg::Mp two_pi = 2 * boost::math::constants::pi<zg::Mp>();
  for (int k = 0; k < 3600; ++k) {
    const zg::Mp t = two_pi * k / 3600;
    zg::Vec<zg::Mp> y(2);
    y << cos(t), sin(t);
    const zg::Mp v = abs(zg::certificate_value(c, y));
    if (v > best) best = v;
  }
  CAPTURE(best.str(12));
  CHECK(best > zg::Mp(1) + zg::Mp("1e-5"));
}

TEST_CASE("sweep atlas: a cell with a planted degenerate teacher counts it degenerate", "[sweep][atlas]") {
  zg::AtlasOptions o;
  o.ranks = {2};
  o.signs = {kDegenerateCell.signs};
  o.widths = {kDegenerateCell.width};
  o.separations_deg = {kDegenerateCell.separation_deg};
  o.teachers = 1;
  o.seed = 1;
  const zg::AtlasResult result = zg::run_atlas(o, zg::SweepExecution{}, nullptr);
  REQUIRE(result.teachers.size() == 1);
  CHECK(result.teachers[0].status == zg::AtlasStatus::Degenerate);
  CHECK(zg::Mp(result.teachers[0].proof) > 0);
  CHECK(zg::summarize_atlas(result)[0].non_degenerate == 0);
}

TEST_CASE("sweep atlas: a record reads back bit for bit", "[sweep][atlas]") {
  zg::ScopedDigits digits(40);
  zg::AtlasTeacher t;
  t.cell = 7;
  t.k = 3;
  t.status = zg::AtlasStatus::Inconclusive;
  t.rho_eta = zg::Mp(-1) / 3;
  t.max_abs_eta = std::numeric_limits<zg::Mp>::quiet_NaN();
  t.condition = zg::Mp(12345) / 7;
  t.note = "a \"quoted\" note";
  const zg::AtlasTeacher back = zg::parse_atlas_teacher_record(zg::atlas_teacher_record(t));
  CHECK(back.cell == 7);
  CHECK(back.k == 3);
  CHECK(back.status == zg::AtlasStatus::Inconclusive);
  CHECK(back.rho_eta == t.rho_eta);
  CHECK(isnan(back.max_abs_eta));
  CHECK(back.condition == t.condition);
  CHECK(back.note == t.note);
  CHECK_THROWS_AS(zg::parse_atlas_teacher_record("{\"cell\":1}"), std::invalid_argument);
  CHECK_THROWS_AS(zg::parse_atlas_teacher_record(
                      "{\"cell\":1,\"k\":0,\"status\":\"fine\",\"rho_eta\":\"1\",\"max_abs_eta\":\"1\","
                      "\"condition\":\"1\",\"proof\":\"\",\"note\":\"\"}"),
                  std::invalid_argument);
}

TEST_CASE("sweep atlas: lists on the command line", "[sweep][atlas][cli]") {
  CHECK(zg::parse_integer_list("2..6", "--widths", 100) == std::vector<int>{2, 3, 4, 5, 6});
  CHECK(zg::parse_integer_list("2,4..5,9", "--widths", 100) == std::vector<int>{2, 4, 5, 9});
  CHECK(zg::parse_number_list("5,22.5", "--separations") == std::vector<double>{5, 22.5});
  CHECK_THROWS_WITH(zg::parse_integer_list("6..2", "--widths", 100), Catch::Contains("--widths") &&
                                                                        Catch::Contains("reversed"));
  CHECK_THROWS_WITH(zg::parse_integer_list("2,,3", "--widths", 100), Catch::Contains("empty entry"));
  CHECK_THROWS_WITH(zg::parse_integer_list("two", "--ranks", 100), Catch::Contains("'two' is not an integer"));
  CHECK_THROWS_WITH(zg::parse_integer_list("1..5000", "--widths", 100), Catch::Contains("more than 100"));
  CHECK_THROWS_WITH(zg::parse_number_list("5,x", "--separations"), Catch::Contains("'x' is not a number"));
  CHECK_THROWS_WITH(zg::parse_atlas_signs("random,mixed"), Catch::Contains("unknown sign pattern 'mixed'"));
}

TEST_CASE("sweep atlas: a bad option is exit 2 naming it, and no folder", "[sweep][atlas][cli]") {
  const zg::test::ScratchDir scratch("sweep-atlas-bad");
  const std::string out_dir = (scratch.path() / "out").string();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--ranks", "1"}, "--ranks"},
      {{"--ranks", "2,2"}, "2 is given twice"},
      {{"--widths", "1..3"}, "--widths"},
      {{"--separations", "10,5"}, "not increasing"},
      {{"--separations", "0"}, "not in (0, 90]"},
      {{"--separations", "95"}, "not in (0, 90]"},
      {{"--signs", "none"}, "unknown sign pattern"},
      {{"--dimension", "2", "--ranks", "2,3"}, "--dimension"},
      {{"--teachers", "0"}, "--teachers"},
      {{"--certify", "5", "--teachers", "3"}, "--certify"},
      {{"--digits", "12"}, "--digits"},
      {{"--start-points", "4"}, "--start-points"},
      {{"--proof-seconds", "0"}, "--proof-seconds"}};
  for (const auto& [args, expected] : cases) {
    std::vector<std::string> all = args;
    all.insert(all.end(), {"--out", out_dir});
    const CliResult r = sweep_atlas(all);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.code == zg::kExitUsage);
    CHECK_THAT(r.err, Catch::Contains(expected));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(out_dir));
  }
}

TEST_CASE("sweep atlas: a small atlas writes its tables and heat map from the records", "[sweep][atlas][cli]") {
  const zg::test::ScratchDir scratch("sweep-atlas-small");
  const std::string out_dir = (scratch.path() / "out").string();
  const CliResult r = sweep_atlas({"--ranks", "2", "--signs", "alternating", "--widths", "2,4", "--separations",
                                   "10,60", "--teachers", "3", "--start-points", "64", "--digits", "20", "--out",
                                   out_dir});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("fraction non-degenerate (%), rank 2 (d = 2), alternating signs"));
  CHECK_THAT(r.out, Catch::Contains("12 teachers in 4 cells"));
  const std::filesystem::path dir(out_dir);
  const std::string cells = read_file(dir / "sweep_atlas.csv");
  // Four lines of constant-width cells; width 4 at 60 degrees cannot be drawn in the plane
  // (at most 180 / 60 = 3 lines fit), so none of its teachers is generated.
  CHECK_THAT(cells, Catch::Contains("\n2,2,alternating,4,60,3,0,0,0,0,0,nan,0.000000,1.000000,,,,\n"));
  CHECK(std::count(cells.begin(), cells.end(), '\n') == 5);
  const std::string teachers = read_file(dir / "sweep_atlas_teachers.csv");
  CHECK(std::count(teachers.begin(), teachers.end(), '\n') == 13);
  CHECK_THAT(teachers, Catch::Contains(",not generated,nan,nan,nan,"));
  const std::string md = read_file(dir / "sweep_atlas.md");
  CHECK_THAT(md, Catch::Contains("### rank 2 (d = 2), alternating signs"));
  CHECK_THAT(md, Catch::Contains("\n|      4 |"));  // the m* = 4 row, right-aligned under "m* \\ Δ"
  CHECK_THAT(read_file(dir / "sweep_atlas.tex"), Catch::Contains("\\begin{longtable}"));
  // The heat map's grid has the blank cell as nan, the others as fractions.
  const std::string grid = read_file(dir / "sweep_atlas_r2_alternating.grid.csv");
  CHECK_THAT(grid, Catch::Contains("60,4,nan,"));
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint"));
}
