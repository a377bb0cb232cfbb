// Bisection-tree rebuild of leaf covers (see cover_tree.hpp).
#include "certificate_checker/cover_tree.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "certificate_checker/decimal.hpp"

namespace zg::checker {
namespace {

// (lo + hi)/2 when it is exactly a double (halving is exact away from subnormals, and the
// sum is exact when TwoSum's error term vanishes); nullopt otherwise: then no leaf corner
// can lie at the midpoint and the cell cannot be split there.
std::optional<double> exact_midpoint(double lo, double hi) {
  const double a = 0.5 * lo;
  const double b = 0.5 * hi;
  if (a * 2 != lo || b * 2 != hi) return std::nullopt;
  const double s = a + b;
  const double bb = s - a;
  const double err = (a - (s - bb)) + (b - bb);
  if (err != 0) return std::nullopt;
  if (!(lo < s && s < hi)) return std::nullopt;
  return s;
}

bool same_box(const Box& a, const Box& b) {
  for (int k = 0; k < a.dims; ++k)
    if (a.lo[k] != b.lo[k] || a.hi[k] != b.hi[k]) return false;
  return true;
}

struct Node {
  Box cell;
  std::size_t begin;
  std::size_t end;
};

}  // namespace

std::string box_string(const Box& b) {
  std::string s = "[";
  for (int k = 0; k < b.dims; ++k) {
    if (k) s += ", ";
    s += "[" + exact_decimal(b.lo[k]) + ", " + exact_decimal(b.hi[k]) + "]";
  }
  return s + "]";
}

CoverResult check_cover(const Box& root, const std::vector<Box>& all, const std::vector<std::size_t>& members) {
  std::vector<std::size_t> idx = members;
  std::sort(idx.begin(), idx.end());
  std::vector<Node> stack;
  stack.push_back({root, 0, idx.size()});
  while (!stack.empty()) {
    const Node node = stack.back();
    stack.pop_back();
    const std::size_t n = node.end - node.begin;
    CoverResult res;
    res.cell = node.cell;
    if (n == 0) {
      res.kind = CoverResult::Kind::gap;
      return res;
    }
    if (n == 1 && same_box(all[idx[node.begin]], node.cell)) continue;
    int split = -1;
    double mid = 0;
    for (int k = 0; k < node.cell.dims && split < 0; ++k) {
      const std::optional<double> m = exact_midpoint(node.cell.lo[k], node.cell.hi[k]);
      if (!m) continue;
      bool ok = true;
      for (std::size_t p = node.begin; p < node.end && ok; ++p) {
        const Box& b = all[idx[p]];
        ok = b.hi[k] <= *m || b.lo[k] >= *m;
      }
      if (ok) {
        split = k;
        mid = *m;
      }
    }
    if (split < 0) {
      res.kind = CoverResult::Kind::malformed;
      for (std::size_t p = node.begin; p < node.end; ++p) {
        if (same_box(all[idx[p]], node.cell)) {
          res.item = idx[p];
          res.detail = "it overlaps other boxes of the same cover (it is the whole cell " + box_string(node.cell) +
                       ", which holds " + std::to_string(n - 1) + " more)";
          return res;
        }
      }
      res.item = idx[node.begin];
      for (int k = 0; k < node.cell.dims; ++k) {
        const std::optional<double> m = exact_midpoint(node.cell.lo[k], node.cell.hi[k]);
        if (!m) continue;
        for (std::size_t p = node.begin; p < node.end; ++p) {
          const Box& b = all[idx[p]];
          if (b.lo[k] < *m && *m < b.hi[k]) {
            res.item = idx[p];
            res.detail = "it is not a cell of the bisection tree: it straddles the midpoint " + exact_decimal(*m) +
                         " of coordinate " + std::to_string(k) + " of the cell " + box_string(node.cell);
            return res;
          }
        }
      }
      res.detail = "the cell " + box_string(node.cell) + " cannot be halved exactly";
      return res;
    }
    const auto first = idx.begin() + static_cast<std::ptrdiff_t>(node.begin);
    const auto last = idx.begin() + static_cast<std::ptrdiff_t>(node.end);
    // stable_partition keeps index order, so the first gap found is deterministic.
    const auto cut = std::stable_partition(first, last, [&](std::size_t i) { return all[i].hi[split] <= mid; });
    const std::size_t c = static_cast<std::size_t>(cut - idx.begin());
    Node left{node.cell, node.begin, c};
    Node right{node.cell, c, node.end};
    left.cell.hi[split] = mid;
    right.cell.lo[split] = mid;
    stack.push_back(right);
    stack.push_back(left);
  }
  return {};
}

}  // namespace zg::checker
