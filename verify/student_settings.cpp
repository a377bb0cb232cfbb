// The declarations of [student] (verify/student_settings.hpp).
#include "verify/student_settings.hpp"

#include "verify/teacher_settings.hpp"

namespace zg::detail {

const SettingTable<NearTeacherStudent>& near_student_setting_declarations() {
  using S = NearTeacherStudent;
  static const SettingTable<S> table{
      "student",
      {
          Setting<S>("width", &S::width)
              .in(integers(1, kMaxCount))
              .checked_with("`width × teacher.dimension ≤ 10⁷`")
              .required_as("the number of student neurons, >= 1")
              .means("number of neurons m"),
          Setting<S>("angle_deg", &S::angle_deg)
              .in(between(closed_end(0), closed_end(90)))
              .required_as("the largest rotation away from the teacher, in degrees")
              .example_value("5")
              .measured_in("degrees")
              .means("largest rotation away from the teacher direction")
              .fix_hint("give the largest rotation away from the teacher direction, in degrees"),
          Setting<S>("seed", &S::seed).seed().default_shown("top-level `seed`").means("seed of the rotations"),
      }};
  return table;
}

const SettingTable<ExplicitStudent>& explicit_student_setting_declarations() {
  using S = ExplicitStudent;
  static const SettingTable<S> table{"student, given explicitly",
                                     {
                                         Setting<S>::docs_only("directions", "array of arrays of numbers")
                                             .default_shown("required")
                                             .range_shown("rows of `teacher.dimension` numbers, nonzero")
                                             .means("first-layer weights `w_j`, taken as given (not normalised)"),
                                         Setting<S>::docs_only("weights", "array of numbers")
                                             .default_shown("required")
                                             .range_shown("one per row")
                                             .means("output weights `a_j`"),
                                     }};
  return table;
}

}  // namespace zg::detail
