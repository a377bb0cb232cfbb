// The checking procedure (docs/proofs.md §1–§6): structure of the covers, the header,
// the caps, the strips, the leaves; the first item that fails is reported.
//
// Where docs/proofs.md is silent or differs from the prover, this file does:
// - δ is the angle to the nearest *touching point* (the prover's and decay_certificate.hpp's
//   definition; §1 says every centre; for D2c every centre must touch, so they agree);
// - D2c also needs s_j η(u_j) >= 1 − max(τ, 2^(−precision_bits/2)) at every centre:
//   otherwise α = 0 would "prove" it;
// - a recorded bound (bound, d2_upper/lower, ds_lower, h_lower, h0_upper/lower,
//   slope_upper, excess_lower) is not trusted, but one that the checker's own enclosure
//   proves false fails the item;
// - a leaf's "index" is the 0-based touching point; T and s0 must be exact doubles.
#include "certificate_checker/checker.hpp"

#include <fmt/format.h>
#include <mpfr.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "certificate_checker/cap_frame.hpp"
#include "certificate_checker/cover_tree.hpp"
#include "certificate_checker/decimal.hpp"
#include "certificate_checker/interval.hpp"
#include "certificate_checker/kernel_sum.hpp"
#include "certificate_checker/span_basis.hpp"

namespace zg::checker {
namespace {

using Clock = std::chrono::steady_clock;
using MaybeFailure = std::optional<std::string>;

// Runs fn(0..n-1) on up to `threads` threads and returns the lowest index whose fn
// reported a failure, with its message. Indices are handed out in increasing order and a
// worker stops once its index passes the lowest failure so far, so the answer is the
// same as a serial loop's.
template <class Fn>
std::optional<std::pair<std::size_t, std::string>> first_failure(std::size_t n, int threads, Fn fn) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> best{n};
  std::mutex mu;
  std::string best_message;
  const mpfr_prec_t prec = working_precision();
  auto worker = [&]() {
    PrecisionScope scope(prec);
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n || i > best.load()) break;
      MaybeFailure f;
      try {
        f = fn(i);
      } catch (const std::exception& e) {
        f = std::string("internal error while checking it: ") + e.what();
      }
      if (f) {
        std::lock_guard<std::mutex> lock(mu);
        if (i < best.load()) {
          best = i;
          best_message = std::move(*f);
        }
      }
    }
  };
  const int t = (threads > 1 && n >= 16) ? threads : 1;
  if (t == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int k = 0; k < t; ++k) pool.emplace_back(worker);
    for (std::thread& th : pool) th.join();
  }
  if (best.load() == n) return std::nullopt;
  return std::make_pair(best.load(), best_message);
}

// Halves the widest coordinate of `box` exactly (both halves share the same endpoint).
std::pair<IvVec, IvVec> split_widest(const IvVec& box) {
  std::size_t k = 0;
  mpfr_t w, best;
  mpfr_init2(w, working_precision());
  mpfr_init2(best, working_precision());
  mpfr_set_si(best, -1, MPFR_RNDN);
  for (std::size_t j = 0; j < box.size(); ++j) {
    mpfr_sub(w, box[j].hi(), box[j].lo(), MPFR_RNDU);
    if (mpfr_cmp(w, best) > 0) {
      mpfr_set(best, w, MPFR_RNDN);
      k = j;
    }
  }
  mpfr_clear(w);
  mpfr_clear(best);
  const Iv mid = midpoint_point(box[k]);
  IvVec left = box;
  IvVec right = box;
  left[k] = Iv::hull(box[k].lo(), mid.lo());
  right[k] = Iv::hull(mid.lo(), box[k].hi());
  return {std::move(left), std::move(right)};
}

// After `holds(box)` failed on the whole box: proves it on halves, at most `budget`
// further evaluations. Sound: the halves cover the box.
template <class Holds>
bool holds_on_halves(const IvVec& box, int budget, Holds holds) {
  std::vector<IvVec> todo{box};
  int used = 0;
  while (!todo.empty()) {
    IvVec b = std::move(todo.back());
    todo.pop_back();
    if (used + 2 > budget) return false;
    bool splittable = false;
    for (const Iv& x : b)
      if (mpfr_less_p(x.lo(), x.hi())) splittable = true;
    if (!splittable) return false;
    auto halves = split_widest(b);
    used += 2;
    if (!holds(halves.first)) todo.push_back(std::move(halves.first));
    if (!holds(halves.second)) todo.push_back(std::move(halves.second));
  }
  return true;
}

