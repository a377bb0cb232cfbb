// Small statistics the measured claims share: a median and the least-squares slope of
// log y against log x (a fitted exponent). In double on purpose: they describe figures for
// people; no verdict compares them at working precision.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace zg {

/// The median of v (the mean of the middle two for an even count). Requires v non-empty.
inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t k = v.size() / 2;
  return v.size() % 2 == 1 ? v[k] : (v[k - 1] + v[k]) / 2;
}

/// Least-squares slope of log y against log x, centred for accuracy. Requires at least two
/// distinct positive x and positive y. Guarantee: estimate, rounded in double.
inline double log_slope(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += std::log(x[i]) / n, my += std::log(y[i]) / n;
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = std::log(x[i]) - mx;
    sxy += dx * (std::log(y[i]) - my);
    sxx += dx * dx;
  }
  return sxy / sxx;
}

}  // namespace zg
