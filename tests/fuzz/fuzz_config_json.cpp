// libFuzzer harness: a JSON configuration through parse_config_json (verify/config.hpp),
// the reader behind `verify run --config FILE.json`: parsing and validation only.
// InputError is the documented answer to bad input; any other exception escapes and is a
// finding, as are crashes, sanitizer reports and timeouts.
#include <cstddef>
#include <cstdint>

#include "core/input_error.hpp"
#include "fuzz_input.hpp"
#include "verify/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)zg::parse_config_json(zg::fuzz::input_text(data, size), "fuzz.json");
  } catch (const zg::InputError&) {
  }
  return 0;
}