std::string face_name(int k, int sign) {
  return fmt::format("[{}, {}]", k, sign);
}

const char* domain_phrase(Domain d) {
  return d == Domain::sphere ? "sphere" : "ball";
}

struct Context {
  const Certificate& c;
  const CheckOptions& opt;
  Model md;      // full precision
  Model md_box;  // rounded to box_bits
  mpfr_prec_t box_bits = 64;
  std::vector<int> cap_of_touching;    // index into caps, or -1
  std::vector<int> strip_of_touching;  // index into strips, or -1
  std::vector<CapFrame> frames;        // one per cap, full precision
  std::vector<CapFrame> frames_box;    // the same rounded to box_bits
  mutable std::atomic<std::size_t> escalated{0};
  std::atomic<std::size_t> mean_value{0};
  std::atomic<std::size_t> refined{0};
};

std::string fails_at(const Iv& x) {
  return decimal_upper(x, 8);
}

// An item is tried at the box precision, then at the full precision: `attempt(model,
// frames)` returns true when it proves the item (halving included).
template <class Attempt>
bool prove_escalating(const Context& cx, Attempt attempt) {
  {
    PrecisionScope scope(cx.box_bits);
    if (attempt(cx.md_box, cx.frames_box)) return true;
  }
  ++cx.escalated;
  return attempt(cx.md, cx.frames);
}

// ---- structure -------------------------------------------------------------------

Box make_root(int dims, const std::vector<std::pair<double, double>>& ranges) {
  Box b;
  b.dims = dims;
  for (int k = 0; k < dims; ++k) {
    b.lo[k] = ranges[static_cast<std::size_t>(k)].first;
    b.hi[k] = ranges[static_cast<std::size_t>(k)].second;
  }
  return b;
}

// Checks one cover; throws CertificateFormatError when it is not a bisection tree, and
// returns a gap message when a cell has no leaf.
MaybeFailure cover(const std::string& what,
                   const std::string& field_prefix,
                   const std::string& field_suffix,
                   const Box& root,
                   const std::vector<Box>& boxes,
                   const std::vector<std::size_t>& members) {
  const CoverResult res = check_cover(root, boxes, members);
  switch (res.kind) {
    case CoverResult::Kind::covered:
      return std::nullopt;
    case CoverResult::Kind::gap:
      return fmt::format("{}: gap: no box covers the cell {}", what, box_string(res.cell));
    case CoverResult::Kind::malformed:
      throw CertificateFormatError(fmt::format("{}[{}]{}", field_prefix, res.item, field_suffix),
                                   fmt::format("in the cover of {}: {}", what, res.detail));
  }
  return std::nullopt;
}

