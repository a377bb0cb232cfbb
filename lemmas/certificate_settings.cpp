// The declarations of [certificate] (lemmas/certificate_settings.hpp): what D2's sampled
// search and D2c's proof read from the configuration.
#include "lemmas/certificate_settings.hpp"

namespace zg {

const SettingTable<CertificateSettings>& certificate_setting_declarations() {
  using S = CertificateSettings;
  static const SettingTable<S> table{
      "certificate",
      {
          Setting<S>("rho_floor", &S::rho_floor)
              .in(any_value())
              .means("D2 passes when the measured decay constant `rho_eta` exceeds it (strictly)"),
          Setting<S>("far_radius_deg", &S::far_radius_deg)
              .in(between(open_end(0), open_end(90)))
              .measured_in("degrees")
              .means("`max_abs_eta_far` is the largest `|η|` at least this angle from every `±w_i*`")
              .fix_hint("give the angle from every teacher direction, in degrees"),
          Setting<S>("start_points", &S::start_points)
              .in(integers(16, 1e7))
              .measured_in("points")
              .means("size of the seeded low-discrepancy start set of the sampled search"),
          Setting<S>("certify_fraction", &S::certify_fraction)
              .in(positive())
              .means("D2c proves the decay bound with `rho = certify_fraction × rho_eta` (sampled); a value above 1 "
                     "asks for more than was observed and should fail with a counterexample")
              .fix_hint("give the fraction of the sampled rho_eta to prove"),
      }};
  return table;
}

}  // namespace zg
