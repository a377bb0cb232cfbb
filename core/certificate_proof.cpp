// Certified decay on the unit circle of a rank-2 span (core/certificate_proof.hpp), for a
// kernel sum in angle form (core/certificate_angle_terms.hpp): Taylor caps at the touching
// points, branch-and-bound elsewhere.
//
// On the circle y = (cos theta, sin theta) (span coordinates, theta from w_1*), with
// tau_i = theta - phi_i and b_i(tau) = beta_i . y = g_i sin tau_i + e_i cos tau_i
// (g_i, e_i: beta_i's parts normal and parallel to u_i), every term of eta is written
// without arccos of a rounded cosine:
//   K(cos tau)          = (cos tau asin(cos tau) + |sin tau| - 1) / (2 pi),
//   beta term           = asin(cos tau) b(tau) / (2 pi),          asin(cos tau) = pi/2 - |tau|,
// and, for tau != 0 in (-pi, pi) with sigma = sign(tau),
//   K''   = (-cos tau (pi/2 - |tau|) + |sin tau|) / (2 pi),
//   beta' = (-sigma b + (pi/2 - |tau|) b') / (2 pi),   beta'' = (-2 sigma b' - (pi/2 - |tau|) b) / (2 pi).
// Centres without beta (smooth) and dipoles are C^2 across their centres, so they need no side.
#include "core/certificate_proof.hpp"

