// The scalar settings of [teacher] and [teacher.generate], declared once
// (lemmas/setting_declaration.hpp): verify/config_schema.cpp reads them through
// verify/settings_reader.hpp and docs/config.md shows the tables rendered from them. The
// structural keys (weights, signs) and the cross-key ranges (rank ≤ dimension) are
// DocsOnly rows, read by hand in verify/config_schema.cpp.
#pragma once

#include <cstdint>

#include "core/problem_spec.hpp"
#include "lemmas/setting_declaration.hpp"

namespace zg::detail {

inline constexpr std::int64_t kMaxCount = 1000000;     // largest dimension or width
inline constexpr std::int64_t kMaxEntries = 10000000;  // largest d x m of a network: 10^7 numbers are
                                                       // ~1 GB at 50 digits; more would exhaust memory

/// What [teacher.generate] asks for; rank 0 stands for its default, min(dimension, width).
struct GenerateSettings {
  int width = 0;                  ///< m*, required
  int rank = 0;                   ///< read by hand: its range is 1 ... dimension
  double min_separation_deg = 0;  ///< least angle between the lines of two directions
  SpecNumber magnitude{1.0};      ///< |a_i*|
  std::uint64_t seed = 0;         ///< the reader starts it at the top-level seed
};

/// [teacher]: dimension and the weights (the ways to give directions are documented by hand).
const SettingTable<TeacherSpec>& teacher_setting_declarations();
/// [teacher.generate].
const SettingTable<GenerateSettings>& generate_setting_declarations();

}  // namespace zg::detail
