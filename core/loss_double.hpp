// The double fast path of the population loss and its gradient (docs/math.md §2–§3): one
// matrix product for all cosines, one fused element-wise pass over the lower triangle of
// the symmetric Gram block, one matrix product for the gradient. core/loss.hpp forwards
// population_loss / population_loss_gradient for T = double here.
#pragma once

#include "core/network.hpp"

namespace zg {

template <class T>
struct LossGradient;

namespace detail {

/// L = E[(f_student - f_teacher)^2] in double (docs/math.md §3). Same contract as
/// population_loss<double>: throws std::invalid_argument on a zero (or NaN) weight column.
/// Guarantee: estimate; absolute error O((m + m*) d eps) sum_p |c_p| |w_p| times
/// max_q |c_q| |w_q|, with c = (a, -a*): the loss is a difference of O(1) terms, so values
/// below about that bound are noise. Cost: one (m + m*)^2 d / 2 product plus (m + m*)^2 / 2
/// arcsines; memory O((m + m*)^2).
double population_loss_double(const Network<double>& student, const Network<double>& teacher);

/// arcsin(x) for x in [-1, 1], written so that a loop over it vectorises (no call, no
/// branch: both of fdlibm's argument ranges are evaluated and one is selected; the
/// library's std::asin is a call the compiler cannot vectorise, and at m = 2048 it was the
/// largest cost after the matrix products). fdlibm's e_asin.c (Sun, 1993), the algorithm
/// of glibc's and musl's asin: |x| < 1/2: x + x R(x^2) with R a (5, 4) rational
/// approximation of (asin(x) - x) / x on [0, 1/4]; |x| >= 1/2: with t = (1 - |x|) / 2,
/// asin|x| = pi/2 - 2 asin(sqrt t), pi/2 split into two doubles and, below |x| = 0.975,
/// sqrt t split into a 21-bit head and a tail to keep the subtraction's rounding out.
/// Guarantee: estimate, error below 1 ulp (fdlibm's bound; tests/core/loss_double_test.cpp
/// measures it against MPFR's correctly rounded asin). Outside [-1, 1]: not defined (the
/// caller clamps).
inline double arcsin_vectorisable(double x) {
  constexpr double pio2_hi = 1.57079632679489655800e+00;  // 0x3FF921FB54442D18
  constexpr double pio2_lo = 6.12323399573676603587e-17;  // 0x3C91A62633145C07
  constexpr double pio4_hi = 7.85398163397448278999e-01;  // 0x3FE921FB54442D18
  constexpr double pS0 = 1.66666666666666657415e-01, pS1 = -3.25565818622400915405e-01,
                   pS2 = 2.01212532134862925881e-01, pS3 = -4.00555345006794114027e-02,
                   pS4 = 7.91534994289814532176e-04, pS5 = 3.47933107596021167570e-05;
  constexpr double qS1 = -2.40339491173441421878e+00, qS2 = 2.02094576023350569471e+00,
                   qS3 = -6.88283971605453293030e-01, qS4 = 7.70381505559019352791e-02;
  const double ax = x < 0 ? -x : x;
  const bool small = ax < 0.5;
  const double t = small ? ax * ax : (1 - ax) * 0.5;  // 1 - ax exact (Sterbenz)
  const double p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
  const double q = 1 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
  const double r = p / q;
  const double s = __builtin_sqrt(t);
  // |x| in [0.975, 1]: pi/2 - 2 (s + s r), with pi/2's tail added first.
  const double near_one = pio2_hi - (2 * (s + s * r) - pio2_lo);
  // |x| in [1/2, 0.975): s = f + c with f = s's high 21 bits (f^2 exact), then fdlibm's
  // pio4_hi - ((2 s r - (pio2_lo - 2 c)) - (pio4_hi - 2 f)).
  const double f = __builtin_bit_cast(double, __builtin_bit_cast(unsigned long long, s) & 0xFFFFFFFF00000000ULL);
  const double c = (t - f * f) / (s + f);
  const double middle = pio4_hi - ((2 * s * r - (pio2_lo - 2 * c)) - (pio4_hi - 2 * f));
  const double large = ax >= 0.975 ? near_one : middle;
  const double magnitude = small ? ax + ax * r : large;
  return x < 0 ? -magnitude : magnitude;
}

/// L and its full gradient in double (docs/math.md §3), the same values as
/// population_loss_gradient<double>. Guarantee: estimate; loss as population_loss_double;
/// each gradient entry has absolute error O((m + m*) d eps |a_j|) sum_p |c_p| |w_p|. Near
/// |rho| = 1 the rounded cosine gives arcsin(rho) and sqrt(1 - rho^2) only to ~sqrt(d eps),
/// but grad_w G is first-order insensitive to the angle there (its angle derivative,
/// -v^ + cos(theta) w^, vanishes at theta = 0 and pi), so the gradient stays O(d eps).
/// Cost: the above plus one d x (m + m*) x (m + m*) product.
LossGradient<double> population_loss_gradient_double(const Network<double>& student,
                                                     const Network<double>& teacher);

/// The matrix products of population_loss_gradient_double alone, panel by panel on the
/// same shapes, without the element-wise pass (the cosines stand in for the arcsines): the
/// floor that bench/loss_bench.cpp compares the loss and gradient with. Returns the sum
/// of the product's entries (a checksum, not a quantity of docs/math.md).
double population_loss_gradient_products_double(const Network<double>& student, const Network<double>& teacher);

}  // namespace detail
}  // namespace zg