#include "core/certificate_angle_terms.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace zg {
namespace {

using namespace detail::interval;

// eta and delta on an angle interval: valid for every theta in it.
struct ValueEnclosure {
  Mpi eta, delta;
};

ValueEnclosure enclose_value(const AngleTerms& t, const Mpi& theta) {
  return {sum_value(t, theta), touching_delta(t, theta)};
}

// The Taylor cap at touching point j on one side (side = +1: theta = phi_j + u, -1:
// phi_j - u), u in [0, T]: with h(u) = s_j eta, h(u) <= h(0) + |h'(0)| T + (u^2/2) sup h''
// and sup h'' <= -2 rho give |eta| <= 1 + tau - rho u^2 once h(0) + |h'(0)| T <= 1 + tau,
// and delta = u on the cap. `tau` is raised to what the cap needs when o.derive_tau (never
// above o.tau). Returns an empty string on success, else what failed; a proved
// h(0) > 1 + o.tau is recorded in result as a violation.
std::string prove_cap_side(const AngleTerms& t, std::size_t j, int side, const Mp& T, const DecayProofOptions& o,
                           Mp& tau, DecayProofResult& result) {
  const TouchingPoint& tp = t.touching[j];
  const Mpi sj = tp.sign;
  // h(0) and h'(0) (derivative in u on this side).
  Mpi h0 = Mpi(0), h1 = Mpi(0);
  for (std::size_t i = 0; i < t.centres.size(); ++i) {
    const KernelCentre& c = t.centres[i];
    if (static_cast<int>(i) == tp.centre) {
      // tau = 0: K(1) alpha_j + (pi/2) e_j / (2 pi); derivative: beta' at 0 from this side.
      h0 += c.alpha * (1 / Mpi(4) - 1 / t.two_pi) + t.half_pi * c.e / t.two_pi;
      h1 += Mpi(side) * (-Mpi(side) * c.e + t.half_pi * c.g) / t.two_pi;
      continue;
    }
    Mpi offset = tp.phi - c.phi;
    if (c.smooth) {
      const AngleKernel k = angle_kernel(t, offset);
      h0 += c.alpha * k.k;
      h1 += Mpi(side) * c.alpha * k.k1;
      continue;
    }
    int si = 0;
    if (!reduce_to_one_side(t, offset, si)) return "kernel centres too close to the touching point for a cap";
    const Mpi ct = cos(offset), st = sin(offset);
    const Mpi as = asin(intersect(ct, Mpi(-1, 1)));
    h0 += c.alpha * (ct * as + abs(st) - 1) / t.two_pi + as * (c.g * st + c.e * ct) / t.two_pi;
    h1 += Mpi(side) * term_derivatives(t, i, offset, si).d1;
  }
  for (std::size_t p = 0; p < t.dipoles.size(); ++p) {
    const DipoleTerms d = dipole_terms(t, p, tp.phi);
    h0 += d.value;
    h1 += Mpi(side) * d.d1;
  }
  h0 *= sj;
  h1 *= sj;
  const Mp slope = std::max(abs(lo(h1)), abs(hi(h1)));
  const Mp need = hi(h0) + slope * T - 1;
  if (o.derive_tau && need <= o.tau) tau = std::max(tau, need);
  if (!(need <= tau)) {
    if (lo(h0) - 1 > o.tau) {  // proved: |eta| > 1 + tau at the touching point itself
      result.status = DecayProofResult::Status::Violated;
      result.counter_lo = lo(tp.phi);
      result.counter_hi = hi(tp.phi);
      result.counter_excess = Mp(lo(h0) - 1);
    }
    return "value at the touching point exceeds 1 + tau (raise tau or the digits)";
  }

  // sup and inf of h'' over u in [0, T], by pieces bisected until each piece's enclosure
  // is below -2 rho.
  const Mp target = -2 * o.rho;
  Mp inf_h2 = 0;
  std::vector<std::pair<Mp, Mp>> pieces;
  const int initial = 32;
  for (int k = initial - 1; k >= 0; --k) pieces.emplace_back(T * k / initial, T * (k + 1) / initial);
  while (!pieces.empty()) {
    const auto [a, b] = pieces.back();
    pieces.pop_back();
    ++result.boxes;
    if (result.boxes > o.max_boxes) return "box budget exhausted in a cap";
    const Mpi u = hull(a, b);
    const Mpi su = Mpi(side) * u;
    Mpi h2 = Mpi(0);
    for (std::size_t i = 0; i < t.centres.size(); ++i) {
      // For the centre at the touching point, tau = side u touches 0 at u = 0, where the
      // one-sided formulas hold as limits; smooth centres need no side.
      Mpi tau_i = (static_cast<int>(i) == tp.centre) ? su : Mpi(tp.phi - t.centres[i].phi + su);
      int si = side;
      if (static_cast<int>(i) != tp.centre && !t.centres[i].smooth && !reduce_to_one_side(t, tau_i, si))
        return "a cap reaches a kernel centre with a beta term";
      h2 += term_derivatives(t, i, tau_i, si).d2;
    }
    for (std::size_t p = 0; p < t.dipoles.size(); ++p) h2 += dipole_terms(t, p, Mpi(tp.phi + su)).d2;
    h2 *= sj;
    inf_h2 = std::min(inf_h2, lo(h2));
    if (hi(h2) <= target) continue;
    if (b - a < T * Mp("1e-12")) return "second derivative above -2 rho near the touching point";
    const Mp mid = (a + b) / 2;
    pieces.emplace_back(mid, b);
    pieces.emplace_back(a, mid);
  }
  // eta keeps the sign s_j on the cap, so |eta| = s_j eta there.
  if (!(lo(h0) - slope * T + T * T / 2 * inf_h2 > 0)) return "eta may change sign on the cap";
  return "";
}

// |eta| + rho delta^2 - 1 on [a, b], as the intersection of the plain enclosure and the
// mean-value form around the midpoint m (width O((b - a)^2) instead of O(b - a)):
// eta([a,b]) in eta(m) + eta'([a,b]) [a - m, b - m], and delta, the distance to the
// nearest line, is 1-Lipschitz, so delta^2 in delta(m)^2 + 2 delta([a,b]) [-r, r].
Mpi enclose_excess(const AngleTerms& t, const Mp& a, const Mp& b, const Mpi& rho) {
  const ValueEnclosure plain = enclose_value(t, hull(a, b));
  Mpi excess = abs(plain.eta) + rho * plain.delta * plain.delta - 1;
  const Mp mid = (a + b) / 2;
  const Mpi offset = hull(Mp(a - mid), Mp(b - mid));
  Mpi slope = Mpi(0);
  for (std::size_t i = 0; i < t.centres.size(); ++i) {
    Mpi tau = hull(a, b) - t.centres[i].phi;
    int side = 0;
    if (!t.centres[i].smooth && !reduce_to_one_side(t, tau, side)) return excess;  // a beta centre inside: plain only
    slope += term_derivatives(t, i, tau, side).d1;
  }
  for (std::size_t p = 0; p < t.dipoles.size(); ++p) slope += dipole_terms(t, p, hull(a, b)).d1;
  const ValueEnclosure centre = enclose_value(t, Mpi(mid));
  const Mpi eta_mv = centre.eta + slope * offset;
  const Mp r = Mp(b - mid);
  const Mpi delta2_mv = centre.delta * centre.delta + 2 * plain.delta * hull(Mp(-r), r);
  const Mpi excess_mv = abs(eta_mv) + rho * delta2_mv - 1;
  return intersect(excess, excess_mv);
}

}  // namespace

Mpi enclose_decay_excess(const Certificate<Mp>& c, const Mp& theta_lo, const Mp& theta_hi, const Mp& rho) {
  return enclose_excess(angle_terms(c), theta_lo, theta_hi, Mpi(rho));
}

Mpi enclose_kernel_sum_excess(const AngleTerms& t, const Mp& theta_lo, const Mp& theta_hi, const Mp& rho) {
  return enclose_excess(t, theta_lo, theta_hi, Mpi(rho));
}

DecayProofResult prove_decay_on_circle(const Certificate<Mp>& c, const DecayProofOptions& o) {
  if (c.rank() != 2) {
    DecayProofResult result;
    result.status = DecayProofResult::Status::Unsupported;
    result.detail = "the certified check is implemented for rank-2 teachers";
    return result;
  }
  return prove_kernel_sum_decay_on_circle(angle_terms(c), o);
}

