// End-to-end tests of the command line, in process: list, eval (values checked against
// independent formulas), run (files written, JSON content), and every input error giving
// exit 2, one line on stderr and no report files.
#include "verify/cli.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/kernels.hpp"
#include "tests/support/run_cli.hpp"
#include "tests/support/within_eps.hpp"

namespace fs = std::filesystem;
using zg::Mp;
using zg::test::WithinAbs;

namespace {

using zg::test::CliResult;

CliResult cli(const std::vector<std::string>& args) { return zg::test::run_cli({}, args); }

// A fresh, empty folder under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("zg-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator())); }
};

int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("verify list prints every registered claim", "[cli]") {
  const CliResult r = cli({"list"});
  CHECK(r.code == 0);
  for (const char* id : {"H1", "H2", "H3"}) CHECK(r.out.find(id) != std::string::npos);
  CHECK(r.out.find("identity") != std::string::npos);
}

TEST_CASE("verify eval coef --json gives both routes to the working digits", "[cli][eval]") {
  const CliResult r = cli({"eval", "coef", "--k", "10", "--digits", "50", "--json"});
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["k"] == 10);
  zg::ScopedDigits digits(50);
  // c_10 = 7!! / sqrt(2 pi 10!) = 105 / sqrt(7257600 pi), computed here independently.
  const Mp expected = Mp(105) / sqrt(Mp(7257600) * zg::pi<Mp>());
  const Mp closed(j["closed_form"].get<std::string>());
  const Mp quad(j["quadrature"].get<std::string>());
  CHECK_THAT(closed, WithinAbs(expected, Mp("1e-50")));
  CHECK_THAT(quad, WithinAbs(expected, Mp("1e-45")));  // quadrature: 1024 eps requested
}

TEST_CASE("verify eval kernel reads rho as an exact decimal", "[cli][eval]") {
  const CliResult r = cli({"eval", "kernel", "--rho", "0.3", "--digits", "50", "--json"});
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["rho"] == "0.3");
  zg::ScopedDigits digits(50);
  const Mp rho = Mp(3) / 10;
  const Mp p = zg::pi<Mp>();
  // Textbook forms with acos/asin, independent of the |u - v| route and of 0.3 as a double.
  const Mp kappa = (sqrt(1 - rho * rho) + (p - acos(rho)) * rho) / (2 * p);
  const Mp K = (rho * asin(rho) + sqrt(1 - rho * rho) - 1) / (2 * p);
  CHECK_THAT(Mp(j["kappa"].get<std::string>()), WithinAbs(kappa, Mp("1e-50")));
  CHECK_THAT(Mp(j["K"].get<std::string>()), WithinAbs(K, Mp("1e-50")));
  CHECK_THAT(Mp(j["K_prime"].get<std::string>()), WithinAbs(Mp(asin(rho) / (2 * p)), Mp("1e-50")));
}

TEST_CASE("verify eval loss on the default configuration", "[cli][eval]") {
  const CliResult r = cli({"eval", "loss", "--digits", "40", "--json"});
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  zg::ScopedDigits digits(40);
  const Mp loss(j["loss"].get<std::string>());
  CHECK(loss > 0);
  CHECK(loss < 1);
  CHECK(Mp(j["grad_norm"].get<std::string>()) > 0);
}

TEST_CASE("bad command-line input: exit 2, one line on stderr naming the field", "[cli][errors]") {
  struct Case {
    std::vector<std::string> args;
    std::string names;
  };
  const std::vector<Case> cases{
      {{"eval", "kernel", "--rho", "1.5"}, "--rho"},
      {{"eval", "kernel", "--rho", "abc"}, "--rho"},
      {{"eval", "coef", "--k", "3", "--digits", "5"}, "--digits"},
      {{"eval", "coef", "--k", "3", "--digits", "1001"}, "--digits"},
      {{"eval", "coef"}, "--k"},
      {{"frobnicate"}, "frobnicate"},
      {{"run", "--claims", "H1,Z9"}, "Z9"},
      {{"run", "--digits", "12"}, "--digits"},
      {{"run", "--format", "md,pdfx"}, "pdfx"},
      {{"run", "--config", "/nonexistent/config.toml"}, "/nonexistent/config.toml"},
  };
  for (const Case& c : cases) {
    const CliResult r = cli(c.args);
    INFO(c.args.front() << " ... -> " << r.err);
    CHECK(r.code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(c.names) != std::string::npos);
  }
}

