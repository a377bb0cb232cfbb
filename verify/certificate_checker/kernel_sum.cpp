// η̃ and F over chart boxes: plain enclosure and mean-value form (docs/proofs.md §1–§3).
#include "certificate_checker/kernel_sum.hpp"

#include <cstddef>
#include <vector>

#include "certificate_checker/decimal.hpp"
#include "certificate_checker/span_basis.hpp"

namespace zg::checker {

Model build_model(const Certificate& c) {
  Model md;
  md.r = c.rank;
  md.m = static_cast<int>(c.directions.size());
  md.domain = c.domain;
  md.u = span_coordinates(c.directions, c.basis_skips, c.rank);
  md.pi = Iv::pi();
  md.half_pi = ldexp(md.pi, -1);
  md.inv_two_pi = Iv(1) / ldexp(md.pi, 1);
  md.rho = decimal_enclosure(c.rho);
  md.tau_prime = decimal_enclosure(c.tau_prime);
  md.tau = decimal_enclosure(c.tau);
  md.residual = Iv(0);
  for (int i = 0; i < md.m; ++i) {
    const std::size_t ui = static_cast<std::size_t>(i);
    md.alpha.push_back(decimal_enclosure(c.alpha[ui]));
    IvVec b;
    bool zero = true;
    for (const std::string& s : c.beta[ui]) {
      b.push_back(decimal_enclosure(s));
      if (decimal_sign(s) != 0) zero = false;
    }
    md.b_zero.push_back(zero);
    const Iv e = zero ? Iv(0) : dot(b, md.u[ui]);
    IvVec bp(static_cast<std::size_t>(md.r));
    if (!zero)
      for (int k = 0; k < md.r; ++k)
        bp[static_cast<std::size_t>(k)] = b[static_cast<std::size_t>(k)] - e * md.u[ui][static_cast<std::size_t>(k)];
    md.bperp.push_back(std::move(bp));
    md.e.push_back(e);
    md.residual += abs(e);
  }
  md.residual = ldexp(md.residual, -2);
  md.alpha_folded = md.alpha;
  for (const Dipole& d : c.dipoles) {
    DipoleTerm t;
    t.a = static_cast<std::size_t>(d.a);
    t.b = static_cast<std::size_t>(d.b);
    t.mass = decimal_enclosure(d.mass);
    t.flip = mpfr_sgn(midpoint_point(dot(md.u[t.a], md.u[t.b])).lo()) < 0 ? -1 : 1;
    for (int k = 0; k < md.r; ++k)
      t.gap.push_back(Iv(t.flip) * md.u[t.a][static_cast<std::size_t>(k)] - md.u[t.b][static_cast<std::size_t>(k)]);
    const Iv c = Iv(t.flip) * dot(md.u[t.a], md.u[t.b]);
    IvVec w;
    for (int k = 0; k < md.r; ++k)
      w.push_back(Iv(t.flip) * md.u[t.a][static_cast<std::size_t>(k)] - c * md.u[t.b][static_cast<std::size_t>(k)]);
    const Iv sin_gamma = norm(w);
    if (certainly_positive(c) && certainly_positive(sin_gamma)) {
      t.angle_form = true;
      for (const Iv& wk : w) t.n.push_back(wk / sin_gamma);
      t.gamma = asin_clipped(sin_gamma);
    }
    md.alpha_folded[t.a] += t.mass;
    md.alpha_folded[t.b] -= t.mass;
    md.dipoles.push_back(std::move(t));
  }
  for (const Touching& t : c.touching) md.touching_centres.push_back(static_cast<std::size_t>(t.centre));
  return md;
}

Model at_precision(const Model& md, mpfr_prec_t bits) {
  Model out = md;
  auto round_all = [bits](std::vector<Iv>& v) {
    for (Iv& x : v) x = rounded(x, bits);
  };
  for (IvVec& v : out.u) round_all(v);
  for (IvVec& v : out.bperp) round_all(v);
  round_all(out.alpha);
  round_all(out.alpha_folded);
  round_all(out.e);
  for (DipoleTerm& d : out.dipoles) {
    d.mass = rounded(d.mass, bits);
    round_all(d.gap);
    round_all(d.n);
    d.gamma = rounded(d.gamma, bits);
  }
  for (Iv* x : {&out.residual, &out.pi, &out.half_pi, &out.inv_two_pi, &out.rho, &out.tau_prime, &out.tau})
    *x = rounded(*x, bits);
  return out;
}

ChartImage face_chart(int n, int face, int sign, const IvVec& free) {
  ChartImage im;
  const std::size_t k = static_cast<std::size_t>(face - 1);
  im.x.resize(static_cast<std::size_t>(n));
  for (std::size_t j = 0, f = 0; j < static_cast<std::size_t>(n); ++j) im.x[j] = j == k ? Iv(sign) : free[f++];
  std::vector<Iv> sq;
  Iv total;
  for (const Iv& xj : im.x) {
    sq.push_back(sqr(xj));
    total += sq.back();
  }
  im.norm = sqrt_nonneg(total);
  im.v.resize(static_cast<std::size_t>(n));
  im.v[k] = Iv(sign) / im.norm;
  for (std::size_t j = 0; j < static_cast<std::size_t>(n); ++j) {
    if (j == k) continue;
    // x_j / sqrt(x_j² + R), R = 1 + Σ_{l ≠ j, k} x_l²: increasing in x_j, and for fixed x_j
    // its interval evaluation over R is exact, so the two end values bound it.
    Iv rest(1);
    for (std::size_t l = 0; l < static_cast<std::size_t>(n); ++l)
      if (l != j && l != k) rest += sq[l];
    const Iv a = lower_point(im.x[j]);
    const Iv b = upper_point(im.x[j]);
    const Iv fa = a / sqrt_nonneg(sqr(a) + rest);
    const Iv fb = b / sqrt_nonneg(sqr(b) + rest);
    im.v[j] = (fa.is_nan() || fb.is_nan()) ? Iv::nan() : Iv::hull(fa.lo(), fb.hi());
  }
  return im;
}

Iv kernel_K(const Model& md, const Iv& X) {
  return kernel_K(md, X, asin_clipped(X));
}

Iv kernel_K(const Model& md, const Iv& X, const Iv& asin_X) {
  const Iv A = abs(intersect(X, unit_interval()));
  if (A.is_nan() || asin_X.is_nan()) return Iv::nan();
  // asin is odd and increasing: asin(lo A) >= lo |asin X| and asin(hi A) <= hi |asin X|.
  const Iv asin_A = abs(asin_X);
  const Iv one(1);
  const Iv p_lo = lower_point(A);
  const Iv p_hi = upper_point(A);
  const Iv k_lo = p_lo * lower_point(asin_A) + sqrt_nonneg(one_minus_sq(p_lo)) - one;
  const Iv k_hi = p_hi * upper_point(asin_A) + sqrt_nonneg(one_minus_sq(p_hi)) - one;
  if (k_lo.is_nan() || k_hi.is_nan()) return Iv::nan();
  return Iv::hull(k_lo.lo(), k_hi.hi()) * md.inv_two_pi;
}

Iv eta_plain(const Model& md, int face, const IvVec& coords, ChartTerms* terms) {
  ChartTerms local;
  ChartTerms& T = terms ? *terms : local;
  const bool ball = md.domain == Domain::ball;
  const IvVec free(coords.begin() + (ball ? 1 : 0), coords.end());
  T.chart = face_chart(md.r, face, 1, free);
  T.s = ball ? coords[0] : Iv(1);
  // y·w = v·w = (x·w)/|x| (times s in the ball): two enclosures of one number.
  auto project = [&](const IvVec& w) {
    const Iv a = intersect(dot(T.chart.v, w), dot(T.chart.x, w) / T.chart.norm);
    return ball ? T.s * a : a;
  };
  const std::size_t m = static_cast<std::size_t>(md.m);
  T.t.x.assign(m, Iv());
  T.t.asx.assign(m, Iv());
  T.t.l.assign(m, Iv());
  std::vector<Iv> K(m);
  Iv beta_part;
  for (std::size_t i = 0; i < m; ++i) {
    T.t.x[i] = intersect(project(md.u[i]), unit_interval());  // |y·u_i| <= 1 exactly
    T.t.asx[i] = asin_clipped(T.t.x[i]);
    K[i] = kernel_K(md, T.t.x[i], T.t.asx[i]);
    if (!md.b_zero[i]) {
      T.t.l[i] = project(md.bperp[i]);
      beta_part += T.t.asx[i] * T.t.l[i] * md.inv_two_pi;
    }
  }
  Iv folded = beta_part;
  for (std::size_t i = 0; i < m; ++i) folded += md.alpha_folded[i] * K[i];
  if (md.dipoles.empty()) return folded;
  // With dipoles, also: the stated α plus each dipole by its gap form ∩ its direct difference.
  Iv stated = beta_part;
  for (std::size_t i = 0; i < m; ++i) stated += md.alpha[i] * K[i];
  for (const DipoleTerm& d : md.dipoles) {
    const Iv direct = K[d.a] - K[d.b];
    const Iv gap = join(Iv(d.flip) * T.t.asx[d.a], T.t.asx[d.b]) * project(d.gap) * md.inv_two_pi;
    stated += d.mass * intersect(direct, gap);
  }
  return intersect(folded, stated);
}

namespace {

// The gradient in y of a dipole's kernel part K(y·u_a) − K(y·u_b), divided by its mass,
// by the angle form: along u(φ) = cos φ u_b + sin φ n from u_b to flip u_a = u(γ),
// 2π ∇K(y·u(φ)) = asin(x) u(φ) changes by γ times 2π ∂_φ (asin(x) u) = r u(φ) + asin(x) u'(φ)
// at some φ ∈ [0, γ], x = y·u(φ), p = y·u'(φ), r = p / sqrt(1 − x²). Since x² + p² =
// (y·u_b)² + (y·n)² (φ-free), 1 − x² = p² + Q with Q = 1 − (y·u_b)² − (y·n)² >= 0, and r
// is ratio_range(p, Q).
IvVec dipole_gradient_angle_form(const Model& md, const DipoleTerm& d, const ChartTerms& T, bool ball) {
  const Iv phi = Iv::hull(Iv(0).lo(), d.gamma.hi());
  const Iv cp = cos(phi);
  const Iv sp = sin(phi);
  Iv yn = intersect(dot(T.chart.v, d.n), dot(T.chart.x, d.n) / T.chart.norm);
  if (ball) yn = T.s * yn;
  const Iv& yb = T.t.x[d.b];
  const Iv x = intersect(cp * yb + sp * yn, unit_interval());
  const Iv p = intersect(cp * yn - sp * yb, unit_interval());
  Iv ratio = ratio_range(p, Iv(1) - sqr(yb) - sqr(yn));
  const Iv om = one_minus_sq(x);
  if (certainly_positive(om)) ratio = intersect(ratio, p / sqrt_nonneg(om));
  const Iv asx = asin_clipped(x);
  const IvVec& ub = md.u[d.b];
  IvVec out;
  for (std::size_t k = 0; k < ub.size(); ++k) {
    const Iv uk = cp * ub[k] + sp * d.n[k];
    const Iv upk = cp * d.n[k] - sp * ub[k];
    out.push_back(d.gamma * (ratio * uk + asx * upk) * md.inv_two_pi);
  }
  return out;
}

// η̃(c) + Σ_k ∂_k η̃(box) [x_k − c_k], or NaN when η̃ is not differentiable on the box.
Iv eta_mean_value(const Model& md, int face, const IvVec& coords, const ChartTerms& T) {
  const std::size_t r = static_cast<std::size_t>(md.r);
  IvVec g(r);
  for (std::size_t i = 0; i < static_cast<std::size_t>(md.m); ++i) {
    Iv coef = md.alpha_folded[i] * T.t.asx[i] * md.inv_two_pi;
    if (!md.b_zero[i]) {
      const Iv omx = sqrt_nonneg(one_minus_sq(T.t.x[i]));
      if (omx.contains_zero()) return Iv::nan();
      coef += T.t.l[i] * md.inv_two_pi / omx;
      const Iv c2 = T.t.asx[i] * md.inv_two_pi;
      for (std::size_t k = 0; k < r; ++k) g[k] += coef * md.u[i][k] + c2 * md.bperp[i][k];
    } else {
      for (std::size_t k = 0; k < r; ++k) g[k] += coef * md.u[i][k];
    }
  }
  const bool ball = md.domain == Domain::ball;
  if (!md.dipoles.empty()) {
    // The folded α carry O(1/λ) masses times the box's width; also the stated α plus each
    // dipole's mass times (its direct difference ∩ its angle form), intersected.
    IvVec stated(r);
    for (std::size_t i = 0; i < static_cast<std::size_t>(md.m); ++i) {
      Iv coef = md.alpha[i] * T.t.asx[i] * md.inv_two_pi;
      if (!md.b_zero[i]) {
        coef += T.t.l[i] * md.inv_two_pi / sqrt_nonneg(one_minus_sq(T.t.x[i]));  // 1 − x² > 0: checked above
        const Iv c2 = T.t.asx[i] * md.inv_two_pi;
        for (std::size_t k = 0; k < r; ++k) stated[k] += c2 * md.bperp[i][k];
      }
      for (std::size_t k = 0; k < r; ++k) stated[k] += coef * md.u[i][k];
    }
    for (const DipoleTerm& d : md.dipoles) {
      IvVec angle;
      if (d.angle_form) angle = dipole_gradient_angle_form(md, d, T, ball);
      for (std::size_t k = 0; k < r; ++k) {
        Iv term = (T.t.asx[d.a] * md.u[d.a][k] - T.t.asx[d.b] * md.u[d.b][k]) * md.inv_two_pi;
        if (d.angle_form) term = intersect(term, angle[k]);
        stated[k] += d.mass * term;
      }
    }
    for (std::size_t k = 0; k < r; ++k) g[k] = intersect(g[k], stated[k]);
  }
  const Iv gv = dot(g, T.chart.v);
  IvVec centre;
  for (const Iv& c : coords) centre.push_back(midpoint_point(c));
  Iv out = eta_plain(md, face, centre, nullptr);
  std::size_t p = 0;
  if (ball) {
    out += gv * (coords[0] - centre[0]);  // ∂(s v)/∂s = v
    p = 1;
  }
  for (std::size_t j = 0; j < r; ++j) {
    if (j == static_cast<std::size_t>(face - 1)) continue;
    // ∂v/∂x_j = (e_j − v v_j)/|x|; times s in the ball.
    Iv d = (g[j] - gv * T.chart.v[j]) / T.chart.norm;
    if (ball) d = T.s * d;
    out += d * (coords[p] - centre[p]);
    ++p;
  }
  return out;
}

}  // namespace

FEnclosure enclose_F(const Model& md, int face, const IvVec& coords, bool always_mean_value) {
  ChartTerms T;
  FEnclosure out;
  out.eta = eta_plain(md, face, coords, &T);
  // δ = min_j arccos|x_j| = min_j (π/2 − |asin x_j|) over the touching points j.
  Iv delta = md.half_pi - abs(T.t.asx[md.touching_centres[0]]);
  for (std::size_t j : md.touching_centres) delta = min_of(delta, md.half_pi - abs(T.t.asx[j]));
  out.delta_sq = sqr(delta);
  const Iv one(1);
  const Iv rd2 = md.rho * out.delta_sq;
  out.F = abs(out.eta) + rd2 - one;
  if (!always_mean_value && certainly_le(out.F, md.tau_prime)) return out;
  const Iv mv = eta_mean_value(md, face, coords, T);
  if (mv.is_nan()) return out;
  out.mean_value = true;
  out.eta = intersect(out.eta, mv);
  out.F = abs(out.eta) + rd2 - one;
  return out;
}

Iv abs_projection(const Model& md, int face, const IvVec& free, int centre) {
  const ChartImage im = face_chart(md.r, face, 1, free);
  const IvVec& u = md.u[static_cast<std::size_t>(centre)];
  return abs(intersect(dot(im.v, u), dot(im.x, u) / im.norm));
}

IvVec box_intervals(const Box& b) {
  IvVec out;
  for (int k = 0; k < b.dims; ++k) out.push_back(Iv::from_doubles(b.lo[k], b.hi[k]));
  return out;
}

}  // namespace zg::checker
