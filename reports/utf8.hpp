// UTF-8 decoding for the emitters: the code point count that aligns Markdown tables in a
// terminal, and the code points XML must filter. A byte that does not start a valid UTF-8
// sequence decodes, alone, to U+FFFD, so a malformed title still renders and aligns.
#pragma once

#include <cstddef>
#include <string_view>

namespace zg::detail {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedCodePoint {
  char32_t value;      ///< the code point, or kReplacementCharacter for an invalid byte
  std::size_t length;  ///< bytes consumed, >= 1
};

/// Decodes the code point starting at s[pos]; requires pos < s.size().
DecodedCodePoint decode_utf8_at(std::string_view s, std::size_t pos);

/// Number of code points in s: the columns a terminal gives text without wide (CJK) or
/// combining characters, which is what our titles, units (σ, λ) and dashes are.
std::size_t display_width(std::string_view s);

}  // namespace zg::detail
