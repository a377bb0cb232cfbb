// LaTeX text helpers for the TeX emitter (private to reports/): text escaped for pdflatex
// (special characters and the Unicode our records use, as commands), and decimal strings
// split at the point for a `r@{}l` column pair, so that a column aligns on the decimal
// point without siunitx and without ever going through double.
#pragma once

#include <cstddef>
#include <string>

namespace zg::detail {

/// `text` safe in LaTeX text mode under pdflatex with the default OT1 encoding: the ten
/// special characters, < > | and " as commands, line breaks as spaces, Greek letters and
/// math symbols as \ensuremath{...}, dashes and ellipses as their TeX forms. A code point
/// with no mapping becomes "[U+XXXX]" rather than an error halfway through compilation.
std::string tex_escape(const std::string& text);

/// A decimal for a `r@{}l` column pair: `integer` holds "$-3$", `rest` holds
/// "$.14159\ldots\times10^{-5}$" (both math mode, empty when absent). Text that is not a
/// plain decimal ("split", "nan", "") comes back whole in `text` with `decimal` false.
struct TexDecimalCells {
  bool decimal = false;
  std::string integer;
  std::string rest;
  std::string text;
};

/// Cuts `value` to `max_digits` significant digits (detail::shorten_decimal, marked by
/// \ldots) and splits it at the decimal point. `prefix` (e.g. "\pm") goes before the
/// integer part.
TexDecimalCells tex_decimal_cells(const std::string& value, std::size_t max_digits, const std::string& prefix = "");

}  // namespace zg::detail
