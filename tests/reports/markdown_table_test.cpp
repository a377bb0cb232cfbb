// Tests for reports/markdown_table.cpp: padded, aligned, escaped Markdown tables.
#include "reports/markdown_table.hpp"

#include <string>

#include <catch2/catch.hpp>

namespace zg::detail {
namespace {

TEST_CASE("cells are padded by code points, numbers right-aligned", "[markdown_table]") {
  const std::string table = render_markdown_table({{"name"}, {"value", Align::Right}, {"unit"}},
                                                  {{"z_score", "0.8", "σ"}, {"x", "-12.25", "rad"}});
  CHECK(table ==
        "| name    |  value | unit |\n"
        "| ------- | -----: | ---- |\n"
        "| z_score |    0.8 | σ    |\n"
        "| x       | -12.25 | rad  |\n");
}

TEST_CASE("pipes and line breaks in cells cannot break the table", "[markdown_table]") {
  const std::string table = render_markdown_table({{"a"}, {"b"}}, {{"|η(w)| < 1", "two\nlines"}});
  CHECK(table ==
        "| a            | b         |\n"
        "| ------------ | --------- |\n"
        "| \\|η(w)\\| < 1 | two lines |\n");
}

}  // namespace
}  // namespace zg::detail
