// Tests for the built-in registry: unique ids, complete records, and statements free of
// control characters (a LaTeX string mangled by escape processing would show up here).
#include "lemmas/claim_registry.hpp"

#include <set>

#include <catch2/catch.hpp>

TEST_CASE("every registered claim is a complete record with printable text", "[registry]") {
  std::set<std::string> ids;
  for (const zg::ClaimSpec& c : zg::ClaimRegistry::builtin().claims()) {
    INFO(c.id);
    CHECK(ids.insert(c.id).second);
    CHECK(!c.title.empty());
    CHECK(!c.statement.empty());
    CHECK(!c.statement_latex.empty());
    CHECK(!c.paper_location.empty());
    CHECK(static_cast<bool>(c.check));
    for (const std::string* text : {&c.title, &c.statement, &c.statement_latex, &c.paper_location})
      for (char ch : *text) CHECK((static_cast<unsigned char>(ch) >= 0x20 || ch == '\n'));
  }
  CHECK(ids.size() >= 10);
}
