// Tests for reports/aligned_table.cpp: padded, aligned, escaped Markdown tables and the
// plain-text tables of the terminal, both measured in code points.
#include "reports/aligned_table.hpp"

#include <string>

#include <catch2/catch.hpp>

namespace zg::detail {
namespace {

TEST_CASE("cells are padded by code points, numbers right-aligned", "[aligned_table]") {
  const std::string table = render_markdown_table({{"name"}, {"value", Align::Right}, {"unit"}},
                                                  {{"z_score", "0.8", "σ"}, {"x", "-12.25", "rad"}});
  CHECK(table ==
        "| name    |  value | unit |\n"
        "| ------- | -----: | ---- |\n"
        "| z_score |    0.8 | σ    |\n"
        "| x       | -12.25 | rad  |\n");
}

TEST_CASE("pipes and line breaks in cells cannot break the table", "[aligned_table]") {
  const std::string table = render_markdown_table({{"a"}, {"b"}}, {{"|η(w)| < 1", "two\nlines"}});
  CHECK(table ==
        "| a            | b         |\n"
        "| ------------ | --------- |\n"
        "| \\|η(w)\\| < 1 | two lines |\n");
}

TEST_CASE("text tables align by code points with a rule under the header", "[aligned_table]") {
  // Two spaces between columns, the last cell unpadded; the rule spans the widths and gaps.
  const std::string table = render_text_table({{"id", "verdict", "margin"}, {"H1", "PASS", "2.1 σ"}, {"D2c", "FAIL"}});
  CHECK(table ==
        "id   verdict  margin\n"
        "--------------------\n"
        "H1   PASS     2.1 σ\n"
        "D2c  FAIL\n");
}

TEST_CASE("a text table of a header alone still gets its rule", "[aligned_table]") {
  CHECK(render_text_table({{"λ", "θ"}}) == "λ  θ\n----\n");
  CHECK(render_text_table({}).empty());
}

}  // namespace
}  // namespace zg::detail
