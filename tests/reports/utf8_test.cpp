// Tests for reports/utf8.cpp: code points decoded strictly, invalid bytes one at a time.
#include "reports/utf8.hpp"

#include <string>

#include <catch2/catch.hpp>

namespace zg::detail {
namespace {

TEST_CASE("display width counts code points, not bytes", "[utf8]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("H1") == 2);
  CHECK(display_width("2.1 σ") == 5);             // σ is two bytes
  CHECK(display_width("H1 — λ²") == 7);           // — is three bytes
  CHECK(display_width("\xF0\x9D\x9C\x86") == 1);  // U+1D706 (mathematical λ), four bytes
}

TEST_CASE("valid sequences decode to their code point", "[utf8]") {
  const std::string s = "a\xCF\x83\xE2\x80\x94\xF0\x9D\x9C\x86";
  const std::pair<char32_t, std::size_t> expected[] = {{U'a', 1}, {U'σ', 2}, {U'—', 3}, {0x1D706, 4}};
  std::size_t pos = 0;
  for (const auto& [value, length] : expected) {
    const DecodedCodePoint cp = decode_utf8_at(s, pos);
    CHECK(cp.value == value);
    CHECK(cp.length == length);
    pos += cp.length;
  }
  CHECK(pos == s.size());
}

TEST_CASE("invalid UTF-8 decodes to U+FFFD one byte at a time", "[utf8]") {
  for (const std::string& bad : {std::string("\x80"),              // continuation byte alone
                                 std::string("\xC0\xAF"),          // overlong '/'
                                 std::string("\xED\xA0\x80"),      // surrogate U+D800
                                 std::string("\xF4\x90\x80\x80"),  // past U+10FFFF
                                 std::string("\xE2\x80"),          // truncated
                                 std::string("\xFF")}) {
    const DecodedCodePoint cp = decode_utf8_at(bad, 0);
    CHECK(cp.value == kReplacementCharacter);
    CHECK(cp.length == 1);
  }
  CHECK(display_width("\xE2\x80") == 2);
}

}  // namespace
}  // namespace zg::detail