// All covers; the first gap (malformed covers throw, so they take precedence).
MaybeFailure check_structure(const Certificate& c) {
  const int r = c.rank;
  MaybeFailure first_gap;
  auto keep = [&](MaybeFailure g) {
    if (g && !first_gap) first_gap = std::move(g);
  };
  {
    std::vector<Box> boxes;
    for (const Leaf& l : c.leaves) boxes.push_back(l.box);
    std::vector<std::pair<double, double>> ranges;
    if (c.domain == Domain::ball) ranges.emplace_back(0.0, 1.0);
    for (int k = 0; k + 1 < r; ++k) ranges.emplace_back(-1.0, 1.0);
    const Box root = make_root(static_cast<int>(ranges.size()), ranges);
    for (int face = 1; face <= r; ++face) {
      std::vector<std::size_t> members;
      for (std::size_t i = 0; i < c.leaves.size(); ++i)
        if (c.leaves[i].face == face) members.push_back(i);
      keep(cover(
          fmt::format("face {} of the {}", face, domain_phrase(c.domain)), "leaves", ".box", root, boxes, members));
    }
  }
  for (std::size_t q = 0; q < c.caps.size(); ++q) {
    const Cap& cap = c.caps[q];
    std::vector<Box> boxes;
    for (const Piece& p : cap.pieces) boxes.push_back(p.box);
    std::vector<std::pair<double, double>> ranges{{0.0, cap.T}};
    for (int k = 0; k + 2 < r; ++k) ranges.emplace_back(-1.0, 1.0);
    const Box root = make_root(r - 1, ranges);
    for (int k = 1; k < r; ++k)
      for (int sign : {1, -1}) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < cap.pieces.size(); ++i)
          if (cap.pieces[i].face == k && cap.pieces[i].face_sign == sign) members.push_back(i);
        keep(cover(
            fmt::format(
                "cap {} (touching point {}), [0, T] x face {} of S^{}", q, cap.touching, face_name(k, sign), r - 2),
            fmt::format("caps[{}].pieces", q),
            ".box",
            root,
            boxes,
            members));
      }
  }
  for (std::size_t q = 0; q < c.strips.size(); ++q) {
    const Strip& strip = c.strips[q];
    double T = 0;
    for (const Cap& cap : c.caps)
      if (cap.touching == strip.touching) T = cap.T;
    std::vector<Box> boxes;
    for (const Piece& p : strip.pieces) boxes.push_back(p.box);
    std::vector<std::pair<double, double>> ranges{{strip.s0, 1.0}, {0.0, T}};
    for (int k = 0; k + 2 < r; ++k) ranges.emplace_back(-1.0, 1.0);
    const Box root = make_root(r, ranges);
    for (int k = 1; k < r; ++k)
      for (int sign : {1, -1}) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < strip.pieces.size(); ++i)
          if (strip.pieces[i].face == k && strip.pieces[i].face_sign == sign) members.push_back(i);
        keep(cover(fmt::format("strip {} (touching point {}), [s0, 1] x [0, T] x face {} of S^{}",
                               q,
                               strip.touching,
                               face_name(k, sign),
                               r - 2),
                   fmt::format("strips[{}].pieces", q),
                   ".box",
                   root,
                   boxes,
                   members));
      }
  }
  return first_gap;
}

// ---- header ------------------------------------------------------------------------

MaybeFailure check_touching_signs(const Certificate& c) {
  for (std::size_t t = 0; t < c.touching.size(); ++t) {
    const int centre = c.touching[t].centre;
    const int ws = decimal_sign(c.weights[static_cast<std::size_t>(centre)]);
    if (ws != c.touching[t].sign)
      return fmt::format("touching[{}]: sign {} but teacher.weights[{}] = {} has sign {} (s_i = sign(a_i*))",
                         t,
                         c.touching[t].sign,
                         centre,
                         c.weights[static_cast<std::size_t>(centre)],
                         ws);
  }
  return std::nullopt;
}

// D2c is about the pre-certificate of the teacher (docs/math.md §4): every teacher direction
// is a touching point, and eta(w_i*) = s_i there. Without this check any kernel sum with
// |eta| < 1 (alpha = 0, say) would "prove" D2c. Rounded coefficients interpolate only to
// working precision, and tau bounds the excess above 1, not the deficit below it, so the
// tolerance is max(tau, 2^(-precision_bits/2)): half the stated bits must agree. With
// |eta - eta~| <= sum |e_i|/4: s_j eta~(u_j) - sum |e_i|/4 >= 1 - tolerance.
MaybeFailure check_precertificate(const Certificate& c, const Model& md) {
  std::vector<bool> touches(static_cast<std::size_t>(md.m), false);
  for (const Touching& t : c.touching) touches[static_cast<std::size_t>(t.centre)] = true;
  for (std::size_t i = 0; i < touches.size(); ++i)
    if (!touches[i])
      return fmt::format("touching: centre {} is not a touching point, but every teacher direction is one for D2c", i);
  for (std::size_t t = 0; t < c.touching.size(); ++t) {
    const std::size_t j = static_cast<std::size_t>(c.touching[t].centre);
    const Iv value = Iv(c.touching[t].sign) * eta_at(md, md.u[j]) - md.residual;
    const Iv tolerance = max_of(md.tau, ldexp(Iv(1), -(c.precision_bits / 2)));
    if (!certainly_le(Iv(1) - tolerance, value))
      return fmt::format(
          "touching[{}] (centre {}): s_j eta(u_j) - 1 >= {} is not >= -max(tau, 2^-{}) = {}: the coefficients do not "
          "interpolate the signs (D2c's pre-certificate has eta(w_i*) = sign(a_i*))",
          t,
          j,
          decimal_lower(value - Iv(1), 8),
          c.precision_bits / 2,
          decimal_lower(-tolerance, 4));
  }
  return std::nullopt;
}