TEST_CASE("a run with bad input writes no report", "[cli][errors]") {
  TempDir dir;
  const fs::path out = dir.path / "reports";
  const CliResult r = cli({"run", "--claims", "H1,nope", "--out", out.string()});
  CHECK(r.code == 2);
  CHECK_FALSE(fs::exists(out));

  const fs::path bad_config = dir.path / "bad.toml";
  std::ofstream(bad_config) << "digits = 50\n[teacher]\ndimension = 3\nweights = [1]\ndirections = [[0, 0, 0]]\n";
  const CliResult r2 = cli({"run", "--config", bad_config.string(), "--out", out.string()});
  CHECK(r2.code == 2);
  CHECK(r2.err.find("bad.toml") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("verify run writes the three reports and exits 0", "[cli][run]") {
  TempDir dir;
  const CliResult r = cli({"run", "--claims", "H1", "--digits", "30", "--seed", "7", "--out", dir.path.string(),
                           "--format", "md,json,junit"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  for (const char* f : {"report.md", "report.json", "report.junit.xml"}) CHECK(fs::exists(dir.path / f));
  CHECK(dir.entries() == 3);  // no temporaries left behind
  std::ifstream in(dir.path / "report.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  CHECK(j["digits"] == 30);
  CHECK(j["seed"] == 7);
  REQUIRE(j["claims"].size() == 1);
  CHECK(j["claims"][0]["id"] == "H1");
  CHECK(j["claims"][0]["verdict"] == "PASS");
  CHECK(j["claims"][0]["measurements"].contains("coef_max_abs_diff"));
}

TEST_CASE("verify eval certificate gives alpha per teacher direction and the decay constant", "[cli][eval]") {
  const CliResult r = cli({"eval", "certificate", "--digits", "30", "--json"});
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["alpha"].size() == 3);
  zg::ScopedDigits digits(30);
  CHECK(Mp(j["rho_eta"].get<std::string>()) > 0);
  CHECK(Mp(j["interpolation_residual"].get<std::string>()) < Mp("1e-25"));
  // sup |eta| is 1, attained at the teacher directions (up to rounding).
  CHECK_THAT(Mp(j["max_abs_eta"].get<std::string>()), WithinAbs(Mp(1), Mp("1e-25")));
}

// CLI11 2.1 would read "-3" as 2^64 - 3, "010" as octal 8, an overflow as the largest value
// and "nan", "inf", "1e999" as floats; "" would mean the default. Each is refused instead,
// naming the option, the value as typed and the accepted range, before any work.
TEST_CASE("numeric options are read as typed: no wrap, octal, clamp, nan, inf or empty default", "[cli][errors]") {
  struct Case {
    std::vector<std::string> args;
    std::string message;  // a substring of the one line on stderr
  };
  const std::string any_seed = "0..18446744073709551615";
  const std::vector<Case> cases{
      {{"run", "--seed", "-3"}, "--seed: -3 is outside " + any_seed},
      {{"run", "--seed", "18446744073709551616"}, "--seed: 18446744073709551616 is outside " + any_seed},
      {{"run", "--seed", "0x10"}, "--seed: '0x10' is not a whole number"},
      {{"run", "--seed", "1e3"}, "--seed: '1e3' is not a whole number"},
      {{"run", "--digits", "0"}, "--digits: 0 is outside 16..1000"},
      {{"run", "--digits", "040"}, "--digits: '040' has a leading zero"},
      {{"run", "--digits", "-50"}, "--digits: -50 is outside 16..1000"},
      {{"run", "--baseline-digits", "0"}, "--baseline-digits: 0 is outside 1..1000"},
      {{"run", "--config", ""}, "--config: the value is empty"},
      {{"run", "--claims", ""}, "--claims: the value is empty"},
      {{"run", "--out", ""}, "--out: the value is empty"},
      {{"report", "--from", "", "--out", "x"}, "--from: the value is empty; give one"},
      {{"eval", "coef", "--k", "-1"}, "--k: -1 is outside 0..2000"},
      {{"eval", "coef", "--k", "010"}, "--k: '010' has a leading zero"},
      {{"eval", "coef", "--k", "3", "--digits", "0"}, "--digits: 0 is outside 16..1000"},
      {{"eval", "coef", "--k", "3", "--digits", "4294967346"}, "--digits: 4294967346 is outside 16..1000"},
      {{"eval", "kernel", "--rho", "nan"}, "--rho: 'nan' is not a decimal number"},
      {{"eval", "kernel", "--rho", ""}, "--rho: the value is empty"},
      {{"eval", "optimum", "--lambda", "inf"}, "--lambda: 'inf' is not a decimal number"},
      {{"eval", "optimum", "--lambda", ""}, "--lambda: the value is empty"},
      {{"eval", "optimum", "--lambda", "1e-99999999999999"}, "--lambda: 1e-99999999999999: rounds to 0"},
      {{"eval", "loss", "--config", ""}, "--config: the value is empty"},
      {{"sweep", "certificate", "--from-deg", "nan"}, "--from-deg: 'nan' is not a decimal number"},
      {{"sweep", "certificate", "--to-deg", "inf"}, "--to-deg: 'inf' is not a decimal number"},
      {{"sweep", "certificate", "--to-deg", "1e999"}, "--to-deg: 1e999 lies beyond the range of double"},
      {{"sweep", "certificate", "--from-deg", "0x1p3"}, "--from-deg: '0x1p3' is not a decimal number"},
      {{"sweep", "certificate", "--steps", "-3"}, "--steps: -3 is outside 2..1000"},
      {{"sweep", "certificate", "--seed", "-1"}, "--seed: -1 is outside " + any_seed},
      {{"sweep", "certificate", "--start-points", "-1"}, "--start-points: -1 is outside 1..1000000"},
      {{"sweep", "certificate", "--dimension", "4294967298"}, "--dimension: 4294967298 is outside 2..1000"},
      {{"sweep", "samples", "--samples", "100,-5"}, "--samples: -5 is outside 10..10000000"},
      {{"sweep", "samples", "--samples", "99999999999999999999"}, "--samples: 99999999999999999999 is outside"},
      {{"sweep", "samples", "--dimensions", "4294967298"}, "--dimensions: 4294967298 is outside 2..4096"},
      {{"sweep", "samples", "--batch", "-1"}, "--batch: -1 is outside 0..9223372036854775807"},
      {{"sweep", "samples", "--pairs", "0"}, "--pairs: 0 is outside 1..4096"},
      {{"sweep", "samples", "--epochs", "41"}, "--epochs: 41 is outside 1..40"},
      {{"sweep", "samples", "--horizon", "inf"}, "--horizon: 'inf' is not a decimal number"},
      {{"sweep", "samples", "--horizon", "1e-400"}, "--horizon: 1e-400 lies beyond the range of double"},
      {{"sweep", "samples", "--seed", "-3"}, "--seed: -3 is outside " + any_seed},
  };
  TempDir dir;
  const fs::path out = dir.path / "never";
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    const bool has_out = std::find(args.begin(), args.end(), "--out") != args.end();
    if (!has_out && args.front() != "eval") args.insert(args.end(), {"--out", out.string()});
    const CliResult r = cli(args);
    INFO(args[0] << " " << args[1] << " " << args[2] << " -> " << r.err);
    CHECK(r.code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(out));  // nothing written
  }
}

TEST_CASE("the largest seed is taken as typed", "[cli][run]") {
  TempDir dir;
  const CliResult r =
      cli({"run", "--claims", "A1", "--seed", "18446744073709551615", "--out", dir.path.string(), "--format", "json"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  std::ifstream in(dir.path / "report.json");
  CHECK(nlohmann::json::parse(in)["seed"] == 18446744073709551615u);
}

TEST_CASE("eval optimum refuses a lambda whose minimiser is the zero network, stating the limit", "[cli][eval]") {
  // lambda_0 = K(1) sum |a_i*| = 3 (1/4 - 1/(2 pi)) = 0.272535... for the default teacher.
  for (const char* lambda : {"1e20", "1e300", "1e5000", "0.2726"}) {
    for (const char* digits : {"16", "30"}) {
      const CliResult r = cli({"eval", "optimum", "--lambda", lambda, "--digits", digits});
      INFO(lambda << " at " << digits << " digits -> " << r.err);
      CHECK(r.code == 2);
      CHECK(count_lines(r.err) == 1);
      CHECK(r.err.find(std::string("--lambda: ") + lambda + ": is not below K(1) sum_i |a_i*| = 2.72535e-01") !=
            std::string::npos);
    }
  }
  TempDir dir;
  const fs::path config = dir.path / "heavy.toml";
  std::ofstream(config) << "lambda = 1e20\n[teacher]\ndimension = 3\nangles_deg = [0, 90]\nweights = [1, -1]\n";
  const CliResult r = cli({"eval", "optimum", "--config", config.string(), "--digits", "16"});
  CHECK(r.code == 2);
  CHECK(r.err.find("heavy.toml: lambda = 1e+20: is not below K(1) sum_i |a_i*| = 1.81690e-01") != std::string::npos);
  // Just below the limit there is an answer.
  const CliResult below = cli({"eval", "optimum", "--lambda", "0.27", "--digits", "16", "--json"});
  INFO(below.err);
  CHECK(below.code == 0);
}

TEST_CASE("report --from a folder, and an --out that cannot be a folder, name the path and the fix", "[cli][errors]") {
  TempDir dir;
  const fs::path run_dir = dir.path / "run";
  fs::create_directories(run_dir);
  std::ofstream(run_dir / "report.json") << "{}";
  const fs::path out = dir.path / "new";
  const CliResult folder = cli({"report", "--from", run_dir.string(), "--out", out.string()});
  CHECK(folder.code == 2);
  CHECK(count_lines(folder.err) == 1);
  CHECK(folder.err.find("--from: " + run_dir.string() +
                        ": is a folder, not a report file; give the report.json in "
                        "it: --from " +
                        (run_dir / "report.json").string()) != std::string::npos);
  CHECK_FALSE(fs::exists(out));

  const fs::path file = dir.path / "a-file";
  std::ofstream(file) << "x";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", "--claims", "H1", "--out", file.string()},
        {"run", "--claims", "H1", "--out", (file / "sub").string()},
        {"report", "--from", (run_dir / "report.json").string(), "--out", file.string()},
        {"sweep", "certificate", "--out", file.string()},
        {"sweep", "samples", "--out", file.string()}}) {
    const CliResult r = cli(args);
    INFO(args[0] << " " << args.back() << " -> " << r.err);
    CHECK(r.code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find("--out: " + args.back() + ": ") != std::string::npos);
    CHECK(r.err.find("not a folder") != std::string::npos);
    CHECK(r.out.empty());  // refused before any work
  }
}
