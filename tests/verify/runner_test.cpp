// Tests for verify/runner: claim resolution, precision escalation (Ziv's strategy), a
// throwing check becoming FAIL, the exit code of a run, and SKIPPED for a claim whose
// required claims did not pass (each requirement evaluated once per run).
#include "verify/runner.hpp"

#include <cmath>

#include "core/input_error.hpp"
#include "lemmas/check_ledger.hpp"
#include "tests/support/within_eps.hpp"

using zg::CheckContext;
using zg::CheckOutcome;
using zg::ClaimSpec;
using zg::Mp;
using zg::Verdict;

namespace {

ClaimSpec claim(const std::string& id, std::function<CheckOutcome(const CheckContext&)> check) {
  ClaimSpec c;
  c.id = id;
  c.title = "test claim " + id;
  c.module = "test";
  c.check = std::move(check);
  return c;
}

zg::ProblemSpec empty_problem() { return zg::ProblemSpec{}; }

}  // namespace

TEST_CASE("claim ids resolve case-insensitively, in the order given, without duplicates", "[runner]") {
  const zg::ClaimRegistry& r = zg::ClaimRegistry::builtin();
  const auto all = zg::resolve_claims(r, {}, "--claims");
  REQUIRE(all.size() == r.claims().size());
  const auto some = zg::resolve_claims(r, {"h3", "H1", "H3"}, "--claims");
  REQUIRE(some.size() == 2);
  CHECK(some[0]->id == "H3");
  CHECK(some[1]->id == "H1");
  try {
    zg::resolve_claims(r, {"H1", "Q7"}, "--claims");
    FAIL("unknown id accepted");
  } catch (const zg::InputError& e) {
    CHECK(std::string(e.what()).find("--claims") != std::string::npos);
    CHECK(std::string(e.what()).find("Q7") != std::string::npos);
  }
}

TEST_CASE("an inconclusive identity is retried at twice the digits", "[runner]") {
  // The residual shrinks when digits are added, as a true identity's does: 1e-35 at 50
  // digits is inconclusive (above the tolerance 1e-40, below the floor 1e-25); 1e-120 at
  // 100 digits passes (tolerance 1e-90).
  const ClaimSpec c = claim("T1", [](const CheckContext& ctx) {
    zg::CheckLedger l(ctx.digits);
    const Mp residual = ctx.digits == 50 ? Mp("1e-35") : Mp("1e-120");
    l.identity("shrinks with eps", residual, zg::identity_tolerance(ctx.digits, 10));
    return l.finish({});
  });
  const zg::ClaimResult r = zg::run_claim(c, empty_problem(), 50, 1, 2);
  CHECK(r.verdict == Verdict::Pass);
  CHECK(r.digits == 100);
  CHECK(r.explanation.find("precision raised from 50 to 100") != std::string::npos);
}

TEST_CASE("a false identity stays inconclusive, then fails, as precision rises", "[runner]") {
  const ClaimSpec c = claim("T2", [](const CheckContext& ctx) {
    zg::CheckLedger l(ctx.digits);
    l.identity("constant residual", Mp("1e-30"), zg::identity_tolerance(ctx.digits, 5));
    return l.finish({});
  });
  const zg::ClaimResult r = zg::run_claim(c, empty_problem(), 50, 1, 2);
  CHECK(r.verdict == Verdict::Fail);
  CHECK(r.digits == 100);
}

TEST_CASE("escalation stops at its budget and reports INCONCLUSIVE", "[runner]") {
  const ClaimSpec c = claim("T3", [](const CheckContext& ctx) {
    CheckOutcome o;
    o.verdict = Verdict::Inconclusive;
    o.precision_may_help = true;
    o.explanation = "never settles at " + std::to_string(ctx.digits);
    return o;
  });
  const zg::ClaimResult r = zg::run_claim(c, empty_problem(), 40, 1, 2);
  CHECK(r.verdict == Verdict::Inconclusive);
  CHECK(r.digits == 160);
}

TEST_CASE("an inconclusive result that more digits cannot settle is not retried", "[runner]") {
  int runs = 0;
  const ClaimSpec c = claim("T3b", [&runs](const CheckContext&) {
    ++runs;
    CheckOutcome o;
    o.verdict = Verdict::Inconclusive;  // e.g. a proof that does not cover the domain
    o.explanation = "not covered";
    return o;
  });
  const zg::ClaimResult r = zg::run_claim(c, empty_problem(), 40, 1, 2);
  CHECK(r.verdict == Verdict::Inconclusive);
  CHECK(r.digits == 40);
  CHECK(runs == 1);
}

