// A value type over FLINT/Arb's arb_t: a midpoint-radius ball [m +/- r] that contains the
// real number it stands for (Arb's "ball arithmetic" contract, arb.rst). The numeric type
// of the rank-r decay proofs (docs/proofs.md); independent of MPFI, which the checker uses.
//
// Precision travels with the value: each ball carries the precision (bits) its midpoint
// is rounded to, and a binary operation works at the larger of its operands' precisions.
// Every operation returns an enclosure of the exact result for every pair of points of
// its inputs (Arb's guarantee). Where a function is not defined on part of a ball (sqrt of
// negatives, asin outside [-1, 1], division by a ball containing 0) the result is Arb's
// indeterminate ball [NaN +/- inf], which no `certainly_*` predicate accepts. Comparisons
// exist only as such predicates: `certainly_lt(a, b)` is true when every point of a is
// below every point of b; it is false when that is not proved (not "a >= b").
#pragma once

#include <arb.h>

#include <string>

#include "core/numeric_types.hpp"

namespace zg {

class ArbBall {
 public:
  /// Zero (exact), at 64 bits.
  ArbBall();
  /// Zero (exact), carried at `prec` bits.
  static ArbBall zero(long prec);
  /// The exact double x (a NaN or infinity gives the indeterminate ball). Exact.
  ArbBall(double x, long prec);
  /// The exact value of x (every MPFR number is an arf number), carried at `prec` bits:
  /// the midpoint is x exactly, whatever prec says. Exact.
  static ArbBall exact(const Mp& x, long prec);
  /// An enclosure of the exact decimal number `text` (Arb's arb_set_str: the literal is
  /// rounded to prec bits and the radius covers the error). Throws std::invalid_argument
  /// when the text is not a finite decimal. Enclosure.
  static ArbBall decimal(const std::string& text, long prec);
  /// The smallest ball Arb builds containing [lo, hi] (exact doubles, lo <= hi). Enclosure.
  static ArbBall interval(double lo, double hi, long prec);
  /// pi, Arb's enclosure at prec bits. Enclosure.
  static ArbBall pi(long prec);

  ArbBall(const ArbBall& other);
  ArbBall(ArbBall&& other) noexcept;
  ArbBall& operator=(const ArbBall& other);
  ArbBall& operator=(ArbBall&& other) noexcept;
  ~ArbBall();

  long precision() const { return prec_; }
  /// The same ball with its midpoint rounded to `prec` bits (radius widened to keep the
  /// enclosure) and carrying that precision from now on. Enclosure.
  ArbBall with_precision(long prec) const;

  /// Exact endpoints m - r and m + r, as MPFR numbers with as many bits as they need.
  Mp lower() const;
  Mp upper() const;
  /// The endpoints rounded outward to doubles (lower_double() <= every point <= upper_double()).
  /// -inf / +inf for an unbounded or indeterminate ball.
  double lower_double() const;
  double upper_double() const;
  /// The exact midpoint as a ball of radius 0 (same precision). Exact.
  ArbBall midpoint() const;
  /// True when the ball is exactly zero (midpoint and radius 0). Exact.
  bool is_exact_zero() const;
  /// The midpoint rounded to the nearest double: an estimate, never to be used in a proof.
  double mid_double() const;
  /// Twice the radius rounded up to a double. Upper bound.
  double width_upper() const;
  bool is_finite() const;
  /// Midpoint and radius in Arb's notation, `digits` significant digits (for people).
  std::string to_string(long digits = 20) const;

  ArbBall& operator+=(const ArbBall& b);
  ArbBall& operator-=(const ArbBall& b);
  ArbBall& operator*=(const ArbBall& b);
  ArbBall& operator/=(const ArbBall& b);
  ArbBall operator-() const;

  arb_srcptr raw() const { return value_; }
  arb_ptr raw() { return value_; }

