// Witness boxes of a failed decay bound (core/decay_witness.hpp).
#include "core/decay_witness.hpp"

#include <cmath>
#include <cstdlib>

#include "core/decay_charts.hpp"
#include "core/decay_record.hpp"

namespace zg::decay {
namespace {

// [c - h, c + h] on the grid of multiples of h, clipped to [lo, hi]: exact doubles (h is a
// power of two and |c| <= 1, so every multiple of h in range is a double).
bnb::Range grid_range(double c, double h, double lo, double hi) {
  const double centre = std::floor(c / h) * h;
  return {std::max(lo, centre - h), std::min(hi, centre + 2 * h)};
}

}  // namespace

std::optional<DecayWitness> witness_near(const KernelSum& s, const std::vector<double>& y, const ArbBall& rho,
                                         long prec, int log2_half_width) {
  const int r = s.rank;
  if (static_cast<int>(y.size()) != r || r < 2) return std::nullopt;
  int k = 0;
  for (int l = 1; l < r; ++l)
    if (std::abs(y[l]) > std::abs(y[k])) k = l;
  if (!(std::abs(y[k]) > 0)) return std::nullopt;
  const double h = std::ldexp(1.0, -log2_half_width);
  bnb::Box free;
  for (int l = 0; l < r; ++l)
    if (l != k) free.push_back(grid_range(y[l] / y[k], h, -1, 1));  // the face point, y_k scaled to +1
  const ChartPoint cp = normalised_face_point(r, k, 1, free, prec);
  BallVec point = cp.v;
  bnb::Box box = free;
  if (s.domain == DecayDomain::Ball) {
    double norm = 0;
    for (double v : y) norm += v * v;
    const bnb::Range radius = grid_range(std::sqrt(norm), h, 0, 1);
    const ArbBall sr = ball_of(radius, prec);
    for (ArbBall& v : point) v = sr * v;
    box.insert(box.begin(), radius);
  }
  const Projections p = project(s, point);
  const ArbBall eta = sum_value(s, p, point);
  const ArbBall delta = touching_delta(s, p);
  const ArbBall excess = abs(eta) + rho * delta * delta - ArbBall(1.0, prec);
  if (!certainly_gt(excess, s.residual_allowance)) return std::nullopt;
  return DecayWitness{k + 1, decimal_box(box), lower_decimal(excess, decimal_digits(prec))};
}

}  // namespace zg::decay
