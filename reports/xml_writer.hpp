// A minimal XML 1.0 writer for the JUnit report: escaping, two-space indentation, and
// elements closed by RAII scopes (after Catch2's XmlWriter::ScopedElement) so that an
// early return cannot leave a tag open.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zg::detail {

/// `text` made safe for XML 1.0 character data (attribute = false) or a double-quoted
/// attribute value (attribute = true): & < > " ' become entities, and so do tab, line feed
/// and carriage return inside attributes, which parsers would otherwise normalise away.
/// Code points XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) and invalid UTF-8
/// become U+FFFD: XML 1.0 has no way to write them, not even as character references.
std::string xml_escape(std::string_view text, bool attribute);

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

  /// <name attributes> ... </name>, closed when the returned scope ends.
  [[nodiscard]] ScopedElement scoped_element(const std::string& name, const Attributes& attributes);
  /// <name attributes/>
  void empty_element(const std::string& name, const Attributes& attributes);
  /// <name attributes>text</name>, the text escaped and written as is (no indentation).
  void text_element(const std::string& name, const Attributes& attributes, const std::string& text);

  /// The document so far; every scope must have been closed.
  const std::string& str() const;

 private:
  void start_tag(const std::string& name, const Attributes& attributes);
  void end_element();

  std::string out_;
  std::vector<std::string> open_;  ///< names of the elements not yet closed
};

}  // namespace zg::detail
