// Tests for lemmas/check_ledger: the three verdict zones of an identity, bounds,
// statistical checks, and that the worst sub-check decides and explains the verdict.
#include "lemmas/check_ledger.hpp"

#include <cmath>
#include <limits>

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

TEST_CASE("a statistical margin is the standard errors to spare, whatever the sign of the difference", "[ledger]") {
  zg::ScopedDigits digits(30);
  // Display-only doubles: 1e-12 is far above the 30-digit arithmetic behind them.
  SECTION("a negative difference inside the band") {
    CheckLedger l(30);
    l.statistical("mc", Mp("-0.0039"), Mp("0.001"), 4);
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Pass);
    CHECK(o.margin.unit == "sigma");
    CHECK(o.margin.value == Approx(0.1).epsilon(1e-12));
  }
  SECTION("a zero difference has all k to spare") {
    CheckLedger l(30);
    l.statistical("mc", Mp(0), Mp("0.001"), 4);
    CHECK(l.finish({}).margin.value == Approx(4).epsilon(1e-12));
  }
  SECTION("a violation is short by the excess standard errors") {
    CheckLedger l(30);
    l.statistical("mc", Mp("-0.0041"), Mp("0.001"), 4);
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.margin.value == Approx(-0.1).epsilon(1e-12));
  }
  SECTION("no spread: exact agreement passes with k to spare, any difference fails unmeasured") {
    CheckLedger exact(30), off(30);
    exact.statistical("mc", Mp(0), Mp(0), 4);
    off.statistical("mc", Mp("1e-20"), Mp(0), 4);
    CHECK(exact.finish({}).verdict == Verdict::Pass);
    const zg::CheckOutcome o = off.finish({});
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.margin.value == -std::numeric_limits<double>::infinity());
  }
}

TEST_CASE("an identity's margin in digits: a negative residual, an exact zero, a violation", "[ledger]") {
  zg::ScopedDigits digits(50);
  const Mp tol("1e-42");
  SECTION("the sign of the residual does not matter") {
    CheckLedger l(50);
    l.identity("negative", Mp("-3e-45"), tol);
    CHECK(l.finish({}).margin.value == Approx(std::log10(1e-42 / 3e-45)).epsilon(1e-12));
  }
  SECTION("an exact zero claims no more digits than the working precision resolves") {
    // 0 counts as 10^-50 at 50 digits: 8 digits below tol, as a residual of 1e-50 would be
    // (the ledger used to report all 50 working digits, more than were ever computed).
    CheckLedger zero(50), unit(50);
    zero.identity("exact", Mp(0), tol);
    unit.identity("one unit", Mp("1e-50"), tol);
    const zg::CheckOutcome o = zero.finish({});
    CHECK(o.verdict == Verdict::Pass);
    CHECK(o.margin.value == Approx(8).epsilon(1e-12));
    CHECK(o.margin.value == Approx(unit.finish({}).margin.value).epsilon(1e-12));
  }
  SECTION("an exact zero is not the headline while a measured residual is there") {
    CheckLedger l(50);
    l.identity("exact", Mp(0), tol);
    l.identity("measured", Mp("1e-44"), tol);
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.margin.text.rfind("measured", 0) == 0);
    CHECK(o.margin.value == Approx(2).epsilon(1e-12));
  }
  SECTION("a violation misses by the digits it is short") {
    CheckLedger l(50);
    l.identity("false", Mp("-1e-3"), tol);
    const zg::CheckOutcome o = l.finish({});
    CHECK(o.verdict == Verdict::Fail);
    CHECK(o.margin.value == Approx(-39).epsilon(1e-12));
  }
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
