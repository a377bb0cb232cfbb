// An independent 100-digit MPFR evaluation of a kernel sum stated by decimals (docs/proofs.md
// §1), for the decay-proof tests: normalised directions, Gram-Schmidt twice without
// intervals, the residual split b = e u + b^perp, and the closed forms of docs/math.md §2. It
// shares no code with core/kernel_sum_ball.hpp beyond the decimal parser.
#pragma once

#include <string>
#include <vector>

#include "core/kernel_sum_ball.hpp"
#include "core/numeric_types.hpp"

namespace zg::test {

using MpVec = std::vector<Mp>;

inline Mp dot(const MpVec& a, const MpVec& b) {
  Mp s = 0;
  for (std::size_t l = 0; l < a.size(); ++l) s += a[l] * b[l];
  return s;
}

struct ReferenceSum {
  std::vector<MpVec> u, bperp;
  MpVec alpha;
  std::vector<int> touching_centre, touching_sign;
  int rank = 0;
};

/// The kernel sum at the current precision (call under ScopedDigits(100)).
inline ReferenceSum reference_sum(const decay::KernelSumInput& in) {
  ReferenceSum ref;
  std::vector<MpVec> w, q;
  for (const auto& row : in.directions) {
    MpVec v;
    Mp n2 = 0;
    for (const std::string& s : row) {
      v.push_back(parse_decimal<Mp>(s));
      n2 += v.back() * v.back();
    }
    for (Mp& x : v) x /= sqrt(n2);
    w.push_back(v);
    MpVec rem = v;
    for (int pass = 0; pass < 2; ++pass)
      for (const MpVec& qk : q) {
        const Mp c = dot(qk, rem);
        for (std::size_t l = 0; l < v.size(); ++l) rem[l] -= c * qk[l];
      }
    const Mp r2 = dot(rem, rem);
    if (r2 > Mp("1e-60")) {
      for (Mp& x : rem) x /= sqrt(r2);
      q.push_back(rem);
    }
  }
  ref.rank = static_cast<int>(q.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    MpVec u;
    for (const MpVec& qk : q) u.push_back(dot(qk, w[i]));
    MpVec b(q.size(), Mp(0));
    if (!in.beta.empty() && !in.beta[i].empty())
      for (std::size_t l = 0; l < q.size(); ++l) b[l] = parse_decimal<Mp>(in.beta[i][l]);
    const Mp e = dot(b, u);
    for (std::size_t l = 0; l < q.size(); ++l) b[l] -= e * u[l];
    ref.u.push_back(u);
    ref.bperp.push_back(b);
    ref.alpha.push_back(parse_decimal<Mp>(in.alpha[i]));
  }
  for (const DecayTouching& t : in.touching) {
    ref.touching_centre.push_back(t.centre);
    ref.touching_sign.push_back(t.sign);
  }
  return ref;
}

/// eta~(y), |y| <= 1.
inline Mp reference_value(const ReferenceSum& ref, const MpVec& y) {
  const Mp two_pi = 2 * pi<Mp>();
  Mp eta = 0;
  for (std::size_t i = 0; i < ref.u.size(); ++i) {
    Mp x = dot(y, ref.u[i]);
    if (x > 1) x = 1;
    if (x < -1) x = -1;
    eta += ref.alpha[i] * (x * asin(x) + sqrt(1 - x * x) - 1) / two_pi + asin(x) * dot(y, ref.bperp[i]) / two_pi;
  }
  return eta;
}

/// grad_y eta~(y), for y off every centre with a beta term.
inline MpVec reference_gradient(const ReferenceSum& ref, const MpVec& y) {
  const Mp two_pi = 2 * pi<Mp>();
  MpVec g(y.size(), Mp(0));
  for (std::size_t i = 0; i < ref.u.size(); ++i) {
    const Mp x = dot(y, ref.u[i]);
    const Mp along = (ref.alpha[i] * asin(x) + dot(y, ref.bperp[i]) / sqrt(1 - x * x)) / two_pi;
    for (std::size_t k = 0; k < y.size(); ++k) g[k] += along * ref.u[i][k] + asin(x) * ref.bperp[i][k] / two_pi;
  }
  return g;
}

/// delta(y) = min over touching points of arccos |y.u|.
inline Mp reference_delta(const ReferenceSum& ref, const MpVec& y) {
  Mp best = 10;
  for (int c : ref.touching_centre) {
    Mp a = abs(dot(y, ref.u[static_cast<std::size_t>(c)]));
    if (a > 1) a = 1;
    const Mp d = acos(a);
    if (d < best) best = d;
  }
  return best;
}

/// The Householder frame of docs/proofs.md §4 at the reference u: y = H x.
inline MpVec reference_frame_apply(const MpVec& u, const MpVec& x) {
  const int sigma = u[0] <= 0 ? 1 : -1;
  MpVec w = u;
  for (Mp& c : w) c *= -sigma;
  w[0] += 1;
  const Mp k = 2 * dot(w, x) / dot(w, w);
  MpVec out = x;
  for (std::size_t l = 0; l < x.size(); ++l) out[l] -= k * w[l];
  return out;
}

/// True when b contains ref up to `slack` (for references that are themselves approximate).
inline bool encloses_within(const ArbBall& b, const Mp& ref, const Mp& slack) {
  return b.lower() <= ref + slack && ref - slack <= b.upper();
}

}  // namespace zg::test
