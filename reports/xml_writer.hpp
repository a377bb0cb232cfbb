// The XML 1.0 writer of the JUnit report: libxml2's xmlTextWriter with two-space
// indentation, and elements closed by RAII scopes (after Catch2's
// XmlWriter::ScopedElement) so that an early return cannot leave a tag open.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zg::detail {

/// `text` with every code point XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF)
/// and every byte of invalid UTF-8 replaced by U+FFFD: XML 1.0 has no way to write them,
/// not even as character references, and libxml2 would copy them through.
std::string replace_non_xml_chars(std::string_view text);

class XmlWriter final {
 public:
  using Attributes = std::vector<std::pair<std::string, std::string>>;

  /// Closes its element when it goes out of scope.
  class ScopedElement final {
   public:
    explicit ScopedElement(XmlWriter& writer) : writer_(writer) {}
    ~ScopedElement() { writer_.end_element(); }
    ScopedElement(const ScopedElement&) = delete;
    ScopedElement& operator=(const ScopedElement&) = delete;

   private:
    XmlWriter& writer_;
  };

  /// Starts the document with the XML declaration (UTF-8).
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  /// <name attributes> ... </name>, closed when the returned scope ends. Attribute values
  /// and text are escaped: & < > " ' become entities, and inside attributes so do tab,
  /// line feed and carriage return, which parsers would otherwise normalise away.
  [[nodiscard]] ScopedElement scoped_element(const std::string& name, const Attributes& attributes);
  /// <name attributes/>
  void empty_element(const std::string& name, const Attributes& attributes);
  /// <name attributes>text</name>, the text escaped and written as is (no indentation).
  void text_element(const std::string& name, const Attributes& attributes, const std::string& text);

  /// The document so far; every scope must have been closed.
  std::string str();

 private:
  struct Impl;

  void start_element(const std::string& name, const Attributes& attributes);
  void end_element();

  std::unique_ptr<Impl> impl_;
  std::size_t open_ = 0;  ///< elements not yet closed
};

}  // namespace zg::detail
