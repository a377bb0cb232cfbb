// The rank-r decay proof of docs/proofs.md on Arb balls (claim D2c, and D3's kernel sums):
//     |eta(y)| <= 1 + tau - rho delta(y)^2   on S^{r-1} (d = r) or B^r (d > r),
// for the kernel sum stated by exact decimals. Caps at the touching points (§4), strips
// inside the ball (§5), the main cover by branch-and-bound (§3), all through the one
// engine of core/branch_and_bound.hpp; the result is the certificate's content (§7),
// which an independent MPFI checker replays.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/branch_and_bound.hpp"
#include "core/certificate.hpp"
#include "core/decay_certificate.hpp"
#include "core/kernel_sum_ball.hpp"

namespace zg {

struct DecayProverOptions {
  std::string rho = "0";         ///< the decay constant to prove (exact decimal, >= 0)
  /// tau' (exact decimal). Empty: derived from the caps, tau' = max_j (sup h0_j + gamma_j T_j - 1)
  /// rounded up to 3 digits (0 if negative), which must not exceed max_tau_prime.
  std::string tau_prime;
  std::string max_tau_prime = "1e-30";
  long precision_bits = 192;     ///< the inputs and the cap constants h0, gamma
  long box_precision_bits = 64;  ///< every box enclosure (wide balls need few bits)
  double cap_deg = 3;            ///< target cap half-width, shrunk below a quarter of the nearest other line
  int strip_log2 = 4;            ///< strips start at s0 = 1 - 2^-strip_log2 (ball)
  std::size_t max_boxes = 50'000'000;  ///< budget: boxes of every cover together
  /// Boxes of the first look for a violation (largest excess first, no caps); 0: none.
  std::size_t hunt_boxes = 1000;
  double max_seconds = 600;            ///< budget: wall time of the whole proof
  std::function<void(const bnb::Progress&)> progress;  ///< main cover progress (optional)
  std::size_t progress_every = 0;
};

/// Proves the bound for the kernel sum `input` (docs/proofs.md §1). Outcome Proved: every
/// leaf, cap and strip in the certificate holds (each an Arb proof); Violated: the
/// witness box has inf (|eta~| + rho delta^2 - 1) > sum sup|e_i|/4 proved, so the bound
/// fails for eta with tau = 0; Budget: neither, with the statistics of how far it got.
/// Deterministic for the same input and options (a time budget aside). Throws
/// std::invalid_argument for malformed input (core/kernel_sum_ball.hpp).
DecayCertificate prove_kernel_sum_decay(const decay::KernelSumInput& input, const DecayProverOptions& options);

/// D2c: the pre-certificate of docs/math.md §4 for the teacher directions `directions` (exact
/// decimals in R^d, in the teacher's order), with alpha and beta taken from `c` rounded to
/// `coefficient_digits` significant digits (the statement is about exactly those
/// decimals; the rounding happens before the proof). Every centre touches, with sign
/// c.signs(i). `weights` are recorded as given.
DecayCertificate prove_precertificate_decay(const std::vector<std::vector<std::string>>& directions,
                                            const std::vector<std::string>& weights, const Certificate<Mp>& c,
                                            const DecayProverOptions& options, unsigned coefficient_digits = 60);

/// The columns of W as decimal rows with `digits` significant digits (exact zeros as "0").
/// Round to nearest: for stating an input, never inside a proof.
std::vector<std::vector<std::string>> decimal_columns(const Mat<Mp>& W, unsigned digits);
/// The same for one vector.
std::vector<std::string> decimal_entries(const Vec<Mp>& v, unsigned digits);

}  // namespace zg
