// The settings of the landscape claim L1 (config table [landscape]), declared once: the
// reader and docs/config.md are derived from them.
#pragma once

#include "core/problem_spec.hpp"
#include "lemmas/setting_declaration.hpp"

namespace zg {

/// The declarations of [landscape], filling LandscapeSettings.
const SettingTable<LandscapeSettings>& landscape_setting_declarations();

}  // namespace zg
