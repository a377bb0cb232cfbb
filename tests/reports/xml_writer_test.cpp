// Tests for reports/xml_writer.cpp: escaping for XML 1.0 text and attributes, characters
// XML cannot hold, and elements closed by their scopes with consistent indentation.
#include "reports/xml_writer.hpp"

#include <string>

#include <catch2/catch.hpp>

namespace zg::detail {
namespace {

const std::string kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The document holding one <t> element with `text` as its content.
std::string text_document(const std::string& text) {
  XmlWriter xml;
  xml.text_element("t", {}, text);
  return xml.str();
}

/// The document holding one empty <t> element with attribute v="value".
std::string attribute_document(const std::string& value) {
  XmlWriter xml;
  xml.empty_element("t", {{"v", value}});
  return xml.str();
}

TEST_CASE("the five XML specials become entities", "[xml_writer]") {
  CHECK(text_document(R"(a & b < c > d "e" 'f')") ==
        kDeclaration + "<t>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;</t>\n");
  CHECK(attribute_document(R"(a & b < c > d "e" 'f')") ==
        kDeclaration + "<t v=\"a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;\"/>\n");
  CHECK(attribute_document("&amp;") == kDeclaration + "<t v=\"&amp;amp;\"/>\n");
  CHECK(text_document("'") == kDeclaration + "<t>&apos;</t>\n");
  CHECK(text_document("") == kDeclaration + "<t></t>\n");
}

TEST_CASE("line breaks and tabs survive attribute normalisation", "[xml_writer]") {
  CHECK(attribute_document("a\tb\nc\rd") == kDeclaration + "<t v=\"a&#9;b&#10;c&#13;d\"/>\n");
  CHECK(text_document("a\tb\nc\rd") == kDeclaration + "<t>a\tb\nc&#13;d</t>\n");
}

TEST_CASE("characters XML 1.0 cannot hold become U+FFFD", "[xml_writer]") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(replace_non_xml_chars(std::string("a\0b", 3)) == "a" + replacement + "b");
  CHECK(replace_non_xml_chars("\x01\x1B\x7F") == replacement + replacement + "\x7F");  // DEL is allowed
  CHECK(replace_non_xml_chars("\xEF\xBF\xBE") == replacement);                         // U+FFFE
  CHECK(replace_non_xml_chars("bad \xC3 byte") == "bad " + replacement + " byte");
  CHECK(replace_non_xml_chars("σ — λ \xEF\xBF\xBD\t\n\r") == "σ — λ \xEF\xBF\xBD\t\n\r");  // valid text untouched
  // The writer applies the filter to text and to attribute values.
  CHECK(text_document(std::string("a\0b", 3)) == kDeclaration + "<t>a" + replacement + "b</t>\n");
  CHECK(attribute_document("bell\a") == kDeclaration + "<t v=\"bell" + replacement + "\"/>\n");
}

TEST_CASE("scoped elements nest, indent and close in order", "[xml_writer]") {
  XmlWriter xml;
  {
    const auto outer = xml.scoped_element("outer", {{"name", "a<b"}});
    xml.empty_element("leaf", {{"k", "v"}, {"q", "\""}});
    {
      const auto inner = xml.scoped_element("inner", {});
      xml.text_element("text", {}, "x & y\nz");
    }
  }
  CHECK(xml.str() == kDeclaration +
                         "<outer name=\"a&lt;b\">\n"
                         "  <leaf k=\"v\" q=\"&quot;\"/>\n"
                         "  <inner>\n"
                         "    <text>x &amp; y\nz</text>\n"
                         "  </inner>\n"
                         "</outer>\n");
}

}  // namespace
}  // namespace zg::detail
