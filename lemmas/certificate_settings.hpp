// The settings of the dual-certificate claims D2, D2c (config table [certificate],
// docs/math.md §4), declared once: the reader and docs/config.md are derived from them.
#pragma once

#include "core/problem_spec.hpp"
#include "lemmas/setting_declaration.hpp"

namespace zg {

/// The declarations of [certificate], filling CertificateSettings.
const SettingTable<CertificateSettings>& certificate_setting_declarations();

}  // namespace zg
