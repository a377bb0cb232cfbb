// LaTeX escaping and decimal cells (reports/tex_text.hpp). The Unicode table holds what
// claim titles, units and descriptions use (Greek, relations, dashes, §, ±, …); anything
// else is written as its code point so that a new character can never stop pdflatex.
#include "reports/tex_text.hpp"

#include <map>
#include <string>

#include <fmt/format.h>

#include "reports/display_format.hpp"
#include "reports/utf8.hpp"

namespace zg::detail {
namespace {

const std::map<char32_t, const char*>& unicode_table() {
  static const std::map<char32_t, const char*> table = {
      // Greek, lower case (ο is a Latin o in print)
      {U'α', "\\ensuremath{\\alpha}"}, {U'β', "\\ensuremath{\\beta}"}, {U'γ', "\\ensuremath{\\gamma}"},
      {U'δ', "\\ensuremath{\\delta}"}, {U'ε', "\\ensuremath{\\varepsilon}"}, {U'ζ', "\\ensuremath{\\zeta}"},
      {U'η', "\\ensuremath{\\eta}"}, {U'θ', "\\ensuremath{\\theta}"}, {U'ι', "\\ensuremath{\\iota}"},
      {U'κ', "\\ensuremath{\\kappa}"}, {U'λ', "\\ensuremath{\\lambda}"}, {U'μ', "\\ensuremath{\\mu}"},
      {U'ν', "\\ensuremath{\\nu}"}, {U'ξ', "\\ensuremath{\\xi}"}, {U'ο', "o"}, {U'π', "\\ensuremath{\\pi}"},
      {U'ρ', "\\ensuremath{\\rho}"}, {U'σ', "\\ensuremath{\\sigma}"}, {U'τ', "\\ensuremath{\\tau}"},
      {U'υ', "\\ensuremath{\\upsilon}"}, {U'φ', "\\ensuremath{\\varphi}"}, {U'χ', "\\ensuremath{\\chi}"},
      {U'ψ', "\\ensuremath{\\psi}"}, {U'ω', "\\ensuremath{\\omega}"},
      // Greek, upper case with their own glyphs
      {U'Γ', "\\ensuremath{\\Gamma}"}, {U'Δ', "\\ensuremath{\\Delta}"}, {U'Θ', "\\ensuremath{\\Theta}"},
      {U'Λ', "\\ensuremath{\\Lambda}"}, {U'Ξ', "\\ensuremath{\\Xi}"}, {U'Π', "\\ensuremath{\\Pi}"},
      {U'Σ', "\\ensuremath{\\Sigma}"}, {U'Φ', "\\ensuremath{\\Phi}"}, {U'Ψ', "\\ensuremath{\\Psi}"},
      {U'Ω', "\\ensuremath{\\Omega}"},
      // relations, operators, arrows
      {U'≤', "\\ensuremath{\\le}"}, {U'≥', "\\ensuremath{\\ge}"}, {U'≠', "\\ensuremath{\\ne}"},
      {U'≈', "\\ensuremath{\\approx}"}, {U'±', "\\ensuremath{\\pm}"}, {U'×', "\\ensuremath{\\times}"},
      {U'·', "\\ensuremath{\\cdot}"}, {U'−', "\\ensuremath{-}"}, {U'∞', "\\ensuremath{\\infty}"},
      {U'√', "\\ensuremath{\\surd}"}, {U'∇', "\\ensuremath{\\nabla}"}, {U'∑', "\\ensuremath{\\sum}"},
      {U'∂', "\\ensuremath{\\partial}"}, {U'∈', "\\ensuremath{\\in}"}, {U'‖', "\\ensuremath{\\|}"},
      {U'→', "\\ensuremath{\\to}"}, {U'⇒', "\\ensuremath{\\Rightarrow}"}, {U'∠', "\\ensuremath{\\angle}"},
      {U'⊥', "\\ensuremath{\\perp}"}, {U'∀', "\\ensuremath{\\forall}"}, {U'°', "\\ensuremath{^\\circ}"},
      {U'²', "\\ensuremath{^2}"}, {U'³', "\\ensuremath{^3}"}, {U'¹', "\\ensuremath{^1}"},
      {U'⁻', "\\ensuremath{^-}"}, {U'⁰', "\\ensuremath{^0}"}, {U'⁴', "\\ensuremath{^4}"},
      {U'⁵', "\\ensuremath{^5}"}, {U'⁶', "\\ensuremath{^6}"},
      // punctuation
      {U'—', "---"}, {U'–', "--"}, {U'…', "\\ldots{}"}, {U'§', "\\S{}"}, {U'’', "'"}, {U'‘', "`"},
      {U'“', "``"}, {U'”', "''"}, {U'\u00a0', "~"}, {U'✓', "\\ensuremath{\\surd}"},
  };
  return table;
}

}  // namespace

std::string tex_escape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      switch (c) {
        case '\\': out += "\\textbackslash{}"; break;
        case '{': out += "\\{"; break;
        case '}': out += "\\}"; break;
        case '$': out += "\\$"; break;
        case '&': out += "\\&"; break;
        case '#': out += "\\#"; break;
        case '%': out += "\\%"; break;
        case '_': out += "\\_"; break;
        case '^': out += "\\textasciicircum{}"; break;
        case '~': out += "\\textasciitilde{}"; break;
        // OT1 has no glyphs for these; in text they would print as ¡ ¿ — and ”.
        case '<': out += "\\textless{}"; break;
        case '>': out += "\\textgreater{}"; break;
        case '|': out += "\\textbar{}"; break;
        case '"': out += "\\textquotedbl{}"; break;
        case '\n':
        case '\r':
        case '\t': out += ' '; break;
        default:
          // Other control characters have no meaning in a report: dropped.
          if (static_cast<unsigned char>(c) >= 0x20) out += c;
      }
      ++i;
      continue;
    }
    const DecodedCodePoint cp = decode_utf8_at(text, i);
    const auto it = unicode_table().find(cp.value);
    out += it != unicode_table().end() ? std::string(it->second)
                                       : fmt::format("[U+{:04X}]", static_cast<std::uint32_t>(cp.value));
    i += cp.length;
  }
  return out;
}

