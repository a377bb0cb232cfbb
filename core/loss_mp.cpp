// The Mp fast path of core/loss.hpp (docs/math.md §2–§3), on FLINT/Arb floating-point numbers.
// As in core/loss_double.cpp the teacher is folded into the student as m* neurons with
// output weights -a*, so L = c^T G c over one symmetric (m + m*) x (m + m*) Gram matrix.
// Only midpoints are used (arb_approx_dot, arf arithmetic, the midpoint of arb_asin's
// ball): this is an estimate at the working precision, not an enclosure.
#include "core/loss_mp.hpp"

#include <arb.h>
#include <arb_mat.h>
#include <arf.h>

#include <cassert>

#include "core/loss.hpp"

namespace zg::detail {
namespace {

/// Guard bits of the inner arithmetic: the results are rounded once to the working
/// precision at the end (at 50 digits, 167 + 16 bits still fit the same three limbs).
constexpr long kGuardBits = 16;

/// A vector of Arb balls (radius zero throughout: only midpoints are used), RAII.
class ArbVector {
 public:
  explicit ArbVector(slong n) : v_(_arb_vec_init(n)), n_(n) {}
  ~ArbVector() { _arb_vec_clear(v_, n_); }
  ArbVector(const ArbVector&) = delete;
  ArbVector& operator=(const ArbVector&) = delete;
  arb_ptr operator+(slong i) { return v_ + i; }
  arb_srcptr operator+(slong i) const { return v_ + i; }
  arf_ptr mid(slong i) { return arb_midref(v_ + i); }
  arf_srcptr mid(slong i) const { return arb_midref(v_ + i); }

 private:
  arb_ptr v_;
  slong n_;
};

/// A matrix of Arb balls (radius zero on input), RAII; entries row-major and contiguous.
class ArbMatrix {
 public:
  ArbMatrix(slong rows, slong cols) { arb_mat_init(m_, rows, cols); }
  ~ArbMatrix() { arb_mat_clear(m_); }
  ArbMatrix(const ArbMatrix&) = delete;
  ArbMatrix& operator=(const ArbMatrix&) = delete;
  arb_mat_struct* get() { return m_; }
  const arb_mat_struct* get() const { return m_; }
  arf_ptr mid(slong i, slong j) { return arb_midref(arb_mat_entry(m_, i, j)); }
  arf_srcptr mid(slong i, slong j) const { return arb_midref(arb_mat_entry(m_, i, j)); }

 private:
  arb_mat_t m_;
};

/// One Arb ball, RAII (the arcsine's argument and result, the dot products' results).
class ArbScalar {
 public:
  ArbScalar() { arb_init(v_); }
  ~ArbScalar() { arb_clear(v_); }
  ArbScalar(const ArbScalar&) = delete;
  ArbScalar& operator=(const ArbScalar&) = delete;
  arb_ptr get() { return v_; }
  arf_ptr mid() { return arb_midref(v_); }

 private:
  arb_t v_;
};

/// One arf number, RAII.
class Arf {
 public:
  Arf() { arf_init(v_); }
  ~Arf() { arf_clear(v_); }
  Arf(const Arf&) = delete;
  Arf& operator=(const Arf&) = delete;
  arf_ptr get() { return v_; }

