// UTF-8 decoding (reports/utf8.hpp) by utfcpp, which is strict per RFC 3629: overlong
// forms, surrogates and values past U+10FFFF are invalid. Here an invalid sequence
// consumes exactly one byte, so each bad byte becomes its own U+FFFD.
#include "reports/utf8.hpp"

#include <utf8.h>

namespace zg::detail {

DecodedCodePoint decode_utf8_at(std::string_view s, std::size_t pos) {
  // A sequence is at most 4 bytes, so a window of 4 decides whether the first one is
  // valid; validating the whole rest of s would make display_width quadratic.
  const std::string_view window = s.substr(pos, 4);
  if (utf8::find_invalid(window.begin(), window.end()) == window.begin()) return {kReplacementCharacter, 1};
  auto it = window.begin();
  const char32_t c = utf8::unchecked::next(it);  // validated just above
  return {c, static_cast<std::size_t>(it - window.begin())};
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < s.size(); pos += decode_utf8_at(s, pos).length) ++width;
  return width;
}

}  // namespace zg::detail