TexDecimalCells tex_decimal_cells(const std::string& value, std::size_t max_digits, const std::string& prefix) {
  TexDecimalCells cells;
  const std::string shown = shorten_decimal(value, max_digits);
  // A plain decimal: [sign] digits [. digits] [… ] [e [sign] digits], as shorten_decimal writes.
  std::size_t i = 0;
  std::string sign;
  if (i < shown.size() && (shown[i] == '-' || shown[i] == '+')) sign = shown[i++] == '-' ? "-" : "";
  const std::size_t int_begin = i;
  while (i < shown.size() && shown[i] >= '0' && shown[i] <= '9') ++i;
  const std::string integer = shown.substr(int_begin, i - int_begin);
  std::string fraction;
  if (i < shown.size() && shown[i] == '.') {
    const std::size_t begin = ++i;
    while (i < shown.size() && shown[i] >= '0' && shown[i] <= '9') ++i;
    fraction = shown.substr(begin, i - begin);
  }
  bool cut = false;
  const std::string ellipsis = "…";
  if (shown.compare(i, ellipsis.size(), ellipsis) == 0) {
    cut = true;
    i += ellipsis.size();
  }
  std::string exponent;
  if (i < shown.size() && (shown[i] == 'e' || shown[i] == 'E')) {
    std::size_t k = i + 1;
    std::string exp_sign;
    if (k < shown.size() && (shown[k] == '-' || shown[k] == '+')) exp_sign = shown[k++] == '-' ? "-" : "";
    const std::size_t begin = k;
    while (k < shown.size() && shown[k] >= '0' && shown[k] <= '9') ++k;
    if (k == begin) k = std::string::npos;  // "e" without digits: not a decimal
    if (k != std::string::npos) {
      // Leading zeros of the exponent say nothing: 1e-05 reads as 10^{-5}.
      std::string digits = shown.substr(begin, k - begin);
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
      exponent = exp_sign + digits;
    }
    i = k;
  }
  if (integer.empty() || i != shown.size()) {
    cells.text = value;
    return cells;
  }
  cells.decimal = true;
  cells.integer = "$" + prefix + sign + integer + "$";
  std::string rest;
  if (!fraction.empty()) rest += "." + fraction;
  if (cut) rest += "\\ldots";
  if (!exponent.empty() && exponent != "0") rest += "\\times10^{" + exponent + "}";
  cells.rest = rest.empty() ? "" : "$" + rest + "$";
  return cells;
}

}  // namespace zg::detail
