// SHA-256 against the example vectors of FIPS 180-4 (NIST's "abc", two-block 448-bit
// message and one million 'a'), the empty string, and lengths around the padding edges.
#include "reports/sha256.hpp"

#include <string>

#include <catch2/catch.hpp>

TEST_CASE("sha256 matches the NIST example vectors", "[sha256]") {
  CHECK(zg::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(zg::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(zg::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(zg::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256 pads messages of 55, 56 and 64 bytes correctly", "[sha256]") {
  // 55 bytes fit one block with the length; 56 need a second block; 64 is one full block.
  // References: coreutils sha256sum of the same strings.
  CHECK(zg::sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(zg::sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(zg::sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(zg::sha256_hex("abd") != zg::sha256_hex("abc"));
}
