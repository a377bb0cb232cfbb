// Strips at the touching points (core/decay_strip.hpp, docs/proofs.md §5).
#include "core/decay_strip.hpp"

#include <cmath>

#include "core/decay_record.hpp"

namespace zg::decay {

StripBounds strip_bounds(const KernelSum& sum, const CapData& d, const ArbBall& rho, const bnb::Range& s_range,
                         const bnb::Range& t_range, const BallVec& zhat) {
  const long prec = sum.precision;
  const ArbBall S = ball_of(s_range, prec);
  const SinCos sc = sin_cos(ball_of(t_range, prec));
  const ArbBall& c = sc.cos;
  const ArbBall& st = sc.sin;
  const int sigma = d.frame.sigma;
  const std::size_t j = static_cast<std::size_t>(d.centre);
  const std::size_t m = sum.centres.size();
  // a_i = v.u_i, x_i = y.u_i = s a_i, asin(x_i); the touching centre: a_j = sigma cos t.
  std::vector<ArbBall> a(m, ArbBall::zero(prec)), x(m, ArbBall::zero(prec)), as(m, ArbBall::zero(prec));
  for (std::size_t i = 0; i < m; ++i) {
    a[i] = i == j ? sigma * c : c * d.A[i] + st * dot(zhat, d.P[i]);
    x[i] = clamp_to_unit(S * a[i]);
    as[i] = asin_of_unit_part(x[i]);
  }
  ArbBall h = ArbBall::zero(prec), dh = ArbBall::zero(prec);
  for (std::size_t i = 0; i < m; ++i) {
    const Centre& ci = sum.centres[i];
    h += ci.alpha * kernel_on_ball(sum, x[i], as[i]);
    dh += ci.alpha * as[i] * a[i];
    if (!ci.has_beta) continue;
    const ArbBall D = dot(zhat, d.Q[i]);
    if (i == j) {
      // y.b_j^perp = s sin t D_j; a_j s l_j / sqrt(1 - x_j^2) = sigma cos t s D_j (sin t / sqrt(1 - s^2 cos^2 t)),
      // the last factor in [0, 1] (s <= 1).
      const ArbBall ratio = intersect(st / sqrt(one_minus_square(x[i])), ArbBall::interval(0, 1, prec));
      h += as[i] * S * st * D / sum.two_pi;
      dh += sigma * c * S * D * ratio + as[i] * st * D;
      continue;
    }
    const ArbBall l = c * d.C[i] + st * D;
    const ArbBall om = one_minus_square(x[i]);
    if (!certainly_positive(om)) return {ArbBall(std::nan(""), prec), ArbBall(std::nan(""), prec)};
    h += as[i] * S * l / sum.two_pi;
    dh += a[i] * S * l / sqrt(om) + as[i] * l;
  }
  for (std::size_t p = 0; p < sum.dipoles.size(); ++p) {
    const Dipole& dp = sum.dipoles[p];
    const std::size_t ia = static_cast<std::size_t>(dp.a), ib = static_cast<std::size_t>(dp.b);
    const ArbBall direct = kernel_on_ball(sum, x[ia], as[ia]) - kernel_on_ball(sum, x[ib], as[ib]);
    // K(x_a) - K(x_b) = K'(xi) (flip x_a - x_b), flip x_a - x_b = s (cos t GA + sin t zhat.GP).
    const ArbBall gap = hull(dp.flip * as[ia], as[ib]) * S * (c * d.GA[p] + st * dot(zhat, d.GP[p])) / sum.two_pi;
    h += dp.mass * intersect(direct, gap);
    const ArbBall ddirect = as[ia] * a[ia] - as[ib] * a[ib];
    if (!dp.angle_form) {
      // |al r + asin(s al) al'| <= 1 + pi/2 whatever n is (docs/proofs.md §8).
      dh += dp.mass * intersect(ddirect, dp.gamma_range * ArbBall::interval(-1, 1, prec) * (1 + sum.pi / 2));
      continue;
    }
    // Angle form (docs/proofs.md §8): 2 pi d/ds K(s v.u(phi)) = asin(s al) al, whose
    // phi-derivative is al r + asin(s al) al', al = v.u(phi), al' = v.u'(phi),
    // r = s al' / sqrt(1 - s^2 al^2) in [-1, 1] (al^2 + al'^2 <= |v|^2 = 1, s <= 1).
    const SinCos cs = sin_cos(hull(ArbBall::zero(prec), dp.gamma));
    const ArbBall an = c * d.NA[p] + st * dot(zhat, d.NP[p]);  // v.n
    const ArbBall al = clamp_to_unit(cs.cos * a[ib] + cs.sin * an);
    const ArbBall alp = clamp_to_unit(cs.cos * an - cs.sin * a[ib]);
    const ArbBall sal = clamp_to_unit(S * al);
    const ArbBall unit = ArbBall::interval(-1, 1, prec);
    const ArbBall om = one_minus_square(sal);
    const ArbBall ratio = certainly_positive(om) ? intersect(S * alp / sqrt(om), unit) : unit;
    dh += dp.mass * intersect(ddirect, dp.gamma * (al * ratio + asin_of_unit_part(sal) * alp));
  }
  h = d.sign * h;
  dh = d.sign * dh / sum.two_pi;

  // d/ds rho theta^2 = -2 rho cos t phi(s cos t), phi(x) = acos(x) / sqrt(1 - x^2) in [1, phi(x_lo)]
  // (phi decreasing on [0, 1]; x_lo a lower bound of s cos t on the piece).
  const double x_lo = (ArbBall(s_range.lo, prec) * cos(ArbBall(t_range.hi, prec))).lower_double();
  ArbBall phi_hi(1, prec);
  if (x_lo < 1) {
    const ArbBall xl(x_lo, prec);
    phi_hi = acos(xl) / sqrt(one_minus_square(xl));
  }
  const ArbBall phi = hull(ArbBall(1, prec), phi_hi);
  return {h, dh - 2 * rho * c * phi};
}

StripOutcome prove_strip(const KernelSum& lo, int touching, double s0, double T, const ArbBall& rho,
                         const bnb::Options& options) {
  StripOutcome out;
  out.s0 = s0;
  const CapData d = cap_data(lo, touching);
  const ArbBall rho_lo = rho.with_precision(lo.precision);
  const std::vector<bnb::Root> roots = sphere_face_roots(lo.rank, {{s0, 1}, {0, T}});
  const bnb::Evaluator piece = [&](std::size_t root, const bnb::Box& box, unsigned) -> bnb::Verdict {
    const BallVec zhat = piece_directions(lo.rank, roots[root].tag, box, 2, lo.precision);
    const StripBounds b = strip_bounds(lo, d, rho_lo, box[0], box[1], zhat);
    if (certainly_positive(b.h) && certainly_nonnegative(b.dG_ds))
      return bnb::Proved{b.dG_ds.lower_double(), 0, touching, b.h.lower_double()};
    if (certainly_negative(b.dG_ds) || certainly_nonpositive(b.h)) return bnb::Violated{b.dG_ds.upper_double(), std::nullopt};
    return bnb::Split{-1, -b.dG_ds.lower_double()};
  };
  out.cover = bnb::run(roots, piece, options);
  out.record = strip_record(touching, s0, T, roots, out.cover);
  if (out.cover.outcome == bnb::Outcome::Proved) {
    out.proved = true;
  } else {
    out.failure = out.cover.outcome == bnb::Outcome::Violated
                      ? "dG/ds < 0 or h <= 0 is proved on a piece of the strip"
                      : "the strip's pieces are not all proved (budget or smallest width)";
  }
  return out;
}

}  // namespace zg::decay
