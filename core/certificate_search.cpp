// The sampled decay search (core/certificate_search.hpp).
#include "core/certificate_search.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/special_functions/erf.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>


namespace zg {
namespace {

// Radical inverse of n in the given prime base: the Halton sequence's coordinate.
double radical_inverse(std::uint64_t n, unsigned base) {
  double inv = 1.0 / base, f = inv, x = 0;
  for (; n > 0; n /= base, f *= inv) x += f * static_cast<double>(n % base);
  return x;
}

constexpr unsigned kPrimes[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};

Mp degrees_to_radians(double deg) { return Mp(deg) * pi<Mp>() / 180; }

class Evaluator {
 public:
  Evaluator(const Certificate<Mp>& c, DecaySearchResult& result, const Mp& far_radius)
      : c_(c), result_(result), far_radius_(far_radius) {}

  // Evaluates at y, updating the running extremes; returns the point.
  DecayPoint at(const Vec<Mp>& y) {
    DecayPoint p;
    p.y = y;
    p.eta = certificate_value(c_, y);
    p.delta = certificate_delta(c_, y);
    ++result_.evaluations;
    if (p.delta > 0) {
      p.ratio = (1 - abs(p.eta)) / (p.delta * p.delta);
      if (p.ratio < result_.worst.ratio || result_.worst.y.size() == 0) result_.worst = p;
      if (abs(p.eta) > abs(result_.max_abs.eta) || result_.max_abs.y.size() == 0) result_.max_abs = p;
      if (p.delta >= far_radius_ && (abs(p.eta) > abs(result_.max_far.eta) || result_.max_far.y.size() == 0))
        result_.max_far = p;
    }
    return p;
  }