// ---- items -------------------------------------------------------------------------

IvVec piece_zhat(int r, const Piece& p, const IvVec& box, int first_free) {
  const IvVec free(box.begin() + first_free, box.end());
  return face_chart(r - 1, p.face, p.face_sign, free).v;
}

// "cap 0 (touching point 0), piece 3 (face ..., box ...)": how a failing piece is named.
std::string piece_name(const char* part, std::size_t q, int touching, std::size_t i, const Piece& p) {
  return fmt::format("{} {} (touching point {}), piece {} (face {}, box {})",
                     part,
                     q,
                     touching,
                     i,
                     face_name(p.face, p.face_sign),
                     box_string(p.box));
}

MaybeFailure check_cap_piece(Context& cx, std::size_t q, std::size_t i, Iv& d2_lower) {
  const Cap& cap = cx.c.caps[q];
  const Piece& p = cap.pieces[i];
  const int r = cx.md.r;
  const IvVec box = box_intervals(p.box);
  auto item = [&] { return piece_name("cap", q, cap.touching, i, p); };
  bool first_attempt = true;
  bool halved = false;
  MaybeFailure refuted;
  const bool ok = prove_escalating(cx, [&](const Model& md, const std::vector<CapFrame>& frames) {
    const CapFrame& f = frames[q];
    const Iv target = -ldexp(md.rho, 1);
    const Iv h2 = cap_second_derivative(md, f, box[0], piece_zhat(r, p, box, 1));
    if (first_attempt) {
      first_attempt = false;
      const Iv upper_rec = decimal_enclosure(p.recorded);
      if (certainly_lt(upper_rec, h2)) {
        refuted = fmt::format(
            "{}: the recorded d2_upper = {} is below h'' there (h'' >= {})", item(), p.recorded, decimal_lower(h2, 8));
        return true;
      }
      if (!p.recorded_second.empty() && certainly_lt(h2, decimal_enclosure(p.recorded_second))) {
        refuted = fmt::format("{}: the recorded d2_lower = {} is above h'' there (h'' <= {})",
                              item(),
                              p.recorded_second,
                              decimal_upper(h2, 8));
        return true;
      }
    }
    if (certainly_le(h2, target)) {
      d2_lower = lower_point(h2);
      return true;
    }
    halved = true;
    Iv lowest = Iv::entire();
    bool any = false;
    const bool halves = holds_on_halves(box, cx.opt.refine_budget, [&](const IvVec& b) {
      const Iv sub = cap_second_derivative(md, f, b[0], piece_zhat(r, p, b, 1));
      if (!certainly_le(sub, target)) return false;
      lowest = any ? min_of(lowest, lower_point(sub)) : lower_point(sub);
      any = true;
      return true;
    });
    if (halves) d2_lower = lowest;
    return halves;
  });
  if (halved) ++cx.refined;
  if (refuted) return refuted;
  if (ok) return std::nullopt;
  const Iv h2 = cap_second_derivative(cx.md, cx.frames[q], box[0], piece_zhat(r, p, box, 1));
  return fmt::format("{}: (b) fails: recomputed sup h'' <= {} is not <= -2 rho = {} (file's d2_upper {})",
                     item(),
                     fails_at(h2),
                     decimal_lower(-ldexp(cx.md.rho, 1), 8),
                     p.recorded);
}

