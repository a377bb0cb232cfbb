// Kernel sums in Arb balls (core/kernel_sum_ball.hpp): the data from decimals by interval
// Gram-Schmidt, and the enclosures of value, gradient and delta over a set of points.
#include "core/kernel_sum_ball.hpp"

#include <set>
#include <stdexcept>

namespace zg::decay {
namespace {

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument("kernel sum: " + what); }

BallVec rounded(const BallVec& v, long prec) {
  BallVec out;
  out.reserve(v.size());
  for (const ArbBall& b : v) out.push_back(b.with_precision(prec));
  return out;
}

// K at a ball x with its arcsine, by the formula (for narrow balls).
ArbBall kernel_formula(const KernelSum& s, const ArbBall& x, const ArbBall& asin_x) {
  return (x * asin_x + sqrt_of_nonnegative_part(one_minus_square(x)) - 1) / s.two_pi;
}

}  // namespace

KernelSum KernelSum::at_precision(long prec) const {
  KernelSum out = *this;
  out.precision = prec;
  for (Centre& c : out.centres) {
    c.u = rounded(c.u, prec);
    c.alpha = c.alpha.with_precision(prec);
    c.bperp = rounded(c.bperp, prec);
    c.e = c.e.with_precision(prec);
  }
  for (Dipole& d : out.dipoles) {
    d.mass = d.mass.with_precision(prec);
    d.gap = rounded(d.gap, prec);
    d.n = rounded(d.n, prec);
    d.gamma = d.gamma.with_precision(prec);
    d.gamma_range = d.gamma_range.with_precision(prec);
  }
  out.pi = pi.with_precision(prec);
  out.two_pi = two_pi.with_precision(prec);
  out.kernel_range = kernel_range.with_precision(prec);
  out.residual_allowance = residual_allowance.with_precision(prec);
  return out;
}

