// Summaries of a sweep's samples (docs/scale-out.md): the Wilson score interval of a
// binomial fraction and the quantiles of a sample, as a user would compute them in R or
// NumPy, so a sweep's table can be checked against either.
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace zg {

/// A two-sided interval for a binomial proportion.
struct ProportionInterval {
  double lower = 0;
  double upper = 1;
};

/// The standard normal quantile of 0.975: the z of a two-sided 95% interval, to double
/// precision (Phi^{-1}(0.975) = 1.959963984540054...).
inline constexpr double kZ95 = 1.959963984540054;

/// Wilson's score interval for `successes` out of `trials` (Wilson 1927; R's
/// binom.confint(method = "wilson"), without continuity correction): the p with
/// |successes / trials - p| <= z sqrt(p (1 - p) / trials). Guarantee: rounded (a few ulps
/// of double); [0, 1] when trials = 0. Throws std::invalid_argument when successes > trials.
ProportionInterval wilson_interval(std::uint64_t successes, std::uint64_t trials, double z = kZ95);

/// The q-quantile of a sample by linear interpolation between order statistics
/// (Hyndman and Fan's type 7: R's quantile() and NumPy's default), for 0 <= q <= 1:
/// with the sorted sample x_0 <= ... <= x_{n-1} and h = (n - 1) q, x_floor(h) +
/// (h - floor(h)) (x_floor(h)+1 - x_floor(h)). Guarantee: exact order statistics, one
/// rounded interpolation in T. Throws std::invalid_argument for an empty sample or q
/// outside [0, 1].
template <class T>
T sample_quantile(std::vector<T> sample, double q) {
  if (sample.empty()) throw std::invalid_argument("sample_quantile: empty sample");
  if (!(q >= 0 && q <= 1)) throw std::invalid_argument("sample_quantile: q outside [0, 1]");
  std::sort(sample.begin(), sample.end());
  const double h = static_cast<double>(sample.size() - 1) * q;
  const std::size_t below = static_cast<std::size_t>(h);
  if (below + 1 >= sample.size()) return sample.back();
  const T fraction = T(h - static_cast<double>(below));  // exact: h has at most 53 bits
  const T low = sample[below];
  const T high = sample[below + 1];
  return T(low + fraction * (high - low));
}

}  // namespace zg
