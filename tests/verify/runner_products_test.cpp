// Tests for the products the runner shares between claims (lemmas/claim_results.hpp,
// issue 11): one computation per run however many claims need a product, a fresh store
// for every run, FAIL for a claim that asks for a product it did not declare, and D4's
// measurements the same whether it runs alone or after D2c hands it the proof.
#include "lemmas/claim_results.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "core/numeric_types.hpp"
#include "lemmas/check_ledger.hpp"
#include "tests/support/problems.hpp"
#include "verify/runner.hpp"

using zg::CheckContext;
using zg::CheckOutcome;
using zg::ClaimSpec;
using zg::Mp;
using zg::Product;
using zg::Verdict;

namespace {

// A claim that takes the stage-2 product (here an int counted by `computed`) and passes.
ClaimSpec consumer(const std::string& id, int& computed, std::vector<Product> needs) {
  ClaimSpec c;
  c.id = id;
  c.title = "consumer " + id;
  c.module = "test";
  c.needs = std::move(needs);
  c.check = [&computed](const CheckContext& ctx) {
    if (ctx.results == nullptr) throw std::logic_error("the runner gave no results");
    const int value = *ctx.results->get<int>(Product::StageTwoNetwork, ctx.digits, [&] { return ++computed; });
    zg::CheckLedger l(ctx.digits);
    l.at_most("the product is the first computation", Mp(value), Mp(1));
    return l.finish({});
  };
  return c;
}

const zg::ClaimResult* find(const zg::RunReport& report, const std::string& id) {
  for (const zg::ClaimResult& r : report.claims)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("two claims needing one product: it is computed once per run", "[runner][products]") {
  int computed = 0;
  const ClaimSpec a = consumer("PA", computed, {Product::StageTwoNetwork});
  const ClaimSpec b = consumer("PB", computed, {Product::StageTwoNetwork});
  zg::ClaimRegistry registry;
  zg::RunConfig config;
  zg::RunRequest req;
  req.config = &config;
  req.registry = &registry;
  req.claims = {&a, &b};
  req.digits = 30;
  req.confirm_values = false;  // counted below: the confirming runs have products of their own
  const zg::RunReport first = zg::run_claims(req, nullptr);
  CHECK(computed == 1);
  for (const zg::ClaimResult& r : first.claims) CHECK(r.verdict == Verdict::Pass);
  // The next run starts with nothing: its products are its own.
  zg::run_claims(req, nullptr);
  CHECK(computed == 2);
  // A claim run on its own computes the product itself.
  computed = 0;
  CHECK(zg::run_claim(a, config.problem, 30, 1, 0).verdict == Verdict::Pass);
  CHECK(computed == 1);
}

TEST_CASE("a claim asking for a product it did not declare fails, naming it", "[runner][products][must-fail]") {
  int computed = 0;
  const ClaimSpec undeclared = consumer("PX", computed, {Product::NewtonOptimum});
  const zg::ClaimResult r = zg::run_claim(undeclared, zg::ProblemSpec{}, 30, 1, 0);
  CHECK(r.verdict == Verdict::Fail);
  CHECK(r.explanation.find("stage-2 network") != std::string::npos);
  CHECK(r.explanation.find("PX") != std::string::npos);
  CHECK(computed == 0);
}

TEST_CASE("D2, D2c and D4 share one search, one proof and one bound in a run", "[runner][products][D4]") {
  const zg::ClaimRegistry& registry = zg::ClaimRegistry::builtin();
  zg::RunConfig config;
  config.problem = zg::test::default_like_problem();
  zg::ClaimResults results;
  zg::RunRequest req;
  req.config = &config;
  req.claims = zg::resolve_claims(registry, {"D2", "D2c", "D4"}, "--claims");
  req.digits = 30;
  req.results = &results;
  const zg::RunReport report = zg::run_claims(req, nullptr);
  for (const zg::ClaimResult& r : report.claims) CHECK(r.verdict == Verdict::Pass);
  CHECK(results.computations(Product::Certificate) == 1);
  CHECK(results.computations(Product::DecaySearch) == 1);
  CHECK(results.computations(Product::DecayProof) == 1);
  CHECK(results.computations(Product::TestFunctionBound) == 1);
}

TEST_CASE("D4 alone measures what D4 after D2c measures", "[runner][products][D4]") {
  const zg::ClaimRegistry& registry = zg::ClaimRegistry::builtin();
  zg::RunConfig config;
  config.problem = zg::test::default_like_problem();
  auto run = [&](const std::vector<std::string>& ids) {
    zg::RunRequest req;
    req.config = &config;
    req.claims = zg::resolve_claims(registry, ids, "--claims");
    req.digits = 30;
    return zg::run_claims(req, nullptr);
  };
  const zg::RunReport alone = run({"D4"});
  const zg::RunReport after = run({"D2c", "D4"});
  const zg::ClaimResult* a = find(alone, "D4");
  const zg::ClaimResult* b = find(after, "D4");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->verdict == Verdict::Pass);
  CHECK(a->verdict == b->verdict);
  CHECK(a->explanation == b->explanation);
  REQUIRE(a->measurements.size() == b->measurements.size());
  for (std::size_t k = 0; k < a->measurements.size(); ++k) {
    INFO(a->measurements[k].name);
    CHECK(a->measurements[k].name == b->measurements[k].name);
    CHECK(a->measurements[k].value == b->measurements[k].value);  // decimal strings: every digit
    CHECK(a->measurements[k].error == b->measurements[k].error);
  }
  // The proved constant, not the sampled one, in both.
  for (const zg::Measurement& m : a->measurements)
    if (m.name == "rho_used") CHECK(m.description.find("proved") != std::string::npos);
}