DecayProofResult prove_kernel_sum_decay_on_circle(const AngleTerms& t, const DecayProofOptions& o) {
  DecayProofResult result;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  const Mp pi_hi = hi(t.pi), pi_lo = lo(t.pi);
  const std::vector<TouchingPoint>& touch = t.touching;

  // Caps: half-width cap_deg, shrunk below a quarter of the closest pair of touching lines.
  Mp cap = Mp(o.cap_deg) * pi_lo / 180;
  for (std::size_t i = 0; i < touch.size(); ++i)
    for (std::size_t j = i + 1; j < touch.size(); ++j) {
      const Mp sep = lo(acos(intersect(abs(cos(touch[i].phi - touch[j].phi)), Mpi(0, 1))));
      cap = std::min(cap, Mp(sep / 4));
    }
  result.cap_rad = cap;
  Mp tau = o.derive_tau ? Mp(0) : o.tau;
  // A cap that fails leaves its touching point to the branch-and-bound below, which cannot
  // prove the bound there but may prove a violation nearby (the more informative outcome);
  // the proof then ends as Budget with the cap's failure.
  std::string cap_failure;
  std::vector<bool> capped(touch.size(), true);
  for (std::size_t j = 0; j < touch.size(); ++j)
    for (int side : {1, -1}) {
      // The cap is centred on the midpoint of phi_j; widen it by phi_j's own width.
      const Mp T = cap + (hi(touch[j].phi) - lo(touch[j].phi));
      const std::string failure = prove_cap_side(t, j, side, T, o, tau, result);
      if (failure.empty()) continue;
      capped[j] = false;
      if (cap_failure.empty()) cap_failure = "cap at touching point " + std::to_string(j + 1) + ": " + failure;
      if (result.status == DecayProofResult::Status::Violated) {
        result.detail = "at touching point " + std::to_string(j + 1) + ": " + failure;
        result.seconds = elapsed();
        return result;
      }
    }

  // The rest of [0, pi] (eta and delta have period pi), minus the caps.
  std::vector<std::pair<Mp, Mp>> excluded;
  for (std::size_t j = 0; j < touch.size(); ++j) {
    if (!capped[j]) continue;
    Mp centre = (lo(touch[j].phi) + hi(touch[j].phi)) / 2;
    centre -= pi_hi * floor(centre / pi_hi);
    for (int shift : {-1, 0, 1}) excluded.emplace_back(centre - cap + shift * pi_hi, centre + cap + shift * pi_hi);
  }
  std::sort(excluded.begin(), excluded.end());
  std::vector<std::pair<Mp, Mp>> boxes;
  const Mp step = pi_hi / 180;  // start from 1-degree boxes
  Mp cursor = 0;
  auto add_free = [&](const Mp& a, const Mp& b) {
    for (Mp x = a; x < b; x += step) boxes.emplace_back(x, std::min(Mp(x + step), b));
  };
  for (const auto& [a, b] : excluded) {
    if (b <= cursor || a >= pi_hi) continue;
    if (a > cursor) add_free(cursor, a);
    cursor = std::max(cursor, b);
  }
  if (cursor < pi_hi) add_free(cursor, pi_hi);
  std::vector<unsigned> depth(boxes.size(), 0);

  const Mpi rho(o.rho);
  result.worst_upper = Mp(-1);
  std::size_t unsettled = 0;
  while (!boxes.empty()) {
    const auto [a, b] = boxes.back();
    const unsigned level = depth.back();
    boxes.pop_back();
    depth.pop_back();
    ++result.boxes;
    result.max_depth = std::max(result.max_depth, level);
    if (result.boxes > o.max_boxes || elapsed() > o.max_seconds) {
      result.status = DecayProofResult::Status::Budget;
      result.detail = "box or time budget exhausted";
      result.seconds = elapsed();
      return result;
    }
    const Mpi excess = enclose_excess(t, a, b, rho);  // must be <= tau
    if (hi(excess) <= tau) {
      result.worst_upper = std::max(result.worst_upper, Mp(hi(excess) - tau));
      continue;
    }
    if (lo(excess) > 0) {  // the claimed bound (tau = 0) provably fails on [a, b]
      result.status = DecayProofResult::Status::Violated;
      result.counter_lo = a;
      result.counter_hi = b;
      result.counter_excess = lo(excess);
      result.seconds = elapsed();
      return result;
    }
    if (level >= 100) {  // unsettled: keep looking, a counterexample elsewhere decides
      if (unsettled++ == 0) result.detail = "bisection depth exhausted near theta = " + to_decimal(Mp(a), 12);
      continue;
    }
    const Mp mid = (a + b) / 2;
    boxes.emplace_back(mid, b);
    depth.push_back(level + 1);
    boxes.emplace_back(a, mid);
    depth.push_back(level + 1);
  }
  result.tau_used = tau;
  if (!cap_failure.empty()) {
    result.status = DecayProofResult::Status::Budget;
    result.detail = cap_failure;
    result.seconds = elapsed();
    return result;
  }
  if (unsettled > 0) {
    result.status = DecayProofResult::Status::Budget;
    result.seconds = elapsed();
    return result;
  }
  result.status = DecayProofResult::Status::Proved;
  result.seconds = elapsed();
  return result;
}

}  // namespace zg
