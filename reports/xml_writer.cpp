// The JUnit XML writer (reports/xml_writer.hpp) on libxml2's xmlTextWriter. libxml2 does
// the escaping and the indentation; two things are added here: the XML 1.0 Char filter
// (§2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]), which
// libxml2 leaves to its caller, and &apos; for the apostrophe.
#include "reports/xml_writer.hpp"

#include <cassert>
#include <stdexcept>

#include <libxml/xmlwriter.h>

#include "reports/utf8.hpp"

namespace zg::detail {
namespace {

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

const xmlChar* xml(const std::string& s) {
  return reinterpret_cast<const xmlChar*>(s.c_str());
}

/// libxml2 reports failure (only out of memory for an in-memory writer) as a negative count.
void check(int status, const char* call) {
  if (status < 0) throw std::runtime_error(std::string("XmlWriter: libxml2 ") + call + " failed");
}

struct BufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct TextWriterFree {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

}  // namespace

std::string replace_non_xml_chars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint cp = decode_utf8_at(text, pos);
    const bool invalid_utf8 = cp.value == kReplacementCharacter && cp.length == 1;
    if (invalid_utf8 || !is_xml_char(cp.value)) {
      out += "\xEF\xBF\xBD";  // U+FFFD in UTF-8
    } else {
      out.append(text.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

struct XmlWriter::Impl {
  std::unique_ptr<xmlBuffer, BufferFree> buffer{xmlBufferCreate()};
  std::unique_ptr<xmlTextWriter, TextWriterFree> writer;

  /// Escaped character data or attribute value (libxml2 picks the rules by context).
  /// libxml2 leaves ' literal, which is legal in text and in double-quoted attributes;
  /// it is written as &apos; so that reports stay byte-identical to earlier versions.
  void write_escaped(const std::string& text) {
    const std::string clean = replace_non_xml_chars(text);
    std::size_t begin = 0;
    for (std::size_t quote = clean.find('\''); quote != std::string::npos; quote = clean.find('\'', begin)) {
      if (quote > begin)
        check(xmlTextWriterWriteString(writer.get(), xml(clean.substr(begin, quote - begin))), "WriteString");
      check(xmlTextWriterWriteRaw(writer.get(), BAD_CAST "&apos;"), "WriteRaw");
      begin = quote + 1;
    }
    check(xmlTextWriterWriteString(writer.get(), xml(clean.substr(begin))), "WriteString");
  }
};

XmlWriter::XmlWriter() : impl_(std::make_unique<Impl>()) {
  if (!impl_->buffer) throw std::runtime_error("XmlWriter: libxml2 xmlBufferCreate failed");
  impl_->writer.reset(xmlNewTextWriterMemory(impl_->buffer.get(), 0));
  if (!impl_->writer) throw std::runtime_error("XmlWriter: libxml2 xmlNewTextWriterMemory failed");
  check(xmlTextWriterSetIndent(impl_->writer.get(), 1), "SetIndent");
  check(xmlTextWriterSetIndentString(impl_->writer.get(), BAD_CAST "  "), "SetIndentString");
  check(xmlTextWriterStartDocument(impl_->writer.get(), nullptr, "UTF-8", nullptr), "StartDocument");
}

XmlWriter::~XmlWriter() = default;

XmlWriter::ScopedElement XmlWriter::scoped_element(const std::string& name, const Attributes& attributes) {
  start_element(name, attributes);
  return ScopedElement(*this);
}

void XmlWriter::empty_element(const std::string& name, const Attributes& attributes) {
  start_element(name, attributes);
  end_element();  // an element with no content ends as "/>"
}

void XmlWriter::text_element(const std::string& name, const Attributes& attributes, const std::string& text) {
  start_element(name, attributes);
  impl_->write_escaped(text);
  // The full end tag even for empty text: <system-out></system-out>, as before libxml2.
  check(xmlTextWriterFullEndElement(impl_->writer.get()), "FullEndElement");
  --open_;
}

std::string XmlWriter::str() {
  assert(open_ == 0);
  check(xmlTextWriterFlush(impl_->writer.get()), "Flush");
  const xmlBuffer* b = impl_->buffer.get();
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(b)), xmlBufferLength(b));
}

void XmlWriter::start_element(const std::string& name, const Attributes& attributes) {
  check(xmlTextWriterStartElement(impl_->writer.get(), xml(name)), "StartElement");
  ++open_;
  for (const auto& [key, value] : attributes) {
    check(xmlTextWriterStartAttribute(impl_->writer.get(), xml(key)), "StartAttribute");
    impl_->write_escaped(value);
    check(xmlTextWriterEndAttribute(impl_->writer.get()), "EndAttribute");
  }
}

void XmlWriter::end_element() {
  assert(open_ > 0);
  check(xmlTextWriterEndElement(impl_->writer.get()), "EndElement");
  --open_;
}

}  // namespace zg::detail