TEST_CASE("a check that throws is a FAIL with the message; InputError propagates", "[runner]") {
  const ClaimSpec broken = claim("T4", [](const CheckContext&) -> CheckOutcome {
    throw std::runtime_error("matrix is singular");
  });
  const zg::ClaimResult r = zg::run_claim(broken, empty_problem(), 30, 1, 2);
  CHECK(r.verdict == Verdict::Fail);
  CHECK(r.explanation.find("matrix is singular") != std::string::npos);
  // Nothing was measured, so no margin is reported (it was "0 digits", a number nobody computed).
  CHECK(std::isnan(r.margin.value));
  CHECK(r.margin.unit == "condition");

  const ClaimSpec bad_input = claim("T5", [](const CheckContext&) -> CheckOutcome {
    throw zg::InputError("cfg.toml", "teacher", "bad", "fix it");
  });
  CHECK_THROWS_AS(zg::run_claim(bad_input, empty_problem(), 30, 1, 2), zg::InputError);
}

TEST_CASE("the working precision is set for the check and restored after", "[runner]") {
  const unsigned before = Mp::default_precision();
  unsigned seen = 0;
  const ClaimSpec c = claim("T6", [&seen](const CheckContext&) {
    seen = Mp::default_precision();
    zg::CheckLedger l(77);
    l.at_most("trivial", Mp(0), Mp(1));
    return l.finish({});
  });
  zg::run_claim(c, empty_problem(), 77, 1, 0);
  CHECK(seen == 77);
  CHECK(Mp::default_precision() == before);
}

TEST_CASE("a run's report carries provenance and the exit code follows the verdicts", "[runner]") {
  zg::RunConfig config;
  config.source = "<test>";
  config.text = "digits = 30";
  const ClaimSpec pass = claim("P", [](const CheckContext& ctx) {
    zg::CheckLedger l(ctx.digits);
    l.at_most("fine", Mp(0), Mp(1));
    return l.finish({});
  });
  const ClaimSpec fail = claim("F", [](const CheckContext& ctx) {
    zg::CheckLedger l(ctx.digits);
    l.at_most("broken", Mp(2), Mp(1));
    return l.finish({});
  });
  zg::RunRequest req;
  req.config = &config;
  req.claims = {&pass, &fail};
  req.digits = 30;
  req.seed = 9;
  std::vector<std::string> progress_log;
  const zg::RunReport report = zg::run_claims(req, [&](std::size_t i, std::size_t n, const ClaimSpec& c, const zg::ClaimResult* done) {
    progress_log.push_back(c.id + (done ? " done" : " start") + " " + std::to_string(i + 1) + "/" + std::to_string(n));
  });
  REQUIRE(report.claims.size() == 2);
  CHECK(report.seed == 9);
  CHECK(report.config_source == "<test>");
  CHECK(!report.git_commit.empty());
  CHECK(!report.started_at.empty());
  CHECK(progress_log == std::vector<std::string>{"P start 1/2", "P done 1/2", "F start 2/2", "F done 2/2"});
  CHECK(zg::exit_code_for(zg::summarize(report.claims)) == 1);
}

namespace {

// A registry of fake claims for the requirement tests: "OK" passes, "BAD" fails, and each
// counts how often it is evaluated.
struct RequirementFixture {
  int ok_runs = 0, bad_runs = 0;
  zg::ClaimRegistry registry;
  zg::RunConfig config;

  RequirementFixture() {
    registry.add(claim("OK", [this](const CheckContext& ctx) {
      ++ok_runs;
      zg::CheckLedger l(ctx.digits);
      l.at_most("fine", Mp(0), Mp(1));
      return l.finish({});
    }));
    registry.add(claim("BAD", [this](const CheckContext& ctx) {
      ++bad_runs;
      zg::CheckLedger l(ctx.digits);
      l.require("teacher", false, "directions coincide");
      return l.finish({});
    }));
    config.source = "<test>";
  }

  // A claim that passes when run, requiring `ids`.
  ClaimSpec dependent(const std::string& id, std::vector<std::string> ids) {
    ClaimSpec c = claim(id, [](const CheckContext& ctx) {
      zg::CheckLedger l(ctx.digits);
      l.at_most("fine", Mp(0), Mp(1));
      return l.finish({});
    });
    c.requires_claims = std::move(ids);
    return c;
  }

