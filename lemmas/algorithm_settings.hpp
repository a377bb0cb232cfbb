// The settings of the three-stage algorithm claims S1, S2, S3 (config table [algorithm],
// docs/math.md §5), declared once: the reader and docs/config.md are derived from them.
#pragma once

#include "core/problem_spec.hpp"
#include "lemmas/setting_declaration.hpp"

namespace zg {

/// The declarations of [algorithm], filling AlgorithmSettings.
const SettingTable<AlgorithmSettings>& algorithm_setting_declarations();

}  // namespace zg
