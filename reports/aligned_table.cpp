// Aligned tables (reports/aligned_table.hpp): measure every column in code points, then
// pad each cell. Markdown adds escaping, pipes and a delimiter row that carries the
// alignment; plain text separates columns by two spaces and rules off the header.
#include "reports/aligned_table.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>

#include "reports/utf8.hpp"

namespace zg::detail {
namespace {

using Rows = std::vector<std::vector<std::string>>;

/// The widest cell of each column, at least `minimum`; rows may be ragged.
std::vector<std::size_t> column_widths(const Rows& rows, std::size_t minimum) {
  std::vector<std::size_t> widths;
  for (const std::vector<std::string>& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), minimum);
    for (std::size_t j = 0; j < row.size(); ++j) widths[j] = std::max(widths[j], display_width(row[j]));
  }
  return widths;
}

std::string padded(const std::string& cell, std::size_t width, Align align) {
  const std::string fill(width - display_width(cell), ' ');
  return align == Align::Left ? cell + fill : fill + cell;
}

std::string escape_markdown_cell(const std::string& text) {
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

std::string markdown_line(const std::vector<std::string>& cells,
                          const std::vector<std::size_t>& widths,
                          const std::vector<TableColumn>& columns) {
  std::string line = "|";
  for (std::size_t j = 0; j < cells.size(); ++j) line += " " + padded(cells[j], widths[j], columns[j].align) + " |";
  return line + "\n";
}

std::string text_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t j = 0; j < cells.size(); ++j)
    line += j + 1 < cells.size() ? padded(cells[j], widths[j], Align::Left) + "  " : cells[j];
  return line + "\n";
}

}  // namespace

std::string render_markdown_table(const std::vector<TableColumn>& columns, const Rows& rows) {
  Rows cells;
  std::vector<std::string> header;
  for (const TableColumn& c : columns) header.push_back(escape_markdown_cell(c.header));
  cells.push_back(header);
  for (const std::vector<std::string>& row : rows) {
    assert(row.size() == columns.size());
    std::vector<std::string> escaped;
    for (const std::string& cell : row) escaped.push_back(escape_markdown_cell(cell));
    cells.push_back(escaped);
  }

  // Three dashes is the shortest delimiter cell renderers agree on.
  const std::vector<std::size_t> widths = column_widths(cells, 3);

  std::string out = markdown_line(cells.front(), widths, columns);
  out += "|";
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const bool right = columns[j].align == Align::Right;
    out += " " + std::string(widths[j] - right, '-') + (right ? ":" : "") + " |";
  }
  out += "\n";
  for (std::size_t i = 1; i < cells.size(); ++i) out += markdown_line(cells[i], widths, columns);
  return out;
}

std::string render_text_table(const Rows& rows) {
  const std::vector<std::size_t> widths = column_widths(rows, 0);
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += text_line(rows[i], widths);
    if (i == 0) {
      std::size_t rule = 0;
      for (std::size_t j = 0; j < widths.size(); ++j) rule += widths[j] + (j + 1 < widths.size() ? 2 : 0);
      out += std::string(rule, '-') + "\n";
    }
  }
  return out;
}

}  // namespace zg::detail