KernelSum build_kernel_sum(const KernelSumInput& in, long prec) {
  const std::size_t m = in.directions.size();
  if (m == 0) bad("no directions");
  const std::size_t d = in.directions[0].size();
  if (d < 2) bad("directions need at least 2 coordinates");
  if (in.alpha.size() != m) bad("alpha has " + std::to_string(in.alpha.size()) + " entries for " + std::to_string(m) + " directions");
  if (!in.beta.empty() && in.beta.size() != m) bad("beta has a wrong number of rows");

  // Directions, normalised; the exact support of each.
  std::vector<BallVec> w_hat(m);
  std::set<std::size_t> support;
  for (std::size_t i = 0; i < m; ++i) {
    if (in.directions[i].size() != d) bad("direction " + std::to_string(i) + " has a different length");
    BallVec w;
    ArbBall n2 = ArbBall::zero(prec);
    for (std::size_t l = 0; l < d; ++l) {
      w.push_back(ArbBall::decimal(in.directions[i][l], prec));
      if (!w.back().is_exact_zero()) support.insert(l);  // a decimal parses to exact 0 only if it is 0
      n2 += sqr(w.back());
    }
    if (!certainly_positive(n2)) bad("direction " + std::to_string(i) + " is zero");
    const ArbBall n = sqrt(n2);
    for (ArbBall& x : w) x /= n;
    w_hat[i] = std::move(w);
  }

  // Interval Gram-Schmidt in the given order: coefficients c_k = q_k . w_i, remainder
  // v = w_i - sum c_k q_k; for the exact data w_i = sum c_k q_k + |v| q_new.
  KernelSum s;
  s.dimension = static_cast<int>(d);
  s.precision = prec;
  std::vector<BallVec> q;
  std::vector<BallVec> coords(m);
  for (std::size_t i = 0; i < m; ++i) {
    BallVec c;
    BallVec v = w_hat[i];
    for (const BallVec& qk : q) {
      c.push_back(dot(qk, w_hat[i]));
      for (std::size_t l = 0; l < d; ++l) v[l] -= c.back() * qk[l];
    }
    const ArbBall v2 = dot(v, v);
    if (certainly_positive(v2)) {
      const ArbBall nv = sqrt(v2);
      for (ArbBall& x : v) x /= nv;
      q.push_back(std::move(v));
      c.push_back(nv);
    } else {
      s.basis_skips.push_back(static_cast<int>(i));
    }
    coords[i] = std::move(c);
  }
  const std::size_t r = q.size();
  if (r < 2) bad("the directions span fewer than 2 dimensions");
  if (!s.basis_skips.empty() && support.size() != r)
    bad("direction " + std::to_string(s.basis_skips[0]) +
        " is not proved dependent on the earlier ones (its remainder encloses 0, but the directions use " +
        std::to_string(support.size()) + " coordinates for a basis of " + std::to_string(r) + ")");
  s.rank = static_cast<int>(r);
  s.domain = d > r ? DecayDomain::Ball : DecayDomain::Sphere;

  const ArbBall unit = ArbBall::interval(-1, 1, prec);
  ArbBall residual = ArbBall::zero(prec);
  for (std::size_t i = 0; i < m; ++i) {
    Centre c;
    c.u = coords[i];
    for (ArbBall& x : c.u) x = intersect(x, unit);  // |u_i| = 1 exactly
    while (c.u.size() < r) c.u.push_back(ArbBall::zero(prec));  // exactly 0: w_i is in the span of q_1..q_k
    c.alpha = ArbBall::decimal(in.alpha[i], prec);
    BallVec b(r, ArbBall::zero(prec));
    if (!in.beta.empty() && !in.beta[i].empty()) {
      if (in.beta[i].size() != r)
        bad("beta row " + std::to_string(i) + " has " + std::to_string(in.beta[i].size()) + " entries for rank " +
            std::to_string(r));
      for (std::size_t l = 0; l < r; ++l) {
        b[l] = ArbBall::decimal(in.beta[i][l], prec);
        if (!b[l].is_exact_zero()) c.has_beta = true;
      }
    }
    c.e = c.has_beta ? dot(b, c.u) : ArbBall::zero(prec);
    c.bperp.reserve(r);
    for (std::size_t l = 0; l < r; ++l) c.bperp.push_back(c.has_beta ? b[l] - c.e * c.u[l] : ArbBall::zero(prec));
    residual += abs(c.e);
    s.centres.push_back(std::move(c));
  }
  s.residual_allowance = hull(ArbBall::zero(prec), ArbBall::exact(Mp((residual / 4).upper()), prec));

  for (const DecayDipole& dp : in.dipoles) {
    if (dp.a < 0 || dp.b < 0 || dp.a >= static_cast<int>(m) || dp.b >= static_cast<int>(m) || dp.a == dp.b)
      bad("dipole centres out of range");
    Dipole di;
    di.a = dp.a;
    di.b = dp.b;
    const Centre& A = s.centres[static_cast<std::size_t>(dp.a)];
    const Centre& B = s.centres[static_cast<std::size_t>(dp.b)];
    di.flip = dot(A.u, B.u).mid_double() < 0 ? -1 : 1;  // a choice: K(y.u) = K(-y.u)
    di.mass = ArbBall::decimal(dp.mass, prec);
    for (std::size_t l = 0; l < r; ++l) di.gap.push_back(di.flip * A.u[l] - B.u[l]);
    // flip u_a = c u_b + |w| n with c = flip u_a . u_b > 0, w = flip u_a - c u_b.
    const ArbBall c = di.flip * dot(A.u, B.u);
    BallVec w;
    for (std::size_t l = 0; l < r; ++l) w.push_back(di.flip * A.u[l] - c * B.u[l]);
    const ArbBall sin_gamma = sqrt_of_nonnegative_part(dot(w, w));
    di.gamma_range = hull(ArbBall::zero(prec), ArbBall::pi(prec) / 2 * sqrt_of_nonnegative_part(dot(di.gap, di.gap)));
    if (certainly_positive(c) && certainly_positive(sin_gamma)) {
      di.angle_form = true;
      for (const ArbBall& x : w) di.n.push_back(x / sin_gamma);
      di.gamma = asin_of_unit_part(sin_gamma);  // the angle is below pi/2 since c > 0
    }
    s.dipoles.push_back(std::move(di));
  }
  for (const DecayTouching& t : in.touching) {
    if (t.centre < 0 || t.centre >= static_cast<int>(m)) bad("touching centre out of range");
    if (t.sign != 1 && t.sign != -1) bad("touching sign must be +1 or -1");
  }
  if (in.touching.empty()) bad("no touching points");
  s.touching = in.touching;
  s.pi = ArbBall::pi(prec);
  s.two_pi = 2 * s.pi;
  s.kernel_range = hull(ArbBall::zero(prec), ArbBall(0.25, prec) - ArbBall(1, prec) / s.two_pi);
  return s;
}

Projections project(const KernelSum& s, const BallVec& y) {
  Projections p;
  p.x.reserve(s.centres.size());
  p.l.reserve(s.centres.size());
  p.asin_x.reserve(s.centres.size());
  for (const Centre& c : s.centres) {
    p.x.push_back(clamp_to_unit(dot(y, c.u)));
    p.l.push_back(c.has_beta ? dot(y, c.bperp) : ArbBall::zero(s.precision));
    p.asin_x.push_back(asin_of_unit_part(p.x.back()));
  }
  return p;
}

ArbBall kernel_on_ball(const KernelSum& s, const ArbBall& x, const ArbBall& asin_x) {
  // Narrow balls away from +-1: the formula directly, whose width is about
  // rad / sqrt(1 - x^2) <= 32 rad there. Elsewhere the mean-value form about the midpoint,
  // whose width is about rad |asin x| / pi whatever x.
  if (x.width_upper() < 0x1p-40 && certainly_lt(abs(x), ArbBall(1 - 0x1p-10, s.precision)))
    return kernel_formula(s, x, asin_x);
  const ArbBall m = x.midpoint();
  const ArbBall mv = kernel_formula(s, m, asin_of_unit_part(m)) + asin_x * (x - m) / s.two_pi;
  return intersect(mv, s.kernel_range);  // K(x) in [K(0), K(1)] for x in [-1, 1]
}