MaybeFailure check_strip_piece(Context& cx, std::size_t q, std::size_t i) {
  const Strip& strip = cx.c.strips[q];
  const Piece& p = strip.pieces[i];
  const int r = cx.md.r;
  const std::size_t frame = static_cast<std::size_t>(cx.cap_of_touching[static_cast<std::size_t>(strip.touching)]);
  const IvVec box = box_intervals(p.box);
  auto eval = [&](const Model& md, const CapFrame& f, const IvVec& b) {
    return strip_values(md, f, b[0], b[1], piece_zhat(r, p, b, 2));
  };
  auto holds = [](const StripValues& v) { return certainly_positive(v.h) && certainly_nonnegative(v.dG_ds); };
  auto item = [&] { return piece_name("strip", q, strip.touching, i, p); };
  bool first_attempt = true;
  bool halved = false;
  MaybeFailure refuted;
  const bool ok = prove_escalating(cx, [&](const Model& md, const std::vector<CapFrame>& frames) {
    const CapFrame& f = frames[frame];
    const StripValues v = eval(md, f, box);
    if (first_attempt) {
      first_attempt = false;
      const Iv rec = decimal_enclosure(p.recorded);
      if (certainly_lt(v.dG_ds, rec)) {
        refuted = fmt::format("{}: the recorded ds_lower = {} is above dG/ds there (dG/ds <= {})",
                              item(),
                              p.recorded,
                              decimal_upper(v.dG_ds, 8));
        return true;
      }
      if (!p.recorded_second.empty() && certainly_lt(v.h, decimal_enclosure(p.recorded_second))) {
        refuted = fmt::format("{}: the recorded h_lower = {} is above h there (h <= {})",
                              item(),
                              p.recorded_second,
                              decimal_upper(v.h, 8));
        return true;
      }
    }
    if (holds(v)) return true;
    halved = true;
    return holds_on_halves(box, cx.opt.refine_budget, [&](const IvVec& b) { return holds(eval(md, f, b)); });
  });
  if (halved) ++cx.refined;
  if (refuted) return refuted;
  if (ok) return std::nullopt;
  const StripValues v = eval(cx.md, cx.frames[frame], box);
  if (!certainly_positive(v.h))
    return fmt::format("{}: inf h > 0 is not proved: recomputed h in {}", item(), decimal_range(v.h, 8));
  return fmt::format("{}: inf dG/ds >= 0 is not proved: recomputed dG/ds >= {} (file's ds_lower {})",
                     item(),
                     decimal_lower(v.dG_ds, 8),
                     p.recorded);
}

MaybeFailure check_leaf(Context& cx, std::size_t i) {
  const Leaf& leaf = cx.c.leaves[i];
  const IvVec box = box_intervals(leaf.box);
  auto item = [&] {
    const char* method = leaf.method == LeafMethod::enclosure ? "enclosure"
                         : leaf.method == LeafMethod::cap     ? "cap"
                                                              : "strip";
    return fmt::format("leaf {} (face {}, box {}, {})", i, leaf.face, box_string(leaf.box), method);
  };
  if (leaf.method == LeafMethod::enclosure) {
    bool first_attempt = true;
    bool halved = false;
    bool mean_value = false;
    MaybeFailure refuted;
    const bool ok = prove_escalating(cx, [&](const Model& md, const std::vector<CapFrame>&) {
      const FEnclosure fe = enclose_F(md, leaf.face, box, false);
      mean_value = mean_value || fe.mean_value;
      if (first_attempt) {
        first_attempt = false;
        const Iv rec = decimal_enclosure(leaf.bound);
        if (certainly_lt(rec, fe.F)) {
          refuted = fmt::format("{}: the recorded bound = {} is below F there (F >= {} on the whole box)",
                                item(),
                                leaf.bound,
                                decimal_lower(fe.F, 8));
          return true;
        }
      }
      if (certainly_le(fe.F, md.tau_prime)) return true;
      halved = true;
      return holds_on_halves(box, cx.opt.refine_budget, [&](const IvVec& b) {
        return certainly_le(enclose_F(md, leaf.face, b, false).F, md.tau_prime);
      });
    });
    if (mean_value) ++cx.mean_value;
    if (halved) ++cx.refined;
    if (refuted) return refuted;
    if (ok) return std::nullopt;
    const FEnclosure fe = enclose_F(cx.md, leaf.face, box, false);
    return fmt::format(
        "{}: recomputed sup F <= {} is not <= tau' = {} (plain{} enclosure at {} bits, and halves within {} "
        "evaluations; file's bound {})",
        item(),
        fails_at(fe.F),
        cx.c.tau_prime,
        fe.mean_value ? " and mean-value" : "",
        working_precision(),
        cx.opt.refine_budget,
        leaf.bound);
  }
  const std::size_t t = static_cast<std::size_t>(leaf.index);
  const std::size_t frame = static_cast<std::size_t>(cx.cap_of_touching[t]);
  IvVec free = box;
  if (leaf.method == LeafMethod::strip) {
    const Strip& strip = cx.c.strips[static_cast<std::size_t>(cx.strip_of_touching[t])];
    if (leaf.box.lo[0] < strip.s0)
      return fmt::format(
          "{}: s_lo = {} is below the strip's s0 = {}", item(), exact_decimal(leaf.box.lo[0]), exact_decimal(strip.s0));
    free.erase(free.begin());
  }
  bool halved = false;
  const bool ok = prove_escalating(cx, [&](const Model& md, const std::vector<CapFrame>& frames) {
    const CapFrame& f = frames[frame];
    auto inside = [&](const IvVec& b) { return certainly_le(f.cos_T, abs_projection(md, leaf.face, b, f.centre)); };
    if (inside(free)) return true;
    halved = true;
    return holds_on_halves(free, cx.opt.refine_budget, inside);
  });
  if (halved) ++cx.refined;
  if (ok) return std::nullopt;
  const CapFrame& f = cx.frames[frame];
  return fmt::format("{}: not inside the cap of touching point {}: inf |y.u_j| >= {} is not >= sup cos T = {}",
                     item(),
                     leaf.index,
                     decimal_lower(abs_projection(cx.md, leaf.face, free, f.centre), 8),
                     decimal_upper(f.cos_T, 8));
}

