// Tests for lemmas/claim_results.hpp: a product is computed once per store, also under
// concurrent first requests; a failed computation is retried; a grant refuses a product
// its claim did not declare; and no lemma source keeps a static result cache (issue 11),
// with the scanner itself shown to catch the cache that used to be there.
#include "lemmas/claim_results.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

using zg::ClaimResults;
using zg::Product;
using zg::ResultGrant;

TEST_CASE("a product is computed once per store and key", "[claim-results]") {
  ClaimResults results;
  int computed = 0;
  auto compute = [&] { return ++computed * 10; };
  const auto a = results.get<int>(Product::NewtonOptimum, 1, compute);
  const auto b = results.get<int>(Product::NewtonOptimum, 1, compute);
  CHECK(a == b);  // the same object, not an equal copy
  CHECK(*a == 10);
  CHECK(computed == 1);
  CHECK(results.computations(Product::NewtonOptimum) == 1);
  // Another key, or the same key of another kind, is another product.
  CHECK(*results.get<int>(Product::NewtonOptimum, 2, compute) == 20);
  CHECK(*results.get<int>(Product::StageTwoNetwork, 1, compute) == 30);
  CHECK(results.computations(Product::NewtonOptimum) == 2);
  CHECK(results.computations(Product::StageTwoNetwork) == 1);
  CHECK(results.computations(Product::DecayProof) == 0);
  // A second store (another run) shares nothing with the first.
  ClaimResults other;
  CHECK(*other.get<int>(Product::NewtonOptimum, 1, compute) == 40);
}

TEST_CASE("concurrent first requests compute a product once", "[claim-results]") {
  ClaimResults results;
  std::atomic<int> computed{0};
  std::vector<std::shared_ptr<const int>> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      seen[t] = results.get<int>(Product::DecaySearch, 7, [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the others arrive meanwhile
        return ++computed;
      });
    });
  for (std::thread& t : threads) t.join();
  CHECK(computed == 1);
  for (const auto& p : seen) CHECK(p == seen.front());
}

TEST_CASE("a product whose computation throws is computed again on the next request", "[claim-results]") {
  ClaimResults results;
  int attempts = 0;
  auto flaky = [&]() -> int {
    if (++attempts == 1) throw std::runtime_error("first attempt fails");
    return 5;
  };
  CHECK_THROWS_AS(results.get<int>(Product::Certificate, 0, flaky), std::runtime_error);
  CHECK(results.computations(Product::Certificate) == 0);
  CHECK(*results.get<int>(Product::Certificate, 0, flaky) == 5);
  CHECK(attempts == 2);
}

TEST_CASE("a grant gives the declared products and their inputs, and refuses the rest", "[claim-results][must-fail]") {
  ClaimResults results;
  const ResultGrant d4(results, "D4", {Product::TestFunctionBound});
  auto one = [] { return 1; };
  // The bound is computed from the proof, the search and the certificate: all granted.
  for (Product p : {Product::TestFunctionBound, Product::DecayProof, Product::DecaySearch, Product::Certificate})
    CHECK(*d4.get<int>(p, 0, one) == 1);
  try {
    d4.get<int>(Product::StageTwoNetwork, 0, one);
    FAIL("an undeclared product was handed out");
  } catch (const std::logic_error& e) {
    CHECK(std::string(e.what()).find("D4") != std::string::npos);
    CHECK(std::string(e.what()).find("stage-2 network") != std::string::npos);
  }
  CHECK(results.computations(Product::StageTwoNetwork) == 0);
  const ResultGrant none(results, "H1", {});
  CHECK_THROWS_AS(none.get<int>(Product::Certificate, 0, one), std::logic_error);
}

namespace {

// Lines of `text` declaring a variable of static storage duration that could carry results
// from one claim (or run) to the next: `static` or `thread_local` other than static_cast,
// static_assert, static_pointer_cast, a `static constexpr` constant, the built-in registry,
// the list of bound checks (claim_registry.*: the claims' code, not their results) and the
// immutable tables of setting declarations (*_settings.cpp: built once, never written).
std::vector<std::string> static_state_lines(const std::string& text) {
  static const std::regex storage(R"(\b(static|thread_local)\b(?!_))");  // a compiled pattern, not a result
  static const std::regex allowed(
      R"(static\s+constexpr\b|static\s+const\s+ClaimRegistry\s*(&\s*builtin\s*\(|registry\b)|)"
      R"(static\s+std::vector<CheckBinding>\s+bindings\b|)"
      R"(static\s+const\s+SettingTable<\w+>\s+table\b|)"
      R"(static\s+Setting\s+docs_only\s*\()");  // a named constructor (a function), not a variable
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const std::string code = line.substr(0, line.find("//"));
    if (std::regex_search(code, storage) && !std::regex_search(code, allowed)) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("the static-state scanner catches the result cache D4 used to keep", "[claim-results][must-fail]") {
  // lemmas/test_function_checks.cpp before issue 11.
  const std::string old = "  static std::mutex mutex;\n"
                          "  static std::map<std::string, TestFunctionBound> cache;\n"
                          "  const std::string key = bound_key(c, ctx);\n";
  CHECK(static_state_lines(old).size() == 2);
  CHECK(static_state_lines("thread_local std::vector<Mp> scratch;").size() == 1);
  CHECK(static_state_lines("  static const TestFunctionBound b = compute();").size() == 1);
  CHECK(static_state_lines("const int n = static_cast<int>(m);  // static caches: none").empty());
  CHECK(static_state_lines("static constexpr int kSteps = 300;").empty());
  CHECK(static_state_lines("  static const SettingTable<S> table{").empty());
  CHECK(static_state_lines("  static SettingTable<S> table{").size() == 1);  // writable: could carry a run's edits
  CHECK(static_state_lines("  static Setting docs_only(std::string key_, std::string type) {").empty());
  CHECK(static_state_lines("  static Setting last_read;").size() == 1);
}

TEST_CASE("no lemma module keeps static state between claims or runs", "[claim-results]") {
  const std::filesystem::path dir = std::filesystem::path(ZG_SOURCE_DIR) / "lemmas";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    ++files;
    for (const std::string& line : static_state_lines(text.str())) FAIL_CHECK(entry.path().filename().string() + ": " + line);
  }
  CHECK(files > 20);  // the scan saw the modules
}
