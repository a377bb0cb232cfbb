// The fuzzer's bytes as the std::string every reader takes. Shared by the harnesses of
// tests/fuzz/; the bytes are kept exactly (NUL bytes and invalid UTF-8 included).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace zg::fuzz {

inline std::string input_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace zg::fuzz
