// Tests for core/claim_record.cpp: the text forms of verdicts and rigour levels, the
// per-verdict summary and the exit status of a run.
#include "core/claim_record.hpp"

#include <catch2/catch.hpp>

namespace zg {
namespace {

TEST_CASE("verdict and rigour names are the documented ones and read back", "[claim_record]") {
  const std::pair<Verdict, const char*> verdicts[] = {{Verdict::Pass, "PASS"},
                                                      {Verdict::Fail, "FAIL"},
                                                      {Verdict::Inconclusive, "INCONCLUSIVE"},
                                                      {Verdict::Skipped, "SKIPPED"}};
  for (const auto& [v, name] : verdicts) {
    CHECK(std::string(to_string(v)) == name);
    CHECK(verdict_from_string(name) == v);
  }
  const std::pair<Rigor, const char*> rigors[] = {{Rigor::Identity, "identity"},
                                                  {Rigor::Statistical, "statistical"},
                                                  {Rigor::Sampled, "sampled"},
                                                  {Rigor::Certified, "certified"},
                                                  {Rigor::Measured, "measured"},
                                                  {Rigor::Audit, "audit"}};
  for (const auto& [r, name] : rigors) {
    CHECK(std::string(to_string(r)) == name);
    CHECK(rigor_from_string(name) == r);
  }
}

TEST_CASE("unknown verdict and rigour names are refused, case included", "[claim_record]") {
  CHECK_FALSE(verdict_from_string("pass").has_value());
  CHECK_FALSE(verdict_from_string("").has_value());
  CHECK_FALSE(verdict_from_string("PASSED").has_value());
  CHECK_FALSE(rigor_from_string("Identity").has_value());
  CHECK_FALSE(rigor_from_string("proved").has_value());
}

std::vector<ClaimResult> claims_with(std::initializer_list<Verdict> verdicts) {
  std::vector<ClaimResult> claims;
  for (const Verdict v : verdicts) {
    ClaimResult c;
    c.verdict = v;
    claims.push_back(c);
  }
  return claims;
}

TEST_CASE("summarize counts each verdict", "[claim_record]") {
  const Summary s = summarize(claims_with(
      {Verdict::Pass, Verdict::Fail, Verdict::Pass, Verdict::Skipped, Verdict::Inconclusive, Verdict::Pass}));
  CHECK(s.pass == 3);
  CHECK(s.fail == 1);
  CHECK(s.inconclusive == 1);
  CHECK(s.skipped == 1);
  CHECK(s.total() == 6);
  CHECK(summarize({}).total() == 0);
}

TEST_CASE("exit status: 1 on any failure, else 3 on anything inconclusive, else 0", "[claim_record]") {
  using V = Verdict;
  CHECK(exit_code_for(summarize(claims_with({}))) == 0);
  CHECK(exit_code_for(summarize(claims_with({V::Pass, V::Pass}))) == 0);
  CHECK(exit_code_for(summarize(claims_with({V::Pass, V::Skipped}))) == 0);
  CHECK(exit_code_for(summarize(claims_with({V::Skipped}))) == 0);
  CHECK(exit_code_for(summarize(claims_with({V::Pass, V::Fail}))) == 1);
  CHECK(exit_code_for(summarize(claims_with({V::Fail, V::Inconclusive}))) == 1);
  CHECK(exit_code_for(summarize(claims_with({V::Pass, V::Inconclusive}))) == 3);
  CHECK(exit_code_for(summarize(claims_with({V::Inconclusive, V::Skipped}))) == 3);
}

}  // namespace
}  // namespace zg
