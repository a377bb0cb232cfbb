// The rank-2 certificate in angle form, with MPFI: what the interval proofs on the
// circle (core/certificate_proof.cpp) and on the disc (core/certificate_disc_proof.cpp)
// share. Teacher i sits at span angle phi_i; beta_i = g_i n_i + e_i u_i (n_i: u_i turned
// by +90 degrees; e_i is zero up to rounding). Every function returns an enclosure.
#pragma once

#include <vector>

#include "core/certificate.hpp"

namespace zg::detail::interval {

Mp lo(const Mpi& x);
Mp hi(const Mpi& x);
Mpi hull(const Mp& a, const Mp& b);
/// [min(lo), min(hi)]: the enclosure of the smaller of two enclosed quantities.
Mpi interval_min(const Mpi& a, const Mpi& b);

struct AngleTerms {
  std::vector<Mpi> phi, g, e, alpha, sign;  // per teacher direction
  Mpi pi, two_pi, half_pi;
};

/// Angles and beta components enclosed from the certificate's (rounded) U, beta.
AngleTerms angle_terms(const Certificate<Mp>& c);

/// tau reduced to (-pi, pi) by a multiple of 2 pi chosen at its midpoint; false when the
/// interval touches 0 or +-pi (the derivative formulas need a fixed side). `side` is the
/// sign of tau.
bool reduce_to_one_side(const AngleTerms& t, Mpi& tau, int& side);

struct DerivativeTerms {
  Mpi d1, d2;  ///< first and second derivative in tau of alpha_i K(cos tau) + beta term
};

/// Derivatives of teacher i's term on the circle at angle offset tau (one side of 0).
DerivativeTerms term_derivatives(const AngleTerms& t, std::size_t i, const Mpi& tau, int side);

}  // namespace zg::detail::interval
