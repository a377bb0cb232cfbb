// Tests for the claims table (lemmas/claim_table.hpp): the built-in table is the file in the
// source tree with every row bound to exactly one check, and each kind of drift or typo in a
// doctored table is an error naming the field.
#include "lemmas/claim_table.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/input_error.hpp"

namespace {

using Catch::Matchers::Contains;

// Two rows of the real table's shape; each test breaks one thing in it.
const std::string kTable = R"(modules = ["hermite", "assumptions"]

[[claim]]
id = "A1"
title = "Assumptions hold"
module = "assumptions"
rigor = "audit"
statement = """\
    The teacher directions are unit \
    and separated."""
statement_latex = '''\|w_i^*\| = 1'''
paper_location = "assumptions"

[[claim]]
id = "H1"
title = "ReLU Hermite coefficients"
module = "hermite"
rigor = "identity"
statement = "c_1 = 1/2"
statement_latex = '''\hat c_1 = \tfrac12'''
paper_location = "Hermite expansion"
requires = ["A1"]
needs = ["certificate", "Newton optimum"]
)";

std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.substr(0, at) + to + text.substr(at + from.size());
}

zg::CheckOutcome passing(const zg::CheckContext&) {
  zg::CheckOutcome out;
  out.verdict = zg::Verdict::Pass;
  return out;
}

std::vector<zg::CheckBinding> bindings(std::initializer_list<const char*> ids) {
  std::vector<zg::CheckBinding> out;
  for (const char* id : ids) out.push_back(zg::CheckBinding{id, passing, "test.cpp"});
  return out;
}

}  // namespace

TEST_CASE("a well-formed table gives its rows in order with every field", "[claim-table]") {
  const std::vector<zg::ClaimSpec> rows = zg::parse_claim_table(kTable, "t.toml");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "A1");
  CHECK(rows[0].rigor == zg::Rigor::Audit);
  CHECK(rows[0].statement == "The teacher directions are unit and separated.");  // line-ending backslashes join
  CHECK(rows[0].statement_latex == "\\|w_i^*\\| = 1");                           // literal: no escapes
  CHECK(rows[0].requires_claims.empty());
  CHECK(rows[1].module == "hermite");
  CHECK(rows[1].requires_claims == std::vector<std::string>{"A1"});
  CHECK(rows[1].needs == std::vector<zg::Product>{zg::Product::Certificate, zg::Product::NewtonOptimum});
  const zg::ClaimRegistry registry = zg::registry_from_table(kTable, "t.toml", bindings({"H1", "A1"}));
  REQUIRE(registry.claims().size() == 2);
  CHECK(registry.claims()[1].id == "H1");
  CHECK(static_cast<bool>(registry.claims()[1].check));
}

TEST_CASE("each mistake in a doctored table is an error naming the field", "[claim-table][must-fail]") {
  const auto fails = [](const std::string& text, const std::string& message) {
    INFO(text);
    CHECK_THROWS_AS(zg::parse_claim_table(text, "t.toml"), zg::InputError);
    CHECK_THROWS_WITH(zg::parse_claim_table(text, "t.toml"), Contains(message));
  };
  fails(replaced(kTable, "rigor = \"identity\"", "rigor = \"proved\""),
        "t.toml: claim 2 (H1): rigor: unknown rigor 'proved'");
  fails(replaced(kTable, "\"Newton optimum\"", "\"newton optimum\""), "needs: unknown product 'newton optimum'");
  fails(replaced(kTable, "module = \"hermite\"", "module = \"hermit\""), "module: unknown module 'hermit'");
  fails(replaced(kTable, "id = \"H1\"", "id = \"a1\""), "claim 2: id: duplicate id 'a1' (already used by A1)");
  fails(replaced(kTable, "paper_location = \"Hermite expansion\"\n", ""), "claim 2 (H1): paper_location: missing");
  fails(replaced(kTable, "title = \"ReLU Hermite coefficients\"", "title = \"\""), "(H1): title: empty");
  fails(replaced(kTable, "id = \"A1\"\n", ""), "claim 1: id: missing");
  fails(replaced(kTable, "requires = [\"A1\"]", "requires = [\"A2\"]"), "claim H1: requires: unknown claim 'A2'");
  fails(replaced(kTable, "requires = [\"A1\"]", "requires = [\"h1\"]"),
        "claim H1: requires: the claim requires itself");
  fails(replaced(kTable, "requires = [\"A1\"]", "require = [\"A1\"]"), "(H1): require: unknown field");
  fails(replaced(kTable, "requires = [\"A1\"]", "requires = \"A1\""), "(H1): requires: not an array");
  fails(replaced(kTable, "rigor = \"audit\"", "rigor = 3"), "(A1): rigor: not a string");
  fails(replaced(kTable, "modules = [\"hermite\", \"assumptions\"]\n", ""), "t.toml: modules: missing");
  fails(replaced(kTable, "[[claim]]\nid = \"A1\"", "[[claim]\nid = \"A1\""), "t.toml: not valid TOML");
}

TEST_CASE("a row without its check, or a check without its row, is an error", "[claim-table][must-fail]") {
  CHECK_THROWS_WITH(zg::registry_from_table(kTable, "t.toml", bindings({"A1"})),
                    Contains("t.toml: claim H1: no check is bound to this claim"));
  CHECK_THROWS_WITH(zg::registry_from_table(kTable, "t.toml", bindings({"A1", "H1", "H2"})),
                    Contains("test.cpp: H2: a check is bound to a claim t.toml does not have"));
  CHECK_THROWS_WITH(zg::registry_from_table(kTable, "t.toml", bindings({"A1", "h1"})),
                    Contains("h1: a check is bound to a claim"));  // ids spelt exactly as in the table
  CHECK_THROWS_WITH(zg::registry_from_table(kTable, "t.toml", bindings({"A1", "H1", "A1"})),
                    Contains("A1: a second check is bound to this claim"));
}

TEST_CASE("the built-in registry is lemmas/claims.toml with one bound check per row", "[claim-table]") {
  // The compiled-in text is the file in the source tree (a stale embed would show here).
  std::ifstream in(std::filesystem::path(ZG_SOURCE_DIR) / "lemmas" / "claims.toml");
  std::stringstream file;
  file << in.rdbuf();
  REQUIRE(!file.str().empty());
  CHECK(file.str() == zg::embedded_claim_table());

  const std::vector<zg::ClaimSpec> rows = zg::parse_claim_table(file.str(), "lemmas/claims.toml");
  const zg::ClaimRegistry& registry = zg::ClaimRegistry::builtin();
  REQUIRE(registry.claims().size() == rows.size());
  std::map<std::string, int> bound;
  for (const zg::CheckBinding& b : zg::bound_checks()) ++bound[b.claim_id];
  CHECK(bound.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO(rows[i].id);
    CHECK(registry.claims()[i].id == rows[i].id);  // the table's order
    CHECK(registry.claims()[i].title == rows[i].title);
    CHECK(bound[rows[i].id] == 1);
    CHECK(static_cast<bool>(registry.claims()[i].check));
  }
}
