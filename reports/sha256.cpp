// SHA-256 through OpenSSL's one-shot EVP_Digest (reports/sha256.hpp).
#include "reports/sha256.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace zg {

std::string sha256_hex(const std::string& data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // EVP_Digest fails only when libcrypto cannot allocate or has no SHA-256 provider: a
  // broken installation, not bad input, so it is not an InputError.
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 || length != 32)
    throw std::runtime_error("sha256_hex: OpenSSL EVP_Digest(SHA-256) failed");
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

}  // namespace zg
