// Text of the decay proofs' outcomes (lemmas/decay_proof_text.hpp).
#include "lemmas/decay_proof_text.hpp"

#include <fmt/format.h>

namespace zg {

std::string rho_statement(const Mp& target) {
  const Mp scale = pow(Mp(10), static_cast<int>(floor(log10(target))) - 5);
  return to_decimal(Mp(floor(target / scale) * scale), 6);
}

std::string box_text(const DecimalBox& box) {
  std::string out;
  for (const DecimalRange& r : box) out += (out.empty() ? "[" : " x [") + r.lo + ", " + r.hi + "]";
  return out.empty() ? "(the face point)" : out;
}

std::string domain_text(const DecayCertificate& cert) {
  return fmt::format("{} of the rank-{} span", cert.domain == DecayDomain::Sphere ? "the unit sphere" : "the unit ball",
                     cert.rank);
}

std::string witness_text(const DecayCertificate& cert) {
  const DecayWitness& w = *cert.witness;
  return fmt::format("|eta| + {} delta^2 - 1 >= {} on face {} box {} of {}", cert.rho,
                     to_decimal(parse_decimal<Mp>(w.excess_lower), 4), w.face, box_text(w.box), domain_text(cert));
}

std::string budget_text(const DecayCertificate& cert) {
  const DecayStatistics& st = cert.statistics;
  std::string out =
      fmt::format("not settled within the budget: {:.4g}% of {} proved", 100 * st.fraction_proved, domain_text(cert));
  if (st.hardest)
    out += fmt::format("; hardest box: {} face {} {} (upper bound {})", st.hardest->part, st.hardest->face,
                       box_text(st.hardest->box), st.hardest->upper);
  if (!st.detail.empty()) out += "; " + st.detail;
  return out;
}

}  // namespace zg
