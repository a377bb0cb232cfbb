// The real `verify` binary on the report features of issue 6: the same configuration and
// seed give byte-identical JSON apart from the time fields; `verify report --from`
// re-renders without recomputing and refuses truncated or foreign JSON (exit 2, nothing
// written); --baseline with --fail-on regression gates on a moved measurement; a PDF of a
// real run compiles with the expected pages and claim sections; and a missing LaTeX
// toolchain names the package while the other formats are still written.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/shell.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

const std::string kVerify = ZG_VERIFY_EXE;
// Fast claims with a figure (D2) and a wall-clock measurement (D2c's certified_seconds).
const std::string kClaims = "A1,H2,D1,D2,D2c";

using zg::test::shell;

fs::path fresh_dir(const std::string& name) { return zg::test::fresh_dir("zg-report-cmd", name); }

std::string read_file(const fs::path& p) { return zg::test::read_whole(p); }

/// One run of the binary into `out`; returns its exit status. Output goes to out.log.
int run(const fs::path& out, const std::string& extra = "") {
  return shell(kVerify + " run --claims " + kClaims + " --digits 40 --seed 7 --out " + out.string() + " " + extra +
               " > " + out.string() + ".log 2>&1");
}

/// The time fields of report.json (docs/report-json.md "Time fields") set to fixed values.
std::string without_time_fields(const std::string& text) {
  Json j = Json::parse(text);
  j["started_at"] = "T";
  j["seconds"] = 0;
  for (Json& c : j["claims"]) {
    c["seconds"] = 0;
    for (auto& [name, m] : c["measurements"].items())
      if (m["unit"] == "s") m["value"] = "0";
  }
  return j.dump(2);
}

/// Lines of `a` and `b` (same count required) that differ.
std::vector<std::string> differing_lines(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  std::vector<std::string> out;
  while (std::getline(sa, la)) {
    if (!std::getline(sb, lb)) return {"<b is shorter>"};
    if (la != lb) out.push_back(la);
  }
  if (std::getline(sb, lb)) out.push_back("<b is longer>");
  return out;
}

}  // namespace

TEST_CASE("the same configuration and seed give byte-identical JSON apart from the time fields", "[report][e2e]") {
  const fs::path a = fresh_dir("repro-a"), b = fresh_dir("repro-b");
  REQUIRE(run(a, "--format json") == 0);
  REQUIRE(run(b, "--format json") == 0);
  const std::string ja = read_file(a / "report.json"), jb = read_file(b / "report.json");
  CHECK(without_time_fields(ja) == without_time_fields(jb));
  // Raw bytes: only the lines of time fields may differ.
  const std::regex time_line(R"re(^\s*"(started_at|seconds|value)": .*$)re");
  for (const std::string& line : differing_lines(ja, jb)) {
    INFO(line);
    CHECK(std::regex_match(line, time_line));
  }
  // The provenance is all there.
  const Json j = Json::parse(ja);
  for (const char* lib : {"boost", "mpfr", "gmp", "mpfi", "eigen"})
    CHECK_FALSE(j["build"]["libraries"][lib].get<std::string>().empty());
  CHECK(j["config"]["sha256"].get<std::string>().size() == 64);
  CHECK_FALSE(j["build"]["compiler"].get<std::string>().empty());
  CHECK(j["seed"] == 7);
  fs::remove_all(a);
  fs::remove_all(b);
  fs::remove(a.string() + ".log");
  fs::remove(b.string() + ".log");
}

