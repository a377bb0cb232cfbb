// Rebuilding the bisection tree of a cover (docs/proofs.md §2, §7): a cell either is one
// leaf, or all its leaves lie on one side of the midpoint of some coordinate (the cell
// is halved there and each half checked); a half without leaves is a gap, a leaf across
// every midpoint is not a cell of any bisection tree.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "certificate_checker/certificate_data.hpp"

namespace zg::checker {

struct CoverResult {
  enum class Kind { covered, gap, malformed };
  Kind kind = Kind::covered;
  Box cell;              // gap: a cell no leaf covers; malformed: the cell being split
  std::size_t item = 0;  // malformed: the offending entry of `all`
  std::string detail;    // malformed: what is wrong
};

/// Checks that the boxes all[i], i in `members`, are the leaves of a bisection tree of
/// `root`. Precondition: each lies inside root with lo < hi. Iterative (no recursion);
/// cost O(#members × depth × dims).
CoverResult check_cover(const Box& root, const std::vector<Box>& all, const std::vector<std::size_t>& members);

/// "[[lo, hi], ...]" with exact decimals.
std::string box_string(const Box& b);

}  // namespace zg::checker
