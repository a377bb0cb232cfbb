// Certified decay on the closed unit disc of a rank-2 span (d > r; MATH.md §4: every unit
// w in R^d projects to y = s (cos theta, sin theta), s <= 1). Three regions:
//   circle s = 1:            prove_kernel_sum_decay_on_circle;
//   strips at the touching points: s in [1 - x0, 1], |theta - phi_j| <= cap. There |eta| = s_j eta
//                            and F = |eta| + rho delta^2 - 1 increases with s (proved:
//                            dF/ds >= 0), so F(s, theta) <= F(1, theta) <= tau;
//   everything else:         branch-and-bound over (s, theta) boxes, plain and mean-value
//                            enclosures intersected (eta is smooth there: |s cos tau_i| < 1);
//                            a box reaching the circle is also settled when F is proved
//                            nondecreasing in s on it (then F <= F(1, theta) <= tau).
// With q_i = s cos tau_i and b_i = g_i sin tau_i + e_i cos tau_i, teacher i contributes
//   alpha_i K(q_i) + asin(q_i) s b_i / (2 pi),
// whose s- and theta-derivatives are written out below.
#include <algorithm>
#include <chrono>
#include <vector>

#include "core/certificate_angle_terms.hpp"
#include "core/certificate_proof.hpp"

namespace zg {
namespace {

using namespace detail::interval;

struct DiscPoint {
  Mpi eta, eta_s, eta_t;                    // value and partial derivatives in s, theta
  std::vector<Mpi> delta, delta_s, delta_t;  // per touching line: angle to it and its partials
};

// Dipole p on the box S x Theta: mass (K(s cos tau_a) - K(s cos tau_b)) and its partials,
// each the direct difference intersected with the gap form. With F(tau) a function of
// tau = theta - phi at fixed s, F(tau_a) - F(tau_b) = -gap F'(xi), xi in Theta - hull(phi_a, phi_b):
//   value  F = K(q),              F' = -asin(q) s sin / (2 pi);
//   d/ds   F = asin(q) cos / (2 pi),  F' = -(r cos + asin(q) sin) / (2 pi);
//   d/dth  F = -asin(q) s sin / (2 pi), F' = (s sin r - asin(q) s cos) / (2 pi);
// q = s cos tau, r = s sin tau / sqrt(1 - q^2), which lies in [-1, 1] because s <= 1.
struct DiscDipole {
  Mpi value, d_s, d_t;
};

DiscDipole disc_dipole(const AngleTerms& t, const KernelDipole& d, const Mpi& S, const Mpi& Theta, bool with_derivatives) {
  struct Direct {
    Mpi k, ks, kt;
  };
  auto direct = [&](const Mpi& tau) {
    const Mpi c = cos(tau), st = sin(tau);
    const Mpi q = intersect(S * c, Mpi(-1, 1));
    const Mpi as = asin(q);
    const Mpi root = sqrt(intersect(Mpi(1 - q * q), Mpi(0, 1)));
    return Direct{(q * as + root - 1) / t.two_pi, as * c / t.two_pi, -as * S * st / t.two_pi};
  };
  const Direct a = direct(Theta - d.phi_a), b = direct(Theta - d.phi_b);
  const Mpi xi = dipole_xi(d, Theta);
  const Mpi c = cos(xi), st = sin(xi);
  const Mpi q = intersect(S * c, Mpi(-1, 1));
  const Mpi as = asin(q);
  const Mpi scale = -d.mass * d.gap;
  DiscDipole out;
  out.value = intersect(Mpi(d.mass * (a.k - b.k)), Mpi(scale * (-as * S * st / t.two_pi)));
  if (!with_derivatives) return out;
  const Mpi root = sqrt(intersect(Mpi(1 - q * q), Mpi(0, 1)));
  const Mpi r = intersect(Mpi(S * st / root), Mpi(-1, 1));
  out.d_s = intersect(Mpi(d.mass * (a.ks - b.ks)), Mpi(scale * (-(r * c + as * st) / t.two_pi)));
  out.d_t = intersect(Mpi(d.mass * (a.kt - b.kt)), Mpi(scale * ((S * st * r - as * S * c) / t.two_pi)));
  return out;
}

// Enclosures over the box S x Theta. `with_derivatives` = false skips them.
DiscPoint enclose_disc(const AngleTerms& t, const Mpi& S, const Mpi& Theta, bool with_derivatives) {
  DiscPoint p{Mpi(0), Mpi(0), Mpi(0), {}, {}, {}};
  for (const KernelCentre& k : t.centres) {
    const Mpi tau = Theta - k.phi;
    const Mpi c = cos(tau), st = sin(tau);
    const Mpi q = intersect(S * c, Mpi(-1, 1));
    const Mpi as = asin(q);
    const Mpi root = sqrt(intersect(Mpi(1 - q * q), Mpi(0, 1)));  // sqrt(1 - q^2)
    p.eta += k.alpha * (q * as + root - 1) / t.two_pi;
    const Mpi dK = as / t.two_pi;  // K'(q)
    if (with_derivatives) {
      p.eta_s += k.alpha * dK * c;
      p.eta_t += k.alpha * dK * S * (-st);
    }
    if (k.smooth) continue;
    const Mpi b = k.g * st + k.e * c;
    p.eta += as * S * b / t.two_pi;
    if (!with_derivatives) continue;
    const Mpi db = k.g * c - k.e * st;
    p.eta_s += c * S * b / (t.two_pi * root) + as * b / t.two_pi;
    p.eta_t += (-st) * S * S * b / (t.two_pi * root) + as * S * db / t.two_pi;
  }
  for (const KernelDipole& d : t.dipoles) {
    const DiscDipole dd = disc_dipole(t, d, S, Theta, with_derivatives);
    p.eta += dd.value;
    if (!with_derivatives) continue;
    p.eta_s += dd.d_s;
    p.eta_t += dd.d_t;
  }
  for (const TouchingPoint& tp : t.touching) {
    const Mpi tau = Theta - tp.phi;
    const Mpi c = cos(tau), st = sin(tau);
    const Mpi q = intersect(S * c, Mpi(-1, 1));
    const Mpi root = sqrt(intersect(Mpi(1 - q * q), Mpi(0, 1)));
    const Mpi delta = acos(abs(q));
    p.delta.push_back(delta);
    if (!with_derivatives) continue;
    // delta = acos(s |c|): d/ds = -|c| / root; d/dtheta = s sign(c) sin(tau) / root, with
    // sign(c) in [-1, 1] where c may vanish (the hull of the one-sided slopes).
    const Mpi sign_c = lo(c) > 0 ? Mpi(1) : hi(c) < 0 ? Mpi(-1) : Mpi(-1, 1);
    p.delta_s.push_back(-abs(c) / root);
    p.delta_t.push_back(S * sign_c * st / root);
  }
  return p;
}

// F = |eta| + rho delta^2 - 1 on the box: plain enclosure intersected with the mean-value
// form around the box's centre.
// When the plain enclosure alone is at most `settled` (it proves the box), it is returned
// without the derivatives: the caller's decision is the same and costs a third.
Mpi disc_excess(const AngleTerms& t, const Mp& s0, const Mp& s1, const Mp& a, const Mp& b, const Mpi& rho,
                const Mp& settled) {
  const Mpi S = hull(s0, s1), Theta = hull(a, b);
  const DiscPoint box_value = enclose_disc(t, S, Theta, false);
  Mpi delta2 = box_value.delta[0] * box_value.delta[0];
  for (std::size_t i = 1; i < box_value.delta.size(); ++i)
    delta2 = interval_min(delta2, box_value.delta[i] * box_value.delta[i]);
  const Mpi plain = abs(box_value.eta) + rho * delta2 - 1;
  if (hi(plain) <= settled) return plain;
  const DiscPoint box = enclose_disc(t, S, Theta, true);

  const Mp sm = (s0 + s1) / 2, tm = (a + b) / 2;
  const DiscPoint centre = enclose_disc(t, Mpi(sm), Mpi(tm), false);
  const Mpi ds = hull(Mp(s0 - sm), Mp(s1 - sm)), dt = hull(Mp(a - tm), Mp(b - tm));
  const Mpi eta_mv = centre.eta + box.eta_s * ds + box.eta_t * dt;
  Mpi delta2_mv;
  for (std::size_t i = 0; i < box.delta.size(); ++i) {
    const Mpi d2 = centre.delta[i] * centre.delta[i] + 2 * box.delta[i] * (box.delta_s[i] * ds + box.delta_t[i] * dt);
    delta2_mv = i == 0 ? d2 : interval_min(delta2_mv, d2);
  }
  const Mpi mv = abs(eta_mv) + rho * delta2_mv - 1;
  return intersect(plain, mv);
}

// delta / sin(delta), increasing on [0, pi), 1 at 0: its enclosure over [lo, hi].
Mpi delta_over_sine(const Mpi& delta) {
  auto at = [](const Mp& x) { return x == 0 ? Mpi(1) : Mpi(Mpi(x) / sin(Mpi(x))); };
  return hull(lo(at(lo(delta))), hi(at(hi(delta))));
}

// On a strip box at touching point j: s_j d eta / ds + rho d delta_j^2 / ds, without the
// e part of the beta term of a centre sitting at the touching point (it is O(eps); its
// whole variation is added to tau instead), and with sin(tau_j) / sqrt(1 - q_j^2)
// replaced by its enclosure within [-1, 1] (it is bounded by 1 in absolute value because
// s <= 1, though its enclosure blows up at s = 1, tau = 0).
// Also returns s_j eta on the box, which must stay positive.
struct StripBounds {
  Mpi slope;
  Mpi signed_eta;
};

StripBounds strip_bounds(const AngleTerms& t, std::size_t j, const Mpi& S, const Mpi& Theta, const Mpi& rho) {
  const TouchingPoint& tp = t.touching[j];
  Mpi eta_s(0), eta(0);
  for (std::size_t i = 0; i < t.centres.size(); ++i) {
    const KernelCentre& k = t.centres[i];
    const Mpi tau = Theta - k.phi;
    const Mpi c = cos(tau), st = sin(tau);
    const Mpi q = intersect(S * c, Mpi(-1, 1));
    const Mpi as = asin(q);
    const Mpi root = sqrt(intersect(Mpi(1 - q * q), Mpi(0, 1)));
    eta += k.alpha * (q * as + root - 1) / t.two_pi;
    eta_s += k.alpha * as / t.two_pi * c;
    if (k.smooth) continue;
    const Mpi b = k.g * st + k.e * c;
    eta += as * S * b / t.two_pi;
    if (static_cast<int>(i) != tp.centre) {
      eta_s += c * S * b / (t.two_pi * root) + as * b / t.two_pi;
      continue;
    }
    const Mpi ratio = intersect(Mpi(st / root), Mpi(-1, 1));
    eta_s += c * S * k.g * ratio / t.two_pi + as * k.g * st / t.two_pi;
  }
  for (const KernelDipole& d : t.dipoles) {
    const DiscDipole dd = disc_dipole(t, d, S, Theta, true);
    eta += dd.value;
    eta_s += dd.d_s;
  }
  const Mpi c_j = cos(Theta - tp.phi);
  const Mpi q_j = intersect(S * abs(c_j), Mpi(0, 1));
  const Mpi delta_j = acos(q_j);
  const Mpi delta2_s = -2 * abs(c_j) * delta_over_sine(delta_j);  // d/ds acos(s|c|)^2
  return {tp.sign * eta_s + rho * delta2_s, tp.sign * eta};
}

// On a box [s0, 1] x Theta touching the circle: true when F = |eta| + rho delta^2 - 1 is
// proved nondecreasing in s there, so that F(s, theta) <= F(1, theta) <= tau by the circle's
// proof. F = min_k G_k with G_k = sigma eta + rho delta_k^2 - 1 (sigma the fixed sign of eta
// on the box, delta_k the angle to touching line k), and a minimum of nondecreasing
// functions is nondecreasing: every dG_k/ds >= 0 is required.
bool radially_increasing(const AngleTerms& t, const Mpi& S, const Mpi& Theta, const Mpi& rho) {
  const DiscPoint p = enclose_disc(t, S, Theta, true);
  const Mpi sigma = lo(p.eta) > 0 ? Mpi(1) : hi(p.eta) < 0 ? Mpi(-1) : Mpi(0);
  if (lo(sigma) == 0) return false;
  const Mpi eta_s = sigma * p.eta_s;
  if (!(lo(eta_s) >= 0)) return false;
  for (const TouchingPoint& tp : t.touching) {
    const Mpi c = abs(cos(Theta - tp.phi));
    const Mpi delta = acos(intersect(Mpi(S * c), Mpi(0, 1)));
    if (!(lo(eta_s - 2 * rho * c * delta_over_sine(delta)) >= 0)) return false;  // d/ds acos(s|c|)^2
  }
  return true;
}

// A box of |y| in [s0, s1] by span angle in [a, b], and its four quarters.
struct Box {
  Mp s0, s1, a, b;
  unsigned depth;
};

void quadrisect(const Box& box, std::vector<Box>& out) {
  const Mp sm = (box.s0 + box.s1) / 2, tm = (box.a + box.b) / 2;
  const unsigned d = box.depth + 1;
  out.push_back({box.s0, sm, box.a, tm, d});
  out.push_back({sm, box.s1, box.a, tm, d});
  out.push_back({box.s0, sm, tm, box.b, d});
  out.push_back({sm, box.s1, tm, box.b, d});
}

}  // namespace

DiscEnclosure enclose_kernel_sum_on_disc(const AngleTerms& t, const Mp& s_lo, const Mp& s_hi, const Mp& theta_lo,
                                         const Mp& theta_hi) {
  const DiscPoint p = enclose_disc(t, hull(s_lo, s_hi), hull(theta_lo, theta_hi), true);
  return {p.eta, p.eta_s, p.eta_t};
}

DecayProofResult prove_decay_on_disc(const Certificate<Mp>& c, const DecayProofOptions& o) {
  if (c.rank() != 2) return prove_decay_on_circle(c, o);  // Unsupported
  return prove_kernel_sum_decay_on_disc(angle_terms(c), o);
}

DecayProofResult prove_kernel_sum_decay_on_disc(const AngleTerms& t, const DecayProofOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  DecayProofResult result = prove_kernel_sum_decay_on_circle(t, o);
  if (result.status != DecayProofResult::Status::Proved) return result;
  const Mp tau = result.tau_used;  // o.tau, or what the circle's caps derived
  const Mpi rho(o.rho);
  const Mp cap = result.cap_rad, pi_hi = hi(t.pi);
  const Mp strip = Mp("0.02");  // x0: the strips are s in [0.98, 1]
  auto fail = [&](DecayProofResult::Status status, const std::string& why) {
    result.status = status;
    result.detail = why;
    result.seconds = elapsed();
    return result;
  };

  // The rest of the half-disc (eta(-y) = eta(y)): s in [0, 1 - x0] for every theta, and
  // the strip s in [1 - x0, 1] away from the caps.
  std::vector<Box> boxes;
  // Polar grid: 20 rings, each cut into angle boxes of about the ring's width in arc length
  // (2 degrees at most), so the boxes near the centre are not needlessly thin.
  const Mp ds = (1 - strip) / 20, dt = pi_hi / 90;
  for (Mp s = 0; s < 1 - strip; s += ds) {
    const Mp s1 = std::min(Mp(s + ds), Mp(1 - strip));
    const Mp ring_dt = std::max(dt, Mp(pi_hi / ceil(pi_hi * s1 / ds)));
    for (Mp a = 0; a < pi_hi; a += ring_dt) boxes.push_back({s, s1, a, std::min(Mp(a + ring_dt), pi_hi), 0});
  }
  std::vector<std::pair<Mp, Mp>> caps;
  for (const TouchingPoint& tp : t.touching) {
    Mp centre = (lo(tp.phi) + hi(tp.phi)) / 2;
    centre -= pi_hi * floor(centre / pi_hi);
    for (int shift : {-1, 0, 1}) caps.emplace_back(centre - cap + shift * pi_hi, centre + cap + shift * pi_hi);
  }
  std::sort(caps.begin(), caps.end());
  Mp cursor = 0;
  auto add_strip = [&](const Mp& a, const Mp& b) {
    for (Mp x = a; x < b; x += dt) boxes.push_back({Mp(1) - strip, Mp(1), x, std::min(Mp(x + dt), b), 0});
  };
  for (const auto& [a, b] : caps) {
    if (b <= cursor || a >= pi_hi) continue;
    if (a > cursor) add_strip(cursor, a);
    cursor = std::max(cursor, b);
  }
  if (cursor < pi_hi) add_strip(cursor, pi_hi);

  std::size_t unsettled = 0;
  while (!boxes.empty()) {
    const Box box = boxes.back();
    boxes.pop_back();
    ++result.boxes;
    result.max_depth = std::max(result.max_depth, box.depth);
    if (result.boxes > o.max_boxes || elapsed() > o.max_seconds)
      return fail(DecayProofResult::Status::Budget, "box or time budget exhausted inside the disc");
    const Mpi excess = disc_excess(t, box.s0, box.s1, box.a, box.b, rho, tau);
    if (hi(excess) <= tau) {
      result.worst_upper = std::max(result.worst_upper, Mp(hi(excess) - tau));
      continue;
    }
    if (lo(excess) > 0) {
      result.status = DecayProofResult::Status::Violated;
      result.counter_lo = box.a;
      result.counter_hi = box.b;
      result.counter_excess = lo(excess);
      result.detail = "inside the disc, |y| in [" + to_decimal(box.s0, 8) + ", " + to_decimal(box.s1, 8) + "]";
      result.seconds = elapsed();
      return result;
    }
    if (box.s1 == 1 && radially_increasing(t, hull(box.s0, box.s1), hull(box.a, box.b), rho)) {
      ++result.boxes;  // the monotonicity test is a second enclosure of the box
      continue;
    }
    if (box.depth >= 40) {  // unsettled: keep looking, a counterexample elsewhere decides
      ++unsettled;
      continue;
    }
    quadrisect(box, boxes);
  }
  if (unsettled > 0)
    return fail(DecayProofResult::Status::Budget,
                std::to_string(unsettled) + " boxes inside the disc unsettled at the bisection depth limit");

  // Last, the strips: they can only fail to be proved, never refute, so a counterexample
  // elsewhere is reported first.
  // Strips at the touching points: dF/ds >= 0 and s_j eta > 0, by bisection.
  Mp e_max(0);
  for (std::size_t j = 0; j < t.touching.size(); ++j) {
    const TouchingPoint& tp = t.touching[j];
    if (tp.centre >= 0) {
      const Mpi& e = t.centres[static_cast<std::size_t>(tp.centre)].e;
      e_max = std::max(e_max, Mp(std::max(abs(lo(e)), abs(hi(e)))));
    }
    const Mp centre = (lo(tp.phi) + hi(tp.phi)) / 2;
    std::vector<Box> boxes;
    for (int k = 0; k < 8; ++k)
      boxes.push_back({Mp(1) - strip, Mp(1), centre - cap + 2 * cap * k / 8, centre - cap + 2 * cap * (k + 1) / 8, 0});
    while (!boxes.empty()) {
      const Box box = boxes.back();
      boxes.pop_back();
      ++result.boxes;
      result.max_depth = std::max(result.max_depth, box.depth);
      if (result.boxes > o.max_boxes || elapsed() > o.max_seconds)
        return fail(DecayProofResult::Status::Budget, "box or time budget exhausted in the strips");
      const StripBounds sb = strip_bounds(t, j, hull(box.s0, box.s1), hull(box.a, box.b), rho);
      if (lo(sb.slope) >= 0 && lo(sb.signed_eta) > 0) continue;
      if (box.depth >= 24)
        return fail(DecayProofResult::Status::Budget,
                    "strip at touching point " + std::to_string(j + 1) + ": F not proved increasing towards the circle");
      quadrisect(box, boxes);
    }
  }
  // The dropped e_j terms vary by at most |e_j| / 2 along s.
  result.tau_used = tau + e_max / 2;

  result.seconds = elapsed();
  return result;
}

}  // namespace zg
