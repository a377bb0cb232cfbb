// Cap and strip enclosures (docs/proofs.md §4, §5).
#include "certificate_checker/cap_frame.hpp"

#include <cstddef>
#include <vector>

namespace zg::checker {
namespace {

IvVec tail(const IvVec& x) {
  return IvVec(x.begin() + 1, x.end());
}

}  // namespace

IvVec householder(const CapFrame& f, const IvVec& x) {
  const Iv factor = ldexp(dot(f.w, x), 1) / f.wtw;
  IvVec out;
  for (std::size_t k = 0; k < x.size(); ++k) out.push_back(x[k] - f.w[k] * factor);
  return out;
}

CapFrame build_cap_frame(const Model& md, int centre, int sign, double T) {
  CapFrame f;
  const std::size_t j = static_cast<std::size_t>(centre);
  const std::size_t r = static_cast<std::size_t>(md.r);
  f.centre = centre;
  f.sign = sign;
  const IvVec& u = md.u[j];
  // σ = +1 when the midpoint of u_1 is <= 0: then w_1 = 1 − σ u_1 >= 1 (no cancellation).
  f.sigma = mpfr_sgn(midpoint_point(u[0]).lo()) <= 0 ? 1 : -1;
  const Iv sig(f.sigma);
  f.w.resize(r);
  for (std::size_t k = 0; k < r; ++k) f.w[k] = (k == 0 ? Iv(1) : Iv(0)) - sig * u[k];
  f.wtw = dot(f.w, f.w);
  f.T = Iv::exact(T);
  f.cos_T = cos(f.T);
  f.A.assign(static_cast<std::size_t>(md.m), Iv());
  f.C.assign(static_cast<std::size_t>(md.m), Iv());
  f.P.assign(static_cast<std::size_t>(md.m), IvVec(r - 1));
  f.Q.assign(static_cast<std::size_t>(md.m), IvVec(r - 1));
  for (std::size_t i = 0; i < static_cast<std::size_t>(md.m); ++i) {
    if (i == j) f.A[i] = sig;  // x_j = y·u_j = σ at t = 0
    if (i != j) {
      const IvVec p = householder(f, md.u[i]);
      f.A[i] = intersect(intersect(p[0], sig * dot(md.u[i], u)), unit_interval());  // (H u_i)_1 = σ u_i·u_j
      f.P[i] = tail(p);
    }
    if (!md.b_zero[i]) {
      const IvVec q = householder(f, md.bperp[i]);
      if (i != j) f.C[i] = intersect(q[0], sig * dot(md.bperp[i], u));  // (H b_i⊥)_1 = σ b_i⊥·u_j
      f.Q[i] = tail(q);
    }
  }
  for (const DipoleTerm& d : md.dipoles) {
    const IvVec hg = householder(f, d.gap);
    f.GA.push_back(intersect(hg[0], sig * dot(d.gap, u)));
    f.GP.push_back(tail(hg));
    if (!d.angle_form) {
      f.NA.emplace_back();
      f.NP.emplace_back();
      continue;
    }
    const IvVec hn = householder(f, d.n);
    f.NA.push_back(intersect(hn[0], sig * dot(d.n, u)));
    f.NP.push_back(tail(hn));
  }
  // h0 and g (§4) with the folded α, the touching centre's value α_j K(1) =
  // α_j (π/2 − 1)/(2π) exactly.
  const Iv one(1);
  const std::size_t m = static_cast<std::size_t>(md.m);
  std::vector<Iv> K0(m);  // K(A_i) = K(y·u_i) at t = 0
  for (std::size_t i = 0; i < m; ++i) K0[i] = i == j ? (md.half_pi - one) * md.inv_two_pi : kernel_K(md, f.A[i]);
  Iv beta_part;
  IvVec g(r - 1);
  for (std::size_t i = 0; i < m; ++i) {
    if (i == j) continue;
    const Iv asA = asin_clipped(f.A[i]);
    Iv coef = md.alpha_folded[i] * asA;
    if (!md.b_zero[i]) {
      beta_part += asA * f.C[i] * md.inv_two_pi;
      coef += f.C[i] / sqrt_nonneg(one_minus_sq(f.A[i]));
      for (std::size_t k = 0; k + 1 < r; ++k) g[k] += (coef * f.P[i][k] + asA * f.Q[i][k]) * md.inv_two_pi;
    } else {
      for (std::size_t k = 0; k + 1 < r; ++k) g[k] += coef * f.P[i][k] * md.inv_two_pi;
    }
  }
  if (!md.b_zero[j])
    for (std::size_t k = 0; k + 1 < r; ++k) g[k] += ldexp(sig * f.Q[j][k], -2);  // σ Q_j / 4
  Iv h0 = beta_part;
  for (std::size_t i = 0; i < m; ++i) h0 += md.alpha_folded[i] * K0[i];
  if (!md.dipoles.empty()) {
    // the stated α plus each dipole by its gap form ∩ direct difference, at y = σ u_j
    Iv stated = beta_part;
    for (std::size_t i = 0; i < m; ++i) stated += md.alpha[i] * K0[i];
    for (const DipoleTerm& d : md.dipoles) {
      const Iv gap =
          join(Iv(d.flip) * asin_clipped(f.A[d.a]), asin_clipped(f.A[d.b])) * sig * dot(u, d.gap) * md.inv_two_pi;
      stated += d.mass * intersect(K0[d.a] - K0[d.b], gap);
    }
    h0 = intersect(h0, stated);
  }
  const Iv sj(sign);
  f.h0 = sj * h0;
  for (Iv& gk : g) gk = sj * gk;
  f.g = std::move(g);
  f.gamma = norm(f.g);
  return f;
}

CapFrame at_precision(const CapFrame& f, mpfr_prec_t bits) {
  CapFrame out = f;
  auto round_all = [bits](std::vector<Iv>& v) {
    for (Iv& x : v) x = rounded(x, bits);
  };
  for (Iv* x : {&out.T, &out.cos_T, &out.wtw, &out.h0, &out.gamma}) *x = rounded(*x, bits);
  round_all(out.w);
  round_all(out.A);
  round_all(out.C);
  round_all(out.g);
  for (IvVec& v : out.P) round_all(v);
  for (IvVec& v : out.Q) round_all(v);
  round_all(out.NA);
  for (IvVec& v : out.NP) round_all(v);
  round_all(out.GA);
  for (IvVec& v : out.GP) round_all(v);
  return out;
}

namespace {

// Along the cap ray y = (c, s ẑ), ẏ = (−s, c ẑ) in frame coordinates (orthonormal, ÿ = −y),
// the dipole D(t) = K(y·u(γ)) − K(y·u(0)) = ∫_0^γ ∂_φ K(y·u(φ)) dφ, so D'' ∈ γ · {∂²_t ∂_φ K}
// over φ ∈ [0, γ]. With x = y·u, p = y·u' (∂_φ x), ẋ = ẏ·u, ṗ = ẏ·u', ẍ = −x, p̈ = −p and
// R = sqrt(1 − x²): ∂_φ K = asin(x) p / (2π) and
//   2π ∂²_t ∂_φ K = (2ẋṗ − x p)/R + x ẋ² p / R³ − asin(x) p = x r1 (r2² − 1) + 2 r2 ṗ − asin(x) p,
// r1 = p/R, r2 = ẋ/R. Since R² = p² + |y⊥|² (y⊥: y off the plane of u_b, n; free of φ) and
// R² = ẋ² + |u − x y − ẋ ẏ|² (u off the plane of y, ẏ), both ratios are a/sqrt(a² + Q).
Iv dipole_angle_form(const Model& md, const DipoleTerm& d, const Iv& Xb, const Iv& Xn, const Iv& Xbd,
                     const Iv& Xnd, const IvVec& Y, const IvVec& Yd, const IvVec& Ub, const IvVec& N) {
  const Iv phi = Iv::hull(Iv(0).lo(), d.gamma.hi());
  const Iv cp = cos(phi);
  const Iv sp = sin(phi);
  const Iv x = intersect(cp * Xb + sp * Xn, unit_interval());
  const Iv p = cp * Xn - sp * Xb;
  const Iv xd = intersect(cp * Xbd + sp * Xnd, unit_interval());
  const Iv pd = intersect(cp * Xnd - sp * Xbd, unit_interval());
  Iv y_off;  // |y − X_b u_b − X_n n|²
  Iv u_off;  // |u(φ) − x y − ẋ ẏ|², u(φ) = cos φ u_b + sin φ n
  for (std::size_t k = 0; k < Y.size(); ++k) {
    y_off += sqr(Y[k] - Xb * Ub[k] - Xn * N[k]);
    const Iv uk = cp * Ub[k] + sp * N[k];
    u_off += sqr(uk - x * Y[k] - xd * Yd[k]);
  }
  const Iv r1 = ratio_range(p, y_off);
  const Iv r2 = ratio_range(xd, u_off);
  const Iv third = x * r1 * (sqr(r2) - Iv(1)) + ldexp(r2 * pd, 1) - asin_clipped(x) * intersect(p, unit_interval());
  return d.gamma * third * md.inv_two_pi;
}

}  // namespace

Iv cap_second_derivative(const Model& md, const CapFrame& f, const Iv& t, const IvVec& zhat) {
  const Iv c = cos(t);
  const Iv s = sin(t);
  const Iv zero(0);
  const std::size_t j = static_cast<std::size_t>(f.centre);
  const std::size_t m = static_cast<std::size_t>(md.m);
  std::vector<Iv> kernel(m);  // d²/dt² K(y·u_i)
  std::vector<Iv> Bs(m);      // ẑ·P_i
  Iv beta_sum;                // the b⊥ terms
  for (std::size_t i = 0; i < m; ++i) {
    if (i == j) continue;
    const Iv B = dot(zhat, f.P[i]);
    Bs[i] = B;
    const Iv x = intersect(c * f.A[i] + s * B, unit_interval());
    const Iv xd = intersect(c * B - s * f.A[i], unit_interval());  // x² + ẋ² <= 1
    const Iv omx2 = one_minus_sq(x);
    const Iv omx = sqrt_nonneg(omx2);
    const Iv asx = asin_clipped(x);
    const Iv xd2 = sqr(xd);
    // K''(x) ẋ² = ẋ²/(2π sqrt(1 − x²)) ∈ [0, sqrt(1 − x²)/(2π)] because ẋ² <= 1 − x².
    const Iv bound = omx * md.inv_two_pi;
    const Iv K2 = intersect(xd2 * md.inv_two_pi / omx, Iv::hull(zero.lo(), bound.hi()));
    kernel[i] = K2 - asx * x * md.inv_two_pi;
    if (!md.b_zero[i]) {
      if (omx.contains_zero()) return Iv::entire();
      const Iv D = dot(zhat, f.Q[i]);
      const Iv L = c * f.C[i] + s * D;
      const Iv Ld = c * D - s * f.C[i];
      // (ẍ L + 2 ẋ L̇)/√(1−x²) + ẋ² x L/(1−x²)^{3/2} + asin(x) L̈, with ẍ = −x, L̈ = −L.
      beta_sum += ((ldexp(xd * Ld, 1) - x * L) / omx + xd2 * x * L / (omx2 * omx) - asx * L) * md.inv_two_pi;
    }
  }
  const Iv theta = md.half_pi - t;  // asin(cos t) = π/2 − t
  kernel[j] = (s - theta * c) * md.inv_two_pi;
  if (!md.b_zero[j]) {
    const Iv Dj = dot(zhat, f.Q[j]);
    beta_sum += Iv(f.sigma) * Dj * (-(ldexp(c, 1) + theta * s)) * md.inv_two_pi;
  }
  Iv folded = beta_sum;
  for (std::size_t i = 0; i < m; ++i) folded += md.alpha_folded[i] * kernel[i];
  if (md.dipoles.empty()) return Iv(f.sign) * folded;

  Iv stated = beta_sum;
  for (std::size_t i = 0; i < m; ++i) stated += md.alpha[i] * kernel[i];
  const std::size_t r = zhat.size() + 1;
  IvVec Y(r), Yd(r);
  for (std::size_t k = 0; k < r; ++k) {
    Y[k] = k == 0 ? c : s * zhat[k - 1];
    Yd[k] = k == 0 ? -s : c * zhat[k - 1];
  }
  for (std::size_t q = 0; q < md.dipoles.size(); ++q) {
    const DipoleTerm& d = md.dipoles[q];
    Iv term = kernel[d.a] - kernel[d.b];
    if (d.angle_form) {
      // u_b and n in frame coordinates (for the touching centre u_j = σ e_1: A_j = σ, P_j = 0).
      IvVec Ub(r), N(r);
      for (std::size_t k = 0; k < r; ++k) {
        Ub[k] = k == 0 ? f.A[d.b] : f.P[d.b][k - 1];
        N[k] = k == 0 ? f.NA[q] : f.NP[q][k - 1];
      }
      const Iv Xb = c * f.A[d.b] + s * Bs[d.b];  // Bs[j] = 0: y·u_j = σ c
      const Iv Xbd = c * Bs[d.b] - s * f.A[d.b];
      const Iv Bn = dot(zhat, f.NP[q]);
      const Iv Xn = c * f.NA[q] + s * Bn;
      const Iv Xnd = c * Bn - s * f.NA[q];
      term = intersect(term, dipole_angle_form(md, d, Xb, Xn, Xbd, Xnd, Y, Yd, Ub, N));
    }
    stated += d.mass * term;
  }
  return Iv(f.sign) * intersect(folded, stated);
}

namespace {

// 2π ∂/∂s of a dipole's kernel part along the strip ray y = s v, by its angle form: with
// u(φ) = cos φ u_b + sin φ n, K(s v·u(γ)) − K(s v·u(0)) = ∫_0^γ ∂_φ K(s v·u(φ)) dφ and
// 2π ∂_s ∂_φ K(s al) = ∂_φ (asin(s al) al) = al r + asin(s al) al', al = v·u(φ),
// al' = v·u'(φ), r = s al'/sqrt(1 − s² al²). Since al² + al'² = |v_plane|² <= 1 (v_plane:
// v in the plane of u_b, n; free of φ), 1 − s² al² = (s al')² + (1 − s² |v_plane|²), so r is
// the monotone ratio of ratio_range, and |r| <= 1.
Iv dipole_strip_angle_form(const DipoleTerm& d, const Iv& s, const Iv& ab, const Iv& an) {
  const Iv phi = Iv::hull(Iv(0).lo(), d.gamma.hi());
  const Iv cp = cos(phi);
  const Iv sp = sin(phi);
  const Iv al = intersect(cp * ab + sp * an, unit_interval());
  const Iv alp = intersect(cp * an - sp * ab, unit_interval());
  const Iv sal = intersect(s * al, unit_interval());
  const Iv off = Iv(1) - sqr(s) * (sqr(ab) + sqr(an));
  Iv r = ratio_range(s * alp, off);
  const Iv om = one_minus_sq(sal);
  if (certainly_positive(om)) r = intersect(r, s * alp / sqrt_nonneg(om));
  return d.gamma * (al * r + asin_clipped(sal) * alp);
}

}  // namespace

StripValues strip_values(const Model& md, const CapFrame& f, const Iv& s, const Iv& t, const IvVec& zhat) {
  const Iv c = cos(t);
  const Iv st = sin(t);
  const std::size_t j = static_cast<std::size_t>(f.centre);
  const std::size_t m = static_cast<std::size_t>(md.m);
  // Per centre: a_i = v·u_i, x_i = s a_i, asin(x_i), K(x_i). The touching centre:
  // a_j = σ cos t, x_j = σ s cos t, so K(x_j) = K(s cos t) and asin(x_j) = σ asin(s cos t).
  std::vector<Iv> a(m), x(m), asx(m), kernel(m);
  const Iv sig(f.sigma);
  const Iv xc = intersect(s * c, Iv::from_doubles(0.0, 1.0));  // s cos t
  for (std::size_t i = 0; i < m; ++i) {
    if (i == j) {
      const Iv asc = asin_clipped(xc);
      a[i] = sig * c;
      x[i] = sig * xc;
      asx[i] = sig * asc;
      kernel[i] = kernel_K(md, xc, asc);
      continue;
    }
    a[i] = intersect(c * f.A[i] + st * dot(zhat, f.P[i]), unit_interval());
    x[i] = intersect(s * a[i], unit_interval());
    asx[i] = asin_clipped(x[i]);
    kernel[i] = kernel_K(md, x[i], asx[i]);
  }
  // The b⊥ terms, shared by both sums.
  Iv h_beta;
  Iv dh_beta;
  for (std::size_t i = 0; i < m; ++i) {
    if (md.b_zero[i]) continue;
    const Iv D = dot(zhat, f.Q[i]);
    if (i == j) {
      // y·b_j⊥ = s sin t D_j; a_j s l_j / sqrt(1 − x_j²) = σ cos t s D_j ψ with
      // ψ = sin t / sqrt(1 − s² cos² t) ∈ [0, 1] (s <= 1).
      const Iv psi = intersect(st / sqrt_nonneg(one_minus_sq(xc)), Iv::from_doubles(0.0, 1.0));
      h_beta += asx[i] * s * st * D * md.inv_two_pi;
      dh_beta += (sig * c * s * D * psi + asx[i] * st * D) * md.inv_two_pi;
      continue;
    }
    const Iv l = c * f.C[i] + st * D;  // v·b_i⊥
    const Iv omx = sqrt_nonneg(one_minus_sq(x[i]));
    if (omx.contains_zero()) return {Iv::entire(), Iv::entire(), Iv::entire()};
    h_beta += asx[i] * s * l * md.inv_two_pi;
    dh_beta += (a[i] * s * l / omx + asx[i] * l) * md.inv_two_pi;
  }
  Iv h = h_beta;
  Iv dh = dh_beta;
  for (std::size_t i = 0; i < m; ++i) {
    h += md.alpha_folded[i] * kernel[i];
    dh += md.alpha_folded[i] * asx[i] * a[i] * md.inv_two_pi;
  }
  if (!md.dipoles.empty()) {
    Iv h_stated = h_beta;
    Iv dh_stated = dh_beta;
    for (std::size_t i = 0; i < m; ++i) {
      h_stated += md.alpha[i] * kernel[i];
      dh_stated += md.alpha[i] * asx[i] * a[i] * md.inv_two_pi;
    }
    for (std::size_t q = 0; q < md.dipoles.size(); ++q) {
      const DipoleTerm& d = md.dipoles[q];
      // K(x_a) − K(x_b) = asin(ξ)/(2π) (flip x_a − x_b), ξ between flip x_a and x_b, and
      // flip x_a − x_b = s v·gap = s (cos t GA + sin t ẑ·GP).
      const Iv gap = join(Iv(d.flip) * asx[d.a], asx[d.b]) * s * (c * f.GA[q] + st * dot(zhat, f.GP[q])) * md.inv_two_pi;
      h_stated += d.mass * intersect(kernel[d.a] - kernel[d.b], gap);
      Iv slope = asx[d.a] * a[d.a] - asx[d.b] * a[d.b];
      if (d.angle_form) {
        const Iv an = c * f.NA[q] + st * dot(zhat, f.NP[q]);  // v·n
        slope = intersect(slope, dipole_strip_angle_form(d, s, a[d.b], an));
      }
      dh_stated += d.mass * slope * md.inv_two_pi;
    }
    h = intersect(h, h_stated);
    dh = intersect(dh, dh_stated);
  }
  const Iv sj(f.sign);
  StripValues out;
  out.h = sj * h;
  out.dh_ds = sj * dh;
  // φ(x) = arccos(x)/sqrt(1 − x²) ∈ [1, π/2] decreases on [0, 1]: sup over the piece is
  // φ(inf s cos t) = φ(s_lo cos t_hi).
  const Iv x0 = intersect(lower_point(s) * cos(upper_point(t)), Iv::from_doubles(0.0, 1.0));
  const Iv phi_range = Iv::hull(Iv(1).lo(), md.half_pi.hi());
  const Iv phi0 = intersect(acos_clipped(x0) / sqrt_nonneg(one_minus_sq(x0)), phi_range);
  const Iv Phi = Iv::hull(Iv(1).lo(), phi0.hi());
  out.dG_ds = out.dh_ds - ldexp(md.rho * c * Phi, 1);
  return out;
}

Iv eta_at(const Model& md, const IvVec& y) {
  Iv eta;
  for (std::size_t i = 0; i < static_cast<std::size_t>(md.m); ++i) {
    const Iv x = intersect(dot(y, md.u[i]), unit_interval());
    const Iv asx = asin_clipped(x);
    eta += md.alpha_folded[i] * kernel_K(md, x, asx);
    if (!md.b_zero[i]) eta += asx * dot(y, md.bperp[i]) * md.inv_two_pi;
  }
  return eta;
}

}  // namespace zg::checker