 private:
  arf_t v_;
};

void set_exact(arf_ptr out, const Mp& x) { arf_set_mpfr(out, x.backend().data()); }

/// The Mp at the current default precision nearest to x (one rounding).
Mp to_mp(arf_srcptr x) {
  Mp out;
  arf_get_mpfr(out.backend().data(), x, MPFR_RNDN);
  return out;
}

/// Bits of the current default precision of Mp.
long working_bits() {
  const Mp probe(0);
  return static_cast<long>(mpfr_get_prec(probe.backend().data()));
}

/// Student and teacher as one signed family p = 0 .. n - 1 (student first), neuron-major:
/// dirs + p d is neuron p's unit direction. Inputs are taken exactly (every MPFR number is
/// an arf number); the directions and norms come from unit_columns<Mp>, as in the generic
/// path.
struct Neurons {
  slong m, n, d;
  ArbVector dirs;    ///< n d: unit directions
  ArbVector norms;   ///< n: |w_p|
  ArbVector mass;    ///< n: c_p |w_p|, c = (a, -a*)
  ArbVector sq;      ///< n: |dir_p|^2 (1 up to the normalisation's rounding)
  ArbMatrix scaled;  ///< n x d: row p is c_p w_p (only with the gradient)
  Neurons(slong m_, slong ms, slong d_, bool gradient)
      : m(m_), n(m_ + ms), d(d_), dirs(n * d), norms(n), mass(n), sq(n), scaled(gradient ? n : 0, gradient ? d : 0) {}
};

void fill_neurons(Neurons& nn, const Network<Mp>& student, const Network<Mp>& teacher, bool gradient, long prec) {
  const UnitColumns<Mp> s = unit_columns(student.W);  // throws on a zero column
  const UnitColumns<Mp> t = unit_columns(teacher.W);
  Arf c;
  for (slong p = 0; p < nn.n; ++p) {
    const bool is_student = p < nn.m;
    const Eigen::Index j = is_student ? p : p - nn.m;
    const UnitColumns<Mp>& u = is_student ? s : t;
    set_exact(c.get(), is_student ? student.a(j) : teacher.a(j));
    if (!is_student) arf_neg(c.get(), c.get());
    for (slong i = 0; i < nn.d; ++i) {
      set_exact(nn.dirs.mid(p * nn.d + i), u.dirs(i, j));
      if (gradient) {
        Arf w;
        set_exact(w.get(), is_student ? student.W(i, j) : teacher.W(i, j));
        arf_mul(nn.scaled.mid(p, i), c.get(), w.get(), prec, ARF_RND_NEAR);
      }
    }
    set_exact(nn.norms.mid(p), u.norms(j));
    arf_mul(nn.mass.mid(p), c.get(), nn.norms.mid(p), prec, ARF_RND_NEAR);
    arb_approx_dot(nn.sq + p, nullptr, 0, nn.dirs + p * nn.d, 1, nn.dirs + p * nn.d, 1, nn.d, prec);
  }
}

/// Per pair (p, q), p > q: arcsin(rho), s_minus_1 = sqrt(1 - rho^2) - 1 and 2 pi K(rho) =
/// rho arcsin(rho) + s_minus_1 (kernels.hpp's relu_ge2_kernel form, no cancellation).
/// |rho| <= 1/2 from the dot product (absolute error O(eps) in rho; arcsin and sqrt are well
/// conditioned there): sin(theta) = sqrt((1 - rho)(1 + rho)), arcsin(rho) =
/// arctan(rho / sin(theta)). |rho| > 1/2 as angle_between_unit: a = |u - v| (rho > 0) or
/// b = |u + v| (rho < 0) summed from the differences (relative accuracy down to tiny
/// angles), the other from a^2 + b^2 = 2 |u|^2 + 2 |v|^2 (no cancellation: it is >= 2),
/// rho = (b^2 - a^2) / 4, sin(theta) = a b / 2 and arcsin(rho) = pi/2 - 2 arctan(a / b) (or
/// 2 arctan(b / a) - pi/2), quotients at most 1/sqrt(3): well conditioned. The arctangent
/// is Arb's arb_atan_arf, the core of its arb_asin (which would recompute the square root
/// this pair already has).
class PairKernel {
 public:
  PairKernel(const Neurons& nn, long prec) : nn_(nn), prec_(prec), work_(nn.d) {
    arb_const_pi(half_pi_.get(), prec);
    arb_mul_2exp_si(half_pi_.get(), half_pi_.get(), -1);
  }

