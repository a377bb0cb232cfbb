// Aligned plain-text tables for the terminal (verify list, the run summary). Widths count
// UTF-8 code points (reports/utf8.hpp), so σ, θ and the like do not break the alignment.
#pragma once

#include <string>
#include <vector>

namespace zg {

/// Rows of cells (the first row is the header) as aligned text, columns separated by two
/// spaces, a rule under the header, every line ending in '\n'.
std::string format_text_table(const std::vector<std::vector<std::string>>& rows);

}  // namespace zg
