// Rank-2 kernel sums in angle form with MPFI (core/certificate_angle_terms.hpp).
#include "core/certificate_angle_terms.hpp"

#include <algorithm>

namespace zg::detail::interval {

Mp lo(const Mpi& x) { return boost::multiprecision::lower(x).convert_to<Mp>(); }
Mp hi(const Mpi& x) { return boost::multiprecision::upper(x).convert_to<Mp>(); }
Mpi hull(const Mp& a, const Mp& b) { return Mpi(a, b); }
Mpi interval_min(const Mpi& a, const Mpi& b) { return Mpi(std::min(lo(a), lo(b)), std::min(hi(a), hi(b))); }

AngleTerms empty_angle_terms() {
  AngleTerms t;
  t.pi = boost::math::constants::pi<Mpi>();
  t.two_pi = 2 * t.pi;
  t.half_pi = t.pi / 2;
  return t;
}

AngleTerms angle_terms(const Certificate<Mp>& c) {
  AngleTerms t = empty_angle_terms();
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    const Mpi u0(c.U(0, i)), u1(c.U(1, i));
    const Mpi phi = atan2(u1, u0);
    const Mpi norm = sqrt(u0 * u0 + u1 * u1);
    const Mpi b0(c.beta(0, i)), b1(c.beta(1, i));
    KernelCentre k;
    k.phi = phi;
    k.g = (-u1 * b0 + u0 * b1) / norm;  // beta . n_i
    k.e = (u0 * b0 + u1 * b1) / norm;   // beta . u_i (zero up to rounding)
    k.alpha = Mpi(c.alpha(i));
    t.centres.push_back(k);
    t.touching.push_back(TouchingPoint{phi, Mpi(c.signs(i)), static_cast<int>(i)});
  }
  return t;
}

bool reduce_to_one_side(const AngleTerms& t, Mpi& tau, int& side) {
  const Mp mid = (lo(tau) + hi(tau)) / 2;
  const Mp turns = round(mid / hi(t.two_pi));
  tau -= t.two_pi * Mpi(turns);
  if (!(lo(tau) > -lo(t.pi) && hi(tau) < lo(t.pi))) return false;
  if (lo(tau) > 0) side = 1;
  else if (hi(tau) < 0) side = -1;
  else return false;
  return true;
}

AngleKernel angle_kernel(const AngleTerms& t, const Mpi& tau_in) {
  // Reduce by a multiple of pi at the midpoint (every function here has period pi), so
  // that the formulas with |tau| < pi apply.
  const Mp mid = (lo(tau_in) + hi(tau_in)) / 2;
  const Mpi tau = tau_in - t.pi * Mpi(Mp(round(mid / hi(t.pi))));
  const Mpi ct = cos(tau), st = sin(tau);
  AngleKernel k;
  if (!(lo(tau) > -lo(t.pi) && hi(tau) < lo(t.pi))) {
    k.k = (ct * asin(intersect(ct, Mpi(-1, 1))) + abs(st) - 1) / t.two_pi;
    // Wider than pi: |K1| <= 1/4, |K2| <= (1 + pi/2) / (2 pi), |K3| <= (2 + pi/2) / (2 pi).
    k.k1 = Mpi(-1, 1) / 4;
    k.k2 = Mpi(-1, 1) * (1 + t.half_pi) / t.two_pi;
    k.k3 = Mpi(-1, 1) * (2 + t.half_pi) / t.two_pi;
    return k;
  }
  const Mpi rest = t.half_pi - abs(tau);  // asin(cos tau) on |tau| <= pi, without asin's
                                          // lost half digits at cos tau ~ 1
  k.k = (ct * rest + abs(st) - 1) / t.two_pi;
  const Mpi sgn = lo(tau) > 0 ? Mpi(1) : hi(tau) < 0 ? Mpi(-1) : Mpi(-1, 1);
  k.k1 = -st * rest / t.two_pi;
  k.k2 = (-ct * rest + abs(st)) / t.two_pi;
  k.k3 = (st * rest + 2 * sgn * ct) / t.two_pi;
  return k;
}

// alpha K(cos tau) + beta term, first and second derivatives, for tau on one side of 0
// (any tau for a smooth centre).
DerivativeTerms term_derivatives(const AngleTerms& t, std::size_t i, const Mpi& tau, int side) {
  const KernelCentre& c = t.centres[i];
  if (c.smooth) {
    const AngleKernel k = angle_kernel(t, tau);
    return {c.alpha * k.k1, c.alpha * k.k2};
  }
  const Mpi s(side);
  const Mpi abs_tau = s * tau;
  const Mpi ct = cos(tau), st = sin(tau);
  const Mpi rest = t.half_pi - abs_tau;  // pi/2 - |tau| = asin(cos tau)
  const Mpi b = c.g * st + c.e * ct;
  const Mpi db = c.g * ct - c.e * st;
  const Mpi K1 = -st * rest / t.two_pi;
  const Mpi K2 = (-ct * rest + s * st) / t.two_pi;  // |sin tau| = side * sin tau on (-pi, pi)
  const Mpi B1 = (-s * b + rest * db) / t.two_pi;
  const Mpi B2 = (-2 * s * db - rest * b) / t.two_pi;
  return {c.alpha * K1 + B1, c.alpha * K2 + B2};
}

Mpi dipole_xi(const KernelDipole& d, const Mpi& theta) {
  const Mpi phis = hull(std::min(lo(d.phi_a), lo(d.phi_b)), std::max(hi(d.phi_a), hi(d.phi_b)));
  return theta - phis;
}

DipoleTerms dipole_terms(const AngleTerms& t, std::size_t p, const Mpi& theta) {
  const KernelDipole& d = t.dipoles[p];
  const AngleKernel a = angle_kernel(t, theta - d.phi_a), b = angle_kernel(t, theta - d.phi_b);
  const AngleKernel xi = angle_kernel(t, dipole_xi(d, theta));
  const Mpi scale = -d.mass * d.gap;
  return {intersect(Mpi(d.mass * (a.k - b.k)), Mpi(scale * xi.k1)),
          intersect(Mpi(d.mass * (a.k1 - b.k1)), Mpi(scale * xi.k2)),
          intersect(Mpi(d.mass * (a.k2 - b.k2)), Mpi(scale * xi.k3))};
}

Mpi sum_value(const AngleTerms& t, const Mpi& theta) {
  Mpi eta(0);
  for (const KernelCentre& c : t.centres) {
    const Mpi tau = theta - c.phi;
    if (c.smooth) {
      eta += c.alpha * angle_kernel(t, tau).k;
      continue;
    }
    const Mpi ct = cos(tau), st = sin(tau);
    const Mpi as = asin(intersect(ct, Mpi(-1, 1)));
    const Mpi K = (ct * as + abs(st) - 1) / t.two_pi;
    eta += c.alpha * K + as * (c.g * st + c.e * ct) / t.two_pi;
  }
  for (std::size_t p = 0; p < t.dipoles.size(); ++p) eta += dipole_terms(t, p, theta).value;
  return eta;
}

Mpi touching_delta(const AngleTerms& t, const Mpi& theta) {
  Mpi delta;
  for (std::size_t j = 0; j < t.touching.size(); ++j) {
    const Mpi d = acos(intersect(abs(cos(theta - t.touching[j].phi)), Mpi(0, 1)));  // angle to the line
    delta = j == 0 ? d : interval_min(delta, d);
  }
  return delta;
}

}  // namespace zg::detail::interval
