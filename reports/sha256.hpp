// SHA-256 (FIPS 180-4), for the configuration fingerprint every report records and the
// digests of attached certificates. Computed by OpenSSL's EVP interface (libcrypto);
// tests/reports/sha256_test.cpp checks it against the NIST example vectors.
#pragma once

#include <string>

namespace zg {

/// The SHA-256 digest of the bytes of `data`, as 64 lowercase hexadecimal digits.
std::string sha256_hex(const std::string& data);

}  // namespace zg