  zg::RunReport run(const std::vector<const ClaimSpec*>& claims) {
    zg::RunRequest req;
    req.config = &config;
    req.claims = claims;
    req.registry = &registry;
    req.digits = 30;
    req.confirm_values = false;  // the counts below are of the runs that decide
    return zg::run_claims(req, nullptr);
  }
};

}  // namespace

TEST_CASE("a claim whose requirement fails is SKIPPED with the reason, and not run", "[runner][requires]") {
  RequirementFixture f;
  bool ran = false;
  ClaimSpec d = f.dependent("D", {"OK", "BAD"});
  d.check = [&ran](const CheckContext&) -> CheckOutcome {
    ran = true;
    return CheckOutcome{};
  };
  const zg::RunReport report = f.run({&d});
  // The passing requirement OK stays out of the report; the failing one, BAD, joins it
  // after the requested claims, so the run cannot look clean and exits 1.
  REQUIRE(report.claims.size() == 2);
  const zg::ClaimResult& r = report.claims[0];
  CHECK(r.id == "D");
  CHECK(r.verdict == Verdict::Skipped);
  CHECK(r.explanation == "skipped: requires BAD, which FAILED: teacher: directions coincide");
  CHECK(r.digits == 0);
  CHECK(report.claims[1].id == "BAD");
  CHECK(report.claims[1].verdict == Verdict::Fail);
  CHECK(report.claims[1].explanation.find("(run as a requirement") == 0);
  CHECK(zg::exit_code_for(zg::summarize(report.claims)) == 1);
  CHECK_FALSE(ran);
  CHECK(f.ok_runs == 1);
  CHECK(f.bad_runs == 1);
}

TEST_CASE("a claim whose requirements pass runs normally", "[runner][requires]") {
  RequirementFixture f;
  const ClaimSpec d = f.dependent("D", {"ok"});  // ids are looked up case-insensitively
  const zg::RunReport report = f.run({&d});
  REQUIRE(report.claims.size() == 1);
  CHECK(report.claims[0].verdict == Verdict::Pass);
  CHECK(report.claims[0].digits == 30);
  CHECK(f.ok_runs == 1);
}

TEST_CASE("a required claim is evaluated once per run, before or after it is requested", "[runner][requires]") {
  RequirementFixture f;
  const ClaimSpec d1 = f.dependent("D1", {"BAD"});
  const ClaimSpec d2 = f.dependent("D2", {"BAD", "OK"});
  const ClaimSpec* bad = f.registry.find("BAD");
  const ClaimSpec* ok = f.registry.find("OK");
  const zg::RunReport report = f.run({&d1, bad, &d2, ok});
  REQUIRE(report.claims.size() == 4);
  CHECK(report.claims[0].verdict == Verdict::Skipped);
  CHECK(report.claims[1].id == "BAD");
  CHECK(report.claims[1].verdict == Verdict::Fail);
  CHECK(report.claims[2].verdict == Verdict::Skipped);
  CHECK(report.claims[3].verdict == Verdict::Pass);
  CHECK(f.bad_runs == 1);
  CHECK(f.ok_runs == 1);
  CHECK(zg::exit_code_for(zg::summarize(report.claims)) == 1);
}

TEST_CASE("a skipped requirement propagates, and a broken requirement graph is a logic error", "[runner][requires]") {
  RequirementFixture f;
  f.registry.add(f.dependent("MID", {"BAD"}));
  const ClaimSpec top = f.dependent("TOP", {"MID"});
  const zg::RunReport report = f.run({&top});
  CHECK(report.claims[0].verdict == Verdict::Skipped);
  CHECK(report.claims[0].explanation.find("skipped: requires MID, which was SKIPPED: skipped: requires BAD") == 0);

  f.registry.add(f.dependent("LOOP1", {"LOOP2"}));
  f.registry.add(f.dependent("LOOP2", {"LOOP1"}));
  CHECK_THROWS_AS(f.run({f.registry.find("LOOP1")}), std::logic_error);
  const ClaimSpec orphan = f.dependent("ORPHAN", {"NOPE"});
  CHECK_THROWS_AS(f.run({&orphan}), std::logic_error);
}

TEST_CASE("the built-in registry lists A1 first", "[runner][requires]") {
  const zg::ClaimRegistry& r = zg::ClaimRegistry::builtin();
  REQUIRE(!r.claims().empty());
  CHECK(r.claims().front().id == "A1");
  for (const ClaimSpec& c : r.claims())
    for (const std::string& id : c.requires_claims) CHECK(r.find(id) != nullptr);
}