MaybeFailure check_witness(Context& cx) {
  const Witness& w = *cx.c.witness;
  const IvVec box = box_intervals(w.box);
  {
    // excess_lower claims inf F >= it on the box: refuted when it exceeds F's upper end.
    const FEnclosure fe = enclose_F(cx.md, w.face, box, true);
    if (certainly_lt(fe.F, decimal_enclosure(w.excess_lower)))
      return fmt::format("witness (face {}, box {}): the recorded excess_lower = {} is above F there (F <= {})",
                         w.face,
                         box_string(w.box),
                         w.excess_lower,
                         decimal_upper(fe.F, 8));
  }
  const bool ok = prove_escalating(cx, [&](const Model& md, const std::vector<CapFrame>&) {
    auto holds = [&](const IvVec& b) { return certainly_lt(md.residual, enclose_F(md, w.face, b, true).F); };
    return holds(box) || holds_on_halves(box, cx.opt.refine_budget, holds);
  });
  if (ok) return std::nullopt;
  const FEnclosure fe = enclose_F(cx.md, w.face, box, true);
  return fmt::format(
      "witness (face {}, box {}): inf (|eta~| + rho delta^2 - 1) >= {} is not > sum sup|e_i|/4 = {} (file's "
      "excess_lower {})",
      w.face,
      box_string(w.box),
      decimal_lower(fe.F, 8),
      decimal_upper(cx.md.residual, 8),
      w.excess_lower);
}

std::string domain_text(const Certificate& c) {
  if (c.domain == Domain::sphere)
    return fmt::format("the unit sphere S^{} of the span (d = r = {})", c.rank - 1, c.rank);
  return fmt::format("the unit ball B^{} of the span (d = {} > r = {}, i.e. every unit w in R^{})",
                     c.rank,
                     c.dimension,
                     c.rank,
                     c.dimension);
}

}  // namespace

