// The rank-2 certificate in angle form with MPFI (core/certificate_angle_terms.hpp).
#include "core/certificate_angle_terms.hpp"

#include <algorithm>

namespace zg::detail::interval {

Mp lo(const Mpi& x) { return boost::multiprecision::lower(x).convert_to<Mp>(); }
Mp hi(const Mpi& x) { return boost::multiprecision::upper(x).convert_to<Mp>(); }
Mpi hull(const Mp& a, const Mp& b) { return Mpi(a, b); }
Mpi interval_min(const Mpi& a, const Mpi& b) { return Mpi(std::min(lo(a), lo(b)), std::min(hi(a), hi(b))); }

AngleTerms angle_terms(const Certificate<Mp>& c) {
  AngleTerms t;
  t.pi = boost::math::constants::pi<Mpi>();
  t.two_pi = 2 * t.pi;
  t.half_pi = t.pi / 2;
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    const Mpi u0(c.U(0, i)), u1(c.U(1, i));
    const Mpi phi = atan2(u1, u0);
    const Mpi norm = sqrt(u0 * u0 + u1 * u1);
    const Mpi b0(c.beta(0, i)), b1(c.beta(1, i));
    t.phi.push_back(phi);
    t.g.push_back((-u1 * b0 + u0 * b1) / norm);  // beta . n_i
    t.e.push_back((u0 * b0 + u1 * b1) / norm);   // beta . u_i (zero up to rounding)
    t.alpha.push_back(Mpi(c.alpha(i)));
    t.sign.push_back(Mpi(c.signs(i)));
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

// alpha K(cos tau) + beta term, first and second derivatives, for tau on one side of 0.
DerivativeTerms term_derivatives(const AngleTerms& t, std::size_t i, const Mpi& tau, int side) {
  const Mpi s(side);
  const Mpi abs_tau = s * tau;
  const Mpi ct = cos(tau), st = sin(tau);
  const Mpi rest = t.half_pi - abs_tau;  // pi/2 - |tau| = asin(cos tau)
  const Mpi b = t.g[i] * st + t.e[i] * ct;
  const Mpi db = t.g[i] * ct - t.e[i] * st;
  const Mpi K1 = -st * rest / t.two_pi;
  const Mpi K2 = (-ct * rest + s * st) / t.two_pi;  // |sin tau| = side * sin tau on (-pi, pi)
  const Mpi B1 = (-s * b + rest * db) / t.two_pi;
  const Mpi B2 = (-2 * s * db - rest * b) / t.two_pi;
  return {t.alpha[i] * K1 + B1, t.alpha[i] * K2 + B2};
}

}  // namespace zg::detail::interval
