// Tests for verify/confirmed_values.hpp: which of a claim's values a second, more precise
// run confirms, what is done to the others, and a verdict that changes with precision.
#include "verify/confirmed_values.hpp"

#include <catch2/catch.hpp>

#include "core/numeric_types.hpp"

namespace {

zg::ClaimResult result_at(unsigned digits, zg::Verdict verdict, std::vector<zg::Measurement> values) {
  zg::ClaimResult r;
  r.id = "X1";
  r.digits = digits;
  r.verdict = verdict;
  r.explanation = "because";
  r.measurements = std::move(values);
  return r;
}

const zg::Measurement& named(const zg::ClaimResult& r, const std::string& name) {
  for (const zg::Measurement& m : r.measurements)
    if (m.name == name) return m;
  FAIL("no measurement " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("confirm_values cuts the digits the higher run does not confirm, and only those", "[confirm]") {
  zg::ClaimResult shown = result_at(20,
                                    zg::Verdict::Pass,
                                    {{"stable", "3.3333333333333333333e-01", "", "", ""},
                                     {"moved", "1.2345678901234567890e+00", "", "", ""},
                                     {"with_error", "2.0000000000000000001e+00", "1e-3", "", ""},
                                     {"count", "123", "", "", ""},
                                     {"time", "1.5", "", "s", ""},
                                     {"word", "converged", "", "", ""},
                                     {"absent_above", "7.5", "", "", ""}});
  const zg::ClaimResult higher = result_at(30,
                                           zg::Verdict::Pass,
                                           {{"stable", "3.33333333333333333333333333333e-01", "", "", ""},
                                            {"moved", "1.23456789012399999999999999999e+00", "", "", ""},
                                            {"with_error", "2.00000000000000000000000000000e+00", "1e-3", "", ""},
                                            {"count", "125", "", "", ""},
                                            {"time", "9.0", "", "s", ""},
                                            {"word", "diverged", "", "", ""}});
  const zg::ValueConfirmation c = zg::confirm_values(shown, higher);
  CHECK(c.compared == 3);
  CHECK(c.shortened == 2);
  CHECK_FALSE(c.verdict_changed);
  CHECK(shown.verdict == zg::Verdict::Pass);
  CHECK(shown.confirmed_digits == 30);

  CHECK(named(shown, "stable").value == "3.3333333333333333333e-01");
  CHECK(named(shown, "stable").error.empty());
  CHECK(named(shown, "moved").value == "1.23456789012e+00");  // the 12 digits both print
  CHECK_FALSE(named(shown, "moved").error.empty());
  // The error already stated (1e-3) is larger than the gap (1e-19): it stays.
  CHECK(named(shown, "with_error").value == "2.000000000000000000e+00");
  CHECK(named(shown, "with_error").error == "1e-3");
  // Counts, times, words and values the higher run lacks are facts of this run: untouched.
  CHECK(named(shown, "count").value == "123");
  CHECK(named(shown, "time").value == "1.5");
  CHECK(named(shown, "word").value == "converged");
  CHECK(named(shown, "absent_above").value == "7.5");
}

TEST_CASE("a verdict that changes with the precision is not earned: INCONCLUSIVE, saying both", "[confirm]") {
  zg::ClaimResult shown = result_at(50, zg::Verdict::Pass, {});
  zg::ClaimResult higher = result_at(62, zg::Verdict::Fail, {});
  higher.explanation = "residual 1e-40 > tolerance 1e-45";
  const zg::ValueConfirmation c = zg::confirm_values(shown, higher);
  CHECK(c.verdict_changed);
  CHECK(shown.verdict == zg::Verdict::Inconclusive);
  CHECK(shown.explanation.find("PASS at 50 digits, FAIL at 62") != std::string::npos);
  CHECK(shown.explanation.find("residual 1e-40 > tolerance 1e-45") != std::string::npos);
}

TEST_CASE("confirming_digits adds a quarter, and at least ten digits", "[confirm]") {
  CHECK(zg::confirming_digits(16) == 26);
  CHECK(zg::confirming_digits(50) == 62);
  CHECK(zg::confirming_digits(200) == 250);
}