ArbBall sum_value(const KernelSum& s, const Projections& p, const BallVec& y) {
  ArbBall eta = ArbBall::zero(s.precision);
  for (std::size_t i = 0; i < s.centres.size(); ++i) {
    const Centre& c = s.centres[i];
    eta += c.alpha * kernel_on_ball(s, p.x[i], p.asin_x[i]);
    if (c.has_beta) eta += p.asin_x[i] * p.l[i] / s.two_pi;
  }
  for (const Dipole& d : s.dipoles) {
    const std::size_t a = static_cast<std::size_t>(d.a), b = static_cast<std::size_t>(d.b);
    // Direct: mass (K(x_a) - K(x_b)); gap form: mass K'(xi) (y.gap), xi in hull(flip x_a, x_b).
    const ArbBall direct = d.mass * (kernel_on_ball(s, p.x[a], p.asin_x[a]) - kernel_on_ball(s, p.x[b], p.asin_x[b]));
    const ArbBall asin_xi = hull(d.flip * p.asin_x[a], p.asin_x[b]);  // asin is increasing
    const ArbBall gap = d.mass * asin_xi * dot(y, d.gap) / s.two_pi;
    eta += intersect(direct, gap);
  }
  return eta;
}

std::optional<BallVec> sum_gradient(const KernelSum& s, const Projections& p, const BallVec& y) {
  const std::size_t r = y.size();
  BallVec g(r, ArbBall::zero(s.precision));
  for (std::size_t i = 0; i < s.centres.size(); ++i) {
    const Centre& c = s.centres[i];
    ArbBall along = c.alpha * p.asin_x[i];  // 2 pi times the coefficient of u_i
    if (c.has_beta) {
      const ArbBall one_minus = one_minus_square(p.x[i]);
      if (!certainly_positive(one_minus)) return std::nullopt;
      along += p.l[i] / sqrt(one_minus);
      for (std::size_t k = 0; k < r; ++k) g[k] += p.asin_x[i] * c.bperp[k];
    }
    for (std::size_t k = 0; k < r; ++k) g[k] += along * c.u[k];
  }
  for (const Dipole& d : s.dipoles) {
    const std::size_t a = static_cast<std::size_t>(d.a), b = static_cast<std::size_t>(d.b);
    const Centre& A = s.centres[a];
    const Centre& B = s.centres[b];
    // Angle form: asin(y.u) u from u_b to flip u_a along u(phi) changes by gamma times
    // r u(phi) + asin(x) u'(phi), x = y.u(phi), r = (y.u'(phi)) / sqrt(1 - x^2) in [-1, 1]
    // (x^2 + (y.u')^2 <= |y|^2 <= 1). Intersected with the direct difference.
    BallVec angle;
    if (d.angle_form) {
      const SinCos cs = sin_cos(hull(ArbBall::zero(s.precision), d.gamma));
      const ArbBall yn = dot(y, d.n);
      const ArbBall x = clamp_to_unit(cs.cos * p.x[b] + cs.sin * yn);
      const ArbBall xp = cs.cos * yn - cs.sin * p.x[b];
      const ArbBall unit = ArbBall::interval(-1, 1, s.precision);
      const ArbBall om = one_minus_square(x);
      const ArbBall r_phi = certainly_positive(om) ? intersect(xp / sqrt(om), unit) : unit;
      const ArbBall as = asin_of_unit_part(x);
      for (std::size_t k = 0; k < r; ++k) {
        const ArbBall uk = cs.cos * B.u[k] + cs.sin * d.n[k];
        const ArbBall upk = cs.cos * d.n[k] - cs.sin * B.u[k];
        angle.push_back(d.mass * d.gamma * (r_phi * uk + as * upk));
      }
    }
    for (std::size_t k = 0; k < r; ++k) {
      const ArbBall direct = d.mass * (p.asin_x[a] * A.u[k] - p.asin_x[b] * B.u[k]);
      // Without an angle form: |2 pi d/dphi (asin(x) u)_k| <= 1 + pi/2 (u, u' unit, |r| <= 1).
      const ArbBall crude = d.mass * d.gamma_range * ArbBall::interval(-1, 1, s.precision) * (1 + s.pi / 2);
      g[k] += intersect(direct, d.angle_form ? angle[k] : crude);
    }
  }
  for (ArbBall& gk : g) gk /= s.two_pi;
  return g;
}

ArbBall touching_delta(const KernelSum& s, const Projections& p) {
  ArbBall largest = abs(p.x[static_cast<std::size_t>(s.touching[0].centre)]);
  for (std::size_t j = 1; j < s.touching.size(); ++j)
    largest = max(largest, abs(p.x[static_cast<std::size_t>(s.touching[j].centre)]));
  return acos_of_unit_part((largest));  // acos is decreasing: delta = acos(max_j |x_j|)
}

}  // namespace zg::decay
