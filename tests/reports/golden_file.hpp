// Golden-file comparison for the emitter tests. The goldens live in tests/reports/golden/.
// To regenerate them after an intended format change, run the suite with
//   ZG_UPDATE_GOLDEN=1 ./build/tests/tests_reports
// which rewrites each golden from the current output (and warns); review the diff.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace zg::test {

inline std::string golden_path(const std::string& name) {
  return std::string(ZG_SOURCE_DIR) + "/tests/reports/golden/" + name;
}

/// The first line where `expected` and `actual` differ, both versions shown, or "" if equal.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, le));
    const bool more_a = static_cast<bool>(std::getline(a, la));
    if (!more_e && !more_a) return expected == actual ? "" : "trailing newline differs";
    if (!more_e || !more_a || le != la)
      return "line " + std::to_string(line) + "\n  golden: " + (more_e ? le : "<end>") +
             "\n  actual: " + (more_a ? la : "<end>");
  }
}

inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_path(name);
  const char* update = std::getenv("ZG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote golden file " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string difference = first_difference(expected, actual);
  INFO("golden file " << path << " differs at " << difference
                      << "\n(set ZG_UPDATE_GOLDEN=1 to rewrite it after an intended change)");
  CHECK(difference.empty());
}

}  // namespace zg::test
