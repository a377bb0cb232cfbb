// Caps at the touching points (core/decay_cap.hpp, docs/proofs.md §4).
#include "core/decay_cap.hpp"

#include <algorithm>
#include <cmath>

#include "core/decay_record.hpp"

namespace zg::decay {
namespace {

BallVec tail(const BallVec& v) { return BallVec(v.begin() + 1, v.end()); }

// The kernel part of a centre's second derivative along the ray, K''(x) xd^2 - K'(x) x,
// with K''(x) xd^2 = xd^2 / (2 pi sqrt(1 - x^2)) intersected with [0, sqrt(1 - x^2)/(2 pi)]
// (x^2 + xd^2 <= 1 for the exact values). Enclosure for every |x| <= 1.
ArbBall kernel_second(const KernelSum& s, const ArbBall& x, const ArbBall& xd) {
  const ArbBall om = one_minus_square(x);
  const ArbBall root = sqrt_of_nonnegative_part(om);
  const ArbBall range = hull(ArbBall::zero(s.precision), root / s.two_pi);
  const ArbBall k2 = certainly_positive(om) ? intersect(sqr(xd) / (s.two_pi * root), range) : range;
  return k2 - asin_of_unit_part((x)) * x / s.two_pi;
}

// The touching centre's kernel part, exact form: d^2/dt^2 K(cos t) = (s - (pi/2 - t) c) / (2 pi).
ArbBall touching_kernel_second(const KernelSum& s, const ArbBall& c, const ArbBall& sn, const ArbBall& hp) {
  return (sn - hp * c) / s.two_pi;
}

}  // namespace

namespace {

// Enclosure of {a / sqrt(a^2 + Q) : a in `a`, Q in `Q`, Q >= 0} (a number in [-1, 1]): the
// map increases in a, and in Q it decreases for a >= 0 and increases for a <= 0, so its
// extremes are at the corners (a_lo, Q_hi or Q_lo) and (a_hi, Q_lo or Q_hi). A corner
// where it is not defined (a = Q = 0) gives -1 or 1. Enclosure.
ArbBall signed_ratio(const ArbBall& a, const ArbBall& Q) {
  const long prec = a.precision();
  if (!a.is_finite() || !Q.is_finite()) return ArbBall::interval(-1, 1, prec);
  const Mp q_lo = std::max(Mp(0), Q.lower()), q_hi = Q.upper();
  if (q_hi < 0) return ArbBall::interval(-1, 1, prec);  // no admissible Q: claim nothing
  auto at = [&](const Mp& x, const Mp& q) {
    const ArbBall xb = ArbBall::exact(x, prec);
    return xb / sqrt_of_nonnegative_part(sqr(xb) + ArbBall::exact(q, prec));
  };
  const Mp a_lo = a.lower(), a_hi = a.upper();
  const ArbBall lo = at(a_lo, a_lo >= 0 ? q_hi : q_lo);
  const ArbBall hi = at(a_hi, a_hi >= 0 ? q_lo : q_hi);
  const ArbBall bottom = lo.is_finite() ? ArbBall::exact(lo.lower(), prec) : ArbBall(-1, prec);
  const ArbBall top = hi.is_finite() ? ArbBall::exact(hi.upper(), prec) : ArbBall(1, prec);
  return clamp_to_unit(hull(bottom, top));
}

}  // namespace

ArbBall dipole_second_angle_form(const KernelSum& s, const ArbBall& gamma, const ArbBall& Xb, const ArbBall& Xn,
                                 const ArbBall& Xbd, const ArbBall& Xnd, const DipoleRayFrame& frame) {
  const long prec = s.precision;
  const SinCos cs = sin_cos(hull(ArbBall::zero(prec), gamma));
  const ArbBall x = clamp_to_unit(cs.cos * Xb + cs.sin * Xn);      // y.u(phi)
  const ArbBall xp = cs.cos * Xn - cs.sin * Xb;                     // y.u'(phi)
  const ArbBall xd = clamp_to_unit(cs.cos * Xbd + cs.sin * Xnd);   // ydot.u(phi)
  const ArbBall xdp = clamp_to_unit(cs.cos * Xnd - cs.sin * Xbd);  // ydot.u'(phi)
  const ArbBall unit = ArbBall::interval(-1, 1, prec);
  const ArbBall om = one_minus_square(x);
  const bool inside = certainly_positive(om);
  const ArbBall root = inside ? sqrt(om) : ArbBall();
  // r1 = (y.u') / sqrt(1 - x^2), r2 = (ydot.u) / sqrt(1 - x^2), both in [-1, 1]: the
  // monotone forms, intersected with the plain quotients where those exist.
  BallVec p;
  for (std::size_t k = 0; k < frame.p_b.size(); ++k) p.push_back(cs.cos * frame.p_b[k] + cs.sin * frame.p_n[k]);
  const ArbBall r1 = intersect(signed_ratio(xp, frame.q2), inside ? intersect(xp / root, unit) : unit);
  const ArbBall r2 = intersect(signed_ratio(xd, dot(p, p)), inside ? intersect(xd / root, unit) : unit);
  // 2 pi d^2/dt^2 d/dphi K(y.u(phi)) = x r1 (r2^2 - 1) + 2 r2 (ydot.u') - asin(x) (y.u').
  const ArbBall third = x * r1 * (sqr(r2) - 1) + 2 * r2 * xdp - asin_of_unit_part(x) * clamp_to_unit(xp);
  return gamma * third / s.two_pi;
}

CapData cap_data(const KernelSum& sum, int touching) {
  CapData d;
  d.touching = touching;
  d.centre = sum.touching[static_cast<std::size_t>(touching)].centre;
  d.sign = sum.touching[static_cast<std::size_t>(touching)].sign;
  const Centre& cj = sum.centres[static_cast<std::size_t>(d.centre)];
  d.frame = cap_frame(cj.u);
  const int sigma = d.frame.sigma;
  const std::size_t r = cj.u.size();
  for (std::size_t i = 0; i < sum.centres.size(); ++i) {
    const Centre& c = sum.centres[i];
    const BallVec Hb = c.has_beta ? apply_frame(d.frame, c.bperp) : BallVec(r, ArbBall::zero(sum.precision));
    if (static_cast<int>(i) == d.centre) {
      // H u_j = sigma e_1 and (H b_j^perp)_1 = sigma u_j . b_j^perp = 0, exactly.
      d.A.push_back(ArbBall(sigma, sum.precision));
      d.C.push_back(ArbBall::zero(sum.precision));
      d.P.push_back(BallVec(r - 1, ArbBall::zero(sum.precision)));
      d.Q.push_back(tail(Hb));
      continue;
    }
    // (H x)_1 = (H e_1) . x = sigma u_j . x: tighter than through H.
    d.A.push_back(clamp_to_unit(sigma * dot(cj.u, c.u)));
    d.C.push_back(c.has_beta ? sigma * dot(cj.u, c.bperp) : ArbBall::zero(sum.precision));
    d.P.push_back(tail(apply_frame(d.frame, c.u)));
    d.Q.push_back(tail(Hb));
  }
  for (const Dipole& dp : sum.dipoles) {
    d.GA.push_back(sigma * dot(cj.u, dp.gap));
    d.GP.push_back(tail(apply_frame(d.frame, dp.gap)));
    d.NA.push_back(dp.angle_form ? sigma * dot(cj.u, dp.n) : ArbBall::zero(sum.precision));
    d.NP.push_back(dp.angle_form ? tail(apply_frame(d.frame, dp.n)) : BallVec());
  }
  d.half_pi = sum.pi / 2;
  return d;
}

CapConstants cap_constants(const KernelSum& sum, const CapData& d) {
  const std::size_t r = static_cast<std::size_t>(sum.rank);
  const std::size_t j = static_cast<std::size_t>(d.centre);
  ArbBall h0 = ArbBall::zero(sum.precision);
  BallVec g(r - 1, ArbBall::zero(sum.precision));
  std::vector<ArbBall> asin_A;
  for (const ArbBall& a : d.A) asin_A.push_back(asin_of_unit_part(a));
  for (std::size_t i = 0; i < sum.centres.size(); ++i) {
    const Centre& c = sum.centres[i];
    h0 += c.alpha * kernel_on_ball(sum, d.A[i], asin_A[i]);  // K(A_j) = K(1) for the touching centre
    if (i == j) {
      // d/dt at t = 0 of the touching centre's beta term: sigma D_j / 4 (docs/proofs.md §4).
      if (c.has_beta)
        for (std::size_t k = 0; k + 1 < r; ++k) g[k] += d.frame.sigma * d.Q[i][k] / 4;
      continue;
    }
    ArbBall along = c.alpha * asin_A[i];
    if (c.has_beta) {
      h0 += asin_A[i] * d.C[i] / sum.two_pi;
      along += d.C[i] / sqrt(one_minus_square(d.A[i]));  // indeterminate when A_i may be +-1: the cap fails
      for (std::size_t k = 0; k + 1 < r; ++k) g[k] += asin_A[i] * d.Q[i][k] / sum.two_pi;
    }
    for (std::size_t k = 0; k + 1 < r; ++k) g[k] += along * d.P[i][k] / sum.two_pi;
  }
  for (std::size_t p = 0; p < sum.dipoles.size(); ++p) {
    const Dipole& dp = sum.dipoles[p];
    const std::size_t a = static_cast<std::size_t>(dp.a), b = static_cast<std::size_t>(dp.b);
    const ArbBall direct = kernel_on_ball(sum, d.A[a], asin_A[a]) - kernel_on_ball(sum, d.A[b], asin_A[b]);
    const ArbBall gap = hull(dp.flip * asin_A[a], asin_A[b]) * d.GA[p] / sum.two_pi;
    h0 += dp.mass * intersect(direct, gap);
    for (std::size_t k = 0; k + 1 < r; ++k)
      g[k] += dp.mass * (asin_A[a] * d.P[a][k] - asin_A[b] * d.P[b][k]) / sum.two_pi;
  }
  ArbBall g2 = ArbBall::zero(sum.precision);
  for (const ArbBall& gk : g) g2 += sqr(gk);
  return {d.sign * h0, sqrt_of_nonnegative_part(g2)};
}

ArbBall cap_second_derivative(const KernelSum& sum, const CapData& d, const ArbBall& t, const BallVec& zhat) {
  const SinCos sc = sin_cos(t);
  const ArbBall& c = sc.cos;
  const ArbBall& sn = sc.sin;
  const ArbBall hp = d.half_pi - t;
  const std::size_t j = static_cast<std::size_t>(d.centre);
  const std::size_t m = sum.centres.size();
  std::vector<ArbBall> x(m, ArbBall::zero(sum.precision)), xd(m, ArbBall::zero(sum.precision));
  for (std::size_t i = 0; i < m; ++i) {
    if (i == j) continue;
    const ArbBall B = dot(zhat, d.P[i]);
    x[i] = clamp_to_unit(c * d.A[i] + sn * B);
    xd[i] = B * c - sn * d.A[i];
  }
  auto kernel_part = [&](std::size_t i) {
    return i == j ? touching_kernel_second(sum, c, sn, hp) : kernel_second(sum, x[i], xd[i]);
  };
  ArbBall total = ArbBall::zero(sum.precision);
  for (std::size_t i = 0; i < m; ++i) {
    const Centre& ci = sum.centres[i];
    total += ci.alpha * kernel_part(i);
    if (!ci.has_beta) continue;
    const ArbBall D = dot(zhat, d.Q[i]);
    if (i == j) {
      total += d.frame.sigma * D * (-2 * c - hp * sn) / sum.two_pi;
      continue;
    }
    const ArbBall L = c * d.C[i] + sn * D, Ld = D * c - sn * d.C[i];
    const ArbBall om = one_minus_square(x[i]);
    if (!certainly_positive(om)) return ArbBall(std::nan(""), sum.precision);
    const ArbBall root = sqrt(om);
    total += ((2 * xd[i] * Ld - x[i] * L) / root + sqr(xd[i]) * x[i] * L / (om * root) - asin_of_unit_part(x[i]) * L) / sum.two_pi;
  }
  // Dipoles: the direct difference, intersected with the angle form where there is one.
  for (std::size_t p = 0; p < sum.dipoles.size(); ++p) {
    const Dipole& dp = sum.dipoles[p];
    const std::size_t b = static_cast<std::size_t>(dp.b);
    const ArbBall direct = kernel_part(static_cast<std::size_t>(dp.a)) - kernel_part(b);
    if (!dp.angle_form) {
      // |2 pi d^2/dt^2 d/dphi K| <= 3 + pi/2 whatever n is (docs/proofs.md §8).
      const ArbBall crude = dp.gamma_range * ArbBall::interval(-1, 1, sum.precision) * (3 + sum.pi / 2) / sum.two_pi;
      total += dp.mass * intersect(direct, crude);
      continue;
    }
    // Along the ray: X = y.u_b, Xn = y.n and their t-derivatives (for the touching centre
    // itself y.u_j = sigma c exactly).
    const ArbBall Bb = b == j ? ArbBall::zero(sum.precision) : dot(zhat, d.P[b]);
    const ArbBall Xb = c * d.A[b] + sn * Bb, Xbd = Bb * c - sn * d.A[b];
    const ArbBall Bn = dot(zhat, d.NP[p]);
    const ArbBall Xn = c * d.NA[p] + sn * Bn, Xnd = Bn * c - sn * d.NA[p];
    // In frame coordinates: y = (c, sn zhat), ydot = (-sn, c zhat), u_b = (A_b, P_b) (for
    // the touching centre (sigma, 0), as cap_data stores it), n = (NA, NP).
    const std::size_t r = zhat.size() + 1;
    DipoleRayFrame frame;
    frame.q2 = ArbBall::zero(sum.precision);
    for (std::size_t k = 0; k < r; ++k) {
      const ArbBall yk = k == 0 ? c : sn * zhat[k - 1];
      const ArbBall ydk = k == 0 ? -sn : c * zhat[k - 1];
      const ArbBall& ubk = k == 0 ? d.A[b] : d.P[b][k - 1];
      const ArbBall nk = k == 0 ? d.NA[p] : d.NP[p][k - 1];
      frame.q2 += sqr(yk - Xb * ubk - Xn * nk);
      frame.p_b.push_back(ubk - Xb * yk - Xbd * ydk);
      frame.p_n.push_back(nk - Xn * yk - Xnd * ydk);
    }
    total += dp.mass * intersect(direct, dipole_second_angle_form(sum, dp.gamma, Xb, Xn, Xbd, Xnd, frame));
  }
  return d.sign * total;
}

std::vector<bnb::Root> sphere_face_roots(int rank, const bnb::Box& leading) {
  std::vector<bnb::Root> roots;
  for (int k = 1; k <= std::max(1, rank - 1); ++k)
    for (int sign : {1, -1}) {
      bnb::Box box = leading;
      for (int l = 0; l < rank - 2; ++l) box.push_back({-1, 1});
      roots.push_back({sign * k, box});
    }
  return roots;
}

BallVec piece_directions(int rank, int tag, const bnb::Box& box, std::size_t leading_count, long prec) {
  const bnb::Box free(box.begin() + static_cast<std::ptrdiff_t>(leading_count), box.end());
  return ray_direction(rank, std::abs(tag) - 1, tag > 0 ? 1 : -1, free, prec);
}

double first_refuted_sample(const KernelSum& lo, int touching, double T, const ArbBall& rho) {
  const CapData d = cap_data(lo, touching);
  const ArbBall target = -2 * rho.with_precision(lo.precision);
  const std::vector<bnb::Root> roots = sphere_face_roots(lo.rank, {{0, T}});
  const int n = 32;
  for (int k = 1; k <= n; ++k) {
    const double t = T * k / n;
    for (const bnb::Root& root : roots) {
      bnb::Box point = root.box;
      point[0] = {t, t};
      std::vector<bnb::Box> probes{point};
      for (std::size_t c = 1; c < point.size(); ++c) {  // the face's centre (0) and its corners (+-1)
        for (double corner : {-1.0, 1.0}) {
          bnb::Box p = point;
          for (std::size_t l = 1; l < p.size(); ++l) p[l] = {0, 0};
          p[c] = {corner, corner};
          probes.push_back(p);
        }
      }
      for (bnb::Box& p : probes) {
        for (std::size_t l = 1; l < p.size(); ++l)
          if (p[l].lo != p[l].hi) p[l] = {0, 0};
        const BallVec zhat = piece_directions(lo.rank, root.tag, p, 1, lo.precision);
        if (certainly_gt(cap_second_derivative(lo, d, ArbBall(t, lo.precision), zhat), target)) return t;
      }
    }
  }
  return HUGE_VAL;
}

CapOutcome prove_cap(const KernelSum& hi, const KernelSum& lo, int touching, double T, const ArbBall& rho,
                     const bnb::Options& options) {
  CapOutcome out;
  out.T = T;
  const CapData d_hi = cap_data(hi, touching);
  const CapData d_lo = cap_data(lo, touching);
  out.constants = cap_constants(hi, d_hi);
  const ArbBall target = -2 * rho.with_precision(lo.precision);
  const std::vector<bnb::Root> roots = sphere_face_roots(lo.rank, {{0, T}});
  const bnb::Evaluator piece = [&](std::size_t root, const bnb::Box& box, unsigned) -> bnb::Verdict {
    const ArbBall t = ball_of(box[0], lo.precision);
    const BallVec zhat = piece_directions(lo.rank, roots[root].tag, box, 1, lo.precision);
    const ArbBall h2 = cap_second_derivative(lo, d_lo, t, zhat);
    if (certainly_le(h2, target)) return bnb::Proved{h2.upper_double(), 0, touching, h2.lower_double()};
    if (certainly_gt(h2, target)) return bnb::Violated{h2.lower_double(), std::nullopt};  // (b) fails for this T
    return bnb::Split{-1, h2.upper_double()};
  };
  out.cover = bnb::run(roots, piece, options);
  out.record = cap_record(touching, T, out.constants, hi.precision, roots, out.cover);
  if (out.cover.outcome != bnb::Outcome::Proved) {
    out.failure = out.cover.outcome == bnb::Outcome::Violated
                      ? "h'' > -2 rho is proved on a piece of the cap"
                      : "the cap's pieces are not all proved (budget or smallest width)";
    return out;
  }
  double d2_min = 0;
  for (const bnb::Leaf& leaf : out.cover.leaves) d2_min = std::min(d2_min, leaf.proof.second);
  out.d2_min = d2_min;
  // (c): inf h0 - gamma T + (T^2/2) min(0, min inf h'') > 0, so h > 0 on the cap.
  const ArbBall Tb(T, hi.precision);
  const ArbBall positivity = out.constants.h0 - out.constants.gamma * Tb + sqr(Tb) * ArbBall(d2_min, hi.precision) / 2;
  if (!certainly_positive(positivity)) {
    out.failure = "h may change sign on the cap (condition (c))";
    return out;
  }
  out.proved = true;
  return out;
}

}  // namespace zg::decay
