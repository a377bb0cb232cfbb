// The Wilson score interval (verify/sample_statistics.hpp).
#include "verify/sample_statistics.hpp"

#include <cmath>

namespace zg {

ProportionInterval wilson_interval(std::uint64_t successes, std::uint64_t trials, double z) {
  if (successes > trials) throw std::invalid_argument("wilson_interval: more successes than trials");
  if (trials == 0) return {};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  // The roots of (p - x)^2 = z^2 x (1 - x) / n: centre and half-width of the score interval.
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  // The ends are exactly 0 and 1 when no trial, or every trial, succeeded.
  const double lower = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  const double upper = successes == trials ? 1.0 : std::min(1.0, centre + half);
  return {lower, upper};
}

}  // namespace zg