TEST_CASE("verify report re-renders a run without recomputing it, and refuses bad JSON", "[report][e2e]") {
  const fs::path src = fresh_dir("src"), dst = fresh_dir("dst");
  REQUIRE(run(src, "--format json,md") == 0);
  const std::string json = read_file(src / "report.json");

  SECTION("md, tex, junit and json again, with the figures' files copied") {
    REQUIRE(shell(kVerify + " report --from " + (src / "report.json").string() + " --format md,json,junit,tex --out " +
                  dst.string() + " > " + dst.string() + ".log 2>&1") == 0);
    CHECK(read_file(dst / "report.json") == json);  // nothing recomputed, byte for byte
    CHECK(read_file(dst / "report.md") == read_file(src / "report.md"));
    CHECK(fs::exists(dst / "report.junit.xml"));
    CHECK(fs::exists(dst / "D2_eta_circle.csv"));  // what the LaTeX figures read
    CHECK(read_file(dst / "report.tex").find("D2_eta_circle.csv") != std::string::npos);
  }
  SECTION("truncated JSON: one line naming the problem, exit 2, nothing written") {
    const fs::path cut = src / "cut.json";
    std::ofstream(cut) << json.substr(0, json.size() / 2);
    const fs::path err = dst.string() + ".err";
    CHECK(shell(kVerify + " report --from " + cut.string() + " --format md,tex --out " + dst.string() + " 2> " +
                err.string()) == 2);
    CHECK_FALSE(fs::exists(dst));
    const std::string message = read_file(err);
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
    CHECK(message.find("cut.json") != std::string::npos);
    CHECK(message.find("not valid JSON") != std::string::npos);
    fs::remove(err);
  }
  SECTION("foreign JSON and a missing file: exit 2, nothing written") {
    const fs::path foreign = src / "package.json";
    std::ofstream(foreign) << R"({"name": "left-pad", "version": "1.3.0"})";
    const fs::path err = dst.string() + ".err";
    CHECK(shell(kVerify + " report --from " + foreign.string() + " --out " + dst.string() + " 2> " + err.string()) == 2);
    CHECK(read_file(err).find("not a report of verify") != std::string::npos);
    CHECK(shell(kVerify + " report --from " + (src / "nope.json").string() + " --out " + dst.string() + " 2> " +
                err.string()) == 2);
    CHECK(read_file(err).find("nope.json") != std::string::npos);
    CHECK_FALSE(fs::exists(dst));
    fs::remove(err);
  }
  fs::remove_all(src);
  fs::remove_all(dst);
  fs::remove(src.string() + ".log");
  fs::remove(dst.string() + ".log");
}

TEST_CASE("a run against a baseline with --fail-on regression exits 4 when a measurement moved", "[report][e2e][baseline]") {
  const fs::path base = fresh_dir("base"), again = fresh_dir("again"), moved = fresh_dir("moved");
  REQUIRE(run(base, "--format json") == 0);
  const std::string baseline = (base / "report.json").string();
  // The same run again: nothing moved, exit 0, the JSON says so.
  CHECK(run(again, "--format json,md --baseline " + baseline + " --fail-on regression") == 0);
  const Json j = Json::parse(read_file(again / "report.json"));
  CHECK(j["baseline"]["regressions"] == 0);
  CHECK(read_file(again / "report.md").find("no regression against the baseline") != std::string::npos);

  // A baseline whose rho_eta differs in the third digit, as an edit to the code might cause.
  Json edited = Json::parse(read_file(base / "report.json"));
  for (Json& c : edited["claims"])
    if (c["id"] == "D2") {
      std::string v = c["measurements"]["rho_eta"]["value"];
      std::size_t k = 0, significant = 0;
      for (; k < v.size(); ++k) {
        if (!std::isdigit(static_cast<unsigned char>(v[k]))) continue;
        if (significant > 0 || v[k] != '0') ++significant;
        if (significant == 3) break;
      }
      REQUIRE(k < v.size());
      v[k] = v[k] == '9' ? '8' : static_cast<char>(v[k] + 1);
      c["measurements"]["rho_eta"]["value"] = v;
    }
  const fs::path edited_path = base / "edited.json";
  std::ofstream(edited_path) << edited.dump(2) << "\n";
  CHECK(run(moved, "--format json,junit --baseline " + edited_path.string() + " --fail-on regression") == 4);
  const Json m = Json::parse(read_file(moved / "report.json"));
  REQUIRE(m["baseline"]["regressions"] == 1);
  CHECK(m["baseline"]["changes"][0]["item"] == "rho_eta");
  CHECK(m["baseline"]["changes"][0]["kind"] == "value_moved");
  CHECK(read_file(moved.string() + ".log").find("REGRESSION D2 rho_eta") != std::string::npos);
  // A real run's JUnit, baseline properties included, against the schema in the repository.
  if (shell("command -v xmllint > /dev/null") == 0)
    CHECK(shell("xmllint --noout --schema " + std::string(ZG_SOURCE_DIR) + "/reports/junit.xsd " +
                (moved / "report.junit.xml").string() + " 2>/dev/null") == 0);
  // Without the gate the same comparison reports but does not fail.
  CHECK(run(moved, "--format json --baseline " + edited_path.string()) == 0);
  for (const fs::path& p : {base, again, moved}) {
    fs::remove_all(p);
    fs::remove(p.string() + ".log");
  }
}

