// MPFI wrapper of the certificate checker (see interval.hpp for the guarantees).
#include "certificate_checker/interval.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

namespace zg::checker {
namespace {

thread_local mpfr_prec_t t_working_precision = 128;

// Initialised mpfi values kept for reuse, per thread and precision: a check makes
// millions of short-lived intervals, and malloc/free of their limbs dominated its time.
// Only storage is reused; every constructor sets the value.
struct Pool {
  static constexpr std::size_t kSlots = 3;
  static constexpr std::size_t kMaxKept = 1 << 14;
  mpfr_prec_t prec[kSlots] = {0, 0, 0};
  std::vector<__mpfi_struct> kept[kSlots];
  ~Pool();
};
// Set when this thread's pool has been destroyed (thread exit): values destroyed later
// (statics) free their storage directly. Trivially destructible, so always readable.
thread_local bool t_pool_gone = false;
thread_local Pool t_pool;  // constructed on first use in each thread

Pool::~Pool() {
  t_pool_gone = true;
  for (std::vector<__mpfi_struct>& v : kept)
    for (__mpfi_struct& x : v) mpfi_clear(&x);
}

void acquire(mpfi_ptr v, mpfr_prec_t prec) {
  if (!t_pool_gone) {
    Pool& pool = t_pool;
    for (std::size_t k = 0; k < Pool::kSlots; ++k) {
      if (pool.prec[k] == prec && !pool.kept[k].empty()) {
        *v = pool.kept[k].back();
        pool.kept[k].pop_back();
        return;
      }
    }
  }
  mpfi_init2(v, prec);
}

void release(mpfi_ptr v) {
  if (!t_pool_gone) {
    Pool& pool = t_pool;
    const mpfr_prec_t prec = mpfi_get_prec(v);
    for (std::size_t k = 0; k < Pool::kSlots; ++k) {
      if (pool.prec[k] == 0) pool.prec[k] = prec;
      if (pool.prec[k] == prec) {
        if (pool.kept[k].size() >= Pool::kMaxKept) break;
        pool.kept[k].push_back(*v);
        return;
      }
    }
  }
  mpfi_clear(v);
}

}  // namespace

mpfr_prec_t working_precision() {
  return t_working_precision;
}

PrecisionScope::PrecisionScope(mpfr_prec_t bits) : old_(t_working_precision) {
  t_working_precision = bits;
}
PrecisionScope::~PrecisionScope() {
  t_working_precision = old_;
}

Iv::Iv() {
  acquire(v_, t_working_precision);
  live_ = true;
  mpfi_set_si(v_, 0);
}

Iv::Iv(Unset) {
  acquire(v_, t_working_precision);
  live_ = true;
}

Iv make_unset() {
  return Iv(Iv::Unset{});
}

Iv::Iv(long n) {
  acquire(v_, std::max<mpfr_prec_t>(t_working_precision, 64));
  live_ = true;
  mpfi_set_si(v_, n);
}

Iv Iv::exact(double x) {
  Iv r;
  if (mpfr_get_prec(r.lo()) < 53) mpfi_set_prec(r.v_, 53);
  mpfi_set_d(r.v_, x);
  return r;
}

Iv Iv::from_doubles(double lo, double hi) {
  Iv r;
  if (mpfr_get_prec(r.lo()) < 53) mpfi_set_prec(r.v_, 53);
  mpfi_interv_d(r.v_, lo, hi);
  return r;
}

Iv Iv::point(mpfr_srcptr x) {
  Iv r;
  if (mpfr_get_prec(r.lo()) < mpfr_get_prec(x)) mpfi_set_prec(r.v_, mpfr_get_prec(x));
  mpfi_set_fr(r.v_, x);
  return r;
}

Iv Iv::hull(mpfr_srcptr lo, mpfr_srcptr hi) {
  Iv r;
  mpfi_interv_fr(r.v_, lo, hi);
  return r;
}

Iv Iv::entire() {
  Iv r;
  mpfr_set_inf(&r.v_->left, -1);
  mpfr_set_inf(&r.v_->right, 1);
  return r;
}

Iv Iv::nan() {
  Iv r;
  mpfr_set_nan(&r.v_->left);
  mpfr_set_nan(&r.v_->right);
  return r;
}

Iv Iv::pi() {
  Iv r;
  mpfi_const_pi(r.v_);
  return r;
}

Iv::Iv(const Iv& other) {
  acquire(v_, mpfi_get_prec(other.v_));
  live_ = true;
  mpfi_set(v_, other.v_);
}

Iv::Iv(Iv&& other) noexcept {
  std::memcpy(static_cast<void*>(v_), static_cast<const void*>(other.v_), sizeof(mpfi_t));
  live_ = other.live_;
  other.live_ = false;
}

Iv& Iv::operator=(const Iv& other) {
  if (this == &other) return *this;
  if (!live_) {
    acquire(v_, mpfi_get_prec(other.v_));
    live_ = true;
  } else if (mpfi_get_prec(v_) != mpfi_get_prec(other.v_)) {
    mpfi_set_prec(v_, mpfi_get_prec(other.v_));
  }
  mpfi_set(v_, other.v_);
  return *this;
}

Iv& Iv::operator=(Iv&& other) noexcept {
  if (this == &other) return *this;
  if (live_ && other.live_) {
    mpfi_swap(v_, other.v_);
  } else if (other.live_) {
    std::memcpy(static_cast<void*>(v_), static_cast<const void*>(other.v_), sizeof(mpfi_t));
    live_ = true;
    other.live_ = false;
  }
  return *this;
}

Iv::~Iv() {
  if (live_) release(v_);
}

bool Iv::is_nan() const {
  return mpfi_nan_p(v_) != 0;
}
bool Iv::contains_zero() const {
  return is_nan() || (mpfr_sgn(lo()) <= 0 && mpfr_sgn(hi()) >= 0);
}
bool Iv::is_bounded() const {
  return mpfi_bounded_p(v_) != 0;
}

Iv& Iv::operator+=(const Iv& b) {
  mpfi_add(v_, v_, b.v_);
  return *this;
}
Iv& Iv::operator-=(const Iv& b) {
  mpfi_sub(v_, v_, b.v_);
  return *this;
}
Iv& Iv::operator*=(const Iv& b) {
  mpfi_mul(v_, v_, b.v_);
  return *this;
}

Iv operator+(const Iv& a, const Iv& b) {
  Iv r = make_unset();
  mpfi_add(r.raw(), a.raw(), b.raw());
  return r;
}
Iv operator-(const Iv& a, const Iv& b) {
  Iv r = make_unset();
  mpfi_sub(r.raw(), a.raw(), b.raw());
  return r;
}
Iv operator*(const Iv& a, const Iv& b) {
  Iv r = make_unset();
  mpfi_mul(r.raw(), a.raw(), b.raw());
  return r;
}
Iv operator/(const Iv& a, const Iv& b) {
  if (a.is_nan() || b.is_nan()) return Iv::nan();
  if (b.contains_zero()) return Iv::entire();
  Iv r = make_unset();
  mpfi_div(r.raw(), a.raw(), b.raw());
  return r;
}
Iv operator-(const Iv& a) {
  Iv r = make_unset();
  mpfi_neg(r.raw(), a.raw());
  return r;
}
Iv operator*(long n, const Iv& a) {
  Iv r = make_unset();
  mpfi_mul_si(r.raw(), a.raw(), n);
  return r;
}
Iv ldexp(const Iv& a, long k) {
  Iv r = make_unset();
  if (k >= 0)
    mpfi_mul_2si(r.raw(), a.raw(), k);
  else
    mpfi_div_2si(r.raw(), a.raw(), -k);
  return r;
}

Iv sqr(const Iv& a) {
  Iv r = make_unset();
  mpfi_sqr(r.raw(), a.raw());
  return r;
}

Iv sqrt_nonneg(const Iv& a) {
  if (a.is_nan() || mpfr_sgn(a.hi()) < 0) return Iv::nan();
  Iv r;
  if (mpfr_sgn(a.lo()) < 0) {
    Iv clipped = a;
    mpfr_set_zero(&clipped.raw()->left, 1);
    mpfi_sqrt(r.raw(), clipped.raw());
  } else {
    mpfi_sqrt(r.raw(), a.raw());
  }
  return r;
}

namespace {
Iv clip_unit(const Iv& a) {
  if (a.is_nan() || mpfr_cmp_si(a.hi(), -1) < 0 || mpfr_cmp_si(a.lo(), 1) > 0) return Iv::nan();
  Iv c = a;
  if (mpfr_cmp_si(c.lo(), -1) < 0) mpfr_set_si(&c.raw()->left, -1, MPFR_RNDD);
  if (mpfr_cmp_si(c.hi(), 1) > 0) mpfr_set_si(&c.raw()->right, 1, MPFR_RNDU);
  return c;
}
}  // namespace

Iv asin_narrow(const Iv& a) {
  if (a.is_nan()) return a;
  // Scratch numbers from the pool (no malloc): d, m in one interval, q, t in another.
  Iv s1 = make_unset();
  Iv s2 = make_unset();
  mpfr_ptr d = &s1.raw()->left;
  mpfr_ptr m = &s1.raw()->right;
  mpfr_ptr q = &s2.raw()->left;
  mpfr_ptr t = &s2.raw()->right;
  mpfr_sub(d, a.hi(), a.lo(), MPFR_RNDU);
  // m = max(|lo|, |hi|) (exact); the cheap path only for narrow intervals with m <= 0.999.
  mpfr_set(m, mpfr_cmpabs(a.lo(), a.hi()) > 0 ? a.lo() : a.hi(), MPFR_RNDU);
  mpfr_abs(m, m, MPFR_RNDU);
  const bool narrow = mpfr_zero_p(d) || (mpfr_get_exp(d) <= -30 && mpfr_cmp_d(m, 0.999) <= 0);
  Iv r = make_unset();
  if (!narrow) {
    mpfi_asin(r.raw(), a.raw());
    return r;
  }
  mpfr_asin(&r.raw()->left, a.lo(), MPFR_RNDD);  // <= asin(lo)
  mpfr_set(t, &r.raw()->left, MPFR_RNDU);
  mpfr_nextabove(t);     // > asin(lo): rounding down lost less than one ulp
  if (mpfr_zero_p(d)) {  // a point
    mpfr_set(&r.raw()->right, t, MPFR_RNDU);
    return r;
  }
  // 1 − m² = (1 − m)(1 + m) rounded down, its sqrt rounded down, d over it rounded up.
  mpfr_ui_sub(q, 1, m, MPFR_RNDD);
  mpfr_add_ui(m, m, 1, MPFR_RNDD);
  mpfr_mul(q, q, m, MPFR_RNDD);
  mpfr_sqrt(q, q, MPFR_RNDD);
  mpfr_div(d, d, q, MPFR_RNDU);
  mpfr_add(&r.raw()->right, t, d, MPFR_RNDU);
  return r;
}

Iv asin_clipped(const Iv& a) {
  Iv c = clip_unit(a);
  if (c.is_nan()) return c;
  return asin_narrow(c);
}
Iv acos_clipped(const Iv& a) {
  Iv c = clip_unit(a);
  if (c.is_nan()) return c;
  Iv r;
  mpfi_acos(r.raw(), c.raw());
  return r;
}
Iv sin(const Iv& a) {
  Iv r = make_unset();
  mpfi_sin(r.raw(), a.raw());
  return r;
}
Iv cos(const Iv& a) {
  Iv r = make_unset();
  mpfi_cos(r.raw(), a.raw());
  return r;
}
Iv abs(const Iv& a) {
  Iv r = make_unset();
  mpfi_abs(r.raw(), a.raw());
  return r;
}

Iv intersect(const Iv& a, const Iv& b) {
  if (a.is_nan()) return b;
  if (b.is_nan()) return a;
  Iv r = make_unset();
  mpfi_intersect(r.raw(), a.raw(), b.raw());
  if (mpfi_is_empty(r.raw())) return Iv::nan();
  return r;
}

Iv join(const Iv& a, const Iv& b) {
  if (a.is_nan() || b.is_nan()) return Iv::nan();
  Iv r = make_unset();
  mpfi_union(r.raw(), a.raw(), b.raw());
  return r;
}

Iv min_of(const Iv& a, const Iv& b) {
  if (a.is_nan() || b.is_nan()) return Iv::nan();
  Iv r = make_unset();
  mpfr_min(&r.raw()->left, a.lo(), b.lo(), MPFR_RNDD);
  mpfr_min(&r.raw()->right, a.hi(), b.hi(), MPFR_RNDU);
  return r;
}
Iv max_of(const Iv& a, const Iv& b) {
  if (a.is_nan() || b.is_nan()) return Iv::nan();
  Iv r = make_unset();
  mpfr_max(&r.raw()->left, a.lo(), b.lo(), MPFR_RNDD);
  mpfr_max(&r.raw()->right, a.hi(), b.hi(), MPFR_RNDU);
  return r;
}

Iv rounded(const Iv& a, mpfr_prec_t bits) {
  PrecisionScope scope(bits);
  Iv r;
  mpfi_set(r.raw(), a.raw());
  return r;
}

Iv lower_point(const Iv& a) {
  return Iv::point(a.lo());
}
Iv upper_point(const Iv& a) {
  return Iv::point(a.hi());
}

Iv midpoint_point(const Iv& a) {
  mpfr_t m;
  mpfr_init2(m, mpfi_get_prec(a.raw()));
  mpfi_mid(m, a.raw());
  Iv r = Iv::point(m);
  mpfr_clear(m);
  return r;
}

Iv unit_interval() { return Iv::from_doubles(-1.0, 1.0); }

Iv one_minus_sq(const Iv& x) {
  const Iv one(1);
  return intersect((one - x) * (one + x), one - sqr(x));
}

// {a / sqrt(a² + Q) : a ∈ A, Q ∈ Q ∩ [0, ∞)} ⊆ [−1, 1]: increasing in a; in Q decreasing
// for a >= 0 and increasing for a <= 0, so bounded by its values at the corners. A corner
// where it is undefined (a = Q = 0) bounds by −1 or 1.
Iv ratio_range(const Iv& A, const Iv& Q) {
  if (A.is_nan() || Q.is_nan() || !A.is_bounded() || !Q.is_bounded()) return unit_interval();
  const Iv q_lo = max_of(lower_point(Q), Iv(0));
  const Iv q_hi = upper_point(Q);
  if (!certainly_nonnegative(q_hi)) return unit_interval();
  const Iv a_lo = lower_point(A);
  const Iv a_hi = upper_point(A);
  const Iv lo = a_lo / sqrt_nonneg(sqr(a_lo) + (certainly_nonnegative(a_lo) ? q_hi : q_lo));
  const Iv hi = a_hi / sqrt_nonneg(sqr(a_hi) + (certainly_nonnegative(a_hi) ? q_lo : q_hi));
  const Iv bottom = lo.is_nan() || !lo.is_bounded() ? Iv(-1) : lower_point(lo);
  const Iv top = hi.is_nan() || !hi.is_bounded() ? Iv(1) : upper_point(hi);
  return intersect(Iv::hull(bottom.lo(), top.hi()), unit_interval());
}

Iv dot(const IvVec& a, const IvVec& b) {
  Iv s;
  Iv t;
  for (std::size_t i = 0; i < a.size(); ++i) {
    mpfi_mul(t.raw(), a[i].raw(), b[i].raw());
    mpfi_add(s.raw(), s.raw(), t.raw());
  }
  return s;
}

Iv norm(const IvVec& a) {
  Iv s;
  Iv t;
  for (const Iv& x : a) {
    mpfi_sqr(t.raw(), x.raw());
    mpfi_add(s.raw(), s.raw(), t.raw());
  }
  return sqrt_nonneg(s);
}

bool certainly_le(const Iv& a, const Iv& b) {
  if (a.is_nan() || b.is_nan()) return false;
  return mpfr_lessequal_p(a.hi(), b.lo()) != 0;
}
bool certainly_lt(const Iv& a, const Iv& b) {
  if (a.is_nan() || b.is_nan()) return false;
  return mpfr_less_p(a.hi(), b.lo()) != 0;
}
bool certainly_positive(const Iv& a) {
  return !a.is_nan() && mpfr_sgn(a.lo()) > 0;
}
bool certainly_nonnegative(const Iv& a) {
  return !a.is_nan() && mpfr_sgn(a.lo()) >= 0;
}

std::string decimal_of(mpfr_srcptr x, int digits, mpfr_rnd_t rnd) {
  if (mpfr_nan_p(x)) return "nan";
  if (mpfr_inf_p(x)) return mpfr_sgn(x) > 0 ? "inf" : "-inf";
  if (mpfr_zero_p(x)) return "0";
  mpfr_exp_t e = 0;
  char* s = mpfr_get_str(nullptr, &e, 10, static_cast<std::size_t>(digits), x, rnd);
  std::string mant(s);
  mpfr_free_str(s);
  std::string sign;
  if (!mant.empty() && mant[0] == '-') {
    sign = "-";
    mant.erase(0, 1);
  }
  while (mant.size() > 1 && mant.back() == '0') mant.pop_back();
  // value = 0.mant * 10^e; plain notation for moderate exponents, else d.ddd e(e-1).
  const long point = static_cast<long>(e);
  if (point < -5 || point > 21) {
    std::string out = sign + mant.substr(0, 1);
    if (mant.size() > 1) out += "." + mant.substr(1);
    return out + "e" + std::to_string(point - 1);
  }
  if (point <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-point), '0') + mant;
  if (static_cast<std::size_t>(point) >= mant.size())
    return sign + mant + std::string(static_cast<std::size_t>(point) - mant.size(), '0');
  return sign + mant.substr(0, static_cast<std::size_t>(point)) + "." + mant.substr(static_cast<std::size_t>(point));
}

std::string decimal_upper(const Iv& a, int digits) {
  return decimal_of(a.hi(), digits, MPFR_RNDU);
}
std::string decimal_lower(const Iv& a, int digits) {
  return decimal_of(a.lo(), digits, MPFR_RNDD);
}
std::string decimal_range(const Iv& a, int digits) {
  return "[" + decimal_lower(a, digits) + ", " + decimal_upper(a, digits) + "]";
}

}  // namespace zg::checker
