// The declarations of [landscape] (lemmas/landscape_settings.hpp): the Lojasiewicz
// exponent L1 checks (lemmas/lojasiewicz_checks.cpp).
#include "lemmas/landscape_settings.hpp"

namespace zg {

const SettingTable<LandscapeSettings>& landscape_setting_declarations() {
  using S = LandscapeSettings;
  static const SettingTable<S> table{
      "landscape",
      {
          Setting<S>("lojasiewicz_exponent", &S::lojasiewicz_exponent)
              .in(between(open_end(0), closed_end(4)))
              .means("L1 checks `‖∇L_λ‖² ≥ c ζ^p` with this `p`: the ratio `‖∇L_λ‖²/ζ^p` over the smallest three "
                     "decades of the gap must stay above a tenth of its minimum over the larger gaps. On the default "
                     "the lower envelope's exponent is about 1.12, so `p = 0.5` fails")
              .fix_hint("give the exponent p of |grad|^2 >= c zeta^p to check"),
      }};
  return table;
}

}  // namespace zg
