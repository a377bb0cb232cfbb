// The declarations of the top-level keys (verify/run_settings.hpp).
#include "verify/run_settings.hpp"

#include "core/numeric_types.hpp"

namespace zg::detail {

const SettingTable<TopLevelSettings>& top_level_setting_declarations() {
  using S = TopLevelSettings;
  static const SettingTable<S> table{
      "top-level",
      {
          Setting<S>("digits", &S::digits)
              .in(integers(kMinDigits, kMaxDigits))
              .means("working precision in significant decimal digits (`--digits` overrides)"),
          Setting<S>("seed", &S::seed)
              .seed()
              .means("master seed; the default seed of the generators below (`--seed` overrides it for the run, after "
                     "the file is read)"),
          Setting<S>("lambda", &S::lambda)
              .in(positive())
              .means("weight decay λ of `L_λ = L + (λ/2)(‖a‖² + ‖W‖_F²)`")
              .fix_hint("give the weight decay as a positive number"),
          Setting<S>::docs_only("claims", "array of strings")
              .default_shown("`[]`")
              .range_shown("non-empty ids")
              .means("claims to run (`[\"H1\", \"D2\"]`); empty or omitted means all. The ids are checked against "
                     "`verify list` when the run starts"),
          Setting<S>::docs_only("teacher", "table").default_shown("required").means("the teacher, below"),
          Setting<S>::docs_only("student", "table")
              .default_shown("none")
              .means("the student, below; claims that need one and find none make their own"),
          Setting<S>::docs_only("certificate", "table")
              .default_shown("defaults")
              .means("how the certificate claims search and judge, below"),
          Setting<S>::docs_only("algorithm", "table")
              .default_shown("defaults")
              .means("how the three-stage algorithm claims (S1, S2, S3) run and judge, below"),
          Setting<S>::docs_only("landscape", "table")
              .default_shown("defaults")
              .means("how the landscape claim L1 judges, below"),
      }};
  return table;
}

}  // namespace zg::detail
