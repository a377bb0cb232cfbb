// The settings of [student], declared once (lemmas/setting_declaration.hpp): the scalars of
// a student near the teacher are read through verify/settings_reader.hpp; the rows of an
// explicit student are DocsOnly, read by hand in verify/config_schema.cpp. docs/config.md
// shows both tables rendered from these declarations.
#pragma once

#include "core/problem_spec.hpp"
#include "lemmas/setting_declaration.hpp"

namespace zg::detail {

/// [student] near the teacher: width, angle_deg, seed (which the reader starts at the top-level seed).
const SettingTable<NearTeacherStudent>& near_student_setting_declarations();
/// [student] given explicitly: directions, weights (DocsOnly; its name labels the docs table).
const SettingTable<ExplicitStudent>& explicit_student_setting_declarations();

}  // namespace zg::detail