  /// Writes arcsin(rho), s_minus_1, 2 pi K for the pair into the three outputs.
  void operator()(slong p, slong q, arf_ptr asin_out, arf_ptr s_out, arf_ptr k_out) {
    const slong d = nn_.d;
    arb_approx_dot(dot_.get(), nullptr, 0, nn_.dirs + p * d, 1, nn_.dirs + q * d, 1, d, prec_);
    arf_ptr rho = dot_.mid();
    arf_ptr sin_theta = sin_.get();
    if (arf_cmpabs_2exp_si(rho, -1) <= 0) {
      arf_sub_ui(t2_.get(), rho, 1, prec_, ARF_RND_NEAR);
      arf_add_ui(t3_.get(), rho, 1, prec_, ARF_RND_NEAR);
      arf_mul(t2_.get(), t2_.get(), t3_.get(), prec_, ARF_RND_NEAR);
      arf_neg(t2_.get(), t2_.get());
      arf_sqrt(sin_theta, t2_.get(), prec_, ARF_RND_NEAR);
      arf_div(t3_.get(), rho, sin_theta, prec_, ARF_RND_NEAR);
      arb_atan_arf(atan_.get(), t3_.get(), prec_);
      arf_set(asin_out, arb_midref(atan_.get()));
    } else {
      const bool positive = arf_sgn(rho) > 0;
      // near = |u -+ v|^2 from the differences (sums), far = 2 |u|^2 + 2 |v|^2 - near.
      for (slong i = 0; i < d; ++i) {
        if (positive)
          arf_sub(work_.mid(i), nn_.dirs.mid(p * d + i), nn_.dirs.mid(q * d + i), prec_, ARF_RND_NEAR);
        else
          arf_add(work_.mid(i), nn_.dirs.mid(p * d + i), nn_.dirs.mid(q * d + i), prec_, ARF_RND_NEAR);
      }
      arb_approx_dot(near_.get(), nullptr, 0, work_ + 0, 1, work_ + 0, 1, d, prec_);
      arf_ptr near2 = near_.mid();
      arf_ptr far2 = t2_.get();
      arf_add(far2, nn_.sq.mid(p), nn_.sq.mid(q), prec_, ARF_RND_NEAR);
      arf_mul_2exp_si(far2, far2, 1);
      arf_sub(far2, far2, near2, prec_, ARF_RND_NEAR);
      // rho = +-(far^2 - near^2) / 4.
      arf_sub(rho, far2, near2, prec_, ARF_RND_NEAR);
      arf_mul_2exp_si(rho, rho, -2);
      if (!positive) arf_neg(rho, rho);
      // sin(theta) = near far / 2; theta / 2 (or pi/2 - theta / 2) = arctan(near / far).
      arf_sqrt(near_len_.get(), near2, prec_, ARF_RND_NEAR);
      arf_sqrt(far_len_.get(), far2, prec_, ARF_RND_NEAR);
      arf_mul(sin_theta, near_len_.get(), far_len_.get(), prec_, ARF_RND_NEAR);
      arf_mul_2exp_si(sin_theta, sin_theta, -1);
      arf_div(t3_.get(), near_len_.get(), far_len_.get(), prec_, ARF_RND_NEAR);
      arb_atan_arf(atan_.get(), t3_.get(), prec_);
      arf_mul_2exp_si(t3_.get(), arb_midref(atan_.get()), 1);
      if (positive)
        arf_sub(asin_out, arb_midref(half_pi_.get()), t3_.get(), prec_, ARF_RND_NEAR);
      else
        arf_sub(asin_out, t3_.get(), arb_midref(half_pi_.get()), prec_, ARF_RND_NEAR);
    }
    // s_minus_1 = -rho^2 / (1 + sin(theta)); 2 pi K = rho arcsin(rho) + s_minus_1.
    arf_add_ui(t2_.get(), sin_theta, 1, prec_, ARF_RND_NEAR);
    arf_mul(t3_.get(), rho, rho, prec_, ARF_RND_NEAR);
    arf_div(s_out, t3_.get(), t2_.get(), prec_, ARF_RND_NEAR);
    arf_neg(s_out, s_out);
    arf_mul(t3_.get(), rho, asin_out, prec_, ARF_RND_NEAR);
    arf_add(k_out, t3_.get(), s_out, prec_, ARF_RND_NEAR);
  }

  arf_srcptr half_pi() { return arb_midref(half_pi_.get()); }

