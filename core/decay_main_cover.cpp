// The main-cover evaluator (core/decay_main_cover.hpp, docs/proofs.md §3).
#include "core/decay_main_cover.hpp"

#include <algorithm>
#include <cassert>

namespace zg::decay {
namespace {

// The box without its radius coordinate (ball) or as is (sphere).
bnb::Box face_part(const KernelSum& sum, const bnb::Box& box) {
  if (sum.domain == DecayDomain::Sphere) return box;
  return bnb::Box(box.begin() + 1, box.end());
}

std::vector<double> centre_of(const bnb::Box& box) {
  std::vector<double> c;
  c.reserve(box.size());
  for (const bnb::Range& r : box) c.push_back(r.mid());
  return c;
}

// [lo - c, hi - c] from exact doubles. Enclosure.
ArbBall offset(const bnb::Range& r, double c, long prec) {
  const ArbBall m(c, prec);
  return hull(ArbBall(r.lo, prec) - m, ArbBall(r.hi, prec) - m);
}

ArbBall excess_of(const CoverLevel& level, const ArbBall& eta, const ArbBall& delta) {
  return abs(eta) + level.rho * sqr(delta) - 1;
}

}  // namespace

std::vector<bnb::Root> main_cover_roots(int rank, DecayDomain domain) {
  std::vector<bnb::Root> roots;
  for (int k = 1; k <= rank; ++k) {
    bnb::Box box;
    if (domain == DecayDomain::Ball) box.push_back({0, 1});
    for (int l = 0; l < rank - 1; ++l) box.push_back({-1, 1});
    roots.push_back({k, box});
  }
  return roots;
}

BoxPoints main_box_points(const KernelSum& sum, int face, const bnb::Box& box) {
  const long prec = sum.precision;
  ChartPoint cp = normalised_face_point(sum.rank, face, 1, face_part(sum, box), prec);
  BoxPoints pts{{}, std::move(cp.v), std::move(cp.norm), ArbBall(1, prec)};
  if (sum.domain == DecayDomain::Sphere) {
    pts.y = pts.v;
    return pts;
  }
  pts.s = ball_of(box[0], prec);
  pts.y.reserve(pts.v.size());
  for (const ArbBall& vl : pts.v) pts.y.push_back(pts.s * vl);
  return pts;
}

namespace {

// eta~ and delta at the box centre (exact doubles). Enclosures.
struct CentreValue {
  ArbBall eta, delta;
};
CentreValue centre_value(const KernelSum& sum, int face, const std::vector<double>& c) {
  const bool ball = sum.domain == DecayDomain::Ball;
  const std::vector<double> face_c(c.begin() + (ball ? 1 : 0), c.end());
  const ChartPoint cp = normalised_face_centre(sum.rank, face, 1, face_c, sum.precision);
  BallVec yc = cp.v;
  if (ball)
    for (ArbBall& yl : yc) yl *= ArbBall(c[0], sum.precision);
  const Projections p = project(sum, yc);
  return {sum_value(sum, p, yc), touching_delta(sum, p)};
}

// The mean-value form of eta~ about the box centre c, from the box's points and
// projections and eta~(c); nullopt where eta~ is not proved differentiable on the box.
std::optional<ArbBall> mean_value_eta(const KernelSum& sum, int face, const bnb::Box& box, const BoxPoints& pts,
                                      const Projections& p, const std::vector<double>& c, const ArbBall& eta_c) {
  const long prec = sum.precision;
  const std::optional<BallVec> g = sum_gradient(sum, p, pts.y);
  if (!g) return std::nullopt;
  // eta~(box) in eta~(c) + sum_k d_k eta~(box) [x_k - c_k] in chart coordinates.
  const bool ball = sum.domain == DecayDomain::Ball;
  ArbBall eta = eta_c;
  // dy/dx_l = s (e_l - v v_l) / |x| on the free coordinates, dy/ds = v.
  const ArbBall gv = dot(*g, pts.v);
  std::size_t k = 0;
  if (ball) {
    eta += gv * offset(box[0], c[0], prec);
    ++k;
  }
  const ArbBall scale = pts.s / pts.norm;
  for (int l = 0; l < sum.rank; ++l) {
    if (l == face) continue;
    const std::size_t ul = static_cast<std::size_t>(l);
    eta += ((*g)[ul] - gv * pts.v[ul]) * scale * offset(box[k], c[k], prec);
    ++k;
  }
  return eta;
}

}  // namespace

const CoverLevel& MainCover::level_for(const bnb::Box& box) const {
  double w = 0;
  for (const bnb::Range& r : box) w = std::max(w, r.width());
  std::size_t k = 0;
  while (k + 1 < levels.size() && w < levels[k + 1].below_width) ++k;
  return levels[k];
}

ExcessEnclosure enclose_excess(const MainCover& cover, int face, const bnb::Box& box, bool mean_value) {
  const CoverLevel& level = cover.level_for(box);
  const KernelSum& sum = *level.sum;
  const BoxPoints pts = main_box_points(sum, face, box);
  const Projections p = project(sum, pts.y);
  ExcessEnclosure out{sum_value(sum, p, pts.y), ArbBall(), false};
  const ArbBall delta = touching_delta(sum, p);
  out.excess = excess_of(level, out.eta, delta);
  if (!mean_value) return out;
  const std::vector<double> c = centre_of(box);
  const std::optional<ArbBall> mv = mean_value_eta(sum, face, box, pts, p, c, centre_value(sum, face, c).eta);
  if (!mv) return out;
  out.eta = intersect(out.eta, *mv);
  out.excess = excess_of(level, out.eta, delta);
  out.used_mean_value = true;
  return out;
}

bnb::Verdict evaluate_main_box(const MainCover& cover, int face, const bnb::Box& box) {
  const CoverLevel& level = cover.level_for(box);
  const KernelSum& sum = *level.sum;
  // Inside a proved cap (sphere) or strip (ball)?
  bool any_region = false;
  for (const CoverRegion& r : cover.regions) any_region = any_region || r.cap;
  if (any_region) {
    const bool ball = sum.domain == DecayDomain::Ball;
    const ChartPoint cp = normalised_face_point(sum.rank, face, 1, face_part(sum, box), sum.precision);
    for (std::size_t j = 0; j < cover.regions.size(); ++j) {
      const CoverRegion& r = cover.regions[j];
      if (!r.cap || (ball && !(r.strip && box[0].lo >= r.s0))) continue;
      const Centre& c = sum.centres[static_cast<std::size_t>(sum.touching[j].centre)];
      if (certainly_ge(abs(dot(cp.v, c.u)), r.cos_T))
        return bnb::Proved{0, static_cast<int>(ball ? LeafMethod::Strip : LeafMethod::Cap), static_cast<int>(j)};
    }
  }
  const ArbBall& allowance = sum.residual_allowance;
  const BoxPoints pts = main_box_points(sum, face, box);
  const Projections p = project(sum, pts.y);
  ArbBall eta = sum_value(sum, p, pts.y);
  const ArbBall delta = touching_delta(sum, p);
  ArbBall excess = excess_of(level, eta, delta);
  const int enclosure = static_cast<int>(LeafMethod::Enclosure);
  if (certainly_le(excess, level.tau_prime)) return bnb::Proved{excess.upper_double(), enclosure, -1};
  if (certainly_gt(excess, allowance)) return bnb::Violated{excess.lower_double(), std::nullopt};
  const std::vector<double> c = centre_of(box);
  const CentreValue at_c = centre_value(sum, face, c);
  if (const std::optional<ArbBall> mv = mean_value_eta(sum, face, box, pts, p, c, at_c.eta)) {
    eta = intersect(eta, *mv);
    excess = excess_of(level, eta, delta);
    if (certainly_le(excess, level.tau_prime)) return bnb::Proved{excess.upper_double(), enclosure, -1};
    if (certainly_gt(excess, allowance)) return bnb::Violated{excess.lower_double(), std::nullopt};
  }
  // The claim fails at the centre: a small box with a corner there, a node of the halving
  // tree below this box ([c, c + w 2^-m] per coordinate), may be a witness.
  if (certainly_gt(excess_of(level, at_c.eta, at_c.delta), allowance)) {
    for (int m : {12, 24, 36}) {
      bnb::Box corner = box;
      for (std::size_t k = 0; k < box.size(); ++k) corner[k] = {c[k], c[k] + std::ldexp(box[k].width(), -m)};
      const ExcessEnclosure e = enclose_excess(cover, face, corner, true);
      if (certainly_gt(e.excess, cover.level_for(corner).sum->residual_allowance))
        return bnb::Violated{e.excess.lower_double(), corner};
    }
  }
  return bnb::Split{-1, excess.upper_double()};
}

}  // namespace zg::decay
