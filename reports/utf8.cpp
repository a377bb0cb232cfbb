// UTF-8 decoding (reports/utf8.hpp), strict per RFC 3629: overlong forms, surrogates and
// values past U+10FFFF are invalid, and an invalid sequence consumes exactly one byte.
#include "reports/utf8.hpp"

namespace zg::detail {
namespace {

/// A multi-byte form: lead bytes satisfy (lead & mask) == tag.
struct SequenceForm {
  unsigned char mask;
  unsigned char tag;
  std::size_t length;
  char32_t smallest;  ///< smaller values in this form are overlong encodings
};
constexpr SequenceForm kForms[] = {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}};

}  // namespace

DecodedCodePoint decode_utf8_at(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};

  for (const SequenceForm& form : kForms) {
    if ((lead & form.mask) != form.tag) continue;
    if (pos + form.length > s.size()) break;
    char32_t c = lead & static_cast<unsigned char>(~form.mask);
    for (std::size_t k = 1; k < form.length; ++k) {
      const unsigned char b = byte(pos + k);
      if ((b & 0xC0) != 0x80) return {kReplacementCharacter, 1};
      c = (c << 6) | (b & 0x3F);
    }
    const bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    if (c < form.smallest || c > 0x10FFFF || surrogate) break;
    return {c, form.length};
  }
  return {kReplacementCharacter, 1};
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < s.size(); pos += decode_utf8_at(s, pos).length) ++width;
  return width;
}

}  // namespace zg::detail
