// Aligned Markdown tables (reports/markdown_table.hpp): escape the cells, measure every
// column in code points, then pad each cell; the delimiter row carries the alignment.
#include "reports/markdown_table.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>

#include "reports/utf8.hpp"

namespace zg::detail {
namespace {

std::string escape_cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string padded(const std::string& cell, std::size_t width, Align align) {
  const std::string fill(width - display_width(cell), ' ');
  return align == Align::Left ? cell + fill : fill + cell;
}

std::string table_line(const std::vector<std::string>& cells,
                       const std::vector<std::size_t>& widths,
                       const std::vector<TableColumn>& columns) {
  std::string line = "|";
  for (std::size_t j = 0; j < cells.size(); ++j) line += " " + padded(cells[j], widths[j], columns[j].align) + " |";
  return line + "\n";
}

}  // namespace

std::string render_markdown_table(const std::vector<TableColumn>& columns,
                                  const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header;
  for (const TableColumn& c : columns) header.push_back(escape_cell(c.header));
  cells.push_back(header);
  for (const std::vector<std::string>& row : rows) {
    assert(row.size() == columns.size());
    std::vector<std::string> escaped;
    for (const std::string& cell : row) escaped.push_back(escape_cell(cell));
    cells.push_back(escaped);
  }

  // Three dashes is the shortest delimiter cell renderers agree on.
  std::vector<std::size_t> widths(columns.size(), 3);
  for (const std::vector<std::string>& row : cells)
    for (std::size_t j = 0; j < row.size(); ++j) widths[j] = std::max(widths[j], display_width(row[j]));

  std::string out = table_line(cells.front(), widths, columns);
  out += "|";
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const bool right = columns[j].align == Align::Right;
    out += " " + std::string(widths[j] - right, '-') + (right ? ":" : "") + " |";
  }
  out += "\n";
  for (std::size_t i = 1; i < cells.size(); ++i) out += table_line(cells[i], widths, columns);
  return out;
}

}  // namespace zg::detail