namespace {

// A run of `claims` at 30 digits with the values confirmed (the default).
zg::RunReport confirmed_run(const std::vector<const ClaimSpec*>& claims) {
  static const zg::ClaimRegistry registry;
  static zg::RunConfig config;
  zg::RunRequest req;
  req.config = &config;
  req.registry = &registry;
  req.claims = claims;
  req.digits = 30;
  return zg::run_claims(req, nullptr);
}

// A check measuring one value computed by `value(digits)`.
ClaimSpec measuring(const std::string& id, std::function<Mp(unsigned)> value, int& runs) {
  return claim(id, [value, &runs](const CheckContext& ctx) {
    ++runs;
    zg::CheckLedger l(ctx.digits);
    l.at_most("fine", Mp(0), Mp(1));
    return l.finish({zg::measurement("value", value(ctx.digits), "the value")});
  });
}

}  // namespace

TEST_CASE("report values keep only the digits a run at higher precision confirms", "[runner][confirm]") {
  int runs = 0;
  // Exact at every precision: 1/3 to every digit computed.
  const ClaimSpec exact = measuring("E", [](unsigned) { return Mp(1) / 3; }, runs);
  // Converged only to half the digits, as a solver stopped at 10^-(digits/2) is: at 30
  // digits 1/3 + 1e-15, at the confirming 40, 1/3 + 1e-20. Printed at 30 digits it would
  // show 15 wrong ones.
  const ClaimSpec half = measuring(
      "HALF", [](unsigned digits) { return Mp(Mp(1) / 3 + pow(Mp(10), -static_cast<int>(digits / 2))); }, runs);
  const zg::RunReport report = confirmed_run({&exact, &half});
  CHECK(runs == 4);  // each claim twice: at 30 digits and at confirming_digits(30) = 40
  REQUIRE(report.claims.size() == 2);
  const zg::ScopedDigits thirty(30);  // the expected texts, made at the run's precision
  const zg::Measurement& e = report.claims[0].measurements.at(0);
  CHECK(report.claims[0].confirmed_digits == 40);
  CHECK(e.value == zg::to_decimal(Mp(1) / 3, 30));  // all 30 digits stand
  CHECK(e.error.empty());
  const zg::Measurement& h = report.claims[1].measurements.at(0);
  CHECK(h.value == "3.3333333333333e-01");  // 14 digits: at 15 the two print ...334 and ...333
  REQUIRE_FALSE(h.error.empty());
  // The error covers the printed value's distance from both runs, rounded up, no more.
  const zg::ScopedDigits precision(60);
  const Mp printed(h.value), error(h.error), third = Mp(1) / 3;
  CHECK(error >= abs(printed - Mp(third + Mp("1e-15"))));
  CHECK(error >= abs(printed - Mp(third + Mp("1e-20"))));
  CHECK(error < Mp("4.5e-15"));
}

TEST_CASE("a certified claim's values are not rerun: they are the bounds it proved", "[runner][confirm]") {
  int runs = 0;
  ClaimSpec proved = measuring(
      "PR", [](unsigned digits) { return Mp(1 + pow(Mp(10), -static_cast<int>(digits / 2))); }, runs);
  proved.rigor = zg::Rigor::Certified;
  const zg::RunReport report = confirmed_run({&proved});
  CHECK(runs == 1);
  CHECK(report.claims.at(0).confirmed_digits == 0);
  const zg::ScopedDigits thirty(30);
  CHECK(report.claims.at(0).measurements.at(0).value == zg::to_decimal(Mp(1 + Mp("1e-15")), 30));
}

TEST_CASE("a verdict that flips between the two precisions is INCONCLUSIVE", "[runner][confirm][must-fail]") {
  // Passes at 30 digits, fails at 40: a verdict the precision decides is not earned.
  const ClaimSpec flips = claim("FL", [](const CheckContext& ctx) {
    zg::CheckLedger l(ctx.digits);
    l.at_most("bound", Mp(ctx.digits == 30 ? 0 : 2), Mp(1));
    return l.finish({});
  });
  const zg::RunReport report = confirmed_run({&flips});
  CHECK(report.claims.at(0).verdict == Verdict::Inconclusive);
  CHECK(report.claims.at(0).explanation.find("PASS at 30 digits, FAIL at 40") != std::string::npos);
}
