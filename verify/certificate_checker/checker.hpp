// The checking procedure behind check_certificate_file (docs/proofs.md §1–§6), callable on
// a certificate already read, with its options and a structured result (for tests).
#pragma once

#include <cstddef>
#include <string>

#include "certificate_checker/certificate_data.hpp"

namespace zg::checker {

struct CheckOptions {
  /// Worker threads for leaves and pieces (1 = serial); more only when MPFR is thread-safe.
  int threads = 2;
  /// Extra working bits above the certificate's precision_bits: margin for the outward
  /// rounding of a different arithmetic (MPFI vs Arb) on the same formulas. The header
  /// data, h0, γ and conditions (a), (c) are computed at this full precision.
  long extra_bits = 32;
  /// Bits of the first attempt at every box (leaf, piece): the data rounded outward to
  /// this many bits; an item that fails is retried at the full precision.
  long box_precision_bits = 64;
  /// Enclosure evaluations allowed per item when the whole-item enclosure is too wide:
  /// the checker then proves the item on halves (still a proof of the item).
  int refine_budget = 64;
};

struct CheckResult {
  enum class Status { proved, witness_holds, failed };
  Status status = Status::failed;
  /// Failed: "leaf 17 (face 1, box [[-0.5, -0.4375]], enclosure): ..." — the first item.
  std::string failure;
  /// Proved / witness: the statement and the counts.
  std::string summary;
  std::size_t enclosure_leaves = 0;
  std::size_t mean_value_leaves = 0;
  std::size_t refined_items = 0;
  std::size_t cap_leaves = 0;
  std::size_t strip_leaves = 0;
  std::size_t cap_pieces = 0;
  std::size_t strip_pieces = 0;
  double seconds = 0;
};

/// Checks a certificate. Throws CertificateFormatError for structural faults found only
/// here (a box that is not a cell of the bisection tree, overlapping leaves).
CheckResult check_certificate(const Certificate& c, const CheckOptions& options = {});

}  // namespace zg::checker
