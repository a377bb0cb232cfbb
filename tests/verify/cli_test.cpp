// End-to-end tests of the command line, in process: list, eval (values checked against
// independent formulas), run (files written, JSON content), and every input error giving
// exit 2, one line on stderr and no report files.
#include "verify/cli.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/kernels.hpp"
#include "tests/support/within_eps.hpp"

namespace fs = std::filesystem;
using zg::Mp;
using zg::test::WithinAbs;

namespace {

struct CliResult {
  int code;
  std::string out, err;
};

CliResult cli(std::vector<std::string> args) {
  args.insert(args.begin(), "verify");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = zg::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

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
