// A decay certificate (core/decay_certificate.hpp) as the JSON file of docs/proofs.md §7,
// which `verify check-certificate` replays with its own MPFI code.
#pragma once

#include <string>

#include "core/decay_certificate.hpp"

namespace zg {

/// The certificate file's text: JSON ending in a newline, keys in the order of
/// docs/proofs.md §7, one leaf (and one cap or strip piece) per line, every number a decimal string. Deterministic: the same
/// certificate gives the same bytes. Statistics go under "statistics" (the checker
/// ignores them). Budget outcomes are written too (they prove nothing, and say so in
/// "outcome").
std::string decay_certificate_json(const DecayCertificate& c);

}  // namespace zg
