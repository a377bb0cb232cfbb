// Configuration texts and readers shared by the configuration tests: a minimal teacher to
// build a file around, and the one-line refusal a text gets.
#pragma once

#include <string>

#include "core/input_error.hpp"
#include "verify/config.hpp"

namespace zg::test {

/// A valid [teacher] table: two orthogonal directions in R^3 with opposite weights.
inline const char* const kTeacherToml = "[teacher]\ndimension = 3\nangles_deg = [0, 90]\nweights = [1, -1]\n";

/// The message of the InputError that reading `text` as bad.toml throws, or "" if none.
inline std::string toml_error(const std::string& text) {
  try {
    zg::parse_config_toml(text, "bad.toml");
  } catch (const zg::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace zg::test
