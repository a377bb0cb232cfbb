// The sampled search for the quadratic-decay constant of docs/math.md §4:
//   rho_eta = inf over the domain of (1 - |eta(y)|) / delta(y)^2,
// by a seeded low-discrepancy start set (plus rings around every teacher direction, where
// near-violations hide), local refinement of the best starts at working precision, and
// the one-sided limits at each teacher direction. An estimate of an infimum: it can only
// overstate rho_eta; the certified check (D2c) is what proves a bound.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/certificate.hpp"

namespace zg {

struct DecaySearchOptions {
  std::size_t start_points = 4000;   ///< low-discrepancy points over the domain
  std::size_t refined_starts = 12;   ///< best distinct starts refined locally
  double far_radius_deg = 10;        ///< "far" = at least this angle from every +-u_i
  std::uint64_t seed = 1;            ///< random shift of the low-discrepancy set
  unsigned max_refine_steps = 2000;  ///< cap on pattern-search steps per start (checked)
};

/// A point of the domain with what was measured there.
struct DecayPoint {
  Vec<Mp> y;      ///< span coordinates, |y| <= 1
  Mp eta{0};
  Mp delta{0};    ///< radians
  Mp ratio{0};    ///< (1 - |eta|) / delta^2
};

struct DecaySearchResult {
  Mp rho_eta;                     ///< min of worst.ratio and every teacher's curvature
  DecayPoint worst;               ///< smallest ratio found at a point with delta > 0
  std::vector<Mp> curvature;      ///< per teacher: smallest one-sided limit over tangent directions
  Eigen::Index worst_teacher = -1;  ///< teacher whose curvature sets rho_eta, or -1 for worst
  DecayPoint max_far;             ///< largest |eta| with delta >= far radius
  DecayPoint max_abs;             ///< largest |eta| anywhere (excluding teacher directions)
  std::size_t evaluations = 0;
  bool refine_cap_hit = false;    ///< a refinement stopped at max_refine_steps
};

/// Guarantee: estimate (an upper bound on the true infimum up to rounding); deterministic
/// for a seed. Domain per Certificate::domain_is_ball.
DecaySearchResult search_decay(const Certificate<Mp>& c, const DecaySearchOptions& options);

/// (1 - s_j eta(cos t u_j + sin t v)) / t^2 for unit tangent v at u_j and small t: the
/// one-sided second-order decay of eta along the sphere (eta is C^2 but not C^3 there).
Mp one_sided_curvature(const Certificate<Mp>& c, Eigen::Index j, const Vec<Mp>& v, const Mp& t);

}  // namespace zg