CheckResult check_certificate(const Certificate& c, const CheckOptions& opt) {
  const auto start = Clock::now();
  CheckResult res;
  auto done = [&](MaybeFailure failure) {
    res.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (failure) {
      res.status = CheckResult::Status::failed;
      res.failure = std::move(*failure);
    }
    return res;
  };
  PrecisionScope scope(static_cast<mpfr_prec_t>(c.precision_bits + std::max(0L, opt.extra_bits)));
  const int threads = mpfr_buildopt_tls_p() ? std::max(1, opt.threads) : 1;

  // Structure first: a malformed cover is exit 2 whatever else fails.
  const MaybeFailure gap = c.witness ? MaybeFailure{} : check_structure(c);

  if (MaybeFailure f = check_basis_skips(c.directions, c.basis_skips)) return done("basis_skips: " + *f);
  if (MaybeFailure f = check_touching_signs(c)) return done(f);

  Context cx{c, opt, build_model(c), {}, 64, {}, {}, {}, {}};
  cx.box_bits =
      static_cast<mpfr_prec_t>(std::clamp<long>(opt.box_precision_bits, 53, c.precision_bits + opt.extra_bits));
  cx.md_box = at_precision(cx.md, cx.box_bits);
  const Model& md = cx.md;
  for (std::size_t i = 0; i < static_cast<std::size_t>(md.m); ++i)
    for (const Iv& x : md.u[i])
      if (!x.is_bounded())
        return done(
            fmt::format("teacher.directions[{}]: the interval Gram–Schmidt does not enclose u_{} (a direction "
                        "is numerically dependent on the earlier ones)",
                        i,
                        i));

  if (c.outcome == Outcome::budget)
    return done("outcome: \"budget\": the prover ran out of boxes or time; the file proves nothing");
  if (c.claim == "D2c")
    if (MaybeFailure f = check_precertificate(c, md)) return done(f);

  if (c.witness) {
    if (MaybeFailure f = check_witness(cx)) return done(f);
    res.status = CheckResult::Status::witness_holds;
    res.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const Witness& w = *c.witness;
    res.summary = fmt::format(
        "claim {}: VIOLATED: |eta| <= 1 - rho delta^2 with rho = {} fails on {}: on face {}, box {}, inf (|eta~| + rho "
        "delta^2 - 1) > sum sup|e_i|/4 (<= {}) is proved; {:.2f} s at {} bits",
        c.claim,
        c.rho,
        domain_text(c),
        w.face,
        box_string(w.box),
        decimal_upper(md.residual, 4),
        res.seconds,
        working_precision());
    return res;
  }

  if (c.claim == "D2c" && decimal_sign(c.rho) <= 0)
    return done("rho: a proof of D2c needs rho > 0 (with rho = 0 it proves nothing about non-degeneracy, docs/math.md §4)");
  if (!certainly_le(md.tau_prime + md.residual, md.tau))
    return done(fmt::format("tau: tau = {} is not >= tau' + sum sup|e_i|/4 = {} + {} (recomputed)",
                            c.tau,
                            c.tau_prime,
                            decimal_upper(md.residual, 8)));
  if (gap) return done(gap);

  // Caps: frames, T < π/4, (a), the recorded h0 and slope, then (b) on the pieces and (c).
  cx.cap_of_touching.assign(c.touching.size(), -1);
  cx.strip_of_touching.assign(c.touching.size(), -1);
  for (std::size_t q = 0; q < c.caps.size(); ++q) {
    const Cap& cap = c.caps[q];
    cx.cap_of_touching[static_cast<std::size_t>(cap.touching)] = static_cast<int>(q);
    const Touching& tp = c.touching[static_cast<std::size_t>(cap.touching)];
    cx.frames.push_back(build_cap_frame(md, tp.centre, tp.sign, cap.T));
    cx.frames_box.push_back(at_precision(cx.frames.back(), cx.box_bits));
    const CapFrame& f = cx.frames.back();
    const std::string item =
        fmt::format("cap {} (touching point {}, centre {}, T = {})", q, cap.touching, tp.centre, exact_decimal(cap.T));
    if (!certainly_lt(f.T, ldexp(md.pi, -2))) return done(item + ": T < pi/4 is not proved");
    const Iv h0_rec = decimal_enclosure(cap.h0_upper);
    const Iv slope_rec = decimal_enclosure(cap.slope_upper);
    if (certainly_lt(h0_rec, f.h0))
      return done(fmt::format(
          "{}: the recorded h0_upper = {} is below h0 (h0 >= {})", item, cap.h0_upper, decimal_lower(f.h0, 8)));
    if (certainly_lt(slope_rec, f.gamma))
      return done(fmt::format("{}: the recorded slope_upper = {} is below gamma = |g| (gamma >= {})",
                              item,
                              cap.slope_upper,
                              decimal_lower(f.gamma, 8)));
    if (!cap.h0_lower.empty() && certainly_lt(f.h0, decimal_enclosure(cap.h0_lower)))
      return done(fmt::format(
          "{}: the recorded h0_lower = {} is above h0 (h0 <= {})", item, cap.h0_lower, decimal_upper(f.h0, 8)));
    const Iv a = f.h0 + upper_point(f.gamma) * f.T;
    if (!certainly_le(a, Iv(1) + md.tau_prime))
      return done(fmt::format(
          "{}: (a) fails: sup h0 + gamma T - 1 <= {} is not <= tau' = {} (h0 - 1 in {}, gamma <= {}; file's h0_upper "
          "{}, slope_upper {})",
          item,
          fails_at(a - Iv(1)),
          c.tau_prime,
          decimal_range(f.h0 - Iv(1), 8),
          decimal_upper(f.gamma, 8),
          cap.h0_upper,
          cap.slope_upper));
  }
  for (std::size_t q = 0; q < c.strips.size(); ++q)
    cx.strip_of_touching[static_cast<std::size_t>(c.strips[q].touching)] = static_cast<int>(q);

  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  for (std::size_t q = 0; q < c.caps.size(); ++q)
    for (std::size_t i = 0; i < c.caps[q].pieces.size(); ++i) pieces.emplace_back(q, i);
  std::vector<Iv> d2_lower(pieces.size());
  if (auto f = first_failure(pieces.size(), threads, [&](std::size_t k) {
        return check_cap_piece(cx, pieces[k].first, pieces[k].second, d2_lower[k]);
      }))
    return done(f->second);
  res.cap_pieces = pieces.size();
  for (std::size_t q = 0, k = 0; q < c.caps.size(); ++q) {
    const CapFrame& f = cx.frames[q];
    Iv lowest(0);  // min(0, min over pieces of inf h'')
    for (std::size_t i = 0; i < c.caps[q].pieces.size(); ++i, ++k) lowest = min_of(lowest, d2_lower[k]);
    const Iv cc = f.h0 - upper_point(f.gamma) * f.T + ldexp(sqr(f.T), -1) * lower_point(lowest);
    if (!certainly_positive(cc))
      return done(fmt::format(
          "cap {} (touching point {}): (c) fails: inf h0 - gamma T + (T^2/2) min(0, inf h'') >= {} is not > 0",
          q,
          c.caps[q].touching,
          decimal_lower(cc, 8)));
  }

  std::vector<std::pair<std::size_t, std::size_t>> spieces;
  for (std::size_t q = 0; q < c.strips.size(); ++q)
    for (std::size_t i = 0; i < c.strips[q].pieces.size(); ++i) spieces.emplace_back(q, i);
  if (auto f = first_failure(spieces.size(), threads, [&](std::size_t k) {
        return check_strip_piece(cx, spieces[k].first, spieces[k].second);
      }))
    return done(f->second);
  res.strip_pieces = spieces.size();

  if (auto f = first_failure(c.leaves.size(), threads, [&](std::size_t i) { return check_leaf(cx, i); }))
    return done(f->second);

  for (const Leaf& l : c.leaves) {
    if (l.method == LeafMethod::enclosure) ++res.enclosure_leaves;
    if (l.method == LeafMethod::cap) ++res.cap_leaves;
    if (l.method == LeafMethod::strip) ++res.strip_leaves;
  }
  res.mean_value_leaves = cx.mean_value.load();
  res.refined_items = cx.refined.load();
  res.status = CheckResult::Status::proved;
  res.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  res.summary = fmt::format(
      "claim {}: PROVED: |eta| <= 1 + tau - rho delta^2 on {}, with rho = {}, tau = {} (tau' = {}, sum sup|e_i|/4 <= "
      "{}; delta = angle to the nearest touching point)\n"
      "  {} leaves ({} enclosure, {} by mean value; {} cap; {} strip), {} caps ({} pieces), {} strips ({} pieces); "
      "{} items proved on halves, {} retried at full precision\n"
      "  {:.2f} s at {} bits ({} for boxes first), {} thread{}",
      c.claim,
      domain_text(c),
      c.rho,
      c.tau,
      c.tau_prime,
      decimal_upper(md.residual, 4),
      c.leaves.size(),
      res.enclosure_leaves,
      res.mean_value_leaves,
      res.cap_leaves,
      res.strip_leaves,
      c.caps.size(),
      res.cap_pieces,
      c.strips.size(),
      res.strip_pieces,
      res.refined_items,
      cx.escalated.load(),
      res.seconds,
      working_precision(),
      cx.box_bits,
      threads,
      threads == 1 ? "" : "s");
  return res;
}

}  // namespace zg::checker
