// Interval arithmetic of the certificate checker: a thin RAII wrapper over the MPFI C API
// (docs/proofs.md §1: "every number that enters the proof is an enclosure"). Each value
// carries its own precision, taken from the calling thread's working precision when it is
// made, so two threads can check at once (the checker never touches a process default).
//
// Guarantee (every function here): the result is an enclosure of the exact operation
// applied to every point of the operands. Out-of-domain input (division by an interval
// containing 0, sqrt of a negative interval) gives the whole line or NaN, never a
// midpoint; NaN fails every `certainly_*` test.
#pragma once

#include <mpfi.h>
#include <mpfr.h>

#include <string>
#include <vector>

namespace zg::checker {

/// Working precision (bits) of the values made on this thread from now on.
mpfr_prec_t working_precision();

/// Sets this thread's working precision for its lifetime, restores the previous one after.
class PrecisionScope {
 public:
  explicit PrecisionScope(mpfr_prec_t bits);
  ~PrecisionScope();
  PrecisionScope(const PrecisionScope&) = delete;
  PrecisionScope& operator=(const PrecisionScope&) = delete;

 private:
  mpfr_prec_t old_;
};

/// A closed interval [lo, hi] with MPFR endpoints.
class Iv {
 public:
  /// [0, 0] at the working precision.
  Iv();
  /// The exact integer n (point interval; exact because the working precision is >= 64).
  explicit Iv(long n);
  /// The exact double x (point interval).
  static Iv exact(double x);
  /// [lo, hi] from two doubles (exact endpoints); lo <= hi is the caller's business.
  static Iv from_doubles(double lo, double hi);
  /// The point interval [x, x] of an MPFR number (exact: made at x's precision or more).
  static Iv point(mpfr_srcptr x);
  /// [lo, hi] of two MPFR numbers, rounded outward to the working precision.
  static Iv hull(mpfr_srcptr lo, mpfr_srcptr hi);
  /// (-inf, +inf).
  static Iv entire();
  /// An interval whose endpoints are NaN: fails every certainly_* test.
  static Iv nan();
  /// The enclosure of pi.
  static Iv pi();

  Iv(const Iv& other);
  Iv(Iv&& other) noexcept;
  Iv& operator=(const Iv& other);
  Iv& operator=(Iv&& other) noexcept;
  ~Iv();

  mpfi_ptr raw() { return v_; }
  mpfi_srcptr raw() const { return v_; }
  mpfr_srcptr lo() const { return &v_->left; }
  mpfr_srcptr hi() const { return &v_->right; }

  bool is_nan() const;
  bool contains_zero() const;
  /// Both endpoints finite and not NaN.
  bool is_bounded() const;

  Iv& operator+=(const Iv& b);
  Iv& operator-=(const Iv& b);
  Iv& operator*=(const Iv& b);

 private:
  /// Storage at the working precision, value unset: for results about to be written.
  struct Unset {};
  explicit Iv(Unset);
  friend Iv make_unset();

  mpfi_t v_;
  bool live_ = false;  // false only in a moved-from value: then it owns nothing
};

using IvVec = std::vector<Iv>;

Iv operator+(const Iv& a, const Iv& b);
Iv operator-(const Iv& a, const Iv& b);
Iv operator*(const Iv& a, const Iv& b);
/// a / b; the whole line when b contains 0 (MPFI alone would give a half line for [0,1]/[0,1]).
Iv operator/(const Iv& a, const Iv& b);
Iv operator-(const Iv& a);
Iv operator*(long n, const Iv& a);
/// a / 2^k, exact.
Iv ldexp(const Iv& a, long k);

Iv sqr(const Iv& a);
/// Enclosure of asin over a narrow interval from one MPFR call: asin(hi) <= asin(lo) +
/// (hi − lo)/sqrt(1 − max(lo², hi²)) (mean value theorem), asin(lo) in [down(asin lo),
/// next above it]; falls back to two calls when the interval is wide or near ±1.
/// Precondition: a ⊆ [−1, 1].
Iv asin_narrow(const Iv& a);
/// sqrt of a quantity known to be >= 0 exactly: the part of `a` below 0 is dropped first.
Iv sqrt_nonneg(const Iv& a);
/// asin / acos of a quantity known to lie in [-1, 1] exactly: `a` is clipped to it first.
Iv asin_clipped(const Iv& a);
Iv acos_clipped(const Iv& a);
Iv sin(const Iv& a);
Iv cos(const Iv& a);
Iv abs(const Iv& a);
/// a ∩ b, for two enclosures of the same number; NaN when they are disjoint (impossible
/// for correct enclosures: it makes the item fail instead of passing on garbage).
Iv intersect(const Iv& a, const Iv& b);
/// The convex hull of a and b.
Iv join(const Iv& a, const Iv& b);
/// Enclosure of min(x, y) / max(x, y) for x in a, y in b.
Iv min_of(const Iv& a, const Iv& b);
Iv max_of(const Iv& a, const Iv& b);
/// a rounded outward to `bits` bits (an enclosure of the same numbers, cheaper to use).
Iv rounded(const Iv& a, mpfr_prec_t bits);
/// [lo(a), lo(a)] and [hi(a), hi(a)].
Iv lower_point(const Iv& a);
Iv upper_point(const Iv& a);
/// [m, m] for a point m of a near its midpoint (a point to expand around, never a bound).
Iv midpoint_point(const Iv& a);

/// [-1, 1], where every cosine lies. Exact.
Iv unit_interval();
/// 1 - x^2, as (1 - x)(1 + x) intersected with 1 - x^2: tighter near |x| = 1, and never
/// below 0 for |x| <= 1. Enclosure.
Iv one_minus_sq(const Iv& x);
/// {a / sqrt(a² + q) : a ∈ A, q ∈ Q, q >= 0}, the ratio of a leg to a hypotenuse, from
/// the corners of A and Q (it is increasing in a and monotone in q); [−1, 1] where a
/// corner leaves it undefined. Enclosure, and far narrower than A / sqrt(A² + Q) when A
/// and Q come from the same point.
Iv ratio_range(const Iv& A, const Iv& Q);

/// Euclidean inner product and norm of interval vectors of equal length.
Iv dot(const IvVec& a, const IvVec& b);
Iv norm(const IvVec& a);

/// Certified comparisons on endpoints; false whenever a NaN is involved.
bool certainly_le(const Iv& a, const Iv& b);  // hi(a) <= lo(b)
bool certainly_lt(const Iv& a, const Iv& b);  // hi(a) <  lo(b)
bool certainly_positive(const Iv& a);         // lo(a) > 0
bool certainly_nonnegative(const Iv& a);      // lo(a) >= 0

/// Decimal of an endpoint, rounded outward: `upper` rounds hi(a) up, `lower` lo(a) down.
std::string decimal_upper(const Iv& a, int digits = 17);
std::string decimal_lower(const Iv& a, int digits = 17);
/// "[lo, hi]" rounded outward.
std::string decimal_range(const Iv& a, int digits = 17);
/// Decimal of an MPFR number rounded in direction rnd.
std::string decimal_of(mpfr_srcptr x, int digits, mpfr_rnd_t rnd);

}  // namespace zg::checker
