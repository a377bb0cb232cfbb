// A downstream program of the installed package (docs/packaging.md): the teacher of the
// default configuration (configs/default.toml), its pre-certificate and the decay
// constant rho_eta that claim D2 measures (docs/math.md §4), printed to 40 significant
// digits. scripts/package_test.sh compares them with `verify run --claims D2`.
#include <cstdint>
#include <exception>
#include <iostream>
#include <string>

#include "core/certificate.hpp"
#include "core/certificate_search.hpp"
#include "core/numeric_types.hpp"
#include "core/problem_spec.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/claim_registry.hpp"

namespace {

// configs/default.toml: `digits = 50`, `seed = 1` and its [teacher]; [certificate] keeps
// its defaults there, which are CertificateSettings' own.
constexpr unsigned kDigits = 50;
constexpr std::uint64_t kSeed = 1;

zg::ProblemSpec default_problem() {
  zg::ProblemSpec problem;
  problem.teacher.dimension = 16;
  problem.teacher.directions = zg::PlanarDirections{{0.0, 60.0, 120.0}};
  problem.teacher.weights = {1.0, -1.0, 1.0};
  return problem;
}

}  // namespace

int main() {
  try {
    // The claims table and its checks came with the library: builtin() throws when a row
    // lost its check, as it would if zgverify::lemmas were not linked whole.
    const zg::ClaimSpec* d2 = zg::ClaimRegistry::builtin().find("D2");
    if (d2 == nullptr) {
      std::cerr << "default_rho_eta: the claims table has no row D2\n";
      return 1;
    }
    std::cerr << d2->id << ": " << d2->title << "\n";

    const zg::ScopedDigits precision(kDigits);  // before any value is made
    const zg::ProblemSpec problem = default_problem();
    // What D2's check computes (lemmas/certificate_checks.cpp): the pre-certificate at the
    // working precision, then the seeded search of its decay constant.
    const zg::Certificate<zg::Mp> certificate = zg::certificate_for(problem, kDigits);
    const zg::DecaySearchResult search = zg::decay_search_for(certificate, problem, kSeed);
    std::cout << zg::to_decimal(search.rho_eta, 40) << "\n";  // correctly rounded, 40 significant digits
  } catch (const std::exception& e) {
    std::cerr << "default_rho_eta: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