 private:
  const Certificate<Mp>& c_;
  DecaySearchResult& result_;
  Mp far_radius_;
};

// Keeps y in the domain: on the sphere, normalised; in the ball, pulled back to |y| <= 1.
Vec<Mp> into_domain(const Vec<Mp>& y, bool ball) {
  const Mp n = y.norm();
  if (!ball || n > 1) return y / n;
  return y;
}

// The low-discrepancy start set: a randomly shifted Halton sequence mapped to the sphere
// (Gaussian coordinates by the inverse normal CDF, normalised) or to the ball (a sphere
// point scaled by U^(1/r), with U one more Halton coordinate).
std::vector<Vec<Mp>> start_points(const Certificate<Mp>& c, const DecaySearchOptions& o) {
  const Eigen::Index r = c.rank();
  const bool ball = c.domain_is_ball();
  const Eigen::Index coords = r + (ball ? 1 : 0);
  boost::random::mt19937_64 engine(o.seed);
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> shift(static_cast<std::size_t>(coords));
  for (double& s : shift) s = unit(engine);
  std::vector<Vec<Mp>> points;
  points.reserve(o.start_points);
  for (std::uint64_t n = 1; points.size() < o.start_points; ++n) {
    Vec<Mp> y(r);
    for (Eigen::Index k = 0; k < r; ++k) {
      double u = radical_inverse(n, kPrimes[k % 16]) + shift[static_cast<std::size_t>(k)];
      u -= std::floor(u);
      u = std::min(std::max(u, 1e-12), 1 - 1e-12);
      y(k) = Mp(std::sqrt(2.0) * boost::math::erf_inv(2 * u - 1));
    }
    const Mp n2 = y.norm();
    if (!(n2 > 0)) continue;
    y /= n2;
    if (ball) {
      double u = radical_inverse(n, kPrimes[r % 16]) + shift[static_cast<std::size_t>(r)];
      u -= std::floor(u);
      y *= Mp(std::pow(u, 1.0 / static_cast<double>(r)));
    }
    points.push_back(y);
  }
  return points;
}

// Rings around each teacher direction, where near-violations of the bound sit 5-10 deg
// away (docs/math.md §4): angles 0.25 .. 15 deg along +-each tangent axis, and for the ball
// also slightly inside it.
std::vector<Vec<Mp>> teacher_rings(const Certificate<Mp>& c) {
  std::vector<Vec<Mp>> points;
  const double angles[] = {0.25, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15};
  const std::vector<Mp> scales = c.domain_is_ball() ? std::vector<Mp>{Mp(1), Mp("0.999"), Mp("0.99"), Mp("0.95")}
                                                    : std::vector<Mp>{Mp(1)};
  for (Eigen::Index j = 0; j < c.width(); ++j) {
    const Mat<Mp> B = detail::complement_basis<Mp>(Vec<Mp>(c.U.col(j)));
    for (Eigen::Index k = 0; k < B.cols(); ++k)
      for (int sign : {1, -1})
        for (double a : angles) {
          const Mp t = degrees_to_radians(a);
          const Vec<Mp> y = cos(t) * c.U.col(j) + (sign * sin(t)) * B.col(k);
          for (const Mp& s : scales) points.push_back(Vec<Mp>(s * y));
        }
  }
  return points;
}

// Compass search: from `start`, try +-h along each local axis (tangent axes on the
// sphere, coordinate axes in the ball), move on improvement of `score` (smaller is
// better), halve h otherwise. `allowed` rejects moves (for constrained maxima).
template <class Score, class Allowed>
DecayPoint compass_search(Evaluator& eval, const DecayPoint& start, bool ball, Score score, Allowed allowed,
                          unsigned max_steps, bool& cap_hit) {
  DecayPoint best = start;
  Mp h("0.02");
  const Mp h_min("1e-10");  // y to 1e-10: the ratio to ~1e-20 near a smooth minimum
  unsigned steps = 0;
  while (h > h_min) {
    if (++steps > max_steps) {
      cap_hit = true;
      break;
    }
    const Eigen::Index r = best.y.size();
    const Mat<Mp> axes = ball ? Mat<Mp>(Mat<Mp>::Identity(r, r)) : detail::complement_basis<Mp>(Vec<Mp>(best.y / best.y.norm()));
    bool improved = false;
    for (Eigen::Index k = 0; k < axes.cols() && !improved; ++k)
      for (int sign : {1, -1}) {
        const Vec<Mp> y = into_domain(Vec<Mp>(best.y + (sign * h) * axes.col(k)), ball);
        const DecayPoint p = eval.at(y);
        if (p.delta > 0 && allowed(p) && score(p) < score(best)) {
          best = p;
          improved = true;
          break;
        }
      }
    if (!improved) h /= 2;
  }
  return best;
}

// The limit q(v) = lim_{t->0+} (1 - s_j eta(cos t u_j + sin t v)) / t^2 over unit tangents
// v at u_j. The smooth part of eta gives a quadratic form in v; the i = j beta term,
// (pi/2 - t) (beta_j.v) sin t / (2 pi), is only C^1 in t and adds the odd part
// s_j (beta_j.v) / (2 pi): q(v) = v^T A v + b.v. A and b come from q at +-axes and
// +-diagonals; the minimum over the unit sphere is found on the model, then measured
// on eta itself at the minimiser (so the reported value is a ratio actually attained).
Mp curvature_limit(const Certificate<Mp>& c, Eigen::Index j, const Mp& t, std::size_t& evaluations) {
  const Mat<Mp> B = detail::complement_basis<Mp>(Vec<Mp>(c.U.col(j)));
  const Eigen::Index n = B.cols();
  auto q = [&](const Vec<Mp>& v) {
    ++evaluations;
    return one_sided_curvature(c, j, Vec<Mp>(B * v), t);
  };
  if (n == 1) return std::min(q(Vec<Mp>::Constant(1, Mp(1))), q(Vec<Mp>::Constant(1, Mp(-1))));
  Mat<Mp> A(n, n);
  Vec<Mp> b(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    const Vec<Mp> e = Vec<Mp>::Unit(n, k);
    const Mp plus = q(e), minus = q(Vec<Mp>(-e));
    A(k, k) = (plus + minus) / 2;
    b(k) = (plus - minus) / 2;
  }
  for (Eigen::Index k = 0; k < n; ++k)
    for (Eigen::Index l = k + 1; l < n; ++l) {
      const Vec<Mp> e = (Vec<Mp>::Unit(n, k) + Vec<Mp>::Unit(n, l)) / sqrt(Mp(2));
      const Mp even = (q(e) + q(Vec<Mp>(-e))) / 2;
      A(k, l) = A(l, k) = even - (A(k, k) + A(l, l)) / 2;
    }
  auto model = [&](const Vec<Mp>& v) { return Mp(v.dot(A * v) + b.dot(v)); };
  // Minimise the model: a Fibonacci-like spread of unit vectors, then compass refinement.
  boost::random::mt19937_64 engine(static_cast<std::uint64_t>(j) + 1);
  boost::random::normal_distribution<double> normal;
  Vec<Mp> best;
  Mp best_value;
  for (int k = 0; k < 2000; ++k) {
    Vec<Mp> v(n);
    for (Eigen::Index i = 0; i < n; ++i) v(i) = Mp(normal(engine));
    v /= v.norm();
    const Mp value = model(v);
    if (k == 0 || value < best_value) best = v, best_value = value;
  }
  for (Mp h("0.05"); h > Mp("1e-12");) {
    bool improved = false;
    for (Eigen::Index i = 0; i < n && !improved; ++i)
      for (int sign : {1, -1}) {
        Vec<Mp> v = best + (sign * h) * Vec<Mp>::Unit(n, i);
        v /= v.norm();
        const Mp value = model(v);
        if (value < best_value) {
          best = v, best_value = value, improved = true;
          break;
        }
      }
    if (!improved) h /= 2;
  }
  return q(best);
}

}  // namespace

Mp one_sided_curvature(const Certificate<Mp>& c, Eigen::Index j, const Vec<Mp>& v, const Mp& t) {
  const Vec<Mp> y = cos(t) * c.U.col(j) + sin(t) * v;
  return (1 - c.signs(j) * certificate_value(c, y)) / (t * t);
}

DecaySearchResult search_decay(const Certificate<Mp>& c, const DecaySearchOptions& o) {
  DecaySearchResult result;
  const bool ball = c.domain_is_ball();
  const Mp far = degrees_to_radians(o.far_radius_deg);
  Evaluator eval(c, result, far);

  // Start set, rings, then refinement of the best distinct starts.
  std::vector<DecayPoint> evaluated;
  for (const Vec<Mp>& y : start_points(c, o)) evaluated.push_back(eval.at(y));
  for (const Vec<Mp>& y : teacher_rings(c)) evaluated.push_back(eval.at(y));
  std::sort(evaluated.begin(), evaluated.end(), [](const DecayPoint& a, const DecayPoint& b) {
    if (!(a.delta > 0)) return false;
    if (!(b.delta > 0)) return true;
    return a.ratio < b.ratio;
  });
  const Mp distinct = degrees_to_radians(1);
  std::vector<DecayPoint> chosen;
  for (const DecayPoint& p : evaluated) {
    if (chosen.size() >= o.refined_starts || !(p.delta > 0)) break;
    bool near = false;
    for (const DecayPoint& q : chosen) near = near || (p.y - q.y).norm() < distinct;
    if (!near) chosen.push_back(p);
  }
  auto by_ratio = [](const DecayPoint& p) { return p.ratio; };
  auto anywhere = [](const DecayPoint&) { return true; };
  for (const DecayPoint& p : chosen)
    compass_search(eval, p, ball, by_ratio, anywhere, o.max_refine_steps, result.refine_cap_hit);

  // The largest |eta| far from every teacher direction, refined the same way.
  if (result.max_far.y.size() > 0) {
    auto by_minus_abs_eta = [](const DecayPoint& p) { return Mp(-abs(p.eta)); };
    auto far_enough = [&far](const DecayPoint& p) { return p.delta >= far; };
    compass_search(eval, result.max_far, ball, by_minus_abs_eta, far_enough, o.max_refine_steps,
                   result.refine_cap_hit);
  }

  // One-sided limits at each teacher direction (curvature_limit).
  const Mp t = pow(Mp(10), -static_cast<int>(Mp::default_precision() / 4));
  result.rho_eta = result.worst.ratio;
  for (Eigen::Index j = 0; j < c.width(); ++j) {
    if (c.rank() < 2) continue;  // rank 1: no tangent directions, the sphere is {+-u}
    const Mp lowest = curvature_limit(c, j, t, result.evaluations);
    result.curvature.push_back(lowest);
    if (lowest < result.rho_eta) {
      result.rho_eta = lowest;
      result.worst_teacher = j;
    }
  }
  return result;
}

}  // namespace zg
