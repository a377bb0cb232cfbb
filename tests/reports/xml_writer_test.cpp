// Tests for reports/xml_writer.cpp: escaping for XML 1.0 text and attributes, and
// elements closed by their scopes with consistent indentation.
#include "reports/xml_writer.hpp"

#include <string>

#include <catch2/catch.hpp>

namespace zg::detail {
namespace {

TEST_CASE("the five XML specials become entities", "[xml_writer]") {
  CHECK(xml_escape(R"(a & b < c > d "e" 'f')", false) == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  CHECK(xml_escape("&amp;", true) == "&amp;amp;");
}

TEST_CASE("line breaks and tabs survive attribute normalisation", "[xml_writer]") {
  CHECK(xml_escape("a\tb\nc\rd", true) == "a&#9;b&#10;c&#13;d");
  CHECK(xml_escape("a\tb\nc\rd", false) == "a\tb\nc&#13;d");
}

TEST_CASE("characters XML 1.0 cannot hold become U+FFFD", "[xml_writer]") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(xml_escape(std::string("a\0b", 3), false) == "a" + replacement + "b");
  CHECK(xml_escape("\x01\x1B\x7F", true) == replacement + replacement + "\x7F");  // DEL is allowed
  CHECK(xml_escape("\xEF\xBF\xBE", false) == replacement);                        // U+FFFE
  CHECK(xml_escape("bad \xC3 byte", false) == "bad " + replacement + " byte");
  CHECK(xml_escape("σ — λ \xEF\xBF\xBD", false) == "σ — λ \xEF\xBF\xBD");  // valid text untouched
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
  CHECK(xml.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<outer name=\"a&lt;b\">\n"
        "  <leaf k=\"v\" q=\"&quot;\"/>\n"
        "  <inner>\n"
        "    <text>x &amp; y\nz</text>\n"
        "  </inner>\n"
        "</outer>\n");
}

}  // namespace
}  // namespace zg::detail
