// Aligned tables, the one module behind the terminal tables (verify list, the run and
// sweep summaries) and the Markdown tables of the reports. Widths count UTF-8 code points
// (reports/utf8.hpp), so σ, θ and the like do not break the alignment, and a .md file
// reads as a table in a terminal as well as when rendered.
#pragma once

#include <string>
#include <vector>

namespace zg::detail {

enum class Align { Left, Right };

struct TableColumn {
  std::string header;
  Align align = Align::Left;
};

/// A GitHub-flavoured Markdown table whose pipes line up in the raw text, as lines each
/// ending in '\n'. Cells are escaped for a table ('|' becomes "\|", line breaks become
/// spaces); each row must have one cell per column.
std::string render_markdown_table(const std::vector<TableColumn>& columns,
                                  const std::vector<std::vector<std::string>>& rows);

/// Rows of cells (the first row is the header) as aligned plain text: left-aligned
/// columns separated by two spaces, a rule of '-' under the header, every line ending in
/// '\n'. Rows may have fewer cells than the widest row; the last cell is not padded.
std::string render_text_table(const std::vector<std::vector<std::string>>& rows);

}  // namespace zg::detail
