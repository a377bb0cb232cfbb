// Registers the assumption audit A1 (docs/math.md §6): the claim every certificate claim
// requires, so a degenerate configuration SKIPs them instead of failing inside them.
#include "lemmas/assumption_checks.hpp"

namespace zg {

void register_assumption_claims(ClaimRegistry& registry) {
  registry.add(ClaimSpec{
      "A1",
      "Assumptions of the theorem hold for the configuration",
      "assumptions",
      Rigor::Audit,
      "The teacher directions w_i* are unit (the configured ones are normalised, and their raw norms reported) and "
      "Delta-separated: Delta = min_{i != j} min(angle(w_i*, w_j*), angle(w_i*, -w_j*)) > 0; every a_i* is finite "
      "and nonzero; the student has width m >= m*. The rank r = dim span{w_i*} fixes the certificate's domain.",
      R"(\|w_i^*\| = 1,\quad \Delta = \min_{i \ne j} \min\big(\angle(w_i^*, w_j^*), \angle(w_i^*, -w_j^*)\big) > 0,\quad a_i^* \ne 0,\quad m \ge m^*)",
      "assumptions of the main theorem (spec: docs/math.md §4, §6)",
      [](const CheckContext& ctx) { return check_assumptions(ctx); }});
}

}  // namespace zg
