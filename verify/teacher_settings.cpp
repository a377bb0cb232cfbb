// The declarations of [teacher] and [teacher.generate] (verify/teacher_settings.hpp).
#include "verify/teacher_settings.hpp"

namespace zg::detail {

const SettingTable<TeacherSpec>& teacher_setting_declarations() {
  using S = TeacherSpec;
  static const SettingTable<S> table{
      "teacher",
      {
          // Read by read_teacher: its default is another key's value (the rows' length).
          Setting<S>::docs_only("dimension", "integer")
              .range_shown("1 … 10⁶")
              .default_shown("the length of the `directions` rows; required with `angles_deg` or `generate`")
              .means("input dimension d; with m* directions, `d × m* ≤ 10⁷` (the same bound holds for the student's "
                     "`d × m`). Given with `directions`, every row must have d entries"),
          Setting<S>::docs_only("weights", "array of numbers")
              .default_shown("required (except with `generate`)")
              .range_shown("nonzero")
              .means("`a_i*`, one per direction"),
      }};
  return table;
}

const SettingTable<GenerateSettings>& generate_setting_declarations() {
  using S = GenerateSettings;
  static const SettingTable<S> table{
      "teacher.generate",
      {
          Setting<S>("width", &S::width)
              .in(integers(1, kMaxCount))
              .checked_with("`width × dimension ≤ 10⁷`")
              .required_as("the number of teacher directions, >= 1")
              .means("number of directions m*"),
          Setting<S>::docs_only("rank", "integer")
              .default_shown("`min(dimension, width)`")
              .range_shown("1 … `dimension`")
              .means("the directions span at most the first `rank` axes"),
          Setting<S>("min_separation_deg", &S::min_separation_deg)
              .in(between(closed_end(0), closed_end(90)))
              .measured_in("degrees")
              .means("least angle between the lines of any two directions")
              .fix_hint("give the smallest angle, in degrees, between the lines of any two directions"),
          Setting<S>::docs_only("signs", "string or array")
              .default_shown("`\"alternating\"`")
              .range_shown("`\"alternating\"` (+, −, +, …), `\"positive\"`, `\"random\"`, or `width` entries each "
                           "`1` or `-1`")
              .means("signs of the weights"),
          Setting<S>("magnitude", &S::magnitude)
              .in(positive())
              .means("`|a_i*|`; the weights are `sign_i · magnitude`")
              .fix_hint("give the absolute value of every teacher weight"),
          Setting<S>("seed", &S::seed)
              .seed()
              .default_shown("top-level `seed`")
              .means("seed of the directions and of random signs"),
      }};
  return table;
}

}  // namespace zg::detail