namespace {

bool have_latex() { return shell("command -v latexmk > /dev/null && command -v pdflatex > /dev/null") == 0; }

/// pdftotext's text of each page (pages are separated by form feeds).
std::vector<std::string> pdf_pages(const fs::path& pdf) {
  const fs::path txt = pdf.string() + ".txt";
  REQUIRE(shell("pdftotext -layout " + pdf.string() + " " + txt.string()) == 0);
  std::vector<std::string> pages;
  std::string text = read_file(txt);
  std::size_t begin = 0;
  for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', begin)) {
    pages.push_back(text.substr(begin, ff - begin));
    begin = ff + 1;
  }
  fs::remove(txt);
  return pages;
}

}  // namespace

TEST_CASE("the LaTeX of a real run compiles to a PDF with a page and a section per claim", "[report][e2e][pdf]") {
  if (!have_latex()) {
    // CI installs TeX Live through scripts/setup.sh; there its absence is a failure.
    if (std::getenv("CI") != nullptr) FAIL("latexmk/pdflatex missing: scripts/setup.sh installs them");
    WARN("latexmk or pdflatex not installed (scripts/setup.sh installs them): PDF not checked");
    return;
  }
  const fs::path out = fresh_dir("pdf");
  REQUIRE(run(out, "--format md,tex,tex-fragment,pdf") == 0);
  INFO(read_file(out.string() + ".log"));
  REQUIRE(fs::exists(out / "report.pdf"));
  CHECK_FALSE(fs::exists(out / "report.pdf.log"));
  for (const fs::directory_entry& e : fs::directory_iterator(out))
    CHECK(e.path().filename().string().rfind(".latex-", 0) != 0);  // the build folder is gone

  const std::vector<std::string> pages = pdf_pages(out / "report.pdf");
  // Title and summary, each of the 5 claims from a new page (\clearpage), D2's two figures
  // and the configuration: at least 8 pages; long explanations may add one per claim.
  CHECK(pages.size() >= 8);
  CHECK(pages.size() <= 13);
  const std::regex section(R"re(\n?\s*[0-9]+\s+(A1|H2|D1|D2|D2c)\s+—)re");
  int sections = 0;
  for (const std::string& page : pages) {
    std::smatch m;
    if (std::regex_search(page, m, section)) {
      ++sections;
      CHECK(page.substr(0, static_cast<std::size_t>(m.position(0))).find_first_not_of(" \n") == std::string::npos);
    }
  }
  CHECK(sections == 5);
  CHECK(pages.back().find("Configuration") != std::string::npos);
  CHECK(pages[0].find("Result: 5 passed, 0 failed") != std::string::npos);
  CHECK(pages[0].find("SHA-256") != std::string::npos);
  fs::remove_all(out);
  fs::remove(out.string() + ".log");
}

TEST_CASE("without a LaTeX toolchain --format pdf names the packages and the rest is written", "[report][e2e][pdf]") {
  const fs::path out = fresh_dir("nolatex");
  // An empty PATH: no latexmk, no pdflatex (and no gnuplot, which is only a warning).
  const int code = shell("env PATH=/nonexistent " + kVerify + " run --claims A1,H2 --digits 30 --out " + out.string() +
                         " --format md,json,pdf > " + out.string() + ".log 2>&1");
  const std::string log = read_file(out.string() + ".log");
  INFO(log);
  CHECK(code == 0);  // the verdicts decide a run's exit status
  CHECK(log.find("cannot make report.pdf") != std::string::npos);
  CHECK(log.find("texlive-latex-base") != std::string::npos);
  CHECK(fs::exists(out / "report.md"));
  CHECK(fs::exists(out / "report.json"));
  CHECK(fs::exists(out / "report.tex"));
  CHECK_FALSE(fs::exists(out / "report.pdf"));
  // `verify report`, whose only job is rendering, fails on it.
  const fs::path again = fresh_dir("nolatex-again");
  CHECK(shell("env PATH=/nonexistent " + kVerify + " report --from " + (out / "report.json").string() +
              " --format md,pdf --out " + again.string() + " > /dev/null 2>&1") == 2);
  CHECK(fs::exists(again / "report.md"));
  for (const fs::path& p : {out, again}) fs::remove_all(p);
  fs::remove(out.string() + ".log");
}
