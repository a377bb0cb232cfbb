// Chart and frame enclosures (core/decay_charts.hpp).
#include "core/decay_charts.hpp"

#include <cassert>
#include <cmath>

namespace zg::decay {
namespace {

// min and max of x^2 over [lo, hi] (exact doubles): the exact range as balls.
struct SquareRange {
  ArbBall lo, hi;
};
SquareRange square_range(const bnb::Range& r, long prec) {
  const ArbBall a(r.lo, prec), b(r.hi, prec);
  if (r.lo >= 0) return {sqr(a), sqr(b)};
  if (r.hi <= 0) return {sqr(b), sqr(a)};
  return {ArbBall::zero(prec), max(sqr(a), sqr(b))};
}

// x / sqrt(x^2 + R) at exact x and an enclosed R. Enclosure.
ArbBall normalised(const ArbBall& x, const ArbBall& R) { return x / sqrt(sqr(x) + R); }

}  // namespace

ArbBall ball_of(const bnb::Range& r, long prec) {
  if (r.lo == r.hi) return ArbBall(r.lo, prec);
  return ArbBall::interval(r.lo, r.hi, prec);
}

BallVec face_point(int r, int face, int face_value, const bnb::Box& free, long prec) {
  assert(static_cast<int>(free.size()) == r - 1);
  BallVec x;
  x.reserve(static_cast<std::size_t>(r));
  std::size_t next = 0;
  for (int l = 0; l < r; ++l) x.push_back(l == face ? ArbBall(face_value, prec) : ball_of(free[next++], prec));
  return x;
}

ChartPoint normalised_face_point(int r, int face, int face_value, const bnb::Box& free, long prec) {
  assert(static_cast<int>(free.size()) == r - 1);
  // R_all = |x|^2 over the box: [1 + sum min x_m^2, 1 + sum max x_m^2].
  std::vector<SquareRange> squares;
  squares.reserve(free.size());
  ArbBall all_lo(1, prec), all_hi(1, prec);
  for (const bnb::Range& range : free) {
    squares.push_back(square_range(range, prec));
    all_lo += squares.back().lo;
    all_hi += squares.back().hi;
  }
  ChartPoint p{BallVec(static_cast<std::size_t>(r)), hull(sqrt(all_lo), sqrt(all_hi))};
  // The fixed coordinate: face_value / |x|, monotone in |x|.
  const ArbBall fixed(face_value, prec);
  p.v[static_cast<std::size_t>(face)] = hull(fixed / sqrt(all_lo), fixed / sqrt(all_hi));
  std::size_t m = 0;
  for (int l = 0; l < r; ++l) {
    if (l == face) continue;
    const bnb::Range& range = free[m];
    // R = |x|^2 - x_l^2, enclosed by its extremes over the other coordinates.
    const ArbBall R_lo = all_lo - squares[m].lo, R_hi = all_hi - squares[m].hi;
    const ArbBall a(range.lo, prec), b(range.hi, prec);
    const ArbBall low = normalised(a, range.lo >= 0 ? R_hi : R_lo);
    const ArbBall high = normalised(b, range.hi >= 0 ? R_lo : R_hi);
    p.v[static_cast<std::size_t>(l)] = hull(low, high);
    ++m;
  }
  return p;
}

ChartPoint normalised_face_centre(int r, int face, int face_value, const std::vector<double>& centre, long prec) {
  BallVec x;
  x.reserve(static_cast<std::size_t>(r));
  std::size_t next = 0;
  ArbBall n2(1, prec);
  for (int l = 0; l < r; ++l) {
    if (l == face) {
      x.push_back(ArbBall(face_value, prec));
      continue;
    }
    x.push_back(ArbBall(centre[next++], prec));
    n2 += sqr(x.back());
  }
  ChartPoint p{BallVec(), sqrt(n2)};
  p.v.reserve(x.size());
  for (const ArbBall& xl : x) p.v.push_back(xl / p.norm);
  return p;
}

ArbBall dot(const BallVec& a, const BallVec& b) {
  assert(a.size() == b.size());
  ArbBall s = ArbBall::zero(a.empty() ? 64 : a[0].precision());
  for (std::size_t l = 0; l < a.size(); ++l) s += a[l] * b[l];
  return s;
}

CapFrame cap_frame(const BallVec& u) {
  CapFrame f;
  f.sigma = u[0].mid_double() <= 0 ? 1 : -1;  // a choice at the midpoint, not a claim
  f.w.reserve(u.size());
  for (std::size_t l = 0; l < u.size(); ++l) f.w.push_back(-f.sigma * u[l]);
  f.w[0] += ArbBall(1, u[0].precision());
  // w^T w = |e_1|^2 - 2 sigma u_1 + |u|^2 = 2 - 2 sigma u_1 for the exact unit u.
  f.wtw = 2 - 2 * (f.sigma * u[0]);
  return f;
}

BallVec apply_frame(const CapFrame& f, const BallVec& x) {
  const ArbBall k = 2 * dot(f.w, x) / f.wtw;
  BallVec out;
  out.reserve(x.size());
  for (std::size_t l = 0; l < x.size(); ++l) out.push_back(x[l] - k * f.w[l]);
  return out;
}

BallVec ray_direction(int r, int face, int face_sign, const bnb::Box& free, long prec) {
  if (r == 2) return {ArbBall(face_sign, prec)};
  return normalised_face_point(r - 1, face, face_sign, free, prec).v;
}

BallVec cap_point(const CapFrame& f, const ArbBall& cos_t, const ArbBall& sin_t, const BallVec& zhat) {
  BallVec x;
  x.reserve(zhat.size() + 1);
  x.push_back(cos_t);
  for (const ArbBall& z : zhat) x.push_back(sin_t * z);
  return apply_frame(f, x);
}

}  // namespace zg::decay
