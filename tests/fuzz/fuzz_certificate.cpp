// libFuzzer harness: certificate JSON through read_certificate_text
// (verify/certificate_checker/certificate_reader.hpp), the strict reader behind
// `verify check-certificate FILE`. CertificateFormatError is its documented answer to a
// malformed file; anything else is a finding. Only the reader runs, not the MPFI check of
// the leaves (seconds per real certificate).
#include <cstddef>
#include <cstdint>

#include "certificate_checker/certificate_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)zg::checker::read_certificate_text(zg::fuzz::input_text(data, size));
  } catch (const zg::checker::CertificateFormatError&) {
  }
  return 0;
}