 private:
  arb_t value_;
  long prec_;
};

/// Enclosures of the exact operations at max(precisions). Division by a ball containing 0
/// gives the indeterminate ball.
ArbBall operator+(const ArbBall& a, const ArbBall& b);
ArbBall operator-(const ArbBall& a, const ArbBall& b);
ArbBall operator*(const ArbBall& a, const ArbBall& b);
ArbBall operator/(const ArbBall& a, const ArbBall& b);
/// With an exact integer. Enclosures.
ArbBall operator*(const ArbBall& a, long k);
ArbBall operator*(long k, const ArbBall& a);
ArbBall operator/(const ArbBall& a, long k);
ArbBall operator+(const ArbBall& a, long k);
ArbBall operator+(long k, const ArbBall& a);
ArbBall operator-(const ArbBall& a, long k);
ArbBall operator-(long k, const ArbBall& a);

/// a^2 (a single operation: [-1, 1]^2 = [0, 1], not [-1, 1]). Enclosure.
ArbBall sqr(const ArbBall& a);
/// sqrt on a ball inside [0, inf); indeterminate when the ball meets the negatives.
ArbBall sqrt(const ArbBall& a);
/// sqrt(a intersected with [0, inf)): for a ball known to enclose a nonnegative number
/// (1 - x^2 with |x| <= 1, say). Enclosure of sqrt of every nonnegative point of a.
ArbBall sqrt_of_nonnegative_part(const ArbBall& a);
/// a intersected with [-1, 1]: for a ball known to enclose a number in [-1, 1] (a cosine).
/// The result is a ball again, so its endpoints may still stick out of [-1, 1] by a
/// rounding of the radius; use asin_of_unit_part / acos_of_unit_part for the functions.
ArbBall clamp_to_unit(const ArbBall& a);
/// 1 - x^2 for every x in the ball: (1 - x)(1 + x) intersected with 1 - x^2. Enclosure;
/// near x = +-1 its radius is relative to 1 - x^2 (the factor 1 -+ x of an exact or
/// narrow x loses nothing), where 1 - sqr(x) keeps sqr's absolute rounding 2^-prec, so
/// that sqrt(1 - x^2) of an x within 2^-prec of 1 would be 2^(-prec/2) wide.
ArbBall one_minus_square(const ArbBall& x);
/// asin and acos of (a intersected with [-1, 1]), by the monotone endpoints when a sticks
/// out: enclosures of f(x) for every x in a with |x| <= 1 (indeterminate if there is none).
ArbBall asin_of_unit_part(const ArbBall& a);
ArbBall acos_of_unit_part(const ArbBall& a);
/// Arb's enclosures; asin and acos are indeterminate for a ball not inside [-1, 1]
/// (clamp first when the exact value is known to be there).
ArbBall asin(const ArbBall& a);
ArbBall acos(const ArbBall& a);
ArbBall sin(const ArbBall& a);
ArbBall cos(const ArbBall& a);
/// Both at once (one argument reduction). Enclosures.
struct SinCos {
  ArbBall sin, cos;
};
SinCos sin_cos(const ArbBall& a);
/// |a|: the enclosure of {|x| : x in a} (inside [0, inf)). Enclosure.
ArbBall abs(const ArbBall& a);
/// The smallest ball Arb builds containing both. Enclosure of the union.
ArbBall hull(const ArbBall& a, const ArbBall& b);
/// The intersection of two enclosures of the same number (a ball containing every point
/// in both); indeterminate when they are disjoint (a broken invariant upstream).
ArbBall intersect(const ArbBall& a, const ArbBall& b);
/// Enclosure of {min(x, y) : x in a, y in b} and of the max.
ArbBall min(const ArbBall& a, const ArbBall& b);
ArbBall max(const ArbBall& a, const ArbBall& b);

/// Certified comparisons: true only when proved for every pair of points.
bool certainly_lt(const ArbBall& a, const ArbBall& b);
bool certainly_le(const ArbBall& a, const ArbBall& b);
bool certainly_gt(const ArbBall& a, const ArbBall& b);
bool certainly_ge(const ArbBall& a, const ArbBall& b);
bool certainly_positive(const ArbBall& a);
bool certainly_negative(const ArbBall& a);
bool certainly_nonnegative(const ArbBall& a);
bool certainly_nonpositive(const ArbBall& a);
/// True when the exact number x lies in the ball.
bool contains(const ArbBall& a, const Mp& x);
bool contains(const ArbBall& a, double x);
/// True when the ball meets zero (the sign of its number is not proved).
bool contains_zero(const ArbBall& a);

/// Exact decimal text of a finite double (every double is k / 2^n and has at most n
/// digits after the point), shortest such text: "0.5", "-3", "1.1102230246251565e-16"
/// written out in full. Exact; throws std::invalid_argument for NaN or infinity.
std::string exact_decimal(double x);
/// Exact decimal text of a finite MPFR number (all its digits). Exact.
std::string exact_decimal(const Mp& x);
/// The decimal text of an upper / lower bound of the ball with `digits` significant
/// digits, rounded outward (a number >= every point / <= every point). For the
/// certificate's recorded bounds.
std::string upper_decimal(const ArbBall& a, int digits);
std::string lower_decimal(const ArbBall& a, int digits);

}  // namespace zg
