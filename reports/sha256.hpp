// SHA-256 (FIPS 180-4), for the configuration fingerprint every report records. A small
// self-contained implementation: the project links no crypto library, and a digest of a
// few kilobytes of TOML needs no speed. Tested against the NIST example vectors.
#pragma once

#include <string>

namespace zg {

/// The SHA-256 digest of the bytes of `data`, as 64 lowercase hexadecimal digits.
std::string sha256_hex(const std::string& data);

}  // namespace zg