 private:
  const Neurons& nn_;
  long prec_;
  ArbVector work_;
  ArbScalar half_pi_, dot_, near_, atan_;
  Arf sin_, near_len_, far_len_, t2_, t3_;
};

/// The Gram sums: y_p = sum_q 2 pi K(rho_pq) mass_q for every p and, with the gradient,
/// z_p = sum_q s_minus_1(rho_pq) mass_q and along_v_p = sum_q c_q arcsin(rho_pq) w_q for
/// the student's p < m. y and z are accumulated pair by pair (each pair adds to its row and
/// its column: one evaluation per unordered pair), at prec = working + 16 bits, so the
/// n roundings of a sum stay below the working precision's; the arcsines are stored
/// (student rows only) for one matrix product.
struct Sums {
  ArbVector y, z;
  ArbMatrix along_v;  ///< m x d
  Sums(slong n, slong m, slong d, bool gradient)
      : y(n), z(gradient ? m : 0), along_v(gradient ? m : 0, gradient ? d : 0) {}
};

void gram_sums(const Neurons& nn, bool gradient, long prec, Sums& out) {
  const slong n = nn.n, m = nn.m;
  ArbMatrix A(gradient ? m : 0, gradient ? n : 0);
  Arf a_scratch, s_pq, k_pq, k_diag;
  PairKernel kernel(nn, prec);
  // A neuron with itself: rho = 1, arcsin = pi/2, s_minus_1 = -1, 2 pi K = pi/2 - 1.
  arf_sub_ui(k_diag.get(), kernel.half_pi(), 1, prec, ARF_RND_NEAR);
  for (slong p = 0; p < n; ++p) {
    const bool student_row = gradient && p < m;
    arf_addmul(out.y.mid(p), k_diag.get(), nn.mass.mid(p), prec, ARF_RND_NEAR);
    if (student_row) {
      arf_sub(out.z.mid(p), out.z.mid(p), nn.mass.mid(p), prec, ARF_RND_NEAR);
      arf_set(A.mid(p, p), kernel.half_pi());
    }
    for (slong q = 0; q < p; ++q) {
      arf_ptr a_pq = student_row ? A.mid(p, q) : a_scratch.get();
      kernel(p, q, a_pq, s_pq.get(), k_pq.get());
      arf_addmul(out.y.mid(p), k_pq.get(), nn.mass.mid(q), prec, ARF_RND_NEAR);
      arf_addmul(out.y.mid(q), k_pq.get(), nn.mass.mid(p), prec, ARF_RND_NEAR);
      if (student_row) arf_addmul(out.z.mid(p), s_pq.get(), nn.mass.mid(q), prec, ARF_RND_NEAR);
      if (gradient && q < m) {  // the symmetric entry, in student row q
        arf_addmul(out.z.mid(q), s_pq.get(), nn.mass.mid(p), prec, ARF_RND_NEAR);
        arf_set(A.mid(q, p), a_pq);
      }
    }
  }
  if (!gradient) return;
  // along_v = A (c w)^T by Arb's block algorithm: blocks of entries with nearby exponents
  // are multiplied as exact integer matrices (FLINT's fmpz_mat), several times faster
  // than m d dot products; each entry's error stays within 2^-prec of the largest term.
  arb_mat_mul_block(out.along_v.get(), A.get(), nn.scaled.get(), prec);
}

/// L = mass . y / (2 pi), at prec.
void loss_of(const Neurons& nn, const Sums& sums, long prec, arb_ptr out) {
  ArbScalar two_pi;
  arb_const_pi(two_pi.get(), prec);
  arb_mul_2exp_si(two_pi.get(), two_pi.get(), 1);
  arb_approx_dot(out, nullptr, 0, nn.mass + 0, 1, sums.y + 0, 1, nn.n, prec);
  arf_div(arb_midref(out), arb_midref(out), arb_midref(two_pi.get()), prec, ARF_RND_NEAR);
}

}  // namespace

Mp population_loss_mp(const Network<Mp>& student, const Network<Mp>& teacher) {
  assert(student.dim() == teacher.dim());
  const long prec = working_bits() + kGuardBits;
  Neurons nn(student.width(), teacher.width(), student.dim(), false);
  fill_neurons(nn, student, teacher, false, prec);
  Sums sums(nn.n, nn.m, nn.d, false);
  gram_sums(nn, false, prec, sums);
  ArbScalar loss;
  loss_of(nn, sums, prec, loss.get());
  return to_mp(loss.mid());
}

LossGradient<Mp> population_loss_gradient_mp(const Network<Mp>& student, const Network<Mp>& teacher) {
  assert(student.dim() == teacher.dim());
  const long prec = working_bits() + kGuardBits;
  Neurons nn(student.width(), teacher.width(), student.dim(), true);
  fill_neurons(nn, student, teacher, true, prec);
  Sums sums(nn.n, nn.m, nn.d, true);
  gram_sums(nn, true, prec, sums);

  LossGradient<Mp> out;
  ArbScalar loss, pi_ball;
  loss_of(nn, sums, prec, loss.get());
  out.loss = to_mp(loss.mid());
  arb_const_pi(pi_ball.get(), prec);
  arf_srcptr pi_mid = arb_midref(pi_ball.get());
  const slong m = nn.m, d = nn.d;
  out.grad_a.resize(m);
  out.grad_W.resize(d, m);
  Arf factor, t;
  for (slong j = 0; j < m; ++j) {
    // dL/da_j = 2 |w_j| y_j / (2 pi).
    arf_mul(t.get(), nn.norms.mid(j), sums.y.mid(j), prec, ARF_RND_NEAR);
    arf_div(t.get(), t.get(), pi_mid, prec, ARF_RND_NEAR);
    out.grad_a(j) = to_mp(t.get());
    // dL/dw_j = 2 a_j / (2 pi) (along_v_j + z_j w^_j).
    set_exact(t.get(), student.a(j));
    arf_div(factor.get(), t.get(), pi_mid, prec, ARF_RND_NEAR);
    for (slong i = 0; i < d; ++i) {
      arf_mul(t.get(), sums.z.mid(j), nn.dirs.mid(j * d + i), prec, ARF_RND_NEAR);
      arf_add(t.get(), t.get(), sums.along_v.mid(j, i), prec, ARF_RND_NEAR);
      arf_mul(t.get(), t.get(), factor.get(), prec, ARF_RND_NEAR);
      out.grad_W(i, j) = to_mp(t.get());
    }
  }
  return out;
}

}  // namespace zg::detail
