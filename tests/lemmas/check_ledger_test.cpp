// Tests for lemmas/check_ledger: the three verdict zones of an identity, bounds,
// statistical checks, and that the worst sub-check decides and explains the verdict.
#include "lemmas/check_ledger.hpp"

#include "tests/support/within_eps.hpp"

using zg::CheckLedger;
using zg::Mp;
using zg::Verdict;

TEST_CASE("identity tolerance is 10^-(digits - guard)", "[ledger]") {
  zg::ScopedDigits digits(50);
  CHECK(zg::identity_tolerance(50, 8) == pow(Mp(10), -42));
}

TEST_CASE("an identity passes below tolerance, is inconclusive in the precision zone, fails above", "[ledger]") {
  zg::ScopedDigits digits(50);
  const Mp tol("1e-42");
  {
    CheckLedger l(50);
    l.identity("small", Mp("3e-45"), tol);
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Pass);
    CHECK(o.margin.value == Approx(std::log10(1e-42 / 3e-45)));  // display-only double
    CHECK(o.margin.unit == "digits");
  }
  {
    CheckLedger l(50);
    l.identity("lost digits?", Mp("1e-30"), tol);  // above tol, below 10^-25
    CHECK(l.finish({}).verdict == Verdict::Inconclusive);
  }
  {
    CheckLedger l(50);
    l.identity("false identity", Mp("1e-3"), tol);
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.margin.value < 0);
    CHECK(o.explanation.find("false identity") == 0);
  }
  {
    CheckLedger l(50);  // the same residual passes under a loose enough tolerance
    l.identity("false identity", Mp("1e-3"), Mp("1e-2"));
    CHECK(l.finish({}).verdict == Verdict::Pass);
  }
}

TEST_CASE("a NaN residual fails", "[ledger]") {
  zg::ScopedDigits digits(50);
  CheckLedger l(50);
  Mp nan = std::numeric_limits<Mp>::quiet_NaN();
  l.identity("nan", nan, Mp("1e-40"));
  l.at_most("nan bound", nan, Mp(1));
  CHECK(l.finish({}).verdict == Verdict::Fail);
}

TEST_CASE("a bound's margin is the room below it, in the value's unit, whatever the signs", "[ledger]") {
  zg::ScopedDigits digits(50);
  SECTION("a negative value with room to spare has a positive margin") {
    // sup |eta| - 1 = -1/2 against tau = 1e-40: half a unit of room, not "-39 digits".
    CheckLedger l(50);
    l.at_most("sup |eta| - 1", Mp("-0.5"), Mp("1e-40"));
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Pass);
    CHECK(o.margin.unit == "below bound");
    CHECK(o.margin.value == Approx(0.5).epsilon(1e-12));  // a double for display only
  }
  SECTION("a zero value has the bound itself as margin") {
    CheckLedger l(50);
    l.at_most("zero", Mp(0), Mp("0.25"));
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Pass);
    CHECK(o.margin.value == 0.25);
  }
  SECTION("a violation has a negative margin and decides the verdict") {
    CheckLedger l(50);
    l.at_most("comfortable", Mp("-3"), Mp(1));
    l.at_most("violated", Mp(2), Mp(1));
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.margin.value == -1);
    CHECK(o.explanation.rfind("violated", 0) == 0);
  }
  SECTION("the tightest of several bounds is the headline") {
    CheckLedger l(50);
    l.at_most("loose", Mp("-0.5"), Mp("1e-40"));
    l.at_most("tight", Mp("0.999"), Mp(1));
    CHECK(l.finish({}).margin.text.rfind("tight", 0) == 0);
  }
}

TEST_CASE("statistical checks count standard errors", "[ledger]") {
  zg::ScopedDigits digits(30);
  CheckLedger pass(30), fail(30);
  pass.statistical("mc", Mp("0.0039"), Mp("0.001"), 4);
  fail.statistical("mc", Mp("-0.0041"), Mp("0.001"), 4);
  CHECK(pass.finish({}).verdict == Verdict::Pass);
  const zg::CheckOutcome o = fail.finish({});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("4.1 standard errors") != std::string::npos);
}

TEST_CASE("the worst sub-check decides; every sub-check is explained", "[ledger]") {
  zg::ScopedDigits digits(50);
  CheckLedger l(50);
  l.identity("first", Mp("1e-48"), Mp("1e-42"));
  l.at_most("second", Mp(2), Mp(1));
  l.identity("third", Mp("1e-44"), Mp("1e-42"));
  const zg::CheckOutcome o = l.finish({zg::measurement("x", Mp(1), "one")});
  CHECK(o.verdict == Verdict::Fail);
  CHECK(o.explanation.find("second") == 0);
  CHECK(o.explanation.find("first") != std::string::npos);
  CHECK(o.explanation.find("third") != std::string::npos);
  REQUIRE(o.measurements.size() == 1);
  CHECK(o.measurements[0].value.find("1.0000000000") == 0);
}

TEST_CASE("a ledger with no sub-check is inconclusive, never a pass", "[ledger]") {
  CheckLedger l(50);
  CHECK(l.finish({}).verdict == Verdict::Inconclusive);
}
