// The driver of the rank-r decay proof (core/decay_proof.hpp): caps, then strips, then
// the main cover, each through the branch-and-bound engine; then the certificate.
#include "core/decay_proof.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/decay_cap.hpp"
#include "core/decay_main_cover.hpp"
#include "core/decay_record.hpp"
#include "core/decay_strip.hpp"

namespace zg {
namespace {

using namespace decay;

// The cap half-width for touching point j: cap_deg, below a quarter of the angle to the
// nearest other touching line or centre with a beta term, below pi/4; rounded down to a
// multiple of 2^-12 so that halving [0, T] stays exact for 40 levels (later shrinking keeps
// it a multiple of 2^-16). A choice made on
// midpoints (the cap's proof fails safely if it is a bad one).
double cap_half_width(const KernelSum& s, std::size_t j, double cap_deg) {
  const Centre& cj = s.centres[static_cast<std::size_t>(s.touching[j].centre)];
  double T = std::min(cap_deg * M_PI / 180, 0.7);
  for (std::size_t i = 0; i < s.centres.size(); ++i) {
    if (static_cast<int>(i) == s.touching[j].centre) continue;
    bool matters = s.centres[i].has_beta;
    for (const DecayTouching& t : s.touching) matters = matters || t.centre == static_cast<int>(i);
    if (!matters) continue;
    const double cosine = std::min(1.0, std::abs(dot(cj.u, s.centres[i].u).mid_double()));
    T = std::min(T, std::acos(cosine) / 4);
  }
  const double grid = 0x1p-12;
  T = std::floor(T / grid) * grid;
  return T > 0 ? T : grid / 1024;
}

bnb::Options budget_left(const DecayProverOptions& o, std::size_t boxes_used, double seconds_used) {
  bnb::Options b;
  b.max_boxes = boxes_used < o.max_boxes ? o.max_boxes - boxes_used : 0;
  b.max_seconds = std::max(0.0, o.max_seconds - seconds_used);
  return b;
}

std::vector<std::string> row_of(const Vec<Mp>& v, unsigned digits) {
  std::vector<std::string> out;
  for (Eigen::Index k = 0; k < v.size(); ++k) out.push_back(v(k) == 0 ? std::string("0") : to_decimal(v(k), digits));
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> decimal_columns(const Mat<Mp>& W, unsigned digits) {
  std::vector<std::vector<std::string>> out;
  for (Eigen::Index i = 0; i < W.cols(); ++i) out.push_back(row_of(W.col(i), digits));
  return out;
}

std::vector<std::string> decimal_entries(const Vec<Mp>& v, unsigned digits) { return row_of(v, digits); }

DecayCertificate prove_kernel_sum_decay(const KernelSumInput& input, const DecayProverOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  const KernelSum hi = build_kernel_sum(input, o.precision_bits);
  const KernelSum lo = hi.at_precision(o.box_precision_bits);
  const ArbBall rho = ArbBall::decimal(o.rho, o.precision_bits);
  if (!certainly_nonnegative(rho)) throw std::invalid_argument("decay proof: rho must be >= 0");

  DecayCertificate cert;
  cert.claim = "D2c";
  cert.precision_bits = o.precision_bits;
  cert.directions = input.directions;
  cert.basis_skips = hi.basis_skips;
  cert.rank = hi.rank;
  cert.dimension = hi.dimension;
  cert.domain = hi.domain;
  cert.alpha = input.alpha;
  cert.beta = input.beta;
  // The certificate states every coefficient: a centre without a beta term (all of D3's, or
  // an empty input row) gets an explicit row of exact zeros.
  cert.beta.resize(input.directions.size());
  for (std::vector<std::string>& row : cert.beta)
    if (row.empty()) row.assign(static_cast<std::size_t>(hi.rank), "0");
  cert.dipoles = input.dipoles;
  cert.touching = input.touching;
  cert.rho = o.rho;
  DecayStatistics& stats = cert.statistics;
  std::size_t boxes = 0;
  std::string counts;  // boxes per part, for the detail line
  auto account = [&](const bnb::Result& r, const std::string& part) {
    boxes += r.statistics.boxes;
    counts += (counts.empty() ? "" : ", ") + part + " " + std::to_string(r.statistics.boxes);
    stats.max_depth = std::max(stats.max_depth, static_cast<int>(r.statistics.max_depth));
  };
  auto add_detail = [&](const std::string& d) { stats.detail += (stats.detail.empty() ? "" : "; ") + d; };

  // The main cover's data: boxes at the box precision, below width 2^-20 at twice it,
  // below 2^-40 at the data's (precision escalation, core/decay_main_cover.hpp).
  const long mid_bits = std::min(2 * o.box_precision_bits, o.precision_bits);
  const KernelSum mid = hi.at_precision(mid_bits);
  auto cover_for = [&](const ArbBall& tau_p) {
    MainCover cover;
    cover.levels = {{&lo, rho.with_precision(lo.precision), tau_p.with_precision(lo.precision), HUGE_VAL},
                    {&mid, rho.with_precision(mid_bits), tau_p.with_precision(mid_bits), 0x1p-20},
                    {&hi, rho, tau_p, 0x1p-40}};
    cover.regions.resize(hi.touching.size());
    return cover;
  };
  const std::vector<bnb::Root> roots = main_cover_roots(lo.rank, lo.domain);
  auto conclude_violated = [&](const bnb::Result& r) {
    cert.outcome = DecayOutcome::Violated;
    const bnb::OpenBox& w = *r.witness;
    cert.witness = DecayWitness{roots[w.root].tag, decimal_box(w.box), exact_decimal(r.witness_lower)};
    add_detail("violated: inf F > sum sup|e_i|/4 on a box of face " + std::to_string(roots[w.root].tag));
  };

  // A hunt first (§6): the main chart largest excess first, without caps, for a few boxes.
  // A violation found here ends the proof before any cap is tried; otherwise it costs
  // little (its boxes prove nothing and are dropped).
  if (o.hunt_boxes > 0) {
    const MainCover hunt = cover_for(ArbBall::zero(o.precision_bits));
    bnb::Options ho = budget_left(o, boxes, elapsed());
    ho.order = bnb::Order::LargestUpperFirst;
    ho.max_boxes = std::min(ho.max_boxes, o.hunt_boxes);
    const bnb::Evaluator evaluate = [&](std::size_t root, const bnb::Box& box, unsigned) {
      return evaluate_main_box(hunt, roots[root].tag - 1, box);
    };
    const bnb::Result r = bnb::run(roots, evaluate, ho);
    account(r, "hunt");
    if (r.outcome == bnb::Outcome::Violated) {
      conclude_violated(r);
      cert.tau_prime = o.tau_prime.empty() ? "0" : o.tau_prime;
      cert.tau = upper_decimal(ArbBall::decimal(cert.tau_prime, o.precision_bits) + hi.residual_allowance, 20);
      stats.boxes = static_cast<long long>(boxes);
      add_detail("boxes: " + counts);
      stats.seconds = elapsed();
      return cert;
    }
  }

  // Caps (§4): (b) and (c), halving T when (b) is refuted on a piece. Each cap may use a
  // quarter of its share of the budget, so that a hopeless cap leaves the rest to the others
  // and to the main cover, which may still find a violation.
  const std::size_t n_touch = hi.touching.size();
  auto cap_budget = [&]() {
    bnb::Options b = budget_left(o, boxes, elapsed());
    b.max_boxes = std::min(b.max_boxes, o.max_boxes / (4 * n_touch));
    b.max_seconds = std::min(b.max_seconds, o.max_seconds / static_cast<double>(4 * n_touch));
    return b;
  };
  std::vector<CapOutcome> caps(n_touch);
  for (std::size_t j = 0; j < n_touch; ++j) {
    double T = cap_half_width(hi, j, o.cap_deg);
    for (int attempt = 0; attempt < 4; ++attempt) {
      // Sampled points where h'' > -2 rho is proved shrink T before any cover is tried.
      const double bad = first_refuted_sample(lo, static_cast<int>(j), T, rho);
      if (bad < HUGE_VAL) {
        T = std::floor(bad / 2 / 0x1p-16) * 0x1p-16;
        if (T <= 0) break;
        continue;
      }
      caps[j] = prove_cap(hi, lo, static_cast<int>(j), T, rho, cap_budget());
      account(caps[j].cover, "cap " + std::to_string(j));
      if (caps[j].proved || caps[j].cover.outcome != bnb::Outcome::Violated) break;
      T = std::floor(T / 2 / 0x1p-16) * 0x1p-16;
      if (T <= 0) break;
    }
    if (caps[j].failure.empty() && !caps[j].proved) caps[j].failure = "h'' > -2 rho is proved at sampled points of every cap tried";
    if (!caps[j].proved) add_detail("cap " + std::to_string(j) + ": " + caps[j].failure);
  }

  // tau' and condition (a): sup h0 + gamma T <= 1 + tau'.
  std::string tau_prime = o.tau_prime;
  if (tau_prime.empty()) {
    ArbBall need = ArbBall::zero(o.precision_bits);
    const ArbBall most = ArbBall::decimal(o.max_tau_prime, o.precision_bits);
    for (const CapOutcome& c : caps) {
      if (!c.proved) continue;
      const ArbBall n = c.constants.h0 + c.constants.gamma * ArbBall(c.T, o.precision_bits) - 1;
      if (certainly_le(n, most)) need = max(need, n);
    }
    tau_prime = upper_decimal(need, 3);  // need >= 0: the max with 0
  }
  const ArbBall tau_p = ArbBall::decimal(tau_prime, o.precision_bits);
  if (!certainly_nonnegative(tau_p)) throw std::invalid_argument("decay proof: tau' must be >= 0");
  cert.tau_prime = tau_prime;
  std::vector<CoverRegion> regions(n_touch);
  for (std::size_t j = 0; j < n_touch; ++j) {
    if (!caps[j].proved) continue;
    const ArbBall a = caps[j].constants.h0 + caps[j].constants.gamma * ArbBall(caps[j].T, o.precision_bits);
    if (!certainly_le(a, 1 + tau_p)) {
      add_detail("cap " + std::to_string(j) + ": sup h0 + gamma T > 1 + tau' (condition (a))");
      caps[j].proved = false;
      continue;
    }
    regions[j].cap = true;
    regions[j].cos_T = cos(ArbBall(caps[j].T, o.box_precision_bits));
    cert.caps.push_back(caps[j].record);
  }

  // Strips (§5), ball only: s0 = 1 - 2^-k, k raised when a piece refutes dG/ds >= 0.
  if (hi.domain == DecayDomain::Ball) {
    for (std::size_t j = 0; j < n_touch; ++j) {
      if (!regions[j].cap) continue;
      StripOutcome strip;
      for (int k = o.strip_log2; k < o.strip_log2 + 3; ++k) {
        strip = prove_strip(lo, static_cast<int>(j), 1 - std::ldexp(1.0, -k), caps[j].T, rho, cap_budget());
        account(strip.cover, "strip " + std::to_string(j));
        if (strip.proved || strip.cover.outcome != bnb::Outcome::Violated) break;
      }
      if (!strip.proved) {
        add_detail("strip " + std::to_string(j) + ": " + strip.failure);
        continue;
      }
      regions[j].strip = true;
      regions[j].s0 = strip.s0;
      cert.strips.push_back(strip.record);
    }
  }

  // The main cover (§3).
  MainCover cover = cover_for(tau_p);
  cover.regions = regions;
  bnb::Options mo = budget_left(o, boxes, elapsed());
  mo.progress = o.progress;
  mo.progress_every = o.progress_every;
  const bnb::Evaluator evaluate = [&](std::size_t root, const bnb::Box& box, unsigned) {
    return evaluate_main_box(cover, roots[root].tag - 1, box);
  };
  const bnb::Result main = bnb::run(roots, evaluate, mo);
  account(main, "main");
  cert.leaves = leaf_records(roots, main);

  // tau = tau' + sum sup |e_i| / 4, rounded up.
  cert.tau = upper_decimal(tau_p + hi.residual_allowance, 20);
  stats.boxes = static_cast<long long>(boxes);
  stats.fraction_proved = main.statistics.fraction_proved;
  stats.unsettled = static_cast<long long>(main.statistics.unsettled);
  if (main.statistics.hardest) {
    const bnb::OpenBox& h = *main.statistics.hardest;
    stats.hardest = HardestBox{"main", roots[h.root].tag, 1, decimal_box(h.box),
                               std::isfinite(h.upper) ? exact_decimal(h.upper) : std::string("inf")};
  }
  switch (main.outcome) {
    case bnb::Outcome::Proved:
      cert.outcome = DecayOutcome::Proved;
      break;
    case bnb::Outcome::Violated:
      conclude_violated(main);
      cert.leaves.clear();  // a violated proof's leaves prove nothing
      break;
    case bnb::Outcome::Budget:
      cert.outcome = DecayOutcome::Budget;
      add_detail(std::to_string(main.statistics.unsettled) + " boxes unsettled at the smallest width, " +
                 std::to_string(main.statistics.open) + " open");
      break;
  }
  add_detail("boxes: " + counts);
  stats.seconds = elapsed();
  return cert;
}

DecayCertificate prove_precertificate_decay(const std::vector<std::vector<std::string>>& directions,
                                            const std::vector<std::string>& weights, const Certificate<Mp>& c,
                                            const DecayProverOptions& options, unsigned coefficient_digits) {
  KernelSumInput input;
  input.directions = directions;
  input.alpha = decimal_entries(c.alpha, coefficient_digits);
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    input.beta.push_back(decimal_entries(c.beta.col(i), coefficient_digits));
    input.touching.push_back({static_cast<int>(i), c.signs(i) < 0 ? -1 : 1});
  }
  DecayCertificate cert = prove_kernel_sum_decay(input, options);
  cert.weights = weights;
  return cert;
}

}  // namespace zg
