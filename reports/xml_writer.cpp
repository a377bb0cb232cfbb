// XML escaping and the scoped element writer (reports/xml_writer.hpp). The character
// filter follows the XML 1.0 Char production (§2.2): #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
#include "reports/xml_writer.hpp"

#include <cassert>

#include "reports/utf8.hpp"

namespace zg::detail {
namespace {

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/// The entity for a character that needs one, or nullptr.
const char* entity_for(char c, bool attribute) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    case '\r':
      return "&#13;";  // a literal CR is turned into LF by every parser
    case '\t':
      return attribute ? "&#9;" : nullptr;
    case '\n':
      return attribute ? "&#10;" : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint cp = decode_utf8_at(text, pos);
    const bool invalid_utf8 = cp.value == kReplacementCharacter && cp.length == 1;
    const char* entity = cp.length == 1 ? entity_for(text[pos], attribute) : nullptr;
    if (invalid_utf8 || !is_xml_char(cp.value)) {
      out += "\xEF\xBF\xBD";  // U+FFFD in UTF-8
    } else if (entity) {
      out += entity;
    } else {
      out.append(text.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

XmlWriter::ScopedElement XmlWriter::scoped_element(const std::string& name, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += ">\n";
  open_.push_back(name);
  return ScopedElement(*this);
}

void XmlWriter::empty_element(const std::string& name, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += "/>\n";
}

void XmlWriter::text_element(const std::string& name, const Attributes& attributes, const std::string& text) {
  start_tag(name, attributes);
  out_ += ">" + xml_escape(text, false) + "</" + name + ">\n";
}

const std::string& XmlWriter::str() const {
  assert(open_.empty());
  return out_;
}

void XmlWriter::start_tag(const std::string& name, const Attributes& attributes) {
  out_ += std::string(2 * open_.size(), ' ') + "<" + name;
  for (const auto& [key, value] : attributes) out_ += " " + key + "=\"" + xml_escape(value, true) + "\"";
}

void XmlWriter::end_element() {
  assert(!open_.empty());
  const std::string name = open_.back();
  open_.pop_back();
  out_ += std::string(2 * open_.size(), ' ') + "</" + name + ">\n";
}

}  // namespace zg::detail
