// Rank-2 kernel sums in angle form, with MPFI: what the interval proofs on the circle
// (core/certificate_proof.cpp) and on the disc (core/certificate_disc_proof.cpp) share.
// A sum is made of
//   kernel centres    alpha K(cos tau) + asin(cos tau) b(tau) / (2 pi),  tau = theta - phi,
//                     b = g sin tau + e cos tau  (beta = g n + e u, n: u turned by +90 deg);
//   kernel dipoles    mass (K(cos(theta - phi_a)) - K(cos(theta - phi_b))), two nearby
//                     centres with opposite coefficients, enclosed through their gap so that
//                     the large coefficients cancel before intervals widen them;
// and of touching points, where |sum| = 1 is attained (up to tau): the proofs put their
// Taylor caps there and measure delta from them. The pre-certificate of MATH.md §4 has
// centres = touching points = the teacher directions; eta_lambda has beta = 0 centres and
// dipoles (teacher, optimum neuron), touching at the optimum's neurons
// (core/lambda_certificate_proof.hpp). Every function returns an enclosure.
#pragma once

#include <vector>

#include "core/certificate.hpp"

namespace zg::detail::interval {

Mp lo(const Mpi& x);
Mp hi(const Mpi& x);
Mpi hull(const Mp& a, const Mp& b);
/// [min(lo), min(hi)]: the enclosure of the smaller of two enclosed quantities.
Mpi interval_min(const Mpi& a, const Mpi& b);

struct KernelCentre {
  Mpi phi, alpha, g, e;
  /// g = e = 0 exactly: the term alpha K(cos tau) is C^2 in theta everywhere (MATH.md §2),
  /// so its derivative formulas hold across tau = 0 and need no side.
  bool smooth = false;
};

struct KernelDipole {
  Mpi phi_a, phi_b;  ///< the two centres, phi_a shifted by a multiple of pi towards phi_b
  Mpi gap;           ///< encloses phi_a - phi_b (small)
  Mpi mass;          ///< the coefficient
};

struct TouchingPoint {
  Mpi phi, sign;
  /// Index of a non-smooth centre sitting exactly at phi (its beta term is only one-sided
  /// C^2 there, MATH.md §4), or -1.
  int centre = -1;
};

struct AngleTerms {
  std::vector<KernelCentre> centres;
  std::vector<KernelDipole> dipoles;
  std::vector<TouchingPoint> touching;
  Mpi pi, two_pi, half_pi;
};

/// The constants pi, 2 pi, pi/2 and no terms.
AngleTerms empty_angle_terms();

/// The pre-certificate: angles and beta components enclosed from the certificate's
/// (rounded) U, beta; one touching point per teacher direction, at its own centre.
AngleTerms angle_terms(const Certificate<Mp>& c);

/// tau reduced to (-pi, pi) by a multiple of 2 pi chosen at its midpoint; false when the
/// interval touches 0 or +-pi (the derivative formulas need a fixed side). `side` is the
/// sign of tau.
bool reduce_to_one_side(const AngleTerms& t, Mpi& tau, int& side);

struct DerivativeTerms {
  Mpi d1, d2;  ///< first and second derivative in theta
};

/// Derivatives of centre i's term at angle offset tau = theta - phi_i: for a non-smooth
/// centre tau must lie on one side of 0 (sign `side`); a smooth centre ignores `side`.
DerivativeTerms term_derivatives(const AngleTerms& t, std::size_t i, const Mpi& tau, int side);

/// K(cos tau) and its derivatives in tau up to the third (the third exists except at
/// tau = 0 mod pi, where it jumps; there it is enclosed by the hull of the one-sided
/// limits, which is what a mean-value bound of the second derivative needs):
///   K = (cos tau asin(cos tau) + |sin tau| - 1) / (2 pi),   K1 = -sin tau (pi/2 - |tau|) / (2 pi),
///   K2 = (-cos tau (pi/2 - |tau|) + |sin tau|) / (2 pi),    K3 = (sin tau (pi/2 - |tau|) + 2 sgn(tau) cos tau) / (2 pi),
/// with tau reduced mod pi (K(cos tau) has period pi). Any tau.
struct AngleKernel {
  Mpi k, k1, k2, k3;
};
AngleKernel angle_kernel(const AngleTerms& t, const Mpi& tau);

/// Dipole p over the angle interval theta: the direct difference intersected with the
/// gap form mass (F(theta - phi_a) - F(theta - phi_b)) = -mass gap F'(xi),
/// xi in theta - hull(phi_a, phi_b), for F = K, K1, K2 (value, d1, d2).
struct DipoleTerms {
  Mpi value, d1, d2;
};
DipoleTerms dipole_terms(const AngleTerms& t, std::size_t p, const Mpi& theta);

/// The whole sum at the angle interval theta (centres and dipoles).
Mpi sum_value(const AngleTerms& t, const Mpi& theta);

/// The angle from theta to the nearest line of a touching point (acos |cos|).
Mpi touching_delta(const AngleTerms& t, const Mpi& theta);

/// The hull of theta - phi_a and theta - phi_b.
Mpi dipole_xi(const KernelDipole& d, const Mpi& theta);

}  // namespace zg::detail::interval
