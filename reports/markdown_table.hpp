// GitHub-flavoured Markdown tables whose pipes line up in the raw text: every cell is
// padded to its column's width, counted in code points (reports/utf8.hpp), so the .md
// file reads as a table in a terminal as well as when rendered.
#pragma once

#include <string>
#include <vector>

namespace zg::detail {

enum class Align { Left, Right };

struct TableColumn {
  std::string header;
  Align align = Align::Left;
};

/// The table as Markdown lines, each ending in '\n'. Cells are escaped for a table ('|'
/// becomes "\|", line breaks become spaces); each row must have one cell per column.
std::string render_markdown_table(const std::vector<TableColumn>& columns,
                                  const std::vector<std::vector<std::string>>& rows);

}  // namespace zg::detail
